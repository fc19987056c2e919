// The counter journey (the "Done when"): a teller asks to open a till and a manager confirms the
// opening cash from the vault; the teller pays out an approved loan in cash (net of its deducted fee), posts two
// repayments from the keyboard — seeing each allocation before confirming — and prints the receipt (its PDF
// checked with pdftotext for the receipt number and the amount); the teller counts the till short, the manager
// approves the close with a note, and the till report shows the variance. Before all that, the branch's
// business date is a day behind, so end-of-day runs by itself at the first sign-in.
// Runs on a ledger of its own, prepared through `lms call` before its server starts (see CounterLedger).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { admin, CounterLedger, manager, teller, type Person, type PreparedLoan } from './pages/CounterLedger';
import { CounterPage, pdfText } from './pages/CounterPage';
import { CounterTillPage } from './pages/CounterTillPage';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const port = 4630;
let ledger: CounterLedger;
let loan: PreparedLoan;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ledger = new CounterLedger(port);
  loan = await ledger.prepare();
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
  const context = await browser.newContext({ baseURL: ledger.baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(person.username, person.password);
  await new AppFrame(page).expectSignedInAs(person.displayName);
  return page;
}

test('a teller’s day: till opened, a loan paid out and repaid at the counter, the till counted and closed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tellerPage = await signedIn(browser, teller);

  await test.step('the business date is behind: end-of-day runs by itself at the first sign-in', async () => {
    const banner = tellerPage.getByTestId('eod-banner');
    await expect(banner).toContainText('End-of-day done', { timeout: 15_000 });
    await expect(banner).toContainText(`the business date is now ${longDate(loan.today)}`);
    await expect(new AppFrame(tellerPage).statusBar()).toContainText(`Business date ${longDate(loan.today)}`);
    await expect(tellerPage.getByText(longDate(loan.today)).first()).toBeVisible(); // the home page's fact
    await tellerPage.screenshot({ path: screenshotPath('counter-00-end-of-day') });
    await banner.getByRole('button', { name: 'Close' }).click();
    await expect(banner).toBeHidden();
  });

  const managerPage = await signedIn(browser, manager);
  await expect(managerPage.getByTestId('eod-banner')).toBeHidden();
  const counter = new CounterPage(tellerPage);
  const tellerTill = new CounterTillPage(tellerPage);
  const managerTill = new CounterTillPage(managerPage);

  await test.step('the manager puts cash in the vault from the bank', async () => {
    await new AppFrame(managerPage).goTo('Till');
    await managerTill.expectShown();
    await managerTill.depositIntoVault('100,000', 'Cash from the bank for the day');
    await expect(managerTill.vaultBalance()).toHaveText('KES 100,000.00');
  });

  await test.step('the teller asks to open a till; it waits for a manager', async () => {
    await new AppFrame(tellerPage).goTo('Till');
    await tellerTill.expectShown();
    await tellerTill.askToOpen('60,000');
    await expect(tellerTill.waiting()).toContainText('Waiting for a manager to confirm');
    await tellerPage.screenshot({ path: screenshotPath('counter-01-till-waiting') });
  });

  await test.step('the teller cannot take cash at the counter before the till is open', async () => {
    await new AppFrame(tellerPage).goTo('Counter');
    await counter.expectShown();
    await counter.takeLoan('Achieng', { customer: loan.customerName });
    await expect(tellerPage.getByTestId('no-open-till')).toContainText(
      'Your till is waiting for a manager to confirm its opening cash',
    );
    await expect(
      tellerPage.getByTestId('no-open-till').getByRole('link', { name: 'Go to the till' }),
    ).toBeVisible();
    await expect(counter.confirmButton()).toBeDisabled();
  });

  await test.step('the manager confirms the opening cash', async () => {
    await managerTill.refreshTills();
    await expect(managerTill.tillRow(teller.displayName)).toContainText('Waiting for a manager to confirm');
    await managerTill.confirmOpening(teller.displayName);
    await expect(managerTill.tillRow(teller.displayName)).toContainText('Open');
    await expect(managerTill.vaultBalance()).toHaveText('KES 40,000.00');
  });

  await test.step('the teller pays the approved loan out in cash, net of the deducted fee', async () => {
    await new AppFrame(tellerPage).goTo('Till');
    await expect(tellerTill.balance()).toHaveText('KES 60,000.00');
    await new AppFrame(tellerPage).goTo('Counter');
    await counter.takeLoan('0712345678', { customer: loan.customerName }); // the phone, as the customer says it
    await tellerPage.screenshot({ path: screenshotPath('counter-02-disburse') });
    await counter.disburseInCash('KES 49,500.00');
    await expect(counter.posted()).toContainText('KES 50,000.00 paid out');
    await counter.receiptNo();
    await tellerPage.screenshot({ path: screenshotPath('counter-03-disbursed') });
  });

  const receipts: string[] = [];
  for (const [n, amount, shown] of [
    [1, '3,000', 'KES 3,000.00'],
    [2, '1250.50', 'KES 1,250.50'],
  ] as const) {
    await test.step(`repayment ${n}: ${shown}, with the allocation seen before confirming`, async () => {
      await counter.nextCustomer();
      await tellerPage.keyboard.press('Control+A');
      await counter.takeLoan(loan.customerName.split(' ')[1]!, { customer: loan.customerName });
      await counter.enterRepayment(amount);
      await expect(counter.confirmButton()).toHaveText(`Confirm repayment of ${shown}`);
      const preview = await counter.allocationOf(counter.preview());
      expect(Object.keys(preview)).toEqual([
        'Penalties',
        'Fees',
        'Interest',
        'Principal',
        'Credit (paid in advance)',
        'Principal after',
        'Total outstanding after',
      ]);
      await tellerPage.screenshot({ path: screenshotPath(`counter-0${3 + n}-repayment-preview`) });
      // The second is double-clicked: it posts once (one idempotency key per opening of the form).
      if (n === 1) await counter.confirm();
      else await counter.confirmByDoubleClick();
      await expect(counter.posted()).toContainText(`Repayment of ${shown} posted`);
      // What was posted is what was previewed.
      expect(await counter.allocationOf(counter.postedAllocation())).toEqual(preview);
      receipts.push(await counter.receiptNo());
      const repayments = (await counter.transactions(loan.loanId)).filter((t) => t.type === 'repayment');
      expect(repayments).toHaveLength(n);
    });
  }

  await test.step('the teller prints the receipt; its PDF carries the receipt number and the amount', async () => {
    await counter.printReceipt();
    const [first, second] = receipts;
    expect(first).not.toEqual(second);
    const text = pdfText(await counter.receiptPdf(loan.loanId, second!));
    expect(text).toContain(second!);
    expect(text).toMatch(/1,250\.50/);
    const saved = await counter.saveReceipt();
    expect(saved.fileName).toMatch(/\.pdf$/);
    expect(pdfText(saved.bytes)).toContain(second!);
    await tellerPage.screenshot({ path: screenshotPath('counter-06-receipt') });
  });

  await test.step('a link to the counter with ?loanId= opens that loan, ready for an amount', async () => {
    await new AppFrame(tellerPage).goTo('Home');
    await new AppFrame(tellerPage).openAddress(`/counter?loanId=${loan.loanId}`);
    await expect(tellerPage.getByTestId('loan-customer')).toHaveText(loan.customerName);
    await expect(counter.amount()).toBeFocused();
  });

  await test.step('the teller counts the till: 50.50 short', async () => {
    await new AppFrame(tellerPage).goTo('Till');
    // 60,000 opening − 49,500 paid out + 3,000 + 1,250.50 received
    await expect(tellerTill.balance()).toHaveText('KES 14,750.50');
    await expect(tellerTill.movements()).toContainText('Disbursement');
    await tellerTill.startCount();
    await tellerTill.count({ 'KES 1,000.00': 14, 'KES 500.00': 1, 'KES 100.00': 2 });
    await expect(tellerTill.countedTotal()).toHaveText('KES 14,700.00');
    await expect(tellerTill.variance()).toHaveText('Short by KES 50.50');
    await tellerPage.screenshot({ path: screenshotPath('counter-07-count') });
    await tellerTill.submitCount('Change given twice to one customer');
    await expect(tellerTill.waiting()).toContainText('Waiting for manager approval');
  });

  await test.step('the manager approves the close; the till report shows the variance', async () => {
    await managerTill.refreshTills();
    const row = managerTill.tillRow(teller.displayName);
    await expect(row).toContainText('Waiting for manager approval');
    await expect(row).toContainText('-KES 50.50');
    await managerTill.approveClose(teller.displayName, 'Teller warned; shortfall recorded');
    await expect(row).toContainText('Closed');
    await expect(managerTill.vaultBalance()).toHaveText('KES 54,700.00');
    await managerPage.screenshot({ path: screenshotPath('counter-08-closed') });
    const report = await managerTill.saveReport(teller.displayName);
    expect(report.fileName).toMatch(/\.pdf$/);
    expect(pdfText(report.bytes)).toMatch(/50\.50/);
  });

  await test.step('the teller sees the till closed and can print its report', async () => {
    await tellerPage.reload();
    await expect(tellerPage.getByText('Your last till')).toBeVisible();
    await expect(tellerPage.getByRole('form', { name: 'Open till' })).toBeVisible();
  });
});

test('money recovered on a written-off loan is recorded at the counter, by transfer', async ({ browser }) => {
  const page = await signedIn(browser, teller);
  const counter = new CounterPage(page);
  await new AppFrame(page).goTo('Counter');
  await counter.takeLoan('Mwangi', { customer: loan.writtenOff.customerName });
  await expect(page.getByRole('form', { name: 'Record recovery' })).toBeVisible();
  await counter.enterTransfer('2,000', 'EQUITY-778812');
  await expect(counter.confirmButton()).toHaveText('Confirm recovery of KES 2,000.00');
  await counter.confirm();
  await expect(counter.posted()).toContainText('Recovery of KES 2,000.00 recorded');
  await counter.receiptNo();
  await page.screenshot({ path: screenshotPath('counter-09-recovery') });
});

test('an administrator keeps the loan settings the till count and reminders use', async ({ browser }) => {
  const page = await signedIn(browser, admin);
  await new AppFrame(page).openAddress('/counter/settings');
  const form = page.getByRole('form', { name: 'Loan settings' });
  await expect(form.getByRole('textbox', { name: 'Denomination 1' })).toHaveValue('1000.00');
  await form.getByRole('button', { name: 'Add a denomination' }).click();
  await form
    .getByRole('textbox', { name: /^Denomination \d+$/ })
    .last()
    .fill('0.50');
  await form.getByRole('textbox', { name: 'Variance tolerance' }).fill('1');
  await form
    .getByRole('textbox', { name: 'Due soon (English)' })
    .fill('Dear {{name}}, {{amount}} is due on {{dueDate}}.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loan settings saved.' })).toBeVisible();
  // Kept largest first, so the new coin is last; the tolerance is in minor units.
  await expect(form.getByRole('textbox', { name: /^Denomination \d+$/ }).last()).toHaveValue('0.50');
  await expect(form.getByRole('textbox', { name: 'Variance tolerance' })).toHaveValue('1.00');
  await page.getByText('Français', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres des prêts' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('counter-10-settings-fr') });
});
