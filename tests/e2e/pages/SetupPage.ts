import { expect, type Page } from '@playwright/test';

export interface Branch {
  institutionName: string;
  branchCode: string;
  branchName: string;
  currency: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
}

/** First-run setup: the institution, the branch and the first administrator. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Set up this branch' })).toBeVisible();
  }

  async setUp(branch: Branch): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Set up this branch' });
    await form.getByLabel('Institution name').fill(branch.institutionName);
    await form.getByLabel('Branch code').fill(branch.branchCode);
    await form.getByLabel('Branch name').fill(branch.branchName);
    await form.getByLabel('Currency').fill(branch.currency);
    await form.getByLabel('Administrator username').fill(branch.adminUsername);
    await form.getByLabel('Administrator’s full name').fill(branch.adminDisplayName);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(branch.adminPassword);
    await form.getByLabel('Confirm password').fill(branch.adminPassword);
    await form.getByLabel('Confirm password').press('Enter');
  }
}
