// Reading the audit log for the viewer: newest first, filtered by user, action and date, paged by sequence.
import type { AuditRow, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { Ctx } from '../context';
import { verifyAuditChain } from './log';

export async function listAudit(
  ctx: Ctx,
  input: ParsedInputOf<'audit.list'>,
): Promise<OutputOf<'audit.list'>> {
  let query = ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(input.limit + 1);
  if (input.userId) query = query.where('user_id', '=', input.userId);
  // A prefix match ("auth." finds every sign-in action) without LIKE's wildcards.
  if (input.action)
    query = query.where('action', '>=', input.action).where('action', '<', `${input.action}\uffff`);
  if (input.fromDate) query = query.where('at', '>=', input.fromDate);
  if (input.toDate) query = query.where('at', '<', `${input.toDate}T99`);
  if (input.beforeSeq) query = query.where('seq', '<', input.beforeSeq);
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  return {
    rows: page.map((r): AuditRow => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      deviceId: r.device_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    nextBeforeSeq: rows.length > input.limit ? page[page.length - 1]!.seq : null,
  };
}

export async function verifyAudit(ctx: Ctx): Promise<OutputOf<'audit.verify'>> {
  return verifyAuditChain(ctx.db);
}
