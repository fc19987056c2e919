// The exceptions queue: real conflicts between branches (two registrations of one national ID, a username
// taken twice, an edit of a customer this ledger never saw) that the appliers set aside for a manager, with
// both versions. A resolution is itself an event (`sync.exceptionResolved`, so central and the other branch
// learn the decision) and is audited. Not responsible for raising exceptions (electron/sync/appliers).
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { SyncExceptionsTable } from '../../../db/schema';
import { requireActor, type Ctx, type WriteCtx } from '../context';

type ExceptionView = OutputOf<'sync.resolveException'>;
type Resolution = ExceptionView['resolution'];

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

function toView(row: SyncExceptionsTable, note: string | null): ExceptionView {
  return {
    id: row.id,
    kind: row.kind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    eventId: row.event_id,
    localVersion: parseJson(row.local_version),
    remoteVersion: parseJson(row.remote_version),
    status: row.status,
    resolution: row.resolution as Resolution,
    note,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
  };
}

/** The note of each resolution lives in its event (the table has no column for it). */
async function notesFor(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('events')
    .select(['entity_id', 'payload'])
    .where('type', '=', 'sync.exceptionResolved')
    .where('entity_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.entity_id, (JSON.parse(r.payload) as { note?: string }).note ?? '']));
}

export async function listExceptions(
  ctx: Ctx,
  input: ParsedInputOf<'sync.listExceptions'>,
): Promise<OutputOf<'sync.listExceptions'>> {
  let query = ctx.db
    .selectFrom('sync_exceptions')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(input.limit);
  if (input.status !== 'all') query = query.where('status', '=', input.status);
  const rows = await query.execute();
  const notes = await notesFor(
    ctx,
    rows.filter((r) => r.status === 'resolved').map((r) => r.id),
  );
  return rows.map((r) => toView(r, notes.get(r.id) ?? null));
}

export async function resolveException(
  ctx: WriteCtx,
  input: ParsedInputOf<'sync.resolveException'>,
): Promise<ExceptionView> {
  const actor = requireActor(ctx);
  const row = await ctx.tx
    .selectFrom('sync_exceptions')
    .selectAll()
    .where('id', '=', input.exceptionId)
    .executeTakeFirst();
  if (!row) throw new LmsError('NOT_FOUND', 'There is no such sync exception.');
  if (row.status === 'resolved') {
    throw new LmsError('CONFLICT', 'This exception has already been resolved by someone else.');
  }
  const resolvedAt = ctx.clock.now().toISOString();
  await ctx.tx
    .updateTable('sync_exceptions')
    .set({
      status: 'resolved',
      resolution: input.resolution,
      resolved_by: actor.userId,
      resolved_at: resolvedAt,
    })
    .where('id', '=', row.id)
    .execute();
  const payload = {
    exceptionId: row.id,
    kind: row.kind,
    entityType: row.entity_type,
    entityId: row.entity_id,
    eventId: row.event_id,
    resolution: input.resolution,
    note: input.note,
  };
  await ctx.emit({ type: 'sync.exceptionResolved', entityType: 'sync_exception', entityId: row.id, payload });
  await ctx.audit({
    action: 'sync.exceptionResolved',
    entityType: 'sync_exception',
    entityId: row.id,
    details: {
      ...payload,
      localVersion: parseJson(row.local_version),
      remoteVersion: parseJson(row.remote_version),
    },
  });
  return toView(
    {
      ...row,
      status: 'resolved',
      resolution: input.resolution,
      resolved_by: actor.userId,
      resolved_at: resolvedAt,
    },
    input.note,
  );
}
