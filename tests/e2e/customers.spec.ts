// The customers journey (issue 4's "Done when"): two loan officers; the first onboards an individual, a second
// individual who directs a business, and the business, and attaches the individual's ID and photo; the second
// officer finds the individual by phone number and verifies the KYC (four eyes: not the officer who onboarded).
// Runs on a ledger of its own (see CustomerLedger), so it does not depend on, or disturb, the foundation journey.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { CustomerLedger, type Officer } from './pages/CustomerLedger';
import { CustomerListPage } from './pages/CustomerListPage';
import { CustomerOnboardingPage, type Individual } from './pages/CustomerOnboardingPage';
import { CustomerProfilePage } from './pages/CustomerProfilePage';
import { runToken, screenshotPath } from './pages/run';
import { SignInPage } from './pages/SignInPage';

const admin = { username: 'admin', displayName: 'Amina Admin', password: 'Correct-Horse-Battery-42' };
const officer1: Officer = {
  username: 'officer1',
  displayName: 'Otieno Officer',
  temporaryPassword: 'Temporary-Officer-One-1',
  password: 'Field-Visits-Kibera-91',
};
const officer2: Officer = {
  username: 'officer2',
  displayName: 'Olivia Officer',
  temporaryPassword: 'Temporary-Officer-Two-2',
  password: 'Second-Pair-Of-Eyes-37',
};
const wanjiru: Individual = {
  firstName: 'Wanjiru',
  lastName: 'Kamau',
  dateOfBirth: '1988-04-12',
  idNumber: '27364519',
  idExpiryDate: '2032-06-30',
  phone: '0712 345 678',
  occupation: 'Tailor',
  monthlyIncome: '45,000.50',
};
const baraka: Individual = {
  firstName: 'Baraka',
  lastName: 'Odhiambo',
  dateOfBirth: '1979-11-02',
  idNumber: '19283746',
  idExpiryDate: '2030-01-31',
  phone: '0733 555 010',
};

/** A tiny valid PNG; bytes after IEND make each upload's content (and so its SHA-256) distinct. */
function png(tag: string): Buffer {
  const pixel =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  return Buffer.concat([Buffer.from(pixel, 'base64'), Buffer.from(tag)]);
}

const port = 4611;
let ledger: CustomerLedger;

test.beforeAll(async ({ playwright }) => {
  ledger = await CustomerLedger.start(port);
  const request = await playwright.request.newContext();
  await ledger.setUpBranch(request, admin);
  const adminSession = await ledger.signIn(request, admin.username, admin.password);
  await ledger.createOfficer(request, adminSession, officer1);
  await ledger.createOfficer(request, adminSession, officer2);
  await request.dispose();
});

test.afterAll(() => ledger?.stop());

async function signedIn(browser: Browser, officer: Officer): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: ledger.baseURL })).newPage();
  await page.goto(`/#token=${runToken}`);
  await new SignInPage(page).signIn(officer.username, officer.password);
  await new AppFrame(page).expectSignedInAs(officer.displayName);
  return page;
}

test('an officer onboards customers with documents and another verifies the KYC', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, officer1);
  const frame = new AppFrame(page);
  const list = new CustomerListPage(page);
  const onboarding = new CustomerOnboardingPage(page);
  const profile = new CustomerProfilePage(page);

  await test.step('officer 1 onboards an individual through the wizard', async () => {
    await frame.goTo('Customers');
    await list.expectShown();
    await page.screenshot({ path: screenshotPath('customers-01-empty-list') });
    await list.startOnboarding();
    await onboarding.onboardIndividual(wanjiru);
    await profile.expectShown('Wanjiru Kamau');
    await expect(profile.kycStatus()).toHaveText('Pending');
    await expect(page.locator('[data-field="monthlyIncomeMinor"]')).toContainText('45,000.50');
    await page.screenshot({ path: screenshotPath('customers-02-individual-profile') });
  });

  await test.step('officer 1 attaches the ID document and the photo', async () => {
    await profile.uploadDocument('ID document', {
      name: 'wanjiru-id.png',
      mimeType: 'image/png',
      buffer: png('id'),
    });
    await profile.uploadDocument('Photo', {
      name: 'wanjiru-photo.png',
      mimeType: 'image/png',
      buffer: png('photo'),
    });
    await page.getByRole('button', { name: 'View' }).first().click();
    await expect(page.getByRole('img', { name: /Preview of/ })).toBeVisible();
    await page.screenshot({ path: screenshotPath('customers-03-documents') });
    await profile.openTab('KYC');
    await expect(page.getByText('You onboarded this customer')).toBeVisible();
    await page.screenshot({ path: screenshotPath('customers-04-kyc-four-eyes') });
  });

  await test.step('officer 1 onboards a second individual, then a business directed by them', async () => {
    await frame.goTo('Customers');
    await list.startOnboarding();
    await onboarding.onboardIndividual(baraka);
    await profile.expectShown('Baraka Odhiambo');

    await frame.goTo('Customers');
    await list.startOnboarding();
    await onboarding.onboardBusiness({
      registeredName: 'Kamau Tailoring Ltd',
      registrationNumber: 'PVT-2019-4471',
      sector: 'Garments',
      dateEstablished: '2019-06-01',
      phone: '0722 100 200',
      annualTurnover: '1200000',
      people: [{ search: 'Baraka', name: 'Baraka Odhiambo', role: 'Director' }],
    });
    await profile.expectShown('Kamau Tailoring Ltd');
    await expect(page.getByRole('link', { name: 'Baraka Odhiambo' }).first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('customers-05-business-profile') });
    await profile.openTab('Relationships');
    await page.screenshot({ path: screenshotPath('customers-06-business-relationships') });
  });

  await test.step('officer 1 signs out', async () => {
    await frame.signOut();
    await new SignInPage(page).expectShown();
    await page.context().close();
  });

  await test.step('officer 2 finds the individual by phone number and verifies the KYC', async () => {
    const page2 = await signedIn(browser, officer2);
    const list2 = new CustomerListPage(page2);
    const profile2 = new CustomerProfilePage(page2);
    await new AppFrame(page2).goTo('Customers');
    await list2.expectShown();
    await expect(list2.list().getByRole('option')).toHaveCount(3);
    await list2.search('0712345678');
    await expect(list2.list().getByRole('option')).toHaveCount(1);
    await expect(list2.row('Wanjiru Kamau')).toBeVisible();
    await page2.screenshot({ path: screenshotPath('customers-07-search-by-phone') });
    await list2.open('Wanjiru Kamau');
    await profile2.expectShown('Wanjiru Kamau');
    await profile2.verifyKyc('ID and photo checked against the customer at the counter.');
    await expect(profile2.kycStatus()).toHaveText('Verified');
    await expect(page2.getByText(/by officer2|by Olivia/)).toBeVisible();
    await page2.screenshot({ path: screenshotPath('customers-08-kyc-verified') });
  });
});
