import { expect, type Page } from '@playwright/test';

/** The customer list: search as you type, open a profile, start onboarding. */
export class CustomerListPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  }

  list() {
    return this.page.getByRole('listbox', { name: 'Customers' });
  }

  row(name: string) {
    return this.list().getByRole('option').filter({ hasText: name });
  }

  /** Types in the search box, as the person at the counter would (after pressing "/"). */
  async search(text: string): Promise<void> {
    await this.page.keyboard.press('/');
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }

  async open(name: string): Promise<void> {
    await this.row(name).click();
  }

  async startOnboarding(): Promise<void> {
    await this.page.getByRole('button', { name: 'New customer' }).click();
  }
}
