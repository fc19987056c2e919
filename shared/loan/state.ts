// What a replay reports: the loan's state on a date — each installment's due, paid, waived, written-off,
// outstanding and overdue parts per component, totals, days past due, the arrears bucket, the payoff amount and
// the allocation of every transaction. Responsible for turning the replay's working books into that picture;
// not for walking the dates or allocating money (replay.ts, allocation.ts).
import { asMinor, type Minor } from '../money';
import {
  components,
  outstanding,
  type AllocationLine,
  type ComponentName,
  type InstallmentBook,
  type Ledger,
} from './allocation';
import { isAboveTolerance } from './charges';
import type { LoanTerms } from './terms';
import type { Transaction } from './transactions';

export interface ComponentState {
  dueMinor: Minor;
  paidMinor: Minor;
  waivedMinor: Minor;
  writtenOffMinor: Minor;
  outstandingMinor: Minor;
  /** The outstanding part of an overdue installment (0 while it is not overdue). */
  overdueMinor: Minor;
}

export interface InstallmentState {
  n: number;
  dueDate: string;
  principal: ComponentState;
  interest: ComponentState;
  fees: ComponentState;
  penalties: ComponentState;
  outstandingMinor: Minor;
  isOverdue: boolean;
  isSettled: boolean;
}

export interface ComponentTotals {
  principalMinor: Minor;
  interestMinor: Minor;
  feesMinor: Minor;
  penaltiesMinor: Minor;
  totalMinor: Minor;
}

export interface TransactionAllocation {
  transactionId: string;
  type: Transaction['type'];
  valueDate: string;
  amountMinor: Minor;
  /** Cancelled by a reversal (or, for a reversal, the fact that it has no effect of its own). */
  isReversed: boolean;
  /** This repayment paid the loan off: interest not yet earned and future fees were rebated. */
  isPayoff: boolean;
  principalMinor: Minor;
  interestMinor: Minor;
  feesMinor: Minor;
  penaltiesMinor: Minor;
  waivedMinor: Minor;
  rebateMinor: Minor;
  writtenOffMinor: Minor;
  /** Money beyond the payoff (or received after closure or write-off): owed back to the customer, never lost. */
  creditMinor: Minor;
  lines: AllocationLine[];
}

export type ArrearsBucket = 'current' | '1-30' | '31-60' | '61-90' | '91-180' | '180+';
export type LoanStatus = 'active' | 'closed' | 'written_off';

export interface LoanState {
  asOf: string;
  status: LoanStatus;
  currency: string;
  digits: number;
  installments: InstallmentState[];
  outstanding: ComponentTotals;
  overdue: ComponentTotals;
  paid: ComponentTotals;
  daysPastDue: number;
  arrearsBucket: ArrearsBucket;
  /** What a repayment on `asOf` must be to close the loan (due amounts, all principal, interest earned so far). */
  payoffMinor: Minor;
  creditMinor: Minor;
  allocations: TransactionAllocation[];
}

/** The books a replay ends with: enough to describe the loan. */
export interface ReplayBooks {
  terms: LoanTerms;
  books: InstallmentBook[];
  status: LoanStatus;
  creditMinor: number;
}
/** Unpaid principal, interest and fees: what decides whether an installment is overdue (penalties do not). */
export function arrearsOf(book: InstallmentBook): number {
  return outstanding(book.principal) + outstanding(book.interest) + outstanding(book.fees);
}

export function isOverdueOn(book: InstallmentBook, day: number, terms: LoanTerms): boolean {
  return book.dueDay < day && isAboveTolerance(arrearsOf(book), terms);
}

function componentState(l: Ledger, isOverdue: boolean): ComponentState {
  const left = outstanding(l);
  return {
    dueMinor: asMinor(l.dueMinor),
    paidMinor: asMinor(l.paidMinor),
    waivedMinor: asMinor(l.waivedMinor),
    writtenOffMinor: asMinor(l.writtenOffMinor),
    outstandingMinor: asMinor(left),
    overdueMinor: asMinor(isOverdue ? left : 0),
  };
}

function totalsOf(installments: InstallmentState[], pick: (c: ComponentState) => number): ComponentTotals {
  const sum = (name: ComponentName) => installments.reduce((s, i) => s + pick(i[name]), 0);
  const t = {
    principal: sum('principal'),
    interest: sum('interest'),
    fees: sum('fees'),
    penalties: sum('penalties'),
  };
  return {
    principalMinor: asMinor(t.principal),
    interestMinor: asMinor(t.interest),
    feesMinor: asMinor(t.fees),
    penaltiesMinor: asMinor(t.penalties),
    totalMinor: asMinor(t.principal + t.interest + t.fees + t.penalties),
  };
}

export function arrearsBucket(daysPastDue: number): ArrearsBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  if (daysPastDue <= 180) return '91-180';
  return '180+';
}

export function stateOf(
  r: ReplayBooks,
  asOf: string,
  asOfDay: number,
  payoffMinor: number,
  allocations: TransactionAllocation[],
): LoanState {
  let daysPastDue = 0;
  const installments: InstallmentState[] = [];
  for (const book of r.books) {
    const isOverdue = r.status === 'active' && isOverdueOn(book, asOfDay + 1, r.terms);
    if (isOverdue && daysPastDue === 0) daysPastDue = asOfDay - book.dueDay;
    const hasAnything = components.some((c) => book[c].dueMinor > 0);
    if (book.n === 0 && !hasAnything) continue;
    const state: InstallmentState = {
      n: book.n,
      dueDate: book.dueDate,
      principal: componentState(book.principal, isOverdue),
      interest: componentState(book.interest, isOverdue),
      fees: componentState(book.fees, isOverdue),
      penalties: componentState(book.penalties, isOverdue),
      outstandingMinor: asMinor(
        outstanding(book.principal) +
          outstanding(book.interest) +
          outstanding(book.fees) +
          outstanding(book.penalties),
      ),
      isOverdue,
      isSettled: false,
    };
    state.isSettled = state.outstandingMinor === 0;
    installments.push(state);
  }
  return {
    asOf,
    status: r.status,
    currency: r.terms.currency,
    digits: r.terms.digits,
    installments,
    outstanding: totalsOf(installments, (c) => c.outstandingMinor),
    overdue: totalsOf(installments, (c) => c.overdueMinor),
    paid: totalsOf(installments, (c) => c.paidMinor),
    daysPastDue,
    arrearsBucket: arrearsBucket(daysPastDue),
    payoffMinor: asMinor(payoffMinor),
    creditMinor: asMinor(r.creditMinor),
    allocations,
  };
}
