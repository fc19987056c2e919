// Staff sessions: an unguessable token handed to the client (only its SHA-256 is stored), a stage (signed in,
// or waiting for a two-factor code, a new password or a two-factor enrolment), an idle timeout and an absolute
// lifetime. The token is rotated at every stage change, so a token seen before sign-in completed is worthless.
import { rawAll, rawFirst } from '../../../db/raw';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SessionStage, UsersTable } from '../../../db/schema';
import type { SignInResult } from '../../../shared/contract';
import type { Permission, Role } from '../../../shared/permissions';
import type { Actor, Ctx, WriteCtx } from '../context';
import { requireDevice } from '../context';
import { readSecurity } from '../settings/security';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const minutes = (n: number) => n * 60_000;

export function stageAfterSecondFactor(
  user: Pick<UsersTable, 'must_change_password' | 'totp_enabled_at'>,
  roleRequiresTotp: boolean,
): SessionStage {
  if (user.must_change_password) return 'passwordChangeRequired';
  if (roleRequiresTotp && !user.totp_enabled_at) return 'totpEnrolmentRequired';
  return 'active';
}

export function stageAfterPassword(
  user: Pick<UsersTable, 'must_change_password' | 'totp_enabled_at'>,
  roleRequiresTotp: boolean,
): SessionStage {
  return user.totp_enabled_at ? 'totpRequired' : stageAfterSecondFactor(user, roleRequiresTotp);
}

export function toSignInResult(stage: SessionStage, token: string, expiresAt: string): SignInResult {
  return { status: stage === 'active' ? 'signedIn' : stage, sessionToken: token, expiresAt };
}

export async function roleRequiresTotp(db: Kysely<Database>, role: string): Promise<boolean> {
  const row = await db
    .selectFrom('roles')
    .select('requires_totp')
    .where('code', '=', role)
    .executeTakeFirst();
  return row?.requires_totp === 1;
}

export async function createSession(
  ctx: WriteCtx,
  userId: string,
  stage: SessionStage,
): Promise<SignInResult> {
  const security = await readSecurity(ctx.tx);
  const now = ctx.clock.now();
  const token = ctx.ids.token();
  const expiresAt = new Date(now.getTime() + security.sessionHours * 3_600_000).toISOString();
  await ctx.tx
    .insertInto('sessions')
    .values({
      id: ctx.ids.uuid(),
      token_hash: hashToken(token),
      user_id: userId,
      device_id: requireDevice(ctx).id,
      stage,
      pending_totp_secret: null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ended_at: null,
    })
    .execute();
  return toSignInResult(stage, token, expiresAt);
}

/** Moves the caller's session to `stage` under a fresh token. */
export async function advanceSession(
  ctx: WriteCtx,
  sessionId: string,
  stage: SessionStage,
): Promise<SignInResult> {
  const token = ctx.ids.token();
  const session = await ctx.tx
    .updateTable('sessions')
    .set({ stage, token_hash: hashToken(token), pending_totp_secret: null })
    .where('id', '=', sessionId)
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return toSignInResult(stage, token, session.expires_at);
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'expired'; sessionId: string; why: 'idle' | 'lifetime' | 'ended' | 'user' }
  | { kind: 'valid'; actor: Actor; idleExpiresAt: string; expiresAt: string; lastSeenAt: string };

/** Finds the session of a token and checks its idle timeout and lifetime against the clock. */
interface SessionRow {
  sessionId: string;
  stage: SessionStage;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  userId: string;
  username: string;
  role_code: string;
  is_active: number;
}
// Every call looks its session up: prepared statements (db/raw.ts).
const sessionSql = `SELECT s.id AS sessionId, s.stage, s.last_seen_at, s.expires_at, s.ended_at, u.id AS userId,
  u.username, u.role_code, u.is_active FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`;
const permissionsSql = 'SELECT permission_code FROM role_permissions WHERE role_code = ?';

export async function lookupSession(ctx: Ctx, token: string): Promise<SessionLookup> {
  const row = await rawFirst<SessionRow>(ctx.db, sessionSql, [hashToken(token)]);
  if (!row) return { kind: 'none' };
  const now = ctx.clock.now().getTime();
  const security = await readSecurity(ctx.db);
  const idleExpiresAt = new Date(Date.parse(row.last_seen_at) + minutes(security.idleMinutes));
  if (row.ended_at) return { kind: 'expired', sessionId: row.sessionId, why: 'ended' };
  if (!row.is_active) return { kind: 'expired', sessionId: row.sessionId, why: 'user' };
  if (now >= Date.parse(row.expires_at))
    return { kind: 'expired', sessionId: row.sessionId, why: 'lifetime' };
  if (now >= idleExpiresAt.getTime()) return { kind: 'expired', sessionId: row.sessionId, why: 'idle' };
  const permissions = await rawAll<{ permission_code: string }>(ctx.db, permissionsSql, [row.role_code]);
  return {
    kind: 'valid',
    idleExpiresAt: idleExpiresAt.toISOString(),
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    actor: {
      userId: row.userId,
      username: row.username,
      role: row.role_code as Role,
      permissions: new Set(permissions.map((p) => p.permission_code as Permission)),
      sessionId: row.sessionId,
      stage: row.stage,
    },
  };
}

export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  now: Date,
  lastSeenAt: string,
): Promise<void> {
  if (Date.parse(lastSeenAt) > now.getTime() - 30_000) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', sessionId)
    .execute();
}

export async function endSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

export async function endUserSessions(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}
