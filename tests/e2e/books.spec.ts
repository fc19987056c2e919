// The books journey: an accountant proposes a balanced manual journal entry (Dr 5900 Other cash paid and
// received, Cr 1130 Bank and mobile money, KES 1,500.00), watching the balance indicator follow the lines; she
// cannot approve her own entry (four eyes: the core's message is on screen); a branch manager approves it; the
// entry is then in the journal with its two lines, and the books' checks all pass.
// Then an administrator adds an account to the chart (a bad code is refused next to its field) and opens the
// periods, the provisioning and the books settings.
// Runs on a ledger of its own, prepared through `lms call` before its server starts (see BooksLedger).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import {
  accountant,
  admin,
  BooksLedger,
  BooksPage,
  JournalPage,
  manager,
  ManualJournalsPage,
  VerifyPage,
  type Person,
} from './pages/BooksPages';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const port = 4650;
let ledger: BooksLedger;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ledger = new BooksLedger(port);
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

test('a manual journal entry is proposed by an accountant, approved by a manager, and posted', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const narration = 'Bank charges for the month';
  const accountantPage = await signedIn(browser, accountant);
  const proposer = new ManualJournalsPage(accountantPage);

  await test.step('the accountant opens the manual journals from the books', async () => {
    await new AppFrame(accountantPage).goTo('Books');
    await expect(accountantPage.getByRole('heading', { name: 'Chart of accounts', level: 2 })).toBeVisible();
    await expect(accountantPage.getByTestId('account-5900')).toContainText('Other cash paid and received');
    await new BooksPage(accountantPage).openTab('Manual journals');
    await expect(accountantPage.getByText('No manual journal entries.')).toBeVisible();
  });

  await test.step('she proposes Dr 5900 / Cr 1130 KES 1,500.00; the indicator follows the lines', async () => {
    await proposer.startProposal(narration);
    await proposer.fillLine(1, { account: '5900', debit: '1,500.00' });
    await expect(proposer.balance()).toContainText('Credits short by KES 1,500.00');
    await proposer.fillLine(2, { account: '1130', credit: '1,500.00' });
    await expect(proposer.balance()).toContainText('Balanced: debits = credits');
    await expect(proposer.balance()).toContainText('Debits KES 1,500.00');
    await expect(proposer.balance()).toContainText('Credits KES 1,500.00');
    await accountantPage.screenshot({ path: screenshotPath('books-01-propose') });
    await proposer.submit();
    await expect(proposer.entry(narration)).toContainText('Pending');
    await expect(proposer.entry(narration)).toContainText(accountant.displayName);
    await expect(proposer.entry(narration)).toContainText('KES 1,500.00');
  });

  await test.step('she cannot approve her own entry: four eyes', async () => {
    await proposer.approve(narration);
    await expect(proposer.refusal()).toContainText(
      'A journal entry is approved by someone other than the person who proposed it.',
    );
    await expect(proposer.entry(narration)).toContainText('Pending');
    await accountantPage.screenshot({ path: screenshotPath('books-02-four-eyes') });
  });

  const managerPage = await signedIn(browser, manager);
  const approver = new ManualJournalsPage(managerPage);
  const books = new BooksPage(managerPage);

  await test.step('a manager approves it', async () => {
    await new AppFrame(managerPage).goTo('Books');
    await books.openTab('Manual journals');
    await expect(approver.entry(narration)).toContainText('Pending');
    await approver.approve(narration);
    await expect(approver.entry(narration)).toContainText('Approved');
    await expect(approver.entry(narration).getByRole('button', { name: 'Approve' })).toBeHidden();
    await managerPage.screenshot({ path: screenshotPath('books-03-approved') });
  });

  await test.step('the entry is in the journal with its two lines', async () => {
    await books.openTab('Journal');
    const journal = new JournalPage(managerPage);
    await expect(journal.entry(narration)).toContainText('Manual');
    await expect(journal.entry(narration)).toContainText('KES 1,500.00');
    expect(await journal.linesOf(narration)).toEqual([
      ['5900 Other cash paid and received', 'KES 1,500.00', ''],
      ['1130 Bank and mobile money', '', 'KES 1,500.00'],
    ]);
    // The morning's cash from the bank is there too: the vault's entry.
    await expect(journal.entry('Cash brought from the bank')).toContainText('KES 100,000.00');
    await managerPage.screenshot({ path: screenshotPath('books-04-journal') });
  });

  await test.step('a mistaken entry is corrected by a reversing entry, the original kept', async () => {
    const journal = new JournalPage(managerPage);
    await journal.reverse('Posted twice');
    const reversal = journal.entry(`Reversal of “${narration}” — Posted twice`);
    await expect(reversal).toContainText('Reversal');
    await expect(reversal).toContainText('KES 1,500.00');
    await expect(journal.entry(`${narration}`).first()).toBeVisible();
  });

  await test.step('the books check out: every check passes', async () => {
    await books.openTab('Checks');
    const verify = new VerifyPage(managerPage);
    await expect(verify.summary()).toHaveText('The books are consistent: every check passes.');
    await expect(verify.checks()).toHaveCount(6);
    for (const check of await verify.checks().all()) {
      await expect(check.getByRole('img', { name: 'Passes' })).toBeVisible();
    }
    await expect(verify.checks().first()).toContainText('Every journal entry balances');
    await managerPage.screenshot({ path: screenshotPath('books-05-verify') });
  });
});

test('an administrator adds an account to the chart and looks over periods, provisioning and settings', async ({
  browser,
}) => {
  const page = await signedIn(browser, admin);
  const books = new BooksPage(page);
  await new AppFrame(page).goTo('Books');

  await test.step('a new expense account under Expenses; a bad code is refused next to the field', async () => {
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByRole('textbox', { name: 'Code' }).fill('5');
    await form.getByRole('textbox', { name: 'Name' }).fill('Office supplies');
    await form.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Expense', exact: true }).click();
    await form.getByRole('combobox', { name: 'Parent' }).click();
    await page.getByRole('option', { name: '5000 · Expenses' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Must be 2–10 digits or capital letters')).toBeVisible();
    await form.getByRole('textbox', { name: 'Code' }).fill('5910');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    const row = page.getByTestId('account-5910');
    await expect(row).toContainText('Office supplies');
    await expect(row).toContainText('Expense');
    // Under Expenses: right after its last child so far (5900), indented.
    await expect(page.getByTestId('account-5900').locator('xpath=following-sibling::tr[1]')).toHaveAttribute(
      'data-testid',
      'account-5910',
    );
    await page.screenshot({ path: screenshotPath('books-06-chart'), fullPage: true });
  });

  await test.step('this month is open; a month that is not over cannot be closed', async () => {
    await books.openTab('Periods');
    const month = page.getByTestId(/^period-/).first();
    await expect(month).toContainText('Open');
    await expect(month.getByRole('button', { name: 'Close month' })).toBeHidden();
    await page.screenshot({ path: screenshotPath('books-07-periods') });
  });

  await test.step('provisioning shows the five default buckets; nothing is required without loans', async () => {
    await books.openTab('Provisioning');
    const buckets = page.getByRole('table', { name: 'Provisioning buckets' });
    await expect(buckets.locator('tbody tr')).toHaveCount(5);
    await expect(buckets).toContainText('181+');
    await expect(page.getByTestId('provision-required')).toHaveText('KES 0.00');
    await expect(page.getByRole('button', { name: /^Post provisioning for / })).toBeDisabled();
    await page.screenshot({ path: screenshotPath('books-08-provisioning') });
  });

  await test.step('the books settings: accrual at month end and the buckets editor', async () => {
    await books.openTab('Settings');
    await expect(page.getByRole('combobox', { name: 'Accrue interest' })).toHaveValue('At month end');
    await expect(page.getByRole('textbox', { name: 'Rate of bucket 3' })).toHaveValue('25');
    await page.screenshot({ path: screenshotPath('books-09-settings'), fullPage: true });
  });
});
