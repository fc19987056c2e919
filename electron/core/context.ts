// The context every use case runs in: the ledger, the clock, id generation, the local device and the actor.
// Use cases are plain functions over it; nothing here knows about Electron, HTTP or React.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from './ids';
import type { Database, SessionStage } from '../../db/schema';
import type { Permission, Role } from '../../shared/permissions';
import type { SyncPort } from './sync/port';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A UUIDv7: time-ordered, made offline without coordination. */
  uuid(): string;
  /** An unguessable token (session tokens, recovery codes). */
  token(bytes?: number): string;
}

/** scrypt cost parameters; production defaults, lowered only in tests. */
export interface PasswordHashing {
  N: number;
  r: number;
  p: number;
}

export interface CoreDeps {
  db: Kysely<Database>;
  /** A read-only connection for queries (db/open.ts); absent: queries use `db`. */
  readDb?: Kysely<Database>;
  clock: Clock;
  ids: Ids;
  hashing: PasswordHashing;
  /** Where document scans are kept, content-addressed by SHA-256 (beside the ledger file). */
  documentsDir: string;
  log: (message: string, error?: unknown) => void;
  /** The host's sync worker and keychain (absent in the CLI and most tests: sync is then "not available"). */
  sync?: SyncPort;
}

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
  stage: SessionStage;
}

export interface LocalDevice {
  id: string;
  code: string;
  branchId: string;
  branchCode: string;
}

export interface Ctx extends CoreDeps {
  /** The writing connection, for the rare write a query makes (auditing a refusal); its `db` may be the reader. */
  writeDb?: Kysely<Database>;
  actor: Actor | null;
  device: LocalDevice | null;
  /** The raw session token of this call, if any (sign-out ends it). */
  sessionToken: string | null;
}

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

export interface EventDraft {
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  /** An HLC reserved beforehand (`nextHlc`), when the rows the event carries must already know it. */
  hlc?: string;
}

/** The context of a mutation: `tx` exists only inside the use case's single write transaction. */
export interface WriteCtx extends Ctx {
  tx: Kysely<Database>;
  audit(entry: AuditEntry): Promise<void>;
  /** Appends the event; answers its HLC. */
  emit(event: EventDraft): Promise<string>;
}

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: Ids = {
  uuid: () => uuidv7(),
  token: (bytes = 32) => randomBytes(bytes).toString('base64url'),
};

export const productionHashing: PasswordHashing = { N: 2 ** 15, r: 8, p: 1 };

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('use case needs a signed-in actor');
  return ctx.actor;
}

export function requireDevice(ctx: Ctx): LocalDevice {
  if (!ctx.device) throw new Error('use case needs an initialised ledger');
  return ctx.device;
}
