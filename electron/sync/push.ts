// Push: sends this device's unsent events, in order, in bounded batches, one central transaction each. The
// event ids and per-device sequence numbers were made when the events were written, so a retried batch is
// acknowledged without being applied twice; the outbox is pruned by the `last` sequence central answers.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Central } from './central';

export const maxPushBatch = 500;

export interface LocalIdentity {
  deviceId: string;
  deviceCode: string;
  branchId: string;
  branchCode: string;
  branchName: string;
  schemaVersion: number;
}

export interface PushResult {
  pushed: number;
  last: number;
  refused: { deviceSeq: number; reason: string; aheadMs?: number } | null;
  epoch: string;
  /** This device's clock minus central's: HLCs keep the order right, but a person should fix a wrong clock. */
  clockSkewMs: number;
}

export function payloadHash(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}

export async function localIdentity(db: Kysely<Database>): Promise<LocalIdentity> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('branches', 'branches.id', 'devices.branch_id')
    .select([
      'devices.id',
      'devices.code',
      'devices.schema_version',
      'branches.id as branchId',
      'branches.code as branchCode',
      'branches.name',
    ])
    .where('devices.is_local', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    deviceId: row.id,
    deviceCode: row.code,
    branchId: row.branchId,
    branchCode: row.branchCode,
    branchName: row.name,
    schemaVersion: row.schema_version,
  };
}

export async function registerDevice(
  central: Central,
  me: LocalIdentity,
): Promise<{ epoch: string; last: number }> {
  const [row] = await central.query<{ r: { epoch: string; last: number } }>(
    'SELECT lms_register_device($1, $2, $3, $4, $5, $6) AS r',
    [me.branchId, me.branchCode, me.branchName, me.deviceId, me.deviceCode, me.schemaVersion],
  );
  return { epoch: row!.r.epoch, last: Number(row!.r.last) };
}

/** A customer's events belong to the customer's home branch, whoever wrote them (head office included). */
async function scopeBranches(db: Kysely<Database>, events: { entity_type: string; entity_id: string }[]) {
  const ids = [...new Set(events.filter((e) => e.entity_type === 'customer').map((e) => e.entity_id))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('customers').select(['id', 'branch_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.branch_id]));
}

async function markPushed(db: Kysely<Database>, deviceId: string, last: number, at: string) {
  await db
    .updateTable('events')
    .set({ pushed_at: at })
    .where('device_id', '=', deviceId)
    .where('device_seq', '<=', last)
    .where('pushed_at', 'is', null)
    .execute();
}

/** Pushes until the outbox is empty, central refuses an event, or `maxBatches` have gone. */
export async function pushPending(
  db: Kysely<Database>,
  central: Central,
  options: { batchSize?: number; maxBatches?: number; now?: () => Date; isHeadOffice?: boolean } = {},
): Promise<PushResult> {
  const me = await localIdentity(db);
  const batchSize = Math.min(options.batchSize ?? maxPushBatch, maxPushBatch);
  const now = options.now ?? (() => new Date());
  const registration = await registerDevice(central, me);
  // Head office's configuration events reach every branch (the branch roles' policy and the pull filter read
  // this flag). Only the database owner may set it; a branch role's update matches no row.
  if (options.isHeadOffice)
    await central.query('UPDATE branches SET is_head_office = true WHERE id = $1 AND NOT is_head_office', [
      me.branchId,
    ]);
  const [clock] = await central.query<{ now: string }>(
    'SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now',
  );
  const clockSkewMs = now().getTime() - Number(clock!.now);
  // Central may already hold events whose acknowledgement we lost (a crash after its commit).
  await markPushed(db, me.deviceId, registration.last, now().toISOString());
  let pushed = 0;
  let last = registration.last;
  for (let batch = 0; batch < (options.maxBatches ?? 10_000); batch++) {
    const events = await db
      .selectFrom('events')
      .selectAll()
      .where('device_id', '=', me.deviceId)
      .where('pushed_at', 'is', null)
      .orderBy('device_seq')
      .limit(batchSize)
      .execute();
    if (events.length === 0) break;
    const scopes = await scopeBranches(db, events);
    const body = events.map((e) => ({
      id: e.id,
      deviceSeq: e.device_seq,
      scopeBranchId: scopes.get(e.entity_id) ?? me.branchId,
      hlc: e.hlc,
      type: e.type,
      entityType: e.entity_type,
      entityId: e.entity_id,
      payload: JSON.parse(e.payload) as unknown,
      payloadHash: payloadHash(e.payload),
      schemaVersion: e.schema_version,
    }));
    const [row] = await central.query<{
      r: { last: number; accepted: number; refused?: PushResult['refused'] };
    }>('SELECT lms_push($1, $2::jsonb) AS r', [me.deviceId, JSON.stringify(body)]);
    const answer = row!.r;
    last = Number(answer.last);
    pushed += answer.accepted;
    await markPushed(db, me.deviceId, last, now().toISOString());
    if (answer.refused)
      return { pushed, last, refused: answer.refused, epoch: registration.epoch, clockSkewMs };
  }
  return { pushed, last, refused: null, epoch: registration.epoch, clockSkewMs };
}
