// The loan projection: a loan's balances, days past due, bucket, payoff and status as of a business date are
// the engine's replay of its terms and its transactions (shared/loan), written to the `loans` row in the same
// transaction as every write that changed them, by a received event, and by end-of-day. The same function
// runs on every replica, so every replica that holds the same transactions holds the same row.
// Writing the projection also books the loan's change in the general ledger (electron/core/books/loanBooks.ts),
// in the same transaction: the journal is a projection of the same replay.
// Not responsible for deciding what may be posted (posting.ts).
import { earnReferralRewards } from '../books/referrals';
import { rawAll } from '../../../db/raw';
import { CompiledQuery, type Kysely } from 'kysely';
import { uuidv7 } from '../ids';
import type { Database, LoansTable } from '../../../db/schema';
import { lastMonthEnd, LoanBookBatch, loanBooking, resolveLines, type BookedLoan } from '../books/loanBooks';
import { postEntry } from '../books/journal';
import { accrualPolicy, booksSettings } from '../books/settings';
import {
  buildSchedule,
  parseTerms,
  replay,
  type LoanState,
  type LoanTerms,
  type Schedule,
  type Transaction,
} from '../../../shared/loan';

/** Transaction types the engine replays; disbursements fix the terms, recoveries sit outside a closed book. */
const engineTypes = new Set(['repayment', 'fee', 'waiver', 'reversal', 'writeoff']);

interface ParsedTerms {
  terms: LoanTerms;
  schedule: Schedule;
}

// Parsing terms and building the schedule cost more than a replay of a young loan; both depend only on the
// terms' JSON text, so they are cached (bounded; insertion order evicts the oldest).
const termsCache = new Map<string, ParsedTerms>();
const termsCacheLimit = 5000;

export function parsedTermsOf(json: string): ParsedTerms {
  const cached = termsCache.get(json);
  if (cached) return cached;
  const parsed = parseTerms(JSON.parse(json));
  if (!parsed.ok) {
    throw new Error(`stored loan terms no longer parse: ${parsed.issues.map((i) => i.message).join('; ')}`);
  }
  const value = { terms: parsed.value, schedule: buildSchedule(parsed.value) };
  if (termsCache.size >= termsCacheLimit) termsCache.delete(termsCache.keys().next().value!);
  termsCache.set(json, value);
  return value;
}

/** The columns of a transaction the engine replays. */
export interface EngineRow {
  id: string;
  type: string;
  amount_minor: number;
  component: string | null;
  reverses_id: string | null;
  value_date: string;
  hlc: string;
}

export interface LoanTransactionRow extends EngineRow {
  /** What the books need: where the money went (cash through a till, or a transfer) and, on a disbursement, the cash paid out. */
  channel: string | null;
  till_id: string | null;
  allocation: string | null;
}

/** The columns of a loan transaction that the replay and the books read. */
export const transactionColumns = [
  'id',
  'type',
  'amount_minor',
  'component',
  'reverses_id',
  'value_date',
  'hlc',
  'channel',
  'till_id',
  'allocation',
] as const;

/** The rows the engine replays, as engine transactions (reversals of rows it does not replay are left out). */
export function engineTransactions(rows: readonly EngineRow[], termsFrom: string | null): Transaction[] {
  const inScope = rows.filter(
    (r) => engineTypes.has(r.type) && (termsFrom === null || r.value_date >= termsFrom),
  );
  const ids = new Set(inScope.map((r) => r.id));
  const out: Transaction[] = [];
  for (const r of inScope) {
    const base = { id: r.id, hlc: r.hlc, valueDate: r.value_date };
    switch (r.type) {
      case 'repayment':
      case 'fee':
        out.push({ ...base, type: r.type, amountMinor: r.amount_minor });
        break;
      case 'waiver':
        out.push({
          ...base,
          type: 'waiver',
          amountMinor: r.amount_minor,
          component: r.component as 'interest' | 'fees' | 'penalties',
        });
        break;
      case 'reversal':
        if (r.reverses_id && ids.has(r.reverses_id))
          out.push({ ...base, type: 'reversal', reversesId: r.reverses_id });
        break;
      case 'writeoff':
        out.push({ ...base, type: 'writeoff' });
        break;
    }
  }
  return out;
}

const transactionRowsSql = `SELECT ${transactionColumns.join(', ')} FROM loan_transactions WHERE loan_id = ?`;

export async function transactionRowsOf(tx: Kysely<Database>, loanId: string): Promise<LoanTransactionRow[]> {
  return rawAll<LoanTransactionRow>(tx, transactionRowsSql, [loanId]);
}

type ProjectedLoan = Pick<
  LoansTable,
  'id' | 'status' | 'terms' | 'terms_from' | 'disbursed_on' | 'closed_on'
>;

/** A loan as the projection and its books need it. */
export type BookedProjectedLoan = ProjectedLoan & BookedLoan & { customer_id: string };

/** The loan columns `BookedProjectedLoan` reads. */
export const bookedLoanColumns = [
  'id',
  'customer_id',
  'status',
  'terms',
  'terms_from',
  'disbursed_on',
  'closed_on',
  'as_of',
  'branch_id',
  'product_id',
  'gl_positions',
] as const;

/** Who and when, for the journal entry a projection write books. */
export interface Booking {
  at: string;
  newId?: () => string;
  userId?: string | null;
  narration?: string;
  sourceId?: string | null;
  valueDate?: string;
  cause?: 'restructure' | null;
  /** Also stamps the loan row's updated_at (a posting; end-of-day leaves it). */
  updatedAt?: string;
  /** Books into this batch (one entry for many loans, posted by the caller) instead of an entry per loan. */
  batch?: LoanBookBatch;
}

/** The loan's replayed state as of `asOf` (never before its disbursement). */
export function stateOf(loan: ProjectedLoan, rows: readonly EngineRow[], asOf: string): LoanState {
  const { terms, schedule } = parsedTermsOf(loan.terms);
  const date = asOf < terms.disbursementDate ? terms.disbursementDate : asOf;
  return replay(terms, engineTransactions(rows, loan.terms_from), date, schedule);
}

/** The columns a replayed state sets on the loan row. */
export function projectionOf(
  loan: ProjectedLoan,
  state: LoanState,
): Partial<Record<keyof LoansTable, string | number | null>> {
  const next = state.installments.find((i) => i.n > 0 && !i.isSettled);
  const last = state.installments[state.installments.length - 1];
  const maturity = last?.dueDate ?? null;
  const status = state.status;
  const arrearsStatus =
    status !== 'active'
      ? 'performing'
      : maturity !== null && state.asOf > maturity && state.outstanding.totalMinor > 0
        ? 'overdue'
        : state.daysPastDue > 0
          ? 'in_arrears'
          : 'performing';
  let closedOn: string | null = null;
  if (status === 'closed') {
    const settling = [...state.allocations].reverse().find((a) => !a.isReversed && a.type !== 'fee');
    closedOn = loan.closed_on ?? settling?.valueDate ?? state.asOf;
  }
  return {
    status,
    as_of: state.asOf,
    outstanding_principal_minor: state.outstanding.principalMinor,
    outstanding_interest_minor: state.outstanding.interestMinor,
    outstanding_fees_minor: state.outstanding.feesMinor,
    outstanding_penalties_minor: state.outstanding.penaltiesMinor,
    outstanding_total_minor: state.outstanding.totalMinor,
    overdue_total_minor: state.overdue.totalMinor,
    paid_total_minor: state.paid.totalMinor,
    payoff_minor: status === 'active' ? state.payoffMinor : 0,
    credit_minor: state.creditMinor,
    days_past_due: status === 'active' ? state.daysPastDue : 0,
    arrears_bucket: status === 'active' ? state.arrearsBucket : 'current',
    arrears_status: arrearsStatus,
    next_due_date: status === 'active' ? (next?.dueDate ?? null) : null,
    next_due_minor: status === 'active' ? (next?.outstandingMinor ?? 0) : 0,
    maturity_date: maturity,
    closed_on: closedOn,
  };
}

const projectedStatuses = new Set(['active', 'closed', 'written_off']);

/** The loan row's columns the replay writes (the rest are the application's and its lifecycle's). */
export const projectionColumns = [
  'status',
  'as_of',
  'outstanding_principal_minor',
  'outstanding_interest_minor',
  'outstanding_fees_minor',
  'outstanding_penalties_minor',
  'outstanding_total_minor',
  'overdue_total_minor',
  'paid_total_minor',
  'payoff_minor',
  'credit_minor',
  'days_past_due',
  'arrears_bucket',
  'arrears_status',
  'next_due_date',
  'next_due_minor',
  'maturity_date',
  'closed_on',
] as const;
// One fixed statement text: prepared once (the ledger's statement cache), bound per loan. Building the same
// UPDATE with the query builder for each of 100,000 loans costs more than executing it.
// A column named in SET rewrites every index holding it, changed or not, and four of the loans' indexes hold the
// status: a posting that leaves the status as it was (nearly all of them) does not name it.
const updateSql = (columns: readonly string[]) =>
  `UPDATE loans SET ${columns.map((c) => `${c} = ?`).join(', ')}, gl_positions = ? WHERE id = ?`;
const keptStatusColumns = projectionColumns.filter((c) => c !== 'status');
const updateProjection = {
  changed: updateSql(projectionColumns),
  kept: updateSql(keptStatusColumns),
};
const touched = (text: string) => text.replace(' WHERE id', ', updated_at = ? WHERE id');
const updateProjectionTouched = {
  changed: touched(updateProjection.changed),
  kept: touched(updateProjection.kept),
};

/** The UPDATE writing projection `p` (and the books' positions) to `loan`'s row. */
function projectionUpdate(
  loan: ProjectedLoan,
  p: ReturnType<typeof projectionOf>,
  positions: string | null,
  updatedAt?: string,
): CompiledQuery {
  const status = p.status === loan.status ? 'kept' : 'changed';
  const values = (status === 'kept' ? keptStatusColumns : projectionColumns).map((c) => p[c] ?? null);
  return updatedAt
    ? CompiledQuery.raw(updateProjectionTouched[status], [...values, positions, updatedAt, loan.id])
    : CompiledQuery.raw(updateProjection[status], [...values, positions, loan.id]);
}

/**
 * Writes a replayed state's columns to the loan row and books the loan's change as one journal entry (nothing
 * when nothing changed in the books).
 */
export async function writeProjection(
  tx: Kysely<Database>,
  loan: BookedProjectedLoan,
  state: LoanState,
  rows: readonly LoanTransactionRow[],
  booking: Booking,
): Promise<void> {
  const p = projectionOf(loan, state);
  let positions = loan.gl_positions ?? null;
  // A loan booked for the first time was just disbursed: the rewards promised for its customer are earned.
  if (loan.disbursed_on && !loan.gl_positions)
    await earnReferralRewards(tx, {
      customerId: loan.customer_id,
      branchId: loan.branch_id,
      date: loan.disbursed_on,
      at: booking.at,
    });
  if (loan.disbursed_on && booking.batch) {
    positions = await booking.batch.add(loan, rows, state, await booking.batch.policyOf(loan.product_id));
  } else if (loan.disbursed_on) {
    const policy = await accrualPolicy(tx, loan.product_id);
    const { lines, positions: next } = loanBooking(
      loan,
      rows,
      state,
      loan.disbursed_on,
      policy,
      booking.cause ?? null,
    );
    positions = JSON.stringify(next);
    await postEntry(tx, {
      id: (booking.newId ?? uuidv7)(),
      branchId: loan.branch_id,
      kind: 'loan',
      valueDate: booking.valueDate ?? state.asOf,
      narration: booking.narration ?? 'Loan brought current',
      sourceId: booking.sourceId ?? null,
      loanId: loan.id,
      createdBy: booking.userId ?? null,
      createdAt: booking.at,
      lines: await resolveLines(tx, loan, lines),
    });
  }
  await tx.executeQuery(projectionUpdate(loan, p, positions, booking.updatedAt));
}

const activeLoansSql = `SELECT id, product_id, as_of, days_past_due, overdue_total_minor, next_due_date FROM loans
  WHERE branch_id = ? AND status = 'active' ORDER BY id`;

/**
 * The loans of a branch whose projection can change between their last projection and `asOf`: active loans in
 * arrears (days past due and penalties move every day), with an installment falling due by then, or never
 * projected, and those whose interest the books accrue by then (every day under the daily policy; at a month
 * end under monthEnd). A current loan with nothing due before `asOf` has the same balances, days past due and
 * bucket tomorrow as today — only its payoff (interest earned so far) moves, and screens compute the payoff
 * when they show it. Written-off and closed loans do not change with time.
 */
export async function loansToBringCurrent(
  tx: Kysely<Database>,
  branchId: string,
  asOf: string,
): Promise<{ ids: string[]; active: number }> {
  const rows = await rawAll<{
    id: string;
    product_id: string;
    as_of: string | null;
    days_past_due: number;
    overdue_total_minor: number;
    next_due_date: string | null;
  }>(tx, activeLoansSql, [branchId]);
  // Interest accrued in the books moves every day (daily accrual) or at each month end (monthEnd).
  const settings = await booksSettings.read(tx);
  const monthEnd = lastMonthEnd(asOf);
  const accrues = (productId: string, projectedOn: string) => {
    const policy = settings.productAccrual[productId] ?? settings.accrual;
    return policy === 'daily' || (policy === 'monthEnd' && projectedOn < monthEnd);
  };
  const ids = rows
    .filter(
      (l) =>
        l.as_of === null ||
        // A loan a posting already brought to a later day (end-of-day runs behind the calendar) stays there.
        (l.as_of < asOf &&
          (l.days_past_due > 0 ||
            l.overdue_total_minor > 0 ||
            l.next_due_date === null ||
            l.next_due_date <= asOf ||
            accrues(l.product_id, l.as_of))),
    )
    .map((l) => l.id);
  return { ids, active: rows.length };
}

/**
 * Recomputes the projection of one disbursed loan as of `asOf` and answers its state; a loan not yet
 * disbursed is left alone (answers null).
 */
export async function projectLoan(
  tx: Kysely<Database>,
  loanId: string,
  asOf: string,
  updatedAt?: string,
  booking: Partial<Booking> = {},
): Promise<LoanState | null> {
  const loan = await tx
    .selectFrom('loans')
    .select([...bookedLoanColumns, 'updated_at'])
    .where('id', '=', loanId)
    .executeTakeFirst();
  if (!loan || !projectedStatuses.has(loan.status) || !loan.disbursed_on) return null;
  const date = loan.as_of !== null && loan.as_of > asOf ? loan.as_of : asOf;
  const rows = await transactionRowsOf(tx, loanId);
  const state = stateOf(loan, rows, date);
  await writeProjection(tx, loan, state, rows, {
    at: updatedAt ?? new Date().toISOString(),
    ...booking,
    ...(updatedAt ? { updatedAt } : {}),
  });
  return state;
}

/**
 * Re-projects many loans as of `asOf` (end-of-day), reading each loan's transactions in one pass. Yields to
 * the event loop every `chunk` loans so the core keeps answering, and reports progress.
 */
export async function projectLoans(
  tx: Kysely<Database>,
  loanIds: readonly string[],
  asOf: string,
  onProgress?: (done: number, total: number) => void,
  chunk = 1000,
  booking: Partial<Booking> = {},
): Promise<number> {
  let done = 0;
  const batch = new LoanBookBatch(tx);
  for (let start = 0; start < loanIds.length; start += chunk) {
    const ids = loanIds.slice(start, start + chunk);
    const loans = await tx.selectFrom('loans').select(bookedLoanColumns).where('id', 'in', ids).execute();
    const rows = await tx
      .selectFrom('loan_transactions')
      .select(['loan_id', ...transactionColumns])
      .where('loan_id', 'in', ids)
      .execute();
    const byLoan = new Map<string, LoanTransactionRow[]>();
    for (const r of rows) {
      const list = byLoan.get(r.loan_id);
      if (list) list.push(r);
      else byLoan.set(r.loan_id, [r]);
    }
    for (const loan of loans) {
      if (!projectedStatuses.has(loan.status) || !loan.disbursed_on) continue;
      // Never back in time: a loan projected at a later date by a posting keeps that date.
      const date = loan.as_of !== null && loan.as_of > asOf ? loan.as_of : asOf;
      const history = byLoan.get(loan.id) ?? [];
      const state = stateOf(loan, history, date);
      const positions = await batch.add(loan, history, state, await batch.policyOf(loan.product_id));
      const p = projectionOf(loan, state);
      await tx.executeQuery(projectionUpdate(loan, p, positions));
    }
    done += ids.length;
    onProgress?.(done, loanIds.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await batch.post({
    newId: booking.newId ?? uuidv7,
    valueDate: asOf,
    narration: booking.narration ?? `End of day ${asOf}: interest accrued, penalties and arrears`,
    createdAt: booking.at ?? new Date().toISOString(),
    createdBy: booking.userId ?? null,
  });
  return done;
}
