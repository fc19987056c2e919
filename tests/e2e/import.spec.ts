// A bank's repayments file imported at the branch (Import repayments, a manager: loans.manage): a CSV of two
// transfers on two loans paid out by transfer and one for an account the branch does not have is previewed
// (rows, total, the business date for the row without a value date), posted — two posted, the third refused
// with the core's message and its row number — and imported again: nothing posted twice, the two skipped.
// Runs on the counter journey's ledger (CounterLedger), prepared through `lms call` before its server starts,
// with a second loan paid out by transfer so the file pays two customers.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { admin, CounterLedger, manager, type Person, type PreparedLoan } from './pages/CounterLedger';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const port = 4660;
let ledger: CounterLedger;
let loan: PreparedLoan;
/** The two loans' account numbers, issued when they were paid out. */
let accounts: { achieng: string; baraka: string };
let loanIds: { achieng: string; baraka: string };

interface LoanFacts {
  accountNo: string | null;
  productId: string;
  transactions: { type: string; amountMinor: number; reference: string | null; valueDate: string }[];
}

/** The import screen, as a manager works it: choose the file, read the preview, post, read the result. */
class ImportRepaymentsPage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Import repayments', level: 1 })).toBeVisible();
  }

  /** Chooses a CSV through "Choose a file", as from the file dialog. */
  async chooseCsv(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a file' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  summary() {
    return this.page.getByTestId('import-summary');
  }

  rowsToPost() {
    return this.page.getByRole('table', { name: 'Repayments to post' }).locator('tbody tr');
  }

  problems() {
    return this.page.getByRole('table', { name: 'Problems in the file' }).locator('tbody tr');
  }

  postButton() {
    return this.page.getByRole('button', { name: /^Post \d+ repayments?$/ });
  }

  counts() {
    return this.page.getByTestId('import-counts');
  }

  failedRows() {
    return this.page.getByRole('table', { name: 'Rows not posted' }).locator('tbody tr');
  }
}

/** Another customer's loan: applied for by the manager, approved by the administrator, paid out. */
async function aSecondLoan(productId: string): Promise<string> {
  const customer = await ledger.call<{ id: string }>(manager, 'customers.registerIndividual', {
    firstName: 'Baraka',
    lastName: 'Njoroge',
    dateOfBirth: '1990-07-21',
    gender: 'male',
    idType: 'national_id',
    idNumber: '31456782',
    phone: '+254722400600',
    monthlyIncomeMinor: 5_000_000,
    monthlyExpensesMinor: 1_500_000,
  });
  const applied = await ledger.call<{ id: string }>(manager, 'loans.apply', {
    customerId: customer.id,
    productId,
    principalMinor: 3_000_000,
    repayments: 6,
    annualRate: '24',
    expectedDisbursementDate: loan.today,
    purpose: 'A second motorbike for deliveries',
    overrideReason: 'Known customer; KYC documents follow',
    idempotencyKey: randomUUID(),
  });
  await ledger.call(admin, 'loans.decide', {
    loanId: applied.id,
    decision: 'approve',
    reason: 'Good history',
  });
  await ledger.disburseByTransfer(applied.id);
  return applied.id;
}

const loanFacts = (loanId: string) => ledger.call<LoanFacts>(admin, 'loans.get', { loanId });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ledger = new CounterLedger(port);
  loan = await ledger.prepare();
  await ledger.disburseByTransfer(loan.loanId);
  const first = await loanFacts(loan.loanId);
  const secondId = await aSecondLoan(first.productId);
  const second = await loanFacts(secondId);
  loanIds = { achieng: loan.loanId, baraka: secondId };
  accounts = { achieng: first.accountNo!, baraka: second.accountNo! };
  await ledger.start();
});

test.afterAll(() => ledger?.stop());

/** A business date as the screens write it in English ("Nov 25, 2026"). */
function longDate(date: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: ledger.baseURL });
  const page = await context.newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(person.username, person.password);
  await new AppFrame(page).expectSignedInAs(person.displayName);
  return page;
}

test('a bank file is posted once: two repayments posted, an unknown account refused, the repeat skipped', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, manager);
  const frame = new AppFrame(page);
  const screen = new ImportRepaymentsPage(page);
  // The business date is a day behind: end-of-day runs at sign-in; the file is imported after it.
  await expect(page.getByTestId('eod-banner')).toContainText('End-of-day done', { timeout: 20_000 });
  await expect(frame.statusBar()).toContainText(`Business date ${longDate(loan.today)}`);
  const file = [
    'Account Number,Amount,Value Date,Reference',
    `${accounts.achieng},"1,500.00",${loan.today},MPESA-RK41`,
    `${accounts.baraka},"2,250.50",,MPESA-RK42`,
    `NBO01-99-999999,100.00,${loan.businessDate},MPESA-RK43`,
    '',
  ].join('\r\n');

  await test.step('the manager chooses the bank’s file and sees what it holds', async () => {
    await frame.goTo('Import repayments');
    await screen.expectShown();
    await screen.chooseCsv('collections-2026-11.csv', file);
    await expect(screen.summary()).toHaveText('3 repayments to post, KES 3,850.50 in all.');
    await expect(screen.rowsToPost()).toHaveCount(3);
    await expect(screen.rowsToPost().nth(0)).toContainText(accounts.achieng);
    await expect(screen.rowsToPost().nth(0)).toContainText('KES 1,500.00');
    await expect(screen.rowsToPost().nth(1)).toContainText('KES 2,250.50');
    await expect(screen.rowsToPost().nth(1)).toContainText(`${longDate(loan.today)} (business date)`);
    await expect(screen.postButton()).toHaveText('Post 3 repayments');
    await expect(screen.postButton()).toBeEnabled();
    await page.screenshot({ path: screenshotPath('import-01-preview') });
  });

  await test.step('posting it posts two repayments and names the row it could not post', async () => {
    await screen.postButton().click();
    await expect(screen.counts()).toHaveText('2 posted, 0 skipped (imported before), 1 failed.');
    await expect(screen.failedRows()).toHaveCount(1);
    await expect(screen.failedRows().first().locator('td').first()).toHaveText('4'); // the file's row 4
    await expect(screen.failedRows().first()).toContainText(
      'there is no loan with account number NBO01-99-999999',
    );
    await page.screenshot({ path: screenshotPath('import-02-posted') });
  });

  await test.step('the same file imported again posts nothing twice', async () => {
    await screen.chooseCsv('collections-2026-11.csv', file);
    await expect(screen.summary()).toHaveText('3 repayments to post, KES 3,850.50 in all.');
    await screen.postButton().click();
    await expect(screen.counts()).toHaveText('0 posted, 2 skipped (imported before), 1 failed.');
    await page.screenshot({ path: screenshotPath('import-03-again') });
  });

  await test.step('a bad amount is named by its row, and posting waits until the row is left out', async () => {
    await screen.chooseCsv(
      'collections-fixed.csv',
      [
        'Account Number,Amount,Reference',
        `${accounts.achieng},"1,5",MPESA-RK44`,
        `${accounts.baraka},80,MPESA-RK45`,
      ].join('\n'),
    );
    await expect(screen.problems()).toHaveCount(1);
    await expect(screen.problems().first().locator('td').first()).toHaveText('2');
    await expect(screen.problems().first()).toContainText('“1,5” is not an amount');
    await expect(screen.postButton()).toHaveText('Post 1 repayment');
    await expect(screen.postButton()).toBeDisabled();
    await page.getByRole('checkbox', { name: /^Leave out the row with problems/ }).check();
    await expect(screen.postButton()).toBeEnabled();
    await page.screenshot({ path: screenshotPath('import-04-problems') });
  });

  await test.step('each loan holds its one transfer repayment, with the bank’s reference', async () => {
    for (const [loanId, amountMinor, reference, valueDate] of [
      [loanIds.achieng, 150_000, 'MPESA-RK41', loan.today],
      [loanIds.baraka, 225_050, 'MPESA-RK42', loan.today], // no value date in the file: the business date
    ] as const) {
      // Asked through the page's session: the CLI must not write the ledger while the server serves it.
      const answer = await frame.callApiDirectly('loans.get', { loanId });
      const repayments = (answer.data as LoanFacts).transactions.filter((x) => x.type === 'repayment');
      expect(repayments).toEqual([expect.objectContaining({ amountMinor, reference, valueDate })]);
    }
  });
});
