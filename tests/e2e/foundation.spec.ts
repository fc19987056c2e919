// The foundation journey: a branch is set up from a blank ledger, the administrator creates staff, a clerk who
// forgets their password is locked out and unlocked, and a teller signs in for the first time and finds the
// administration closed to them — in the screens and in the API.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppFrame } from './pages/AppFrame';
import { openApp, screenshotPath } from './pages/run';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';

const branch = {
  institutionName: 'Umoja Microfinance',
  branchCode: 'NBO01',
  branchName: 'Nairobi Central',
  currency: 'KES',
  adminUsername: 'admin',
  adminDisplayName: 'Amina Admin',
  adminPassword: 'Correct-Horse-Battery-42',
};
const teller = {
  username: 'teller1',
  displayName: 'Tom Teller',
  role: 'Teller',
  temporaryPassword: 'Temporary-Teller-Pass-1',
} as const;
const clerk = {
  username: 'clerk',
  displayName: 'Clara Clerk',
  role: 'Loan officer',
  temporaryPassword: 'Provisional-Secret-77',
} as const;

/** Each person works at their own window (a fresh browser context: no shared session). */
async function aWindow(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openApp(page);
  return page;
}

test('a branch is set up, staff are managed, and a teller is kept out of administration', async ({
  browser,
}) => {
  const admin = await aWindow(browser);
  const setup = new SetupPage(admin);
  await setup.expectShown();
  await admin.screenshot({ path: screenshotPath('01-setup') });
  await setup.setUp(branch);

  const adminSignIn = new SignInPage(admin);
  await adminSignIn.expectShown();
  await adminSignIn.signIn(branch.adminUsername, branch.adminPassword);
  const adminFrame = new AppFrame(admin);
  await adminFrame.expectSignedInAs(branch.adminDisplayName);
  await expect(adminFrame.statusBar()).toContainText('NBO01 — Nairobi Central');
  await expect(adminFrame.statusBar()).toContainText(/changes? waiting/);
  await admin.screenshot({ path: screenshotPath('02-admin-home') });

  await adminFrame.goToByKeyboard('Users');
  const users = new UsersPage(admin);
  await users.expectShown();
  await users.createUser(teller);
  await users.createUser(clerk);
  await admin.screenshot({ path: screenshotPath('03-users-created') });

  await test.step('the clerk mistypes the password five times and is locked out', async () => {
    const clerkWindow = await aWindow(browser);
    const clerkSignIn = new SignInPage(clerkWindow);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await clerkSignIn.signIn(clerk.username, `wrong-password-${attempt}`);
      await clerkSignIn.expectRefused('The username or password is not correct.');
    }
    await clerkSignIn.signIn(clerk.username, 'wrong-password-5');
    await clerkSignIn.expectRefused(/locked after too many failed sign-ins/);
    await clerkSignIn.signIn(clerk.username, clerk.temporaryPassword);
    await clerkSignIn.expectRefused(/locked after too many failed sign-ins/);
    await clerkWindow.screenshot({ path: screenshotPath('04-clerk-locked-out') });
    await clerkWindow.context().close();
  });

  await test.step('the administrator sees the clerk locked and unlocks them', async () => {
    await users.reload();
    await expect(users.row(clerk.username)).toContainText('Locked');
    await admin.screenshot({ path: screenshotPath('05-clerk-shown-locked') });
    await users.unlock(clerk.username);
    await expect(users.row(clerk.username)).not.toContainText('Locked');
  });

  await test.step('the clerk, unlocked, gets past the password again', async () => {
    const clerkWindow = await aWindow(browser);
    const clerkSignIn = new SignInPage(clerkWindow);
    await clerkSignIn.signIn(clerk.username, clerk.temporaryPassword);
    await expect(clerkWindow.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await clerkWindow.context().close();
  });

  await test.step('the teller signs in, changes the temporary password and cannot reach Users', async () => {
    const tellerWindow = await aWindow(browser);
    const tellerSignIn = new SignInPage(tellerWindow);
    await tellerSignIn.signIn(teller.username, teller.temporaryPassword);
    await tellerSignIn.changeTemporaryPassword(teller.temporaryPassword, 'Counter-Cash-Drawer-77');

    const tellerFrame = new AppFrame(tellerWindow);
    await tellerFrame.expectSignedInAs(teller.displayName);
    await expect(tellerFrame.navigation().getByRole('link', { name: 'Home' })).toBeVisible();
    await expect(tellerFrame.navigation().getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(tellerFrame.statusBar()).toContainText('NBO01 — Nairobi Central');
    await expect(tellerFrame.statusBar()).toContainText(/changes? waiting/);
    await tellerWindow.screenshot({ path: screenshotPath('06-teller-home') });

    await tellerFrame.openAddress('#/users');
    await expect(tellerWindow.getByRole('alert')).toContainText('You are not permitted to see this page');
    await tellerWindow.screenshot({ path: screenshotPath('07-teller-users-not-permitted') });

    const refused = await tellerFrame.callApiDirectly('users.list', {});
    expect(refused.error?.code).toBe('FORBIDDEN');
  });
});
