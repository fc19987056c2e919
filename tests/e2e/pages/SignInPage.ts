import { expect, type Page } from '@playwright/test';

/** Sign-in and the forced password change that may follow it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  /** Types the username and password and presses Enter, as a person at the counter would. */
  async signIn(username: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Username').fill(username);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await form.getByRole('textbox', { name: 'Password', exact: true }).press('Enter');
  }

  refusal() {
    return this.page.getByRole('alert');
  }

  async expectRefused(text: string | RegExp): Promise<void> {
    await expect(this.refusal()).toContainText(text);
  }

  async changeTemporaryPassword(temporary: string, chosen: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    const form = this.page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(temporary);
    await form.getByLabel('New password').fill(chosen);
    await form.getByLabel('Confirm password').fill(chosen);
    await form.getByLabel('Confirm password').press('Enter');
  }
}
