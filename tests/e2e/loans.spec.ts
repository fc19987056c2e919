// The loans journey: a loan officer opens a new application for a customer with the demo product, watches the
// eligibility rules and the schedule preview follow the terms as they are typed, adds collateral and submits;
// a branch manager opens the approval queue, sees the application with its eligibility, and approves it with a
// reason (four eyes: not the officer's own); the loan page then shows it approved, with the decision.
// Runs on a ledger of its own, prepared through `lms call` before its server starts (see LoansLedger).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { borrower, demoProduct, LoansLedger, manager, officer, type Person } from './pages/LoansLedger';
import { ApprovalsPage, LoanApplicationPage, LoanPage } from './pages/LoansPages';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const port = 4620;
let ledger: LoansLedger;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ledger = new LoansLedger(port);
  await ledger.prepare();
  await ledger.start();
});

test.afterAll(() => ledger?.stop());

async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: ledger.baseURL })).newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(person.username, person.password);
  await new AppFrame(page).expectSignedInAs(person.displayName);
  return page;
}

test('an officer applies for a loan and a manager approves it', async ({ browser }) => {
  test.setTimeout(180_000);
  const officerPage = await signedIn(browser, officer);
  const application = new LoanApplicationPage(officerPage);
  let applicationNo = '';

  await test.step('the officer starts a new application from the loans list', async () => {
    await new AppFrame(officerPage).goTo('Loans');
    await expect(officerPage.getByRole('heading', { name: 'Loans', level: 1 })).toBeVisible();
    await expect(officerPage.getByText('No loans yet. Start with a new application.')).toBeVisible();
    await officerPage.getByRole('button', { name: 'New application' }).click();
    await application.expectShown();
  });

  await test.step('eligibility and the schedule follow the terms as they are typed', async () => {
    await application.fill({
      customerSearch: borrower.search,
      customerName: borrower.name,
      product: demoProduct.name,
      principal: '50,000',
      repayments: '6',
      purpose: 'Two sewing machines for the tailoring shop',
      collateral: { type: 'Equipment', description: 'Singer sewing machine', value: '35,000' },
    });
    await expect(application.productLimits()).toContainText('KES 10,000.00 to KES 500,000.00');
    await expect(application.productLimits()).toContainText('10–36 % a year (default 24 %)');
    await expect(application.verdict()).toHaveText('Eligible');
    await expect(application.eligibility()).toContainText('KYC: passed');
    await expect(application.eligibility()).toContainText('Affordability: passed');
    await expect(application.schedule().getByRole('row')).toHaveCount(6 + 2); // header, 6 installments, totals
    await expect(application.schedule()).toContainText('KES 50,000.00'); // the principal's total
    await officerPage.screenshot({ path: screenshotPath('loans-01-application'), fullPage: true });

    await application.form().getByRole('textbox', { name: 'Interest rate (% a year)' }).fill('40');
    await expect(application.form()).toContainText('The product allows 10 % to 36 % a year');
    await application.form().getByRole('textbox', { name: 'Interest rate (% a year)' }).fill('24');
  });

  await test.step('the officer submits; the loan page shows the application submitted', async () => {
    await application.submit();
    const loan = new LoanPage(officerPage);
    await loan.expectShown(/^NBO01-/);
    await expect(loan.status()).toHaveText('Submitted');
    applicationNo = (await officerPage.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await loan.openTab('Collateral');
    await expect(officerPage.getByRole('table', { name: 'Collateral' })).toContainText(
      'Singer sewing machine',
    );
    await expect(officerPage.getByRole('toolbar', { name: 'Loan actions' })).not.toContainText('Decide');
    await officerPage.screenshot({ path: screenshotPath('loans-02-submitted') });
  });

  const managerPage = await signedIn(browser, manager);
  const approvals = new ApprovalsPage(managerPage);

  await test.step('the manager finds it in the approval queue, with its eligibility', async () => {
    await new AppFrame(managerPage).goTo('Approvals');
    await approvals.expectShown();
    await expect(approvals.row(borrower.name)).toContainText('KES 50,000.00');
    await expect(approvals.row(borrower.name)).toContainText(demoProduct.name);
    await expect(approvals.row(borrower.name)).toContainText(officer.displayName);
    await expect(approvals.row(borrower.name)).toContainText('Eligible');
    await approvals.open(borrower.name);
    await expect(managerPage.getByRole('region', { name: 'Application' })).toContainText(
      'Two sewing machines for the tailoring shop',
    );
    await managerPage.screenshot({ path: screenshotPath('loans-03-approval-queue'), fullPage: true });
  });

  await test.step('the manager approves with a reason; the queue empties', async () => {
    await approvals.decide('Approve', 'Steady income from the shop; machines pledged');
    await expect(managerPage.getByText('No application is waiting for a decision.')).toBeVisible();
  });

  await test.step('the loan page shows it approved, with the decision', async () => {
    await managerPage.goto(`/#/loans`);
    await managerPage.getByRole('row', { name: new RegExp(borrower.name) }).click();
    const loan = new LoanPage(managerPage);
    await loan.expectShown(applicationNo);
    await expect(loan.status()).toHaveText('Approved');
    await loan.openTab('Decisions & history');
    const decisions = managerPage.getByRole('table', { name: 'Decisions' });
    await expect(decisions).toContainText('Approve');
    await expect(decisions).toContainText('Steady income from the shop; machines pledged');
    await expect(decisions).toContainText(manager.displayName);
    await managerPage.screenshot({ path: screenshotPath('loans-04-approved') });
  });
});
