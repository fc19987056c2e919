// The local event log: every change a user makes, appended in the same transaction as its projections, with
// a UUIDv7 id, this device's next sequence number and an HLC timestamp, all made before anything is sent.
// It is the sync outbox (pushed_at marks what central acknowledged). Not responsible for sending events.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { decodeHlc, encodeHlc, tick } from '../../../shared/hlc';
import type { Ctx, EventDraft } from '../context';
import { rawFirst, rawInsert, rawRun } from '../../../db/raw';

/** Bumped when an event payload's shape changes; devices announce it when they sync. */
export const eventSchemaVersion = 1;

export const hlcKey = 'clock.hlc';

const readSettingSql = 'SELECT value FROM settings WHERE key = ?';
const writeSettingSql = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

export async function nextHlc(tx: Kysely<Database>, ctx: Ctx, node: string): Promise<string> {
  const row = await rawFirst<{ value: string }>(tx, readSettingSql, [hlcKey]);
  const last = row ? (JSON.parse(row.value) as string) : undefined;
  const hlc = encodeHlc(tick(last ? decodeHlc(last) : null, ctx.clock.now().getTime(), node));
  await rawRun(tx, writeSettingSql, [hlcKey, JSON.stringify(hlc), ctx.clock.now().toISOString()]);
  return hlc;
}

const lastSeqSql = 'SELECT MAX(device_seq) AS seq FROM events WHERE device_id = ?';

/** Appends one event; answers its id and HLC (projections that merge by HLC record the same one). */
export async function appendEvent(
  tx: Kysely<Database>,
  ctx: Ctx,
  event: EventDraft,
  deviceId: string,
): Promise<{ id: string; hlc: string }> {
  const last = await rawFirst<{ seq: number | null }>(tx, lastSeqSql, [deviceId]);
  const id = ctx.ids.uuid();
  const hlc = event.hlc ?? (await nextHlc(tx, ctx, deviceId));
  await rawInsert(tx, 'events', {
    id,
    device_id: deviceId,
    device_seq: (last?.seq ?? 0) + 1,
    hlc,
    type: event.type,
    entity_type: event.entityType,
    entity_id: event.entityId,
    payload: JSON.stringify(event.payload),
    schema_version: eventSchemaVersion,
    created_at: ctx.clock.now().toISOString(),
    pushed_at: null,
  });
  return { id, hlc };
}

export async function countPendingEvents(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pushed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
