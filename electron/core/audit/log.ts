// The audit log: who did what, when, from which device. Append-only (triggers refuse UPDATE and DELETE) and
// hash-chained: each row's hash covers its fields and the previous row's hash, so `verifyAuditChain` finds the
// first row edited, removed or inserted behind the app's back. Not responsible for deciding what to audit.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { rawFirst, rawInsert } from '../../../db/raw';
import type { Database } from '../../../db/schema';
import type { AuditEntry, Ctx } from '../context';

export const genesisHash = '0'.repeat(64);

interface HashedFields {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  device_id: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
}

export function auditHash(prevHash: string, row: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.id,
    row.at,
    row.user_id,
    row.username,
    row.device_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const lastHashSql = 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1';

/** Appends one audit row inside the caller's write transaction. */
export async function appendAudit(
  tx: Kysely<Database>,
  ctx: Ctx,
  entry: AuditEntry,
  deviceId: string = ctx.device?.id ?? 'unknown',
): Promise<void> {
  const last = await rawFirst<{ hash: string }>(tx, lastHashSql, []);
  const row: HashedFields = {
    id: ctx.ids.uuid(),
    at: ctx.clock.now().toISOString(),
    user_id: ctx.actor?.userId ?? null,
    username: ctx.actor?.username ?? null,
    device_id: deviceId,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
  const prevHash = last?.hash ?? genesisHash;
  await rawInsert(tx, 'audit_log', { ...row, prev_hash: prevHash, hash: auditHash(prevHash, row) });
}

export interface ChainCheck {
  isIntact: boolean;
  rowsChecked: number;
  firstBrokenSeq: number | null;
}

/** Recomputes the chain in pages (bounded memory) and reports the first row whose hash does not match. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5_000): Promise<ChainCheck> {
  let prevHash = genesisHash;
  let afterSeq = 0;
  let rowsChecked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      rowsChecked++;
      if (row.prev_hash !== prevHash || row.hash !== auditHash(prevHash, row)) {
        return { isIntact: false, rowsChecked, firstBrokenSeq: row.seq };
      }
      prevHash = row.hash;
      afterSeq = row.seq;
    }
    if (rows.length < pageSize) return { isIntact: true, rowsChecked, firstBrokenSeq: null };
  }
}
