// The till screen: the teller's own till (open, count and close) and the manager's view of today's tills and
// the vault (confirm an opening, approve a close, move vault cash, print a till's report).
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export class CounterTillPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Till', level: 1 })).toBeVisible();
  }

  // ——— the teller ———

  async askToOpen(openingCash: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Open till' });
    await form.getByRole('textbox', { name: /^Opening cash/ }).fill(openingCash);
    await form.getByRole('button', { name: 'Ask to open the till' }).click();
  }

  waiting() {
    return this.page.getByTestId('till-waiting');
  }

  balance() {
    return this.page.getByTestId('till-balance');
  }

  movements() {
    return this.page.getByRole('table', { name: 'Movements' });
  }

  async startCount(): Promise<void> {
    await this.page.getByRole('button', { name: 'Count and close' }).click();
    await expect(this.page.getByRole('form', { name: 'Count and close' })).toBeVisible();
  }

  /**
   * Counts down the grid from the keyboard, as from a tally sheet: the first cell is focused, each count is
   * typed (blank for none) and Enter moves to the next denomination (by its label, e.g. "KES 1,000.00").
   */
  async count(counts: Record<string, number>): Promise<void> {
    const cells = this.page.getByRole('textbox', { name: /^Count of / });
    await expect(cells.first()).toBeFocused();
    const total = await cells.count();
    for (let i = 0; i < total; i++) {
      // Money is formatted with a no-break space ("KES 1,000.00"); the journey writes a plain one.
      const label = (await cells.nth(i).getAttribute('aria-label'))!
        .replace(/\s/g, ' ')
        .replace(/^Count of /, '');
      if (counts[label] !== undefined) await this.page.keyboard.type(String(counts[label]));
      await this.page.keyboard.press('Enter');
    }
    await expect(this.page.getByRole('textbox', { name: 'Note for the manager' })).toBeFocused();
  }

  countedTotal() {
    return this.page.getByTestId('counted-total');
  }

  variance() {
    return this.page.getByTestId('variance');
  }

  /** Types the note (focused after the grid) and submits the count. */
  async submitCount(note: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Count and close' });
    await expect(form.getByRole('textbox', { name: 'Note for the manager' })).toBeFocused();
    await this.page.keyboard.type(note);
    await form.getByRole('button', { name: 'Submit the count' }).click();
  }

  // ——— the manager ———

  tillRow(tellerName: string) {
    return this.page
      .getByRole('table', { name: 'Today’s tills' })
      .getByRole('row', { name: new RegExp(tellerName) });
  }

  async refreshTills(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  async depositIntoVault(amount: string, reason: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Move vault cash' });
    await form.getByText('Deposit (from the bank)', { exact: true }).click();
    await expect(form.getByRole('radio', { name: 'Deposit (from the bank)' })).toBeChecked();
    await form.getByRole('textbox', { name: /^Amount/ }).fill(amount);
    await form.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await form.getByRole('button', { name: 'Deposit into the vault' }).click();
  }

  vaultBalance() {
    return this.page.getByTestId('vault-balance');
  }

  async confirmOpening(tellerName: string): Promise<void> {
    await this.tillRow(tellerName).getByRole('button', { name: 'Confirm opening' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Confirm the till’s opening cash' });
    await dialog.getByRole('button', { name: 'Confirm opening' }).click();
    await expect(dialog).toBeHidden();
  }

  async approveClose(tellerName: string, note: string): Promise<void> {
    await this.tillRow(tellerName).getByRole('button', { name: 'Approve close' }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`Approve the close of ${tellerName}`) });
    await dialog.getByRole('textbox', { name: /^Note/ }).fill(note);
    await dialog.getByRole('button', { name: 'Approve close' }).click();
    await expect(dialog).toBeHidden();
  }

  /** "Save till report" on a till's row: the downloaded file's name and bytes. */
  async saveReport(tellerName: string): Promise<{ fileName: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.tillRow(tellerName).getByRole('button', { name: 'Save till report' }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }
}
