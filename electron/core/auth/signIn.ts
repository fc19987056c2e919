// Staff sign-in, offline: password (scrypt), lockout after repeated failures, two-factor codes or recovery
// codes, the forced password change and two-factor enrolment, sign-out. Every success, failure, lockout and
// two-factor change is audited. Failures are committed (the attempt and the lockout count must survive).
import { randomBytes } from 'node:crypto';
import type { UsersTable } from '../../../db/schema';
import {
  LmsError,
  fieldError,
  type OutputOf,
  type ParsedInputOf,
  type SignInResult,
} from '../../../shared/contract';
import type { WriteCtx } from '../context';
import { requireActor, requireDevice } from '../context';
import { commitThenFail, type CommitThenFail } from '../result';
import { readSecurity } from '../settings/security';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import {
  advanceSession,
  createSession,
  endSession,
  roleRequiresTotp,
  stageAfterPassword,
  stageAfterSecondFactor,
} from './sessions';
import {
  hashRecoveryCode,
  isValidTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrDataUrl,
} from './totp';

/** Compared against when the username does not exist, so both paths cost one scrypt. */
let decoyHash: Promise<string> | null = null;

async function recordAttempt(ctx: WriteCtx, username: string, userId: string | null, reason: string | null) {
  await ctx.tx
    .insertInto('login_attempts')
    .values({
      id: ctx.ids.uuid(),
      username,
      user_id: userId,
      device_id: requireDevice(ctx).id,
      at: ctx.clock.now().toISOString(),
      is_success: reason === null ? 1 : 0,
      reason,
    })
    .execute();
}

function isLocked(user: Pick<UsersTable, 'locked_until'>, now: Date): boolean {
  return user.locked_until !== null && Date.parse(user.locked_until) > now.getTime();
}

function lockedError(lockedUntil: string): LmsError {
  return new LmsError(
    'UNAUTHENTICATED',
    `This account is locked after too many failed sign-ins until ${lockedUntil}. Try again later or ask an administrator to unlock it.`,
    'account_locked',
  );
}

const invalidCredentials = () =>
  new LmsError('UNAUTHENTICATED', 'The username or password is not correct.', 'invalid_credentials');

/** Counts a failed password or code; locks the account when the threshold is reached. */
async function countFailure(ctx: WriteCtx, user: UsersTable, what: string): Promise<CommitThenFail> {
  const security = await readSecurity(ctx.tx);
  const now = ctx.clock.now();
  const failures = user.failed_attempts + 1;
  const locks = failures >= security.maxFailedSignIns;
  const lockedUntil = locks ? new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString() : null;
  await ctx.tx
    .updateTable('users')
    .set({ failed_attempts: locks ? 0 : failures, locked_until: lockedUntil, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  await recordAttempt(ctx, user.username, user.id, what);
  const details = { username: user.username, reason: what, failures };
  await ctx.audit({ action: 'auth.signInFailed', entityType: 'user', entityId: user.id, details });
  if (locks) {
    await ctx.audit({
      action: 'auth.lockedOut',
      entityType: 'user',
      entityId: user.id,
      details: { lockedUntil },
    });
    return commitThenFail(lockedError(lockedUntil!));
  }
  return commitThenFail(what === 'totp_invalid' ? totpInvalid() : invalidCredentials());
}

const totpInvalid = () =>
  new LmsError('UNAUTHENTICATED', 'That code is not valid. Try the current code.', 'totp_invalid');

export async function signIn(
  ctx: WriteCtx,
  input: ParsedInputOf<'auth.signIn'>,
): Promise<SignInResult | CommitThenFail> {
  // Usernames are unique per branch (migration 5): staff sign in at their own branch's devices, so the name is
  // looked up among this device's branch's accounts (head office holds every branch's staff).
  const device = requireDevice(ctx);
  const user = await ctx.tx
    .selectFrom('users')
    .selectAll()
    .where('branch_id', '=', device.branchId)
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!user) {
    decoyHash ??= hashPassword('decoy-password-never-used', ctx.hashing);
    await verifyPassword(input.password, await decoyHash);
    await recordAttempt(ctx, input.username, null, 'unknown_user');
    await ctx.audit({
      action: 'auth.signInFailed',
      details: { username: input.username, reason: 'unknown_user' },
    });
    return commitThenFail(invalidCredentials());
  }
  const now = ctx.clock.now();
  if (isLocked(user, now)) {
    await recordAttempt(ctx, user.username, user.id, 'account_locked');
    await ctx.audit({
      action: 'auth.signInRefused',
      entityType: 'user',
      entityId: user.id,
      details: { reason: 'locked' },
    });
    return commitThenFail(lockedError(user.locked_until!));
  }
  if (!user.is_active) {
    await recordAttempt(ctx, user.username, user.id, 'account_disabled');
    await ctx.audit({
      action: 'auth.signInRefused',
      entityType: 'user',
      entityId: user.id,
      details: { reason: 'disabled' },
    });
    return commitThenFail(
      new LmsError('UNAUTHENTICATED', 'This account is disabled. Ask an administrator.', 'account_disabled'),
    );
  }
  if (!(await verifyPassword(input.password, user.password_hash)))
    return countFailure(ctx, user, 'wrong_password');

  const stage = stageAfterPassword(user, await roleRequiresTotp(ctx.tx, user.role_code));
  const isComplete =
    stage === 'active' || stage === 'passwordChangeRequired' || stage === 'totpEnrolmentRequired';
  await ctx.tx
    .updateTable('users')
    .set({
      failed_attempts: stage === 'totpRequired' ? user.failed_attempts : 0,
      locked_until: null,
      last_sign_in_at: isComplete ? now.toISOString() : user.last_sign_in_at,
      updated_at: now.toISOString(),
    })
    .where('id', '=', user.id)
    .execute();
  await recordAttempt(ctx, user.username, user.id, null);
  const result = await createSession({ ...ctx }, user.id, stage);
  await ctx.audit({
    action: stage === 'totpRequired' ? 'auth.passwordAccepted' : 'auth.signedIn',
    entityType: 'user',
    entityId: user.id,
    details: { username: user.username, stage },
  });
  return result;
}

async function currentUser(ctx: WriteCtx): Promise<UsersTable> {
  const actor = requireActor(ctx);
  return ctx.tx.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
}

function stageError(message: string): LmsError {
  return new LmsError('FORBIDDEN', message, 'session_stage');
}

export async function verifyTotp(
  ctx: WriteCtx,
  input: ParsedInputOf<'auth.verifyTotp'>,
): Promise<SignInResult | CommitThenFail> {
  const actor = requireActor(ctx);
  if (actor.stage !== 'totpRequired') throw stageError('No two-factor code is expected now.');
  const user = await currentUser(ctx);
  const now = ctx.clock.now();
  if (isLocked(user, now)) return commitThenFail(lockedError(user.locked_until!));
  let method: 'totp' | 'recovery_code';
  if (/^\d{6}$/.test(input.code)) {
    if (!user.totp_secret || !isValidTotp(user.totp_secret, input.code, now.getTime())) {
      return countFailure(ctx, user, 'totp_invalid');
    }
    method = 'totp';
  } else {
    const code = await ctx.tx
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .where('code_hash', '=', hashRecoveryCode(input.code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (!code) return countFailure(ctx, user, 'totp_invalid');
    await ctx.tx
      .updateTable('recovery_codes')
      .set({ used_at: now.toISOString() })
      .where('id', '=', code.id)
      .execute();
    method = 'recovery_code';
  }
  await ctx.tx
    .updateTable('users')
    .set({ failed_attempts: 0, last_sign_in_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  const stage = stageAfterSecondFactor(user, await roleRequiresTotp(ctx.tx, user.role_code));
  await ctx.audit({
    action: 'auth.signedIn',
    entityType: 'user',
    entityId: user.id,
    details: { method, stage },
  });
  return advanceSession(ctx, actor.sessionId, stage);
}

async function assertNewPasswordAllowed(ctx: WriteCtx, user: UsersTable, newPassword: string): Promise<void> {
  const security = await readSecurity(ctx.tx);
  const violation = checkPasswordPolicy(newPassword, security.minPasswordLength, user.username);
  if (violation) throw fieldError('newPassword', violation.message, violation.reason);
  const recent = await ctx.tx
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .limit(4)
    .execute();
  for (const hash of [user.password_hash, ...recent.map((r) => r.password_hash)]) {
    if (await verifyPassword(newPassword, hash)) {
      throw fieldError('newPassword', 'must differ from your last five passwords', 'password_reused');
    }
  }
}

export async function changePassword(
  ctx: WriteCtx,
  input: ParsedInputOf<'auth.changePassword'>,
): Promise<SignInResult | CommitThenFail> {
  const actor = requireActor(ctx);
  if (actor.stage === 'totpRequired') throw stageError('Enter your two-factor code first.');
  const user = await currentUser(ctx);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    const failure = await countFailure(ctx, user, 'wrong_password');
    if (failure.error.reason === 'invalid_credentials') {
      return commitThenFail(
        new LmsError('VALIDATION', 'The current password is not correct.', 'invalid_credentials', [
          { path: 'currentPassword', message: 'is not correct' },
        ]),
      );
    }
    return failure;
  }
  await assertNewPasswordAllowed(ctx, user, input.newPassword);
  const now = ctx.clock.now().toISOString();
  const hash = await hashPassword(input.newPassword, ctx.hashing);
  await ctx.tx
    .insertInto('password_history')
    .values({ id: ctx.ids.uuid(), user_id: user.id, password_hash: user.password_hash, created_at: now })
    .execute();
  await ctx.tx
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: now, must_change_password: 0, updated_at: now })
    .where('id', '=', user.id)
    .execute();
  await ctx.emit({
    type: 'user.passwordChanged',
    entityType: 'user',
    entityId: user.id,
    payload: { passwordHash: hash, changedAt: now },
  });
  await ctx.audit({ action: 'auth.passwordChanged', entityType: 'user', entityId: user.id });
  const stage = stageAfterSecondFactor(
    { ...user, must_change_password: 0 },
    await roleRequiresTotp(ctx.tx, user.role_code),
  );
  return advanceSession(ctx, actor.sessionId, stage);
}

export async function startTotpEnrolment(ctx: WriteCtx): Promise<OutputOf<'auth.startTotpEnrolment'>> {
  const actor = requireActor(ctx);
  if (actor.stage !== 'active' && actor.stage !== 'totpEnrolmentRequired') {
    throw stageError('Finish signing in before setting up two-factor sign-in.');
  }
  const secret = newTotpSecret();
  await ctx.tx
    .updateTable('sessions')
    .set({ pending_totp_secret: secret })
    .where('id', '=', actor.sessionId)
    .execute();
  const uri = otpauthUri(secret, actor.username);
  await ctx.audit({ action: 'auth.totpEnrolmentStarted', entityType: 'user', entityId: actor.userId });
  return { secret, otpauthUri: uri, qrDataUrl: await qrDataUrl(uri) };
}

export async function confirmTotpEnrolment(
  ctx: WriteCtx,
  input: ParsedInputOf<'auth.confirmTotpEnrolment'>,
): Promise<OutputOf<'auth.confirmTotpEnrolment'> | CommitThenFail> {
  const actor = requireActor(ctx);
  const session = await ctx.tx
    .selectFrom('sessions')
    .select('pending_totp_secret')
    .where('id', '=', actor.sessionId)
    .executeTakeFirstOrThrow();
  const secret = session.pending_totp_secret;
  if (!secret) throw new LmsError('CONFLICT', 'Start two-factor enrolment first.', 'totp_not_enrolling');
  if (!isValidTotp(secret, input.code, ctx.clock.now().getTime())) {
    await ctx.audit({ action: 'auth.totpEnrolmentFailed', entityType: 'user', entityId: actor.userId });
    return commitThenFail(
      new LmsError('VALIDATION', 'That code is not valid.', 'totp_invalid', [
        { path: 'code', message: 'is not valid' },
      ]),
    );
  }
  const now = ctx.clock.now().toISOString();
  await ctx.tx
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: now, updated_at: now })
    .where('id', '=', actor.userId)
    .execute();
  await ctx.tx.deleteFrom('recovery_codes').where('user_id', '=', actor.userId).execute();
  const bytes = randomBytes(160);
  let i = 0;
  const recoveryCodes = newRecoveryCodes(() => bytes[i++]!);
  await ctx.tx
    .insertInto('recovery_codes')
    .values(
      recoveryCodes.map((code) => ({
        id: ctx.ids.uuid(),
        user_id: actor.userId,
        code_hash: hashRecoveryCode(code),
        used_at: null,
      })),
    )
    .execute();
  await ctx.audit({ action: 'auth.totpEnabled', entityType: 'user', entityId: actor.userId });
  const stage = actor.stage === 'totpEnrolmentRequired' ? 'active' : actor.stage;
  return { recoveryCodes, result: await advanceSession(ctx, actor.sessionId, stage) };
}

export async function disableTotp(
  ctx: WriteCtx,
  input: ParsedInputOf<'auth.disableTotp'>,
): Promise<OutputOf<'auth.disableTotp'>> {
  const user = await currentUser(ctx);
  if (!(await verifyPassword(input.password, user.password_hash))) {
    throw fieldError('password', 'is not correct', 'invalid_credentials');
  }
  if (await roleRequiresTotp(ctx.tx, user.role_code)) {
    throw new LmsError('FORBIDDEN', 'Your role requires two-factor sign-in.', 'permission_denied');
  }
  const now = ctx.clock.now().toISOString();
  await ctx.tx
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, updated_at: now })
    .where('id', '=', user.id)
    .execute();
  await ctx.tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
  await ctx.audit({ action: 'auth.totpDisabled', entityType: 'user', entityId: user.id });
  return { ok: true };
}

export async function signOut(ctx: WriteCtx): Promise<OutputOf<'auth.signOut'>> {
  const actor = requireActor(ctx);
  await endSession(ctx.tx, actor.sessionId, ctx.clock.now());
  await ctx.audit({ action: 'auth.signedOut', entityType: 'user', entityId: actor.userId });
  return { ok: true };
}
