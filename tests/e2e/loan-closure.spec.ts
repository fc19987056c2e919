// The rest of the issue's "Done when", on a ledger of its own: a loan paid out (by transfer, through `lms
// call`) is served again forty days later — the server's clock pinned there with LMS_NOW — so its first
// installment is late: end-of-day runs at the teller's sign-in, the counter shows the days past due and the
// penalty, a first repayment pays the penalty before anything else, and a second one of the payoff amount
// closes the loan. Both receipts' PDFs are read back with pdftotext.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { CounterLedger, teller, type Person, type PreparedLoan } from './pages/CounterLedger';
import { CounterPage, pdfText } from './pages/CounterPage';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const port = 4640;
let ledger: CounterLedger;
let loan: PreparedLoan;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ledger = new CounterLedger(port);
  loan = await ledger.prepare();
  await ledger.disburseByTransfer(loan.loanId);
  await ledger.start({ LMS_NOW: new Date(Date.now() + 40 * 86_400_000).toISOString() });
});

test.afterAll(() => ledger?.stop());

async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: ledger.baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(person.username, person.password);
  await new AppFrame(page).expectSignedInAs(person.displayName);
  return page;
}

test('a late installment: the penalty is paid first, and the payoff closes the loan', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, teller);
  await expect(page.getByTestId('eod-banner')).toContainText('End-of-day done', { timeout: 20_000 });
  await new AppFrame(page).goTo('Counter');
  const counter = new CounterPage(page);
  /** Transfer, with its reference; Enter in the reference goes to Confirm. */
  const byTransfer = async (reference: string) => {
    await page.getByRole('radio', { name: 'Cash' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Transfer' })).toBeChecked();
    const field = page.getByRole('textbox', { name: 'Transfer reference' });
    await field.fill(reference);
    await expect(counter.preview()).toBeVisible();
    await counter.confirmButton().click();
    await expect(counter.posted()).toBeVisible();
  };
  await counter.expectShown();
  await counter.takeLoan(loan.phone, { customer: loan.customerName });

  await test.step('a first, late repayment pays the penalty before interest and principal', async () => {
    await counter.amount().fill('1,000');
    await byTransfer('MPESA-LATE-1');
    const posted = await counter.allocationOf(counter.postedAllocation());
    expect(posted['Penalties']).toMatch(/^KES\s[1-9]/);
    const receiptNo = await counter.receiptNo();
    const text = pdfText(await counter.receiptPdf(loan.loanId, receiptNo));
    expect(text).toContain(receiptNo);
    expect(text).toContain('1,000.00');
    await page.screenshot({ path: screenshotPath('closure-01-late-repayment') });
  });

  await test.step('a second repayment of the payoff amount closes the loan', async () => {
    await counter.nextCustomer();
    await counter.takeLoan(loan.phone, { customer: loan.customerName });
    const payoff = (await page.getByRole('button', { name: /^Pay off: / }).innerText()).replace(
      /^.*KES\s*/,
      '',
    );
    await counter.amount().fill(payoff);
    await byTransfer('MPESA-PAYOFF');
    await expect(counter.posted()).toContainText('The loan is paid off and closed.');
    await expect(counter.posted()).toContainText('Total outstanding afterKES 0.00');
    const receiptNo = await counter.receiptNo();
    expect(pdfText(await counter.receiptPdf(loan.loanId, receiptNo))).toContain(receiptNo);
    await page.screenshot({ path: screenshotPath('closure-02-closed') });
  });
});
