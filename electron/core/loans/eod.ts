// End-of-day: moves the branch's business date forward to today (in the branch's time zone) or to a chosen date
// not beyond today, brings every active loan of the branch current as of that date (the engine's replay:
// penalties, days past due, buckets, status — replaying only the loans whose balances can have changed, see
// `loansToBringCurrent`), queues the payment reminders, and records the run.
// Not responsible for posting (posting.ts), the projection itself (project.ts) or the reminder rules
// (reminders.ts).
//
// Decisions:
// - One write transaction for the whole run (the router's). A run killed half-way — the window closed, the
//   power cut — leaves nothing behind: SQLite rolls the transaction back and the business date has not moved,
//   so the run is simply started again. Committing in chunks would be faster to abandon but would leave loans
//   projected as of two different dates under one business date.
// - The run yields to the event loop every ~1000 loans (projectLoans does, per chunk) so the core's worker
//   stays alive (timers, IPC) and `eodProgress()` moves. Reads through the same SQLite connection wait for the
//   transaction, so a host that shows progress reads `eodProgress()` directly (the worker posts it) rather
//   than calling eod.status through the router while a run is going.
// - The engine replays as of a date, so a run over several missed days is one replay per loan as of the new
//   date — not one run per day: the result is the same (penalties accrue by day inside the replay).
// - A run to the business date it is already on is refused ('eod_already_run'): nothing would change, and
//   saying so is clearer to the person who pressed the button than a silent success.
// - `ensureBusinessDateCurrent` does not move the business date: a posting made when end-of-day has not run
//   yet today is dated today, and the loan it touches is projected as of today by the posting, but the rest of
//   the portfolio and the reminders wait for the run (eod.status keeps saying `isBehind`). Running the whole
//   end-of-day inside a teller's repayment would make the first receipt of the morning take seconds.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import { requireDevice, type Ctx, type WriteCtx } from '../context';
import { loansToBringCurrent, projectLoans } from './project';
import { queueReminders } from './reminders';

export interface EodProgress {
  done: number;
  total: number;
}

// One run at a time per process: the router's write transaction serialises runs on the ledger.
let progress: EodProgress | null = null;

/** How far the end-of-day run in this process has got, or null when none is running. */
export function eodProgress(): EodProgress | null {
  return progress ? { ...progress } : null;
}

/** The calendar date now in `timeZone` (an IANA zone such as Africa/Nairobi), as `YYYY-MM-DD`. */
/** Building an Intl formatter costs about half a millisecond; one per time zone is kept. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDateIn(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

interface BranchDates {
  id: string;
  businessDate: string;
  today: string;
}

async function branchDates(db: Kysely<Database>, ctx: Ctx): Promise<BranchDates> {
  const device = requireDevice(ctx);
  const branch = await db
    .selectFrom('branches')
    .select(['id', 'business_date', 'time_zone'])
    .where('id', '=', device.branchId)
    .executeTakeFirstOrThrow();
  return {
    id: branch.id,
    businessDate: branch.business_date,
    today: localDateIn(ctx.clock.now(), branch.time_zone),
  };
}

/**
 * The date a posting made now belongs to: today when the branch's business date is behind the calendar (the
 * touched loan is brought current by its projection as of that date), else the business date. It does not run
 * end-of-day nor move the business date (see the module header).
 */
export async function ensureBusinessDateCurrent(ctx: WriteCtx): Promise<string> {
  const { businessDate, today } = await branchDates(ctx.tx, ctx);
  return businessDate < today ? today : businessDate;
}

/** The same as ensureBusinessDateCurrent, for reads (a query has no write transaction). */
export async function effectiveBusinessDate(ctx: Ctx): Promise<string> {
  const { businessDate, today } = await branchDates(ctx.db, ctx);
  return businessDate < today ? today : businessDate;
}

export async function eodStatus(
  ctx: Ctx,
  _input: ParsedInputOf<'eod.status'>,
): Promise<OutputOf<'eod.status'>> {
  const { id, businessDate, today } = await branchDates(ctx.db, ctx);
  const last = await ctx.db
    .selectFrom('eod_runs')
    .select(['business_date', 'loans_processed', 'finished_at'])
    .where('branch_id', '=', id)
    .orderBy('business_date', 'desc')
    .orderBy('finished_at', 'desc')
    .executeTakeFirst();
  return {
    businessDate,
    today,
    isBehind: businessDate < today,
    lastRun: last
      ? {
          businessDate: last.business_date,
          loansProcessed: last.loans_processed,
          finishedAt: last.finished_at,
        }
      : null,
    progress: eodProgress(),
  };
}

function checkTarget(target: string, dates: BranchDates) {
  if (target > dates.today) {
    throw new LmsError(
      'VALIDATION',
      `End-of-day cannot move the business date beyond today (${dates.today}).`,
      'eod_date_invalid',
      [{ path: 'toDate', message: `must not be after today (${dates.today})` }],
    );
  }
  if (target < dates.businessDate) {
    throw new LmsError(
      'VALIDATION',
      `The business date is already ${dates.businessDate}; it never moves back.`,
      'eod_date_invalid',
      [{ path: 'toDate', message: `must not be before the business date (${dates.businessDate})` }],
    );
  }
  if (target === dates.businessDate) {
    throw new LmsError(
      'CONFLICT',
      `End-of-day has already brought the branch to ${target}; there is nothing to do until tomorrow.`,
      'eod_already_run',
    );
  }
}

export async function runEndOfDay(
  ctx: WriteCtx,
  input: ParsedInputOf<'eod.run'>,
): Promise<OutputOf<'eod.run'>> {
  const dates = await branchDates(ctx.tx, ctx);
  const target = input.toDate ?? dates.today;
  checkTarget(target, dates);
  const startedAt = ctx.clock.now().toISOString();
  const { ids, active } = await loansToBringCurrent(ctx.tx, dates.id, target);
  progress = { done: 0, total: ids.length };
  let remindersQueued: number;
  try {
    await projectLoans(
      ctx.tx,
      ids,
      target,
      (done, total) => {
        progress = { done, total };
      },
      undefined,
      { at: startedAt, newId: () => ctx.ids.uuid(), userId: ctx.actor?.userId ?? null },
    );
    await ctx.tx.updateTable('branches').set({ business_date: target }).where('id', '=', dates.id).execute();
    remindersQueued = await queueReminders(ctx, target);
  } finally {
    progress = null;
  }
  const run = {
    id: ctx.ids.uuid(),
    branch_id: dates.id,
    business_date: target,
    previous_date: dates.businessDate,
    loans_processed: active,
    started_by: ctx.actor?.userId ?? null,
    started_at: startedAt,
    finished_at: ctx.clock.now().toISOString(),
  };
  await ctx.tx.insertInto('eod_runs').values(run).execute();
  await ctx.emit({
    type: 'eod.completed',
    entityType: 'branch',
    entityId: dates.id,
    payload: {
      branchId: dates.id,
      businessDate: target,
      previousDate: dates.businessDate,
      loansProcessed: active,
      loansReplayed: ids.length,
      run,
    },
  });
  await ctx.audit({
    action: 'eod.completed',
    entityType: 'branch',
    entityId: dates.id,
    details: {
      businessDate: target,
      previousDate: dates.businessDate,
      loansProcessed: active,
      loansReplayed: ids.length,
      remindersQueued,
    },
  });
  return {
    businessDate: target,
    previousDate: dates.businessDate,
    loansProcessed: active,
    loansReplayed: ids.length,
    remindersQueued,
  };
}
