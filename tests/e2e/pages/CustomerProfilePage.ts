import { expect, type Page } from '@playwright/test';

/** A customer's profile and its tabs. */
export class CustomerProfilePage {
  constructor(private readonly page: Page) {}

  async expectShown(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  kycStatus() {
    return this.page.getByTestId('kyc-status').first();
  }

  /** Uploads a file of the given kind ("ID document", "Photo", …) on the Documents tab. */
  async uploadDocument(
    kind: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    await this.openTab('Documents');
    const form = this.page.getByRole('form', { name: 'Upload' });
    await form.getByRole('combobox', { name: 'Kind of document' }).click();
    await this.page.getByRole('option', { name: kind, exact: true }).click();
    await form.locator('input[type="file"]').setInputFiles(file);
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect(this.page.getByRole('table', { name: 'Documents' })).toContainText(file.name);
  }

  async verifyKyc(note: string): Promise<void> {
    await this.openTab('KYC');
    const form = this.page.getByRole('form', { name: 'KYC decision' });
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    await form.getByRole('button', { name: 'Verify' }).click();
  }
}
