// The loan's state as a replay: terms + transactions sorted by (value date, HLC, id) → the exact state at any
// date. Responsible for walking the dates (repayments, late fees, daily penalty interest, write-off) and for
// payoff amounts. A late-arriving backdated transaction simply sorts into place and the replay gives every
// replica the same answer. Not responsible for the order of settlement (allocation.ts), for describing the
// result (state.ts) or for storing anything: the caller keeps the transactions and re-runs this.
import { asMinor, divRound, ratio, type Minor } from '../money';
import { toEpochDay } from '../dates';
import {
  allocateRepayment,
  components,
  outstanding,
  payComponent,
  waive,
  type AllocationLine,
  type ComponentName,
  type InstallmentBook,
  type Ledger,
} from './allocation';
import { isAboveTolerance, lateFeeDay, lateFeeMinor, penaltyInterest, roundPenalty } from './charges';
import { buildSchedule, type Schedule } from './schedule';
import { parseTerms, type LoanTerms, type Result } from './terms';
import { cancelledIds, parseTransactions, sortTransactions, type Transaction } from './transactions';
import { arrearsOf, stateOf, type LoanState, type ReplayBooks, type TransactionAllocation } from './state';

/** The replay's working state while it walks the dates. */
type Replay = ReplayBooks;

function ledger(dueMinor: number): Ledger {
  return { dueMinor, paidMinor: 0, waivedMinor: 0, writtenOffMinor: 0 };
}

function booksOf(terms: LoanTerms, schedule: Schedule): InstallmentBook[] {
  const disbursementDay = toEpochDay(terms.disbursementDate);
  const collectedFee = terms.disbursementFee?.mode === 'collected' ? schedule.disbursementFeeMinor : 0;
  const rates = schedule.periodRates;
  const books: InstallmentBook[] = [
    {
      n: 0,
      dueDate: terms.disbursementDate,
      fromDay: disbursementDay,
      dueDay: disbursementDay,
      rate: ratio(0n, 1n),
      principal: ledger(0),
      interest: ledger(0),
      fees: ledger(collectedFee),
      penalties: ledger(0),
      lateFeesMinor: 0,
      penaltyAccrued: 0n,
      isLateFeeCharged: true,
    },
  ];
  let fromDay = disbursementDay;
  schedule.installments.forEach((i, index) => {
    const dueDay = fromDay + i.days;
    books.push({
      n: i.n,
      dueDate: i.dueDate,
      fromDay,
      dueDay,
      rate: rates[index]!,
      principal: ledger(i.principalMinor),
      interest: ledger(i.interestMinor),
      fees: ledger(i.feesMinor),
      penalties: ledger(0),
      lateFeesMinor: 0,
      penaltyAccrued: 0n,
      isLateFeeCharged: false,
    });
    fromDay = dueDay;
  });
  return books;
}
/** End of days `from`..`to` (inclusive) without transactions: penalty interest on overdue principal. */
function accruePenalties(r: Replay, from: number, to: number): void {
  if (r.status !== 'active' || to < from || r.terms.penaltyRatio.num === 0n) return;
  for (const book of r.books) {
    if (book.dueDay >= to) break;
    const principal = outstanding(book.principal);
    if (principal <= 0 || !isAboveTolerance(arrearsOf(book), r.terms)) continue;
    const days = to - Math.max(from, book.dueDay + 1) + 1;
    if (days <= 0) continue;
    book.penaltyAccrued += penaltyInterest(principal, r.terms, days);
    book.penalties.dueMinor = book.lateFeesMinor + roundPenalty(book.penaltyAccrued, r.terms);
  }
}

/**
 * Start of day `day`: charge the late fee of installments whose grace days ran out yesterday and which are
 * still unpaid (above the arrears tolerance) — a payment made within the grace days avoids it.
 */
function chargeLateFees(r: Replay, day: number): void {
  if (r.status !== 'active' || !r.terms.lateFee) return;
  for (const book of r.books) {
    if (book.isLateFeeCharged || lateFeeDay(book.dueDay, r.terms) !== day) continue;
    book.isLateFeeCharged = true;
    const fee = lateFeeMinor(r.terms, asMinor(arrearsOf(book)));
    if (fee <= 0) continue;
    book.lateFeesMinor += fee;
    book.penalties.dueMinor += fee;
  }
}

/** Interest earned on an installment by `day`: its interest pro rata of the days elapsed in its period. */
function earnedInterest(book: InstallmentBook, day: number, terms: LoanTerms): number {
  if (day >= book.dueDay) return book.interest.dueMinor;
  if (day <= book.fromDay) return 0;
  const length = book.dueDay - book.fromDay;
  return Number(
    divRound(BigInt(book.interest.dueMinor) * BigInt(day - book.fromDay), BigInt(length), terms.rounding),
  );
}

/** The amount that closes the loan when paid on `day` (after that day's other transactions). */
function payoffOn(r: Replay, day: number): number {
  if (r.status !== 'active') return 0;
  let total = 0;
  for (const book of r.books) {
    if (book.dueDay <= day) {
      total +=
        outstanding(book.principal) +
        outstanding(book.interest) +
        outstanding(book.fees) +
        outstanding(book.penalties);
      continue;
    }
    const settledInterest = book.interest.paidMinor + book.interest.waivedMinor;
    total += outstanding(book.principal) + Math.max(0, earnedInterest(book, day, r.terms) - settledInterest);
  }
  return total;
}

/** Settles everything owed on `day`; interest not yet earned and fees not yet due are rebated. */
function settlePayoff(r: Replay, day: number, lines: AllocationLine[]): number {
  let rebate = 0;
  for (const book of r.books) {
    if (book.dueDay <= day) {
      for (const c of components) payComponent(book, c, Number.MAX_SAFE_INTEGER, lines);
      continue;
    }
    payComponent(book, 'principal', Number.MAX_SAFE_INTEGER, lines);
    const earned = earnedInterest(book, day, r.terms) - book.interest.paidMinor - book.interest.waivedMinor;
    payComponent(book, 'interest', Math.max(0, earned), lines);
    for (const c of ['interest', 'fees', 'penalties'] as const) {
      const left = outstanding(book[c]);
      book[c].waivedMinor += left;
      rebate += left;
    }
  }
  return rebate;
}

function isSettled(r: Replay): boolean {
  return r.books.every(
    (b) =>
      outstanding(b.principal) + outstanding(b.interest) + outstanding(b.fees) + outstanding(b.penalties) ===
      0,
  );
}

function sumLines(lines: AllocationLine[], component: ComponentName): Minor {
  let total = 0;
  for (const l of lines) if (l.component === component) total += l.amountMinor;
  return asMinor(total);
}

function applyTransaction(r: Replay, t: Transaction, day: number): TransactionAllocation {
  const lines: AllocationLine[] = [];
  let credit = 0;
  let rebate = 0;
  let waived = 0;
  let writtenOff = 0;
  let isPayoff = false;
  const amount = 'amountMinor' in t ? t.amountMinor : 0;
  if (t.type === 'repayment') {
    if (r.status !== 'active')
      credit = amount; // after closure or write-off: a credit (a recovery)
    else {
      const payoff = payoffOn(r, day);
      if (amount >= payoff) {
        isPayoff = true;
        rebate = settlePayoff(r, day, lines);
        credit = amount - payoff;
      } else {
        credit = allocateRepayment(r.terms.allocation, r.books, day, amount, r.terms, lines);
      }
      if (isSettled(r)) r.status = 'closed';
    }
  } else if (t.type === 'fee' && r.status === 'active') {
    let target = r.books[0]!;
    for (const b of r.books) if (b.dueDay <= day) target = b;
    target.fees.dueMinor += t.amountMinor;
  } else if (t.type === 'waiver') {
    const waivable = r.books.filter((b) => b.n > 0 || b.dueDay <= day);
    waived = waive(waivable, t.component, t.amountMinor, []);
    if (r.status === 'active' && isSettled(r)) r.status = 'closed';
  } else if (t.type === 'writeoff' && r.status === 'active') {
    for (const b of r.books) {
      for (const c of components) {
        const left = outstanding(b[c]);
        b[c].writtenOffMinor += left;
        writtenOff += left;
      }
    }
    r.status = 'written_off';
  }
  return {
    ...emptyAllocation(t),
    isPayoff,
    principalMinor: sumLines(lines, 'principal'),
    interestMinor: sumLines(lines, 'interest'),
    feesMinor: sumLines(lines, 'fees'),
    penaltiesMinor: sumLines(lines, 'penalties'),
    waivedMinor: asMinor(waived),
    rebateMinor: asMinor(rebate),
    writtenOffMinor: asMinor(writtenOff),
    creditMinor: asMinor(credit),
    lines,
  };
}

function emptyAllocation(t: Transaction): TransactionAllocation {
  const zero = 0 as Minor;
  return {
    transactionId: t.id,
    type: t.type,
    valueDate: t.valueDate,
    amountMinor: asMinor('amountMinor' in t ? t.amountMinor : 0),
    isReversed: false,
    isPayoff: false,
    principalMinor: zero,
    interestMinor: zero,
    feesMinor: zero,
    penaltiesMinor: zero,
    waivedMinor: zero,
    rebateMinor: zero,
    writtenOffMinor: zero,
    creditMinor: zero,
    lines: [],
  };
}

/**
 * The loan's state at the end of `asOf` (a business date): every transaction with a value date up to `asOf`
 * applied in (value date, HLC, id) order, late fees and penalty interest charged day by day.
 */
export function replay(
  terms: LoanTerms,
  transactions: readonly Transaction[],
  asOf: string,
  schedule?: Schedule,
): LoanState {
  const plan = schedule ?? buildSchedule(terms);
  const r: Replay = { terms, books: booksOf(terms, plan), status: 'active', creditMinor: 0 };
  const asOfDay = toEpochDay(asOf);
  const relevant = sortTransactions(transactions.filter((t) => t.valueDate <= asOf));
  const cancelled = cancelledIds(relevant);
  const allocations: TransactionAllocation[] = [];

  const days = new Set<number>([asOfDay]);
  const dayOf = new Map<string, number>();
  for (const t of relevant) {
    const day = dayOf.get(t.valueDate) ?? toEpochDay(t.valueDate);
    dayOf.set(t.valueDate, day);
    days.add(day);
  }
  if (terms.lateFee) for (const b of r.books) if (b.n > 0) days.add(lateFeeDay(b.dueDay, terms));
  const ordered = [...days].filter((d) => d <= asOfDay).sort((a, b) => a - b);

  let processed = toEpochDay(terms.disbursementDate);
  let next = 0;
  let payoffMinor = 0;
  for (const day of ordered) {
    if (day < processed) continue;
    accruePenalties(r, processed + 1, day - 1);
    if (day > processed) chargeLateFees(r, day);
    while (next < relevant.length && dayOf.get(relevant[next]!.valueDate)! <= day) {
      const t = relevant[next++]!;
      if (cancelled.has(t.id)) {
        allocations.push({ ...emptyAllocation(t), isReversed: true });
        continue;
      }
      const allocation = applyTransaction(r, t, day);
      r.creditMinor += allocation.creditMinor;
      allocations.push(allocation);
    }
    if (day === asOfDay) payoffMinor = payoffOn(r, day);
    if (day > processed) {
      accruePenalties(r, day, day);
      processed = day;
    }
  }
  return stateOf(r, asOf, asOfDay, payoffMinor, allocations);
}

/** Replays untrusted input: validates the terms and the transactions first, never throws on bad input. */
export function replayLoan(input: {
  terms: unknown;
  transactions: unknown;
  asOf: unknown;
}): Result<LoanState> {
  const terms = parseTerms(input.terms);
  if (!terms.ok) return terms;
  if (typeof input.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf) || !isDate(input.asOf)) {
    return {
      ok: false,
      issues: [{ path: 'asOf', message: 'must be a date that exists, written YYYY-MM-DD' }],
    };
  }
  if (input.asOf < terms.value.disbursementDate) {
    return { ok: false, issues: [{ path: 'asOf', message: 'must not be before the disbursement date' }] };
  }
  const transactions = parseTransactions(input.transactions ?? [], terms.value.disbursementDate);
  if (!transactions.ok) return transactions;
  return { ok: true, value: replay(terms.value, transactions.value, input.asOf) };
}

function isDate(text: string): boolean {
  try {
    toEpochDay(text);
    return true;
  } catch {
    return false;
  }
}

/** The payoff amount on `date`: what a repayment that day must be to close the loan. */
export function payoffAmount(terms: LoanTerms, transactions: readonly Transaction[], date: string): Minor {
  return replay(terms, transactions, date).payoffMinor;
}
