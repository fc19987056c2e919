// The teller's counter, as the teller works it from the keyboard: type to find the loan, Enter to take it, the
// amount, Enter (to Confirm, once the allocation is shown), Enter to post; then the receipt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { runToken } from './run';

/** The text of a PDF, as `pdftotext` reads it (layout kept, so label and amount stay on one line). */
export function pdfText(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lms-e2e-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export class CounterPage {
  constructor(private readonly page: Page) {}

  search() {
    return this.page.getByRole('combobox', { name: 'Find a loan' });
  }

  matches() {
    return this.page.getByRole('listbox', { name: 'Matching loans' }).getByRole('option');
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Counter', level: 1 })).toBeVisible();
    await expect(this.search()).toBeFocused();
  }

  /** Types the query into the focused search, checks the first match, and takes it with Enter. */
  async takeLoan(query: string, expected: { customer: string }): Promise<void> {
    await expect(this.search()).toBeFocused();
    await this.page.keyboard.type(query);
    await expect(this.matches().first()).toContainText(expected.customer);
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('loan-customer')).toHaveText(expected.customer);
  }

  confirmButton() {
    return this.page.getByRole('button', { name: /^(Confirm|Pay out)/ });
  }

  /** On an approved loan: the channel is focused (cash); Enter goes to Confirm, Enter there pays out. */
  async disburseInCash(expectedNet: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Disburse' });
    await expect(form.getByTestId('disburse-net')).toHaveText(expectedNet);
    await expect(form.getByRole('radio', { name: 'Cash' })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.confirmButton()).toBeFocused();
    await expect(this.confirmButton()).toHaveText(`Pay out ${expectedNet} in cash`);
    await this.page.keyboard.press('Enter');
    await expect(this.posted()).toBeVisible();
  }

  amount() {
    return this.page.getByRole('textbox', { name: /^Amount/ });
  }

  preview() {
    return this.page.getByRole('table', { name: 'How this repayment would be allocated' });
  }

  /** Types the amount into the focused field and presses Enter: the allocation shows and Confirm is focused. */
  async enterRepayment(amount: string): Promise<void> {
    await expect(this.amount()).toBeFocused();
    await this.page.keyboard.type(amount);
    await this.page.keyboard.press('Enter');
    await expect(this.preview()).toBeVisible();
    await expect(this.confirmButton()).toBeFocused();
  }

  /** The allocation as shown (label → amount), from the preview or the posted panel. */
  async allocationOf(table: ReturnType<Page['getByRole']>): Promise<Record<string, string>> {
    const rows = await table.getByRole('row').all();
    const shown: Record<string, string> = {};
    for (const row of rows) {
      const label = (await row.getByRole('rowheader').innerText()).trim();
      shown[label] = (await row.getByRole('cell').innerText()).trim();
    }
    return shown;
  }

  /**
   * From the keyboard: the amount (focused), Tab to the channel, → to Transfer, Tab to its reference, and
   * Enter there goes to Confirm. (A recovery form has no quick-fill buttons between amount and channel.)
   */
  async enterTransfer(amount: string, reference: string): Promise<void> {
    await expect(this.amount()).toBeFocused();
    await this.page.keyboard.type(amount);
    await this.page.keyboard.press('Tab');
    await expect(this.page.getByRole('radio', { name: 'Cash' })).toBeFocused();
    await this.page.keyboard.press('ArrowRight');
    await expect(this.page.getByRole('radio', { name: 'Transfer' })).toBeChecked();
    await this.page.keyboard.press('Tab');
    await expect(this.page.getByRole('textbox', { name: 'Transfer reference' })).toBeFocused();
    await this.page.keyboard.type(reference);
    await this.page.keyboard.press('Enter');
    await expect(this.confirmButton()).toBeFocused();
  }

  /** Confirm has focus: Enter posts. */
  async confirm(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await expect(this.posted()).toBeVisible();
  }

  posted() {
    return this.page.getByTestId('posted');
  }

  postedAllocation() {
    return this.posted().getByRole('table', { name: 'How the payment was allocated' });
  }

  async receiptNo(): Promise<string> {
    const text = (await this.page.getByTestId('receipt-no').innerText()).trim();
    expect(text).not.toBe('—');
    return text;
  }

  async printReceipt(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Print receipt' })).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /** "Save receipt": the downloaded file's name and bytes. */
  async saveReceipt(): Promise<{ fileName: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Save receipt' }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  /** Calls an API method with the page's own session (as the screens do), for what the screens do not show. */
  private async callApi<T>(method: string, input: unknown): Promise<T> {
    const result = await this.page.evaluate(
      async ({ method, input, runToken }) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${runToken}`,
            'x-lms-session': sessionStorage.getItem('lms.session') ?? '',
          },
          body: JSON.stringify({ input }),
        });
        return (await response.json()) as { data?: unknown; error?: { message: string } };
      },
      { method, input, runToken },
    );
    if (result.error) throw new Error(`${method}: ${result.error.message}`);
    return result.data as T;
  }

  /** The loan's transactions as `loans.get` lists them. */
  async transactions(loanId: string): Promise<{ id: string; type: string; receiptNo: string | null }[]> {
    const loan = await this.callApi<{
      transactions: { id: string; type: string; receiptNo: string | null }[];
    }>('loans.get', { loanId });
    return loan.transactions;
  }

  /** The receipt PDF of a posted transaction, asked of `loans.receipt` from the page with its session. */
  async receiptPdf(loanId: string, receiptNo: string): Promise<Buffer> {
    const transaction = (await this.transactions(loanId)).find((t) => t.receiptNo === receiptNo);
    if (!transaction) throw new Error(`no transaction with receipt ${receiptNo}`);
    const receipt = await this.callApi<{ base64: string }>('loans.receipt', {
      transactionId: transaction.id,
    });
    return Buffer.from(receipt.base64, 'base64');
  }

  /** Confirm, double-clicked, as a hurried teller might. */
  async confirmByDoubleClick(): Promise<void> {
    await this.confirmButton().dblclick();
    await expect(this.posted()).toBeVisible();
  }

  /** F2: back to the search for the next customer. */
  async nextCustomer(): Promise<void> {
    await this.page.keyboard.press('F2');
    await expect(this.search()).toBeFocused();
  }
}
