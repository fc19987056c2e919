// Pull: fetches what this device may see (its own branch, or everything for head office) after its cursor, in
// bounded pages ordered by the central sequence (which is commit order: see the sequencer in the central
// schema), and applies each page in one local transaction with the cursor. A sync stopped at any page and
// resumed therefore equals one uninterrupted sync. The cursor carries the central data epoch: a restored
// central database answers with another epoch and the device re-reads from the start (its unpushed outbox
// is untouched; appliers skip what is already here).
import type { Kysely } from 'kysely';
import { writeTransaction } from '../../db/open';
import type { Database } from '../../db/schema';
import { decodeHlc, encodeHlc, receive } from '../../shared/hlc';
import { eventSchemaVersion, hlcKey } from '../core/events/log';
import { readSetting, writeSetting } from '../core/settings/store';
import type { RemoteEvent } from './appliers';
import { appliers } from './registry';
import { headOfficeConfigTypes, type Central } from './central';
import { localIdentity } from './push';

export const maxPullPage = 1_000;
const cursorKey = 'sync.cursor';

export interface Cursor {
  epoch: string | null;
  seq: number;
}

export interface PullResult {
  received: number;
  applied: number;
  deferred: number;
  cursor: Cursor;
  isResync: boolean;
}

export async function readCursor(db: Kysely<Database>): Promise<Cursor> {
  return (await readSetting<Cursor>(db, cursorKey)) ?? { epoch: null, seq: 0 };
}

interface CentralRow {
  global_seq: string;
  id: string;
  branch_id: string;
  device_id: string;
  device_seq: string;
  hlc: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: Record<string, unknown>;
  schema_version: number;
}

function toRemote(r: CentralRow): RemoteEvent {
  return {
    id: r.id,
    globalSeq: Number(r.global_seq),
    branchId: r.branch_id,
    deviceId: r.device_id,
    deviceSeq: Number(r.device_seq),
    hlc: r.hlc,
    type: r.type,
    entityType: r.entity_type,
    entityId: r.entity_id,
    payload: r.payload,
    schemaVersion: r.schema_version,
  };
}

/** Applies one page of remote events and moves the cursor, in one local transaction. */
export async function applyPage(
  db: Kysely<Database>,
  events: RemoteEvent[],
  cursor: Cursor,
  me: { deviceId: string },
  now: Date,
  newId: () => string,
) {
  let applied = 0;
  let deferred = 0;
  await writeTransaction(db, async (tx) => {
    const at = now.toISOString();
    const clock = await readSetting<string>(tx, hlcKey);
    let local = clock ? decodeHlc(clock) : null;
    for (const e of events) {
      cursor.seq = Math.max(cursor.seq, e.globalSeq);
      if (e.deviceId === me.deviceId) continue; // our own event, projected when it was written
      const seen = await tx
        .selectFrom('received_events')
        .select('applied_at')
        .where('id', '=', e.id)
        .executeTakeFirst();
      if (seen?.applied_at) continue;
      const applier = appliers[e.type];
      const canApply = applier !== undefined && e.schemaVersion <= eventSchemaVersion;
      if (canApply) {
        await applier.apply({ tx, now: at, newId }, e);
        applied++;
      } else deferred++;
      const row = {
        id: e.id,
        global_seq: e.globalSeq,
        branch_id: e.branchId,
        device_id: e.deviceId,
        device_seq: e.deviceSeq,
        hlc: e.hlc,
        type: e.type,
        entity_type: e.entityType,
        entity_id: e.entityId,
        payload: JSON.stringify(e.payload),
        schema_version: e.schemaVersion,
        received_at: at,
        applied_at: canApply ? at : null,
      };
      await tx
        .insertInto('received_events')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ applied_at: row.applied_at }))
        .execute();
      // Our clock moves past every HLC we have seen, so our next edit orders after it (central clamped it).
      const merged = receive(local, decodeHlc(e.hlc), now.getTime(), me.deviceId, Number.MAX_SAFE_INTEGER);
      if (merged.ok) local = merged.hlc;
    }
    if (local) await writeSetting(tx, hlcKey, encodeHlc(local), at);
    await writeSetting(tx, cursorKey, cursor, at);
  });
  return { applied, deferred };
}

/** Re-applies events kept because an older app could not apply them (after an upgrade). */
export async function applyDeferred(
  db: Kysely<Database>,
  me: { deviceId: string },
  now: Date,
  newId: () => string,
): Promise<number> {
  const rows = await db
    .selectFrom('received_events')
    .selectAll()
    .where('applied_at', 'is', null)
    .orderBy('global_seq')
    .limit(maxPullPage)
    .execute();
  if (rows.length === 0) return 0;
  const cursor = await readCursor(db);
  const events = rows.map((r) => ({
    ...toRemote({
      ...r,
      global_seq: String(r.global_seq),
      device_seq: String(r.device_seq),
      payload: JSON.parse(r.payload),
    } as CentralRow),
  }));
  const result = await applyPage(db, events, cursor, me, now, newId);
  return result.applied;
}

export async function pullChanges(
  db: Kysely<Database>,
  central: Central,
  options: {
    pageSize?: number;
    maxPages?: number;
    isHeadOffice?: boolean;
    now?: () => Date;
    newId: () => string;
    onProgress?: (p: { received: number; cursor: number; head: number }) => void;
    /**
     * Who is pulling, when the ledger has no local device yet (a device joining a branch: electron/sync/join.ts).
     * Without it, the local device row says.
     */
    identity?: { deviceId: string; branchId: string };
  },
): Promise<PullResult> {
  const me = options.identity ?? (await localIdentity(db));
  const now = options.now ?? (() => new Date());
  const pageSize = Math.min(options.pageSize ?? maxPullPage, maxPullPage);
  const [meta] = await central.query<{ epoch: string; head: string }>(
    'SELECT epoch, (SELECT last_global FROM sequencer) AS head FROM central_meta',
  );
  let cursor = await readCursor(db);
  const isResync = cursor.epoch !== null && cursor.epoch !== meta!.epoch;
  if (cursor.epoch !== meta!.epoch) cursor = { epoch: meta!.epoch, seq: 0 };
  let received = 0;
  let applied = 0;
  let deferred = 0;
  for (let page = 0; page < (options.maxPages ?? 100_000); page++) {
    const rows = await central.query<CentralRow>(
      `SELECT global_seq, id, branch_id, device_id, device_seq, hlc, type, entity_type, entity_id, payload, schema_version
         FROM events WHERE global_seq > $1 AND ($2::boolean OR branch_id = $3::uuid OR scope_branch_id = $3::uuid
               OR ((type = ANY($5::text[]) OR type LIKE 'role.%') AND branch_id IN (SELECT b.id FROM branches b WHERE b.is_head_office)))
        ORDER BY global_seq LIMIT $4`,
      [cursor.seq, options.isHeadOffice ?? false, me.branchId, pageSize, headOfficeConfigTypes],
    );
    if (rows.length === 0) break;
    const result = await applyPage(db, rows.map(toRemote), cursor, me, now(), options.newId);
    received += rows.length;
    applied += result.applied;
    deferred += result.deferred;
    options.onProgress?.({ received, cursor: cursor.seq, head: Number(meta!.head) });
    if (rows.length < pageSize) break;
  }
  return { received, applied, deferred, cursor, isResync };
}
