// Accounting periods are calendar months per branch. A manager closes a month once it is over (and every
// earlier month with postings is closed); nothing posts into a closed month afterwards — a backdated posting
// lands on the first day of the next open month, keeping its value date (journal.ts). Only an administrator
// re-opens a month, with a reason. Closing and re-opening are events owned by the branch; the later one by HLC
// wins on every replica.
import type { Kysely } from 'kysely';
import type { AccountingPeriodsTable, Database } from '../../../db/schema';
import { fieldError, LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { requireActor, requireDevice, type Ctx, type WriteCtx } from '../context';
import { businessDate } from '../loans/common';
import { periodOf } from './journal';

type PeriodView = OutputOf<'books.closePeriod'>;

function viewOf(period: string, row: AccountingPeriodsTable | undefined, entries: number): PeriodView {
  return {
    period,
    status: row?.status ?? 'open',
    closedBy: row?.closed_by ?? null,
    closedAt: row?.closed_at ?? null,
    reopenedBy: row?.reopened_by ?? null,
    reopenedAt: row?.reopened_at ?? null,
    entries,
  };
}

async function entriesPerPeriod(db: Kysely<Database>, branchId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('journal_entries')
    .select(['period', (eb) => eb.fn.countAll<number>().as('n')])
    .where('branch_id', '=', branchId)
    .groupBy('period')
    .execute();
  return new Map(rows.map((r) => [r.period, Number(r.n)]));
}

export async function listPeriods(
  ctx: Ctx,
  _input: ParsedInputOf<'books.periods'>,
): Promise<OutputOf<'books.periods'>> {
  const branchId = requireDevice(ctx).branchId;
  const counts = await entriesPerPeriod(ctx.db, branchId);
  const rows = await ctx.db
    .selectFrom('accounting_periods')
    .selectAll()
    .where('branch_id', '=', branchId)
    .execute();
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const current = periodOf(await businessDate(ctx));
  const all = new Set([...counts.keys(), ...byPeriod.keys(), current]);
  return [...all]
    .sort()
    .reverse()
    .map((p) => viewOf(p, byPeriod.get(p), counts.get(p) ?? 0));
}

/** Applies a close or re-open (locally or received) unless a later one by HLC is already there. */
export async function applyPeriod(tx: Kysely<Database>, row: AccountingPeriodsTable): Promise<void> {
  await tx
    .insertInto('accounting_periods')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['branch_id', 'period'])
        .doUpdateSet({
          status: row.status,
          closed_by: row.closed_by,
          closed_at: row.closed_at,
          reopened_by: row.reopened_by,
          reopened_at: row.reopened_at,
          hlc: row.hlc,
        })
        .where('accounting_periods.hlc', '<', row.hlc),
    )
    .execute();
}

export async function closePeriod(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.closePeriod'>,
): Promise<OutputOf<'books.closePeriod'>> {
  const actor = requireActor(ctx);
  const branchId = requireDevice(ctx).branchId;
  const current = periodOf(await businessDate(ctx));
  if (input.period >= current)
    throw fieldError(
      'period',
      'must be a month that is over (before the business date’s month)',
      'period_not_closable',
    );
  const existing = await ctx.tx
    .selectFrom('accounting_periods')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('period', '=', input.period)
    .executeTakeFirst();
  if (existing?.status === 'closed')
    throw new LmsError('CONFLICT', `${input.period} is already closed.`, 'period_closed');
  const counts = await entriesPerPeriod(ctx.tx, branchId);
  const closed = new Set(
    (
      await ctx.tx
        .selectFrom('accounting_periods')
        .select('period')
        .where('branch_id', '=', branchId)
        .where('status', '=', 'closed')
        .execute()
    ).map((r) => r.period),
  );
  const openBefore = [...counts.keys()].filter((p) => p < input.period && !closed.has(p)).sort();
  if (openBefore.length > 0)
    throw fieldError('period', `close ${openBefore[0]} first: months close in order`, 'period_not_closable');
  const now = ctx.clock.now().toISOString();
  const row: AccountingPeriodsTable = {
    branch_id: branchId,
    period: input.period,
    status: 'closed',
    closed_by: actor.userId,
    closed_at: now,
    reopened_by: existing?.reopened_by ?? null,
    reopened_at: existing?.reopened_at ?? null,
    hlc: '',
  };
  row.hlc = await ctx.emit({
    type: 'period.closed',
    entityType: 'accounting_period',
    entityId: `${branchId}:${input.period}`,
    payload: { period: { ...row, hlc: undefined } },
  });
  await applyPeriod(ctx.tx, row);
  await ctx.audit({
    action: 'books.periodClosed',
    entityType: 'accounting_period',
    entityId: input.period,
    details: { entries: counts.get(input.period) ?? 0 },
  });
  return viewOf(input.period, row, counts.get(input.period) ?? 0);
}

export async function reopenPeriod(
  ctx: WriteCtx,
  input: ParsedInputOf<'books.reopenPeriod'>,
): Promise<OutputOf<'books.reopenPeriod'>> {
  const actor = requireActor(ctx);
  const branchId = requireDevice(ctx).branchId;
  const existing = await ctx.tx
    .selectFrom('accounting_periods')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('period', '=', input.period)
    .executeTakeFirst();
  if (existing?.status !== 'closed')
    throw new LmsError('CONFLICT', `${input.period} is not closed.`, 'period_not_closed');
  const later = await ctx.tx
    .selectFrom('accounting_periods')
    .select('period')
    .where('branch_id', '=', branchId)
    .where('status', '=', 'closed')
    .where('period', '>', input.period)
    .orderBy('period')
    .executeTakeFirst();
  if (later)
    throw fieldError(
      'period',
      `re-open ${later.period} first: months re-open from the latest`,
      'period_not_closable',
    );
  const now = ctx.clock.now().toISOString();
  const row: AccountingPeriodsTable = {
    ...existing,
    status: 'open',
    reopened_by: actor.userId,
    reopened_at: now,
    hlc: '',
  };
  row.hlc = await ctx.emit({
    type: 'period.reopened',
    entityType: 'accounting_period',
    entityId: `${branchId}:${input.period}`,
    payload: { period: { ...row, hlc: undefined }, reason: input.reason },
  });
  await applyPeriod(ctx.tx, row);
  await ctx.audit({
    action: 'books.periodReopened',
    entityType: 'accounting_period',
    entityId: input.period,
    details: { reason: input.reason },
  });
  const counts = await entriesPerPeriod(ctx.tx, branchId);
  return viewOf(input.period, row, counts.get(input.period) ?? 0);
}
