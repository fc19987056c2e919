import { expect, type Page } from '@playwright/test';

export interface NewStaff {
  username: string;
  displayName: string;
  role: 'Administrator' | 'Branch manager' | 'Loan officer' | 'Teller' | 'Auditor';
  temporaryPassword: string;
}

/** The administrator's Users screen. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  }

  row(username: string) {
    return this.page
      .getByRole('table', { name: 'Staff accounts' })
      .locator(`tr[data-username="${username}"]`);
  }

  async createUser(staff: NewStaff): Promise<void> {
    await this.page.getByRole('button', { name: 'New user' }).click();
    const form = this.page.getByRole('form', { name: 'New user' });
    const field = (name: string) => form.getByRole('textbox', { name, exact: true });
    await field('Username').fill(staff.username);
    await field('Name').fill(staff.displayName);
    await form.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: staff.role, exact: true }).click();
    await field('Temporary password').fill(staff.temporaryPassword);
    await field('Temporary password').press('Enter');
    await expect(form).toBeHidden();
    await expect(this.row(staff.username)).toContainText(staff.displayName);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.expectShown();
  }

  async unlock(username: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${username}` }).click();
    await this.page.getByRole('menuitem', { name: 'Unlock' }).click();
  }
}
