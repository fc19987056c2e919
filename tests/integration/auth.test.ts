// Staff sign-in rules on a real ledger file with a clock the test moves: lockout, timeouts, two-factor,
// forced password change, permissions — and every one of them in the audit log.
import { afterEach, describe, expect, it } from 'vitest';
import { totpAt } from '../../electron/core/auth/totp';
import {
  aBranch,
  aLedger,
  aStaffMember,
  adminPassword,
  removeDir,
  setupInput,
  type TestBranch,
} from '../support/ledger';

const opened: TestBranch[] = [];
async function branch() {
  const b = await aBranch();
  opened.push(b);
  return b;
}
afterEach(async () => {
  for (const b of opened.splice(0)) {
    await b.close();
    removeDir(b.dir);
  }
});

async function auditActions(b: TestBranch) {
  const rows = await b.ledger.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('first-run setup', () => {
  it('refuses a weak administrator password, naming the field, and changes nothing', async () => {
    const b = aLedger();
    opened.push(b);
    const result = await b.call('setup.initialise', { ...setupInput, adminPassword: 'password1234' });
    expect(result.error).toMatchObject({ code: 'VALIDATION', reason: 'password_too_common' });
    expect(result.error!.issues![0]!.path).toBe('adminPassword');
    expect(await b.ok('setup.status', {})).toMatchObject({ isInitialised: false });
    expect(await b.ledger.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });

  it('names every missing field', async () => {
    const b = aLedger();
    opened.push(b);
    const result = await b.call('setup.initialise', { institutionName: 'Umoja' } as never);
    expect(result.error!.code).toBe('VALIDATION');
    expect(result.error!.issues!.map((i) => i.path)).toEqual(
      expect.arrayContaining(['branchCode', 'branchName', 'currency', 'adminUsername', 'adminPassword']),
    );
    expect(result.error!.issues!.find((i) => i.path === 'branchCode')!.message).toBe('is required');
  });

  it('refuses an unknown currency or time zone', async () => {
    const b = aLedger();
    opened.push(b);
    expect(
      (await b.call('setup.initialise', { ...setupInput, currency: 'XYZ' })).error!.issues![0]!.path,
    ).toBe('currency');
    expect(
      (await b.call('setup.initialise', { ...setupInput, timeZone: 'Mars/Base' })).error!.issues![0]!.path,
    ).toBe('timeZone');
  });

  it('runs once: a second setup is a conflict', async () => {
    const b = await branch();
    expect((await b.call('setup.initialise', setupInput)).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'already_initialised',
    });
  });

  it('records the branch with its currency digits and appends its events and audit', async () => {
    const b = await branch();
    expect(await b.ok('setup.status', {})).toMatchObject({
      isInitialised: true,
      institutionName: 'Umoja Microfinance',
      branch: { code: 'NBO', currency: 'KES', currencyDigits: 2, businessDate: '2026-11-25' },
    });
    const events = await b.ledger.db.selectFrom('events').selectAll().orderBy('device_seq').execute();
    expect(events.map((e) => [e.device_seq, e.type])).toEqual([
      [1, 'branch.initialised'],
      [2, 'user.created'],
    ]);
    expect(events[1]!.hlc > events[0]!.hlc).toBe(true);
    expect(await auditActions(b)).toEqual(['setup.initialised', 'auth.signedIn']);
  });
});

describe('sign-in and lockout', () => {
  it('locks the account after five failed sign-ins, for fifteen minutes', async () => {
    const b = await branch();
    await aStaffMember(b, { username: 'clerk' });
    for (let i = 1; i <= 4; i++) {
      const r = await b.call('auth.signIn', { username: 'clerk', password: 'wrong-password-000' });
      expect(r.error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_credentials' });
    }
    const fifth = await b.call('auth.signIn', { username: 'clerk', password: 'wrong-password-000' });
    expect(fifth.error).toMatchObject({ reason: 'account_locked' });
    // Even the right password is refused while locked.
    const right = await b.call('auth.signIn', { username: 'clerk', password: 'Teller-Password-2026' });
    expect(right.error).toMatchObject({ reason: 'account_locked' });
    b.clock.advanceMinutes(14);
    expect(
      (await b.call('auth.signIn', { username: 'clerk', password: 'Teller-Password-2026' })).error?.reason,
    ).toBe('account_locked');
    b.clock.advanceMinutes(1);
    expect(
      (await b.call('auth.signIn', { username: 'clerk', password: 'Teller-Password-2026' })).data?.status,
    ).toBe('signedIn');
    const actions = await auditActions(b);
    expect(actions.filter((a) => a === 'auth.signInFailed')).toHaveLength(5);
    expect(actions).toContain('auth.lockedOut');
    const attempts = await b.ledger.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('username', '=', 'clerk')
      .execute();
    expect(attempts.filter((a) => a.is_success === 0)).toHaveLength(7);
  });

  it('honours a configured threshold and lets an administrator unlock', async () => {
    const b = await branch();
    await b.ok('settings.updateSecurity', { maxFailedSignIns: 3, lockoutMinutes: 60 }, b.adminToken);
    const { user } = await aStaffMember(b, { username: 'clerk' });
    for (let i = 0; i < 3; i++)
      await b.call('auth.signIn', { username: 'clerk', password: 'nope-nope-nope' });
    const locked = (await b.ok('users.list', { includeInactive: true }, b.adminToken)).find(
      (u) => u.username === 'clerk',
    )!;
    expect(locked.isLocked).toBe(true);
    await b.ok('users.unlock', { userId: user.id }, b.adminToken);
    expect(
      (await b.call('auth.signIn', { username: 'clerk', password: 'Teller-Password-2026' })).data?.status,
    ).toBe('signedIn');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const b = await branch();
    const unknown = await b.call('auth.signIn', { username: 'ghost', password: 'whatever-whatever' });
    const wrong = await b.call('auth.signIn', { username: 'amina', password: 'whatever-whatever' });
    expect(unknown.error).toEqual(wrong.error);
  });

  it('refuses a deactivated account and ends its sessions', async () => {
    const b = await branch();
    const { user, token } = await aStaffMember(b, { username: 'clerk' });
    await b.ok('users.update', { userId: user.id, isActive: false }, b.adminToken);
    expect((await b.call('auth.me', {}, token)).error?.code).toBe('UNAUTHENTICATED');
    expect(
      (await b.call('auth.signIn', { username: 'clerk', password: 'Teller-Password-2026' })).error?.reason,
    ).toBe('account_disabled');
  });
});

describe('sessions', () => {
  it('signs out after fifteen idle minutes, and activity keeps the session alive', async () => {
    const b = await branch();
    b.clock.advanceMinutes(14);
    expect((await b.call('auth.me', {}, b.adminToken)).data).toBeDefined();
    b.clock.advanceMinutes(14);
    expect((await b.call('auth.me', {}, b.adminToken)).data).toBeDefined();
    b.clock.advanceMinutes(15);
    const expired = await b.call('auth.me', {}, b.adminToken);
    expect(expired.error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'session_idle' });
    expect(expired.error!.message).toMatch(/inactivity/);
    expect(await auditActions(b)).toContain('auth.sessionExpired');
  });

  it('ends a session after its absolute lifetime however active it is', async () => {
    const b = await branch();
    for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
      b.clock.advanceMinutes(10);
      expect((await b.call('auth.me', {}, b.adminToken)).error).toBeUndefined();
    }
    b.clock.advanceMinutes(10);
    expect((await b.call('auth.me', {}, b.adminToken)).error?.reason).toBe('session_expired');
  });

  it('does not count the status bar’s polling as activity', async () => {
    const b = await branch();
    b.clock.advanceMinutes(10);
    expect((await b.call('system.status', {}, b.adminToken)).error).toBeUndefined();
    b.clock.advanceMinutes(6);
    expect((await b.call('system.status', {}, b.adminToken)).error?.reason).toBe('session_idle');
  });

  it('refuses a token after sign-out', async () => {
    const b = await branch();
    await b.ok('auth.signOut', {}, b.adminToken);
    expect((await b.call('auth.me', {}, b.adminToken)).error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('passwords', () => {
  it('forces a new user to change the temporary password before anything else', async () => {
    const b = await branch();
    await b.ok(
      'users.create',
      { username: 'tom', displayName: 'Tom', role: 'teller', temporaryPassword: 'Temporary-Pass-123' },
      b.adminToken,
    );
    const first = await b.ok('auth.signIn', { username: 'tom', password: 'Temporary-Pass-123' });
    expect(first.status).toBe('passwordChangeRequired');
    expect((await b.call('system.status', {}, first.sessionToken)).error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'session_stage',
    });
    const same = await b.call(
      'auth.changePassword',
      { currentPassword: 'Temporary-Pass-123', newPassword: 'Temporary-Pass-123' },
      first.sessionToken,
    );
    expect(same.error).toMatchObject({ reason: 'password_reused' });
    const short = await b.call(
      'auth.changePassword',
      { currentPassword: 'Temporary-Pass-123', newPassword: 'short' },
      first.sessionToken,
    );
    expect(short.error).toMatchObject({ reason: 'password_too_short', issues: [{ path: 'newPassword' }] });
    const withName = await b.call(
      'auth.changePassword',
      { currentPassword: 'Temporary-Pass-123', newPassword: 'my-name-is-tom-99' },
      first.sessionToken,
    );
    expect(withName.error?.reason).toBe('password_contains_username');
    const done = await b.ok(
      'auth.changePassword',
      { currentPassword: 'Temporary-Pass-123', newPassword: 'Counter-Cash-2026!' },
      first.sessionToken,
    );
    expect(done.status).toBe('signedIn');
    expect(done.sessionToken).not.toBe(first.sessionToken);
    expect((await b.call('system.status', {}, first.sessionToken)).error?.code).toBe('UNAUTHENTICATED');
    expect((await b.call('system.status', {}, done.sessionToken)).data?.branchCode).toBe('NBO');
  });

  it('refuses passwords longer than 128 characters', async () => {
    const b = await branch();
    const r = await b.call(
      'users.create',
      { username: 'tom', displayName: 'Tom', role: 'teller', temporaryPassword: 'x'.repeat(129) },
      b.adminToken,
    );
    expect(r.error?.reason).toBe('password_too_long');
  });

  it('an administrator reset ends the user’s sessions and forces a change at next sign-in', async () => {
    const b = await branch();
    const { user, token } = await aStaffMember(b);
    await b.ok(
      'users.resetPassword',
      { userId: user.id, temporaryPassword: 'Reset-By-Admin-77' },
      b.adminToken,
    );
    expect((await b.call('auth.me', {}, token)).error?.code).toBe('UNAUTHENTICATED');
    expect((await b.ok('auth.signIn', { username: 'tom', password: 'Reset-By-Admin-77' })).status).toBe(
      'passwordChangeRequired',
    );
    expect(await auditActions(b)).toContain('user.passwordReset');
  });

  it('stores only salted scrypt hashes', async () => {
    const b = await branch();
    const rows = await b.ledger.db.selectFrom('users').select('password_hash').execute();
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0]!.password_hash).not.toContain(adminPassword);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code from the app, then asks for a code at every sign-in', async () => {
    const b = await branch();
    const enrolment = await b.ok('auth.startTotpEnrolment', {}, b.adminToken);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUri).toContain('otpauth://totp/');
    const wrong = await b.call('auth.confirmTotpEnrolment', { code: '000000' }, b.adminToken);
    expect(wrong.error?.issues?.[0]?.path).toBe('code');
    const now = b.clock.now().getTime();
    const confirmed = await b.ok(
      'auth.confirmTotpEnrolment',
      { code: totpAt(enrolment.secret, now) },
      b.adminToken,
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);

    const signIn = await b.ok('auth.signIn', { username: 'amina', password: adminPassword });
    expect(signIn.status).toBe('totpRequired');
    expect((await b.call('system.status', {}, signIn.sessionToken)).error?.reason).toBe('session_stage');
    b.clock.advanceMs(30_000);
    const code = totpAt(enrolment.secret, b.clock.now().getTime() - 30_000); // the previous step is still accepted
    const verified = await b.ok('auth.verifyTotp', { code }, signIn.sessionToken);
    expect(verified.status).toBe('signedIn');
    expect(await auditActions(b)).toEqual(
      expect.arrayContaining(['auth.totpEnabled', 'auth.passwordAccepted', 'auth.signedIn']),
    );
  });

  it('refuses a code two steps old, and accepts each recovery code once', async () => {
    const b = await branch();
    const enrolment = await b.ok('auth.startTotpEnrolment', {}, b.adminToken);
    const { recoveryCodes } = await b.ok(
      'auth.confirmTotpEnrolment',
      { code: totpAt(enrolment.secret, b.clock.now().getTime()) },
      b.adminToken,
    );
    const signIn = await b.ok('auth.signIn', { username: 'amina', password: adminPassword });
    const stale = totpAt(enrolment.secret, b.clock.now().getTime() - 61_000);
    expect((await b.call('auth.verifyTotp', { code: stale }, signIn.sessionToken)).error?.reason).toBe(
      'totp_invalid',
    );
    expect(
      (await b.ok('auth.verifyTotp', { code: recoveryCodes[0]!.toLowerCase() }, signIn.sessionToken)).status,
    ).toBe('signedIn');
    const again = await b.ok('auth.signIn', { username: 'amina', password: adminPassword });
    expect(
      (await b.call('auth.verifyTotp', { code: recoveryCodes[0]! }, again.sessionToken)).error?.reason,
    ).toBe('totp_invalid');
  });

  it('makes a role enrol at next sign-in when an administrator requires it', async () => {
    const b = await branch();
    await aStaffMember(b);
    await b.ok('roles.setTotpRequired', { role: 'teller', isRequired: true }, b.adminToken);
    const signIn = await b.ok('auth.signIn', { username: 'tom', password: 'Teller-Password-2026' });
    expect(signIn.status).toBe('totpEnrolmentRequired');
    expect((await b.call('system.status', {}, signIn.sessionToken)).error?.reason).toBe('session_stage');
    const enrolment = await b.ok('auth.startTotpEnrolment', {}, signIn.sessionToken);
    const done = await b.ok(
      'auth.confirmTotpEnrolment',
      { code: totpAt(enrolment.secret, b.clock.now().getTime()) },
      signIn.sessionToken,
    );
    expect(done.result.status).toBe('signedIn');
    expect(
      (await b.call('auth.disableTotp', { password: 'Teller-Password-2026' }, done.result.sessionToken)).error
        ?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('permissions', () => {
  it('a teller cannot manage users: FORBIDDEN, audited, nothing changed', async () => {
    const b = await branch();
    const { token } = await aStaffMember(b);
    const before = await b.ledger.db.selectFrom('users').selectAll().execute();
    const r = await b.call(
      'users.create',
      { username: 'eve', displayName: 'Eve', role: 'admin', temporaryPassword: 'Sneaky-Admin-4242' },
      token,
    );
    expect(r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'permission_denied' });
    expect(await b.ledger.db.selectFrom('users').selectAll().execute()).toEqual(before);
    const denial = await b.ledger.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'permission.denied')
      .executeTakeFirstOrThrow();
    expect(denial.username).toBe('tom');
    expect(JSON.parse(denial.details)).toMatchObject({ method: 'users.create' });
  });

  it('calls without a session are UNAUTHENTICATED', async () => {
    const b = await branch();
    expect((await b.call('users.list', { includeInactive: true })).error?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the last active administrator', async () => {
    const b = await branch();
    const me = await b.ok('auth.me', {}, b.adminToken);
    const r = await b.call('users.update', { userId: me.user.id, role: 'teller' }, b.adminToken);
    expect(r.error).toMatchObject({ code: 'CONFLICT', reason: 'cannot_demote_last_admin' });
  });

  it('an auditor reads the audit log, filtered by action and user, but cannot manage users', async () => {
    const b = await branch();
    const { token, user } = await aStaffMember(b, { username: 'ada', role: 'auditor' });
    const page = await b.ok('audit.list', { action: 'auth.', limit: 2 }, token);
    expect(page.rows).toHaveLength(2);
    expect(page.rows.every((r) => r.action.startsWith('auth.'))).toBe(true);
    expect(page.nextBeforeSeq).not.toBeNull();
    const next = await b.ok(
      'audit.list',
      { action: 'auth.', beforeSeq: page.nextBeforeSeq!, limit: 100 },
      token,
    );
    expect(next.rows[0]!.seq).toBeLessThan(page.rows[1]!.seq);
    const mine = await b.ok('audit.list', { userId: user.id, limit: 100 }, token);
    expect(mine.rows.every((r) => r.userId === user.id)).toBe(true);
    expect((await b.call('users.list', { includeInactive: true }, token)).error?.code).toBe('FORBIDDEN');
  });

  it('refuses a duplicate username', async () => {
    const b = await branch();
    await aStaffMember(b);
    const r = await b.call(
      'users.create',
      { username: 'TOM', displayName: 'Tom 2', role: 'teller', temporaryPassword: 'Another-Pass-9876' },
      b.adminToken,
    );
    expect(r.error).toMatchObject({
      code: 'CONFLICT',
      reason: 'username_taken',
      issues: [{ path: 'username' }],
    });
  });
});
