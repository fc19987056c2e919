// The sync journey (the sync issue's "Done when"): a branch and head office, each its own ledger behind its own
// `electron/web.ts`, syncing through the embedded central (`lms central`). A customer onboarded at the branch
// appears at head office after "Sync now"; the same national ID registered at head office before it synced
// lands in the head-office manager's exceptions queue, with both versions side by side.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { CustomerListPage } from './pages/CustomerListPage';
import { CustomerOnboardingPage, type Individual } from './pages/CustomerOnboardingPage';
import { CustomerProfilePage } from './pages/CustomerProfilePage';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';
import { SyncPage } from './pages/SyncPage';
import { SyncWorld, type Staff, type SyncLedger } from './pages/SyncWorld';

// Usernames are unique across the institution once synced, so each ledger's administrator has their own.
const admins = {
  branch: { username: 'admin', displayName: 'Amina Admin', password: 'Correct-Horse-Battery-42' },
  headOffice: { username: 'hqadmin', displayName: 'Hassan Admin', password: 'Head-Office-Keys-2024' },
};
const branchOfficer: Staff = {
  username: 'officer1',
  displayName: 'Otieno Officer',
  role: 'loan_officer',
  temporaryPassword: 'Temporary-Officer-One-1',
  password: 'Field-Visits-Kibera-91',
};
const headOfficeManager: Staff = {
  username: 'manager1',
  displayName: 'Makena Manager',
  role: 'manager',
  temporaryPassword: 'Temporary-Manager-One-1',
  password: 'Head-Office-Approvals-58',
};
const wanjiru: Individual = {
  firstName: 'Wanjiru',
  lastName: 'Kamau',
  dateOfBirth: '1988-04-12',
  idNumber: '27364519',
  idExpiryDate: '2032-06-30',
  phone: '0712 345 678',
};
const baraka: Individual = {
  firstName: 'Baraka',
  lastName: 'Odhiambo',
  dateOfBirth: '1979-11-02',
  idNumber: '19283746',
  idExpiryDate: '2030-01-31',
  phone: '0733 555 010',
};
/** Head office registers the same national ID as the branch's Baraka, before either has synced. */
const barack: Individual = {
  firstName: 'Barack',
  lastName: 'Odhiambo',
  dateOfBirth: '1979-11-02',
  idNumber: '19283746',
  idExpiryDate: '2030-01-31',
  phone: '0733 555 999',
};

let world: SyncWorld;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(90_000);
  world = await SyncWorld.start({ central: 5512, branch: 4612, headOffice: 4613 }, admins);
  const request = await playwright.request.newContext();
  await world.branch.setUp(request, { branchCode: 'NBO01', branchName: 'Nairobi Central' }, [branchOfficer]);
  await world.headOffice.setUp(request, { branchCode: 'HQ', branchName: 'Head Office' }, [headOfficeManager]);
  await world.branch.configureSync(request, world.central, false);
  await world.headOffice.configureSync(request, world.central, true);
  await request.dispose();
});

test.afterAll(() => world?.stop());

async function signedIn(browser: Browser, ledger: SyncLedger, person: Staff): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: ledger.baseURL })).newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(person.username, person.password);
  await new AppFrame(page).expectSignedInAs(person.displayName);
  return page;
}

async function onboard(page: Page, person: Individual): Promise<void> {
  await new AppFrame(page).goTo('Customers');
  await new CustomerListPage(page).startOnboarding();
  await new CustomerOnboardingPage(page).onboardIndividual(person);
  await new CustomerProfilePage(page).expectShown(`${person.firstName} ${person.lastName}`);
}

test('a branch customer reaches head office, and a clashing registration waits for the manager', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const branch = await signedIn(browser, world.branch, branchOfficer);
  const headOffice = await signedIn(browser, world.headOffice, headOfficeManager);

  await test.step('the branch officer onboards two customers, offline from head office', async () => {
    await onboard(branch, wanjiru);
    await onboard(branch, baraka);
    await new AppFrame(branch).goTo('Customers');
    await expect(new CustomerListPage(branch).list().getByRole('option')).toHaveCount(2);
    await branch.screenshot({ path: screenshotPath('sync-01-branch-customers') });
  });

  await test.step('head office registers the same national ID before it has synced', async () => {
    await onboard(headOffice, barack);
    await new AppFrame(headOffice).goTo('Customers');
    const list = new CustomerListPage(headOffice);
    await expect(list.list().getByRole('option')).toHaveCount(1);
    await expect(list.row('Wanjiru Kamau')).toHaveCount(0);
    await headOffice.screenshot({ path: screenshotPath('sync-02-head-office-before-sync') });
  });

  await test.step('the branch syncs with "Sync now"', async () => {
    await new SyncPage(branch).syncNow();
    await branch.screenshot({ path: screenshotPath('sync-03-branch-synced') });
  });

  await test.step('head office syncs and finds the branch customer in its list', async () => {
    await new SyncPage(headOffice).syncNow();
    // The list loads when it is opened (it does not refresh itself after a sync): open it afresh.
    await new AppFrame(headOffice).goTo('Home');
    await new AppFrame(headOffice).goTo('Customers');
    const list = new CustomerListPage(headOffice);
    await list.expectShown();
    await expect(list.row('Wanjiru Kamau')).toBeVisible();
    await expect(list.row('Barack Odhiambo')).toBeVisible();
    await expect(list.row('Baraka Odhiambo')).toHaveCount(0);
    await headOffice.screenshot({ path: screenshotPath('sync-04-head-office-after-sync') });
  });

  await test.step('the clashing registration waits in the manager’s exceptions queue, both versions shown', async () => {
    await new AppFrame(headOffice).goTo('Sync');
    const sync = new SyncPage(headOffice);
    await sync.expectShown();
    await expect(sync.exceptions()).toHaveCount(1);
    const exception = sync.exceptions().first();
    await expect(exception).toContainText('The same ID registered at two branches');
    await expect(exception).toContainText('This branch’s version');
    await expect(exception).toContainText('The other version');
    await expect(exception).toContainText('Barack');
    await expect(exception).toContainText('Baraka');
    await expect(exception).toContainText('19283746');
    await exception.scrollIntoViewIfNeeded();
    await headOffice.screenshot({ path: screenshotPath('sync-05-head-office-exception'), fullPage: true });
  });
});
