// Staff accounts: list, create (with a temporary password to change at first sign-in), change name or role,
// deactivate, reset a password, unlock, reset two-factor; roles and whether they require two-factor.
// The last active administrator can be neither demoted nor deactivated.
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../../../db/schema';
import {
  LmsError,
  fieldError,
  type OutputOf,
  type ParsedInputOf,
  type UserView,
} from '../../../shared/contract';
import { roles as roleNames, type Permission, type Role } from '../../../shared/permissions';
import type { Ctx, WriteCtx } from '../context';
import { requireDevice } from '../context';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords';
import { endUserSessions } from '../auth/sessions';
import { readSecurity } from '../settings/security';

export function toUserView(user: UsersTable, now: Date): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role_code as Role,
    isActive: user.is_active === 1,
    isLocked: user.locked_until !== null && Date.parse(user.locked_until) > now.getTime(),
    lockedUntil: user.locked_until,
    hasTotp: user.totp_enabled_at !== null,
    mustChangePassword: user.must_change_password === 1,
    lastSignInAt: user.last_sign_in_at,
    createdAt: user.created_at,
  };
}

export async function listUsers(ctx: Ctx, input: ParsedInputOf<'users.list'>): Promise<UserView[]> {
  let query = ctx.db.selectFrom('users').selectAll().orderBy('username');
  if (!input.includeInactive) query = query.where('is_active', '=', 1);
  const now = ctx.clock.now();
  return (await query.execute()).map((u) => toUserView(u, now));
}

async function findUser(tx: Kysely<Database>, userId: string): Promise<UsersTable> {
  const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new LmsError('NOT_FOUND', 'No staff member with that id.', 'user_not_found');
  return user;
}

async function assertTemporaryPassword(
  tx: Kysely<Database>,
  password: string,
  username: string,
  field: string,
) {
  const security = await readSecurity(tx);
  const violation = checkPasswordPolicy(password, security.minPasswordLength, username);
  if (violation) throw fieldError(field, violation.message, violation.reason);
}

/** Shared by first-run setup and the users screen: inserts the account and its `user.created` event. */
export async function insertUser(
  ctx: WriteCtx,
  user: { username: string; displayName: string; role: Role; password: string; mustChangePassword: boolean },
  branchId: string,
): Promise<UsersTable> {
  const now = ctx.clock.now().toISOString();
  const row: UsersTable = {
    id: ctx.ids.uuid(),
    branch_id: branchId,
    username: user.username,
    display_name: user.displayName,
    role_code: user.role,
    password_hash: await hashPassword(user.password, ctx.hashing),
    password_changed_at: now,
    must_change_password: user.mustChangePassword ? 1 : 0,
    totp_secret: null,
    totp_enabled_at: null,
    failed_attempts: 0,
    locked_until: null,
    is_active: 1,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.tx.insertInto('users').values(row).execute();
  // Staff sign in on every device of their branch, offline: the scrypt hash travels with the event.
  await ctx.emit({
    type: 'user.created',
    entityType: 'user',
    entityId: row.id,
    payload: {
      username: row.username,
      displayName: row.display_name,
      role: row.role_code,
      branchId,
      passwordHash: row.password_hash,
      mustChangePassword: user.mustChangePassword,
    },
  });
  return row;
}

export async function createUser(ctx: WriteCtx, input: ParsedInputOf<'users.create'>): Promise<UserView> {
  // Unique within the branch (migration 5): another branch may have its own "manager".
  const branchId = requireDevice(ctx).branchId;
  const taken = await ctx.tx
    .selectFrom('users')
    .select('id')
    .where('branch_id', '=', branchId)
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken)
    throw new LmsError('CONFLICT', 'That username is taken at this branch.', 'username_taken', [
      { path: 'username', message: 'is taken at this branch' },
    ]);
  await assertTemporaryPassword(ctx.tx, input.temporaryPassword, input.username, 'temporaryPassword');
  const row = await insertUser(
    ctx,
    {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      password: input.temporaryPassword,
      mustChangePassword: true,
    },
    branchId,
  );
  await ctx.audit({
    action: 'user.created',
    entityType: 'user',
    entityId: row.id,
    details: { username: row.username, role: row.role_code },
  });
  return toUserView(row, ctx.clock.now());
}

async function assertNotLastAdmin(tx: Kysely<Database>, user: UsersTable) {
  if (user.role_code !== 'admin' || user.is_active !== 1) return;
  // Per branch: staff sign in at their own branch only, so another branch's administrator (head office holds
  // them all) cannot stand in for this branch's last one.
  const admins = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('branch_id', '=', user.branch_id)
    .where('role_code', '=', 'admin')
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  if (Number(admins.n) <= 1) {
    throw new LmsError(
      'CONFLICT',
      'This is the last active administrator; appoint another first.',
      'cannot_demote_last_admin',
    );
  }
}

export async function updateUser(ctx: WriteCtx, input: ParsedInputOf<'users.update'>): Promise<UserView> {
  const user = await findUser(ctx.tx, input.userId);
  const changes: Partial<UsersTable> = {};
  if (input.displayName !== undefined && input.displayName !== user.display_name)
    changes.display_name = input.displayName;
  if (input.role !== undefined && input.role !== user.role_code) changes.role_code = input.role;
  if (input.isActive !== undefined && (input.isActive ? 1 : 0) !== user.is_active)
    changes.is_active = input.isActive ? 1 : 0;
  if (Object.keys(changes).length === 0) return toUserView(user, ctx.clock.now());
  if (changes.role_code !== undefined || changes.is_active === 0) await assertNotLastAdmin(ctx.tx, user);
  const now = ctx.clock.now();
  const updated = await ctx.tx
    .updateTable('users')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (changes.is_active === 0 || changes.role_code !== undefined) await endUserSessions(ctx.tx, user.id, now);
  const before = { displayName: user.display_name, role: user.role_code, isActive: user.is_active === 1 };
  const after = {
    displayName: updated.display_name,
    role: updated.role_code,
    isActive: updated.is_active === 1,
  };
  await ctx.emit({ type: 'user.updated', entityType: 'user', entityId: user.id, payload: after });
  await ctx.audit({
    action: 'user.updated',
    entityType: 'user',
    entityId: user.id,
    details: { before, after },
  });
  return toUserView(updated, now);
}

export async function resetPassword(
  ctx: WriteCtx,
  input: ParsedInputOf<'users.resetPassword'>,
): Promise<OutputOf<'users.resetPassword'>> {
  const user = await findUser(ctx.tx, input.userId);
  await assertTemporaryPassword(ctx.tx, input.temporaryPassword, user.username, 'temporaryPassword');
  const now = ctx.clock.now();
  const hash = await hashPassword(input.temporaryPassword, ctx.hashing);
  await ctx.tx
    .updateTable('users')
    .set({
      password_hash: hash,
      password_changed_at: now.toISOString(),
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', user.id)
    .execute();
  await endUserSessions(ctx.tx, user.id, now);
  await ctx.emit({
    type: 'user.passwordReset',
    entityType: 'user',
    entityId: user.id,
    payload: { passwordHash: hash, mustChangePassword: true },
  });
  await ctx.audit({
    action: 'user.passwordReset',
    entityType: 'user',
    entityId: user.id,
    details: { username: user.username },
  });
  return { ok: true };
}

export async function unlockUser(ctx: WriteCtx, input: ParsedInputOf<'users.unlock'>): Promise<UserView> {
  const user = await findUser(ctx.tx, input.userId);
  const now = ctx.clock.now();
  const updated = await ctx.tx
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'user.unlocked',
    entityType: 'user',
    entityId: user.id,
    details: { username: user.username },
  });
  return toUserView(updated, now);
}

export async function resetTotp(ctx: WriteCtx, input: ParsedInputOf<'users.resetTotp'>): Promise<UserView> {
  const user = await findUser(ctx.tx, input.userId);
  const now = ctx.clock.now();
  const updated = await ctx.tx
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, updated_at: now.toISOString() })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.tx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
  await endUserSessions(ctx.tx, user.id, now);
  await ctx.audit({
    action: 'user.totpReset',
    entityType: 'user',
    entityId: user.id,
    details: { username: user.username },
  });
  return toUserView(updated, now);
}

export async function listRoles(ctx: Ctx): Promise<OutputOf<'roles.list'>> {
  const roles = await ctx.db.selectFrom('roles').selectAll().execute();
  const grants = await ctx.db.selectFrom('role_permissions').selectAll().execute();
  return roles.map((r) => ({
    role: r.code as Role,
    name: roleNames[r.code as Role] ?? r.name,
    permissions: grants.filter((g) => g.role_code === r.code).map((g) => g.permission_code as Permission),
    requiresTotp: r.requires_totp === 1,
  }));
}

export async function setTotpRequired(
  ctx: WriteCtx,
  input: ParsedInputOf<'roles.setTotpRequired'>,
): Promise<OutputOf<'roles.setTotpRequired'>> {
  await ctx.tx
    .updateTable('roles')
    .set({ requires_totp: input.isRequired ? 1 : 0 })
    .where('code', '=', input.role)
    .execute();
  await ctx.emit({
    type: 'role.totpRequirementChanged',
    entityType: 'role',
    entityId: input.role,
    payload: { isRequired: input.isRequired },
  });
  await ctx.audit({
    action: 'role.totpRequirementChanged',
    entityType: 'role',
    entityId: input.role,
    details: { isRequired: input.isRequired },
  });
  return { ok: true };
}
