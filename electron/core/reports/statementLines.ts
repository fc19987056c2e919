// The lines of a loan statement with their running balances, from the engine's replay. Pure: the caller reads
// the loan's terms and transactions and passes them in. Responsible for walking the transactions in value order
// and saying, after each, what principal and what total are outstanding; not for reading the ledger or for the
// layout (reports/statement.ts, print/statement.ts).
//
// Every figure is the engine's: a transaction's allocation is the replay's (as the loan page shows it today, so
// a reversed repayment settles nothing and a backdated one sits at its value date), and the balances follow
// from the allocations. What the allocations cannot say — the penalty interest and late fees charged as days
// pass — is read from a replay on each date that has transactions, and printed as a line of its own, so every
// balance follows from the one before and the line between them. At the end of each such date the running
// balances are checked against that replay to the minor unit (two paths to the same figure): a statement that
// disagrees with the loan page is never printed.
//
// A loan whose schedule was replaced (a tranche, a restructure) has one set of terms per period; each period is
// replayed with its own terms, and the statement starts its balances again where the new schedule begins.
import { engineTransactions } from '../loans/project';
import { addDays, fromEpochDay, toEpochDay } from '../../../shared/dates';
import {
  compareTransactions,
  lateFeeDay,
  replay,
  type LoanState,
  type LoanTerms,
  type Schedule,
  type Transaction,
  type TransactionAllocation,
} from '../../../shared/loan';
import type { StatementComponents, StatementLine, StatementLineKind } from '../print/statementData';

/** A transaction as the statement lists it: the columns the engine replays, its receipt and reference. */
export interface StatementRow {
  id: string;
  type: string;
  amount_minor: number;
  component: string | null;
  reverses_id: string | null;
  value_date: string;
  hlc: string;
  receipt_no: string | null;
  reference: string | null;
}

/** One set of terms and the days it applied: from its first day to the day before the next period's. */
export interface TermsPeriod {
  terms: LoanTerms;
  schedule: Schedule;
  /** Its first day: the disbursement, a tranche or a restructure. */
  from: string;
  /** The loan's `terms_from` while these terms applied (the replay's scope). */
  termsFrom: string | null;
}

export interface StatementWalk {
  lines: StatementLine[];
  /** The replay on the statement's date: the schedule's status and what is outstanding. */
  position: LoanState;
}

/**
 * The statement's lines up to `to` (inclusive) and the loan's position on `to`.
 * `periods` are oldest first, the last the loan's current terms; `current` is the replay of the current terms
 * on the loan's own date (`stateOf`), whose allocations are the ones the loan page shows.
 * Throws an Error when a running balance disagrees with the replay (a bug, never bad input).
 */
export function walkStatement(input: {
  periods: readonly TermsPeriod[];
  rows: readonly StatementRow[];
  to: string;
  current: LoanState;
}): StatementWalk {
  const { periods, to, current } = input;
  const rows = [...input.rows].sort((a, b) => compareTransactions(orderOf(a), orderOf(b)));
  const reversedIds = new Set(rows.filter((r) => r.type === 'reversal').map((r) => r.reverses_id));
  const shown = periods.filter((p, i) => i === 0 || p.from <= to);
  const lines: StatementLine[] = [];
  let position = current;
  shown.forEach((period, i) => {
    const until = periods[i + 1]?.from ?? null;
    const periodRows = rows.filter(
      (r) => (i === 0 || r.value_date >= period.from) && (until === null || r.value_date < until),
    );
    // A replaced schedule is replayed to its last day, so its reversals and charges count as they do today.
    const lastDay = until === null ? null : maxDate(period.from, addDays(until, -1));
    const walk = new PeriodWalk(period, periodRows, lastDay, current, reversedIds, lines);
    if (i > 0) walk.startAgain();
    walk.through(to, until);
    if (i < shown.length - 1) walk.end(lastDay!, null);
    else position = walk.end(to, lastDay === null && to === current.asOf ? current : null);
  });
  return { lines, position };
}

/** The engine's order is (value date, HLC, id); compareTransactions reads nothing else of a transaction. */
const orderOf = (r: StatementRow): Transaction => ({
  id: r.id,
  hlc: r.hlc,
  valueDate: r.value_date,
  type: 'writeoff',
});

const maxDate = (a: string, b: string) => (a > b ? a : b);

const noComponents: StatementComponents = {
  principalMinor: 0,
  interestMinor: 0,
  feesMinor: 0,
  penaltiesMinor: 0,
};

/** Walks one period's transactions, keeping its running balances. */
class PeriodWalk {
  private readonly allocations: Map<string, TransactionAllocation>;
  /** The period's transactions the replay gives an effect today (reversed ones and reversals left out). */
  private readonly effective: Transaction[];
  /** The days the late fees of the installments that carry penalties were charged. */
  private readonly chargeDays: readonly string[];
  private principal: number;
  private total: number;
  /** Penalty interest and late fees charged so far (the replay's penalties due, which never go down). */
  private charged = 0;

  /**
   * `lastDay` is the day before the next schedule began (null for the current terms, whose replay on the loan's
   * date is `current`).
   */
  constructor(
    private readonly period: TermsPeriod,
    private readonly rows: readonly StatementRow[],
    lastDay: string | null,
    current: LoanState,
    private readonly reversedIds: ReadonlySet<string | null>,
    private readonly lines: StatementLine[],
  ) {
    const replayed = engineTransactions(rows, period.termsFrom);
    const final =
      lastDay === null
        ? current
        : replay(period.terms, replayed, this.onOrAfterStart(lastDay), period.schedule);
    this.allocations = new Map(final.allocations.map((a) => [a.transactionId, a]));
    this.effective = replayed.filter((t) => this.allocations.get(t.id)?.isReversed === false);
    this.chargeDays = final.installments
      .filter((i) => i.n > 0 && i.penalties.dueMinor > 0)
      .map((i) => fromEpochDay(lateFeeDay(toEpochDay(i.dueDate), period.terms)));
    // The schedule as it starts: principal, all its interest and fees, before any transaction of its first day.
    const opening = replay(period.terms, [], this.onOrAfterStart(period.from), period.schedule);
    this.principal = opening.outstanding.principalMinor;
    this.total = opening.outstanding.totalMinor;
  }

  /** A new schedule replaced the previous one: the balances start from its terms. */
  startAgain(): void {
    this.push({ valueDate: this.period.from, kind: 'rescheduled', reference: '', amountMinor: null });
  }

  /**
   * Every date of the period up to `to` that has transactions or a late fee: what was charged since the date
   * before, then its transactions. (Penalty interest accrues daily: it shows on the next of these dates.)
   */
  through(to: string, until: string | null): void {
    const dates = new Set(this.rows.map((r) => r.value_date));
    for (const d of this.chargeDays) if (d >= this.period.from && (until === null || d < until)) dates.add(d);
    let index = 0;
    for (const date of [...dates].filter((d) => d <= to).sort()) {
      const day = this.replayOn(date);
      this.charge(day, date);
      for (; index < this.rows.length && this.rows[index]!.value_date === date; index++) {
        this.apply(this.rows[index]!);
      }
      this.check(day, date);
    }
  }

  /** The position on `to`: what was charged since the last transaction, and the replay on that date. */
  end(to: string, replayed: LoanState | null): LoanState {
    const position = replayed ?? this.replayOn(to);
    this.charge(position, to);
    this.check(position, to);
    return position;
  }

  private replayOn(date: string): LoanState {
    return replay(this.period.terms, this.effective, this.onOrAfterStart(date), this.period.schedule);
  }

  /** The engine replays from the terms' disbursement date on (as stateOf does). */
  private onOrAfterStart(date: string): string {
    const start = this.period.terms.disbursementDate;
    return date < start ? start : date;
  }

  private charge(state: LoanState, date: string): void {
    const charged = state.installments.reduce((sum, i) => sum + i.penalties.dueMinor, 0);
    if (charged < this.charged) {
      throw new Error(
        `loan statement: the penalties charged went down on ${date} (${this.charged} → ${charged})`,
      );
    }
    if (charged === this.charged) return;
    const amount = charged - this.charged;
    this.charged = charged;
    this.total += amount;
    this.push({ valueDate: date, kind: 'charges', reference: '', amountMinor: amount, chargedMinor: amount });
  }

  private apply(r: StatementRow): void {
    const a = this.allocations.get(r.id);
    const base = {
      valueDate: r.value_date,
      kind: r.type as StatementLineKind,
      reference: [r.receipt_no, r.reference].filter(Boolean).join(' · '),
      amountMinor: r.amount_minor,
      isReversed: this.reversedIds.has(r.id) || (r.type !== 'reversal' && a?.isReversed === true),
      ...(r.type === 'waiver' && r.component
        ? { component: r.component as 'interest' | 'fees' | 'penalties' }
        : {}),
    };
    if (!a || a.isReversed) return this.push(base);
    // A write-off's amount is what the engine wrote off on its date (the posted figure is the loan row's
    // balance when it was posted, which may not yet have counted that day's charges).
    if (a.type === 'writeoff') base.amountMinor = a.writtenOffMinor;
    const paid = a.principalMinor + a.interestMinor + a.feesMinor + a.penaltiesMinor;
    const fee = a.type === 'fee' ? a.amountMinor : 0;
    this.principal = a.type === 'writeoff' ? 0 : this.principal - a.principalMinor;
    this.total += fee - paid - a.waivedMinor - a.rebateMinor - a.writtenOffMinor;
    const allocation =
      a.type === 'waiver' && base.component
        ? { ...noComponents, [`${base.component}Minor`]: a.waivedMinor }
        : a.type === 'repayment'
          ? {
              principalMinor: a.principalMinor,
              interestMinor: a.interestMinor,
              feesMinor: a.feesMinor,
              penaltiesMinor: a.penaltiesMinor,
            }
          : null;
    this.push({
      ...base,
      allocation,
      isPayoff: a.isPayoff,
      chargedMinor: fee,
      rebateMinor: a.rebateMinor,
      writtenOffMinor: a.writtenOffMinor,
      creditMinor: a.creditMinor,
    });
  }

  /** The running balances must be the replay's at the end of every date (pair assertion). */
  private check(state: LoanState, date: string): void {
    const { principalMinor, totalMinor } = state.outstanding;
    if (this.principal !== principalMinor || this.total !== totalMinor) {
      throw new Error(
        `loan statement: on ${date} the running balance is ${this.principal} / ${this.total} but the replay ` +
          `says ${principalMinor} / ${totalMinor}`,
      );
    }
  }

  private push(
    line: Pick<StatementLine, 'valueDate' | 'kind' | 'reference' | 'amountMinor'> & Partial<StatementLine>,
  ): void {
    this.lines.push({
      allocation: null,
      isReversed: false,
      isPayoff: false,
      chargedMinor: 0,
      rebateMinor: 0,
      writtenOffMinor: 0,
      creditMinor: 0,
      ...line,
      balance: { principalMinor: this.principal, totalMinor: this.total },
    });
  }
}
