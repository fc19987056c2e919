// Repayment allocation: which installment and which component (penalties, fees, interest, principal) a payment
// settles, under a named strategy. Responsible for the order of settlement and for principal prepayments that
// shorten the term or lower the installment. Not responsible for when charges arise or for payoff amounts
// (replay.ts), nor for the arithmetic of the schedule (schedule.ts, reused here to re-amortise).
import { asMinor, splitEvenly, type Minor, type Ratio } from '../money';
import { amortise } from './schedule';
import type { AllocationStrategy, LoanTerms } from './terms';

export type ComponentName = 'principal' | 'interest' | 'fees' | 'penalties';
export const components: readonly ComponentName[] = ['principal', 'interest', 'fees', 'penalties'];

/** One component of one installment: what was charged and how it was settled. */
export interface Ledger {
  dueMinor: number;
  paidMinor: number;
  waivedMinor: number;
  writtenOffMinor: number;
}

/** An installment as the replay sees it (mutable while replaying, then frozen into the state). */
export interface InstallmentBook {
  /** 0 is the disbursement itself (a fee collected at disbursement); 1… are the scheduled installments. */
  n: number;
  dueDate: string;
  fromDay: number;
  dueDay: number;
  rate: Ratio;
  principal: Ledger;
  interest: Ledger;
  fees: Ledger;
  penalties: Ledger;
  lateFeesMinor: number;
  /** Penalty interest accrued so far, exact (a numerator over penaltyDenominator); due = late fees + it rounded. */
  penaltyAccrued: bigint;
  isLateFeeCharged: boolean;
}

export interface AllocationLine {
  n: number;
  component: ComponentName;
  amountMinor: Minor;
}

export const outstanding = (l: Ledger): number =>
  l.dueMinor - l.paidMinor - l.waivedMinor - l.writtenOffMinor;

export function outstandingOf(book: InstallmentBook): number {
  return (
    outstanding(book.principal) +
    outstanding(book.interest) +
    outstanding(book.fees) +
    outstanding(book.penalties)
  );
}

/** Pays up to `available` of one component; returns what it used. */
export function payComponent(
  book: InstallmentBook,
  component: ComponentName,
  available: number,
  lines: AllocationLine[],
): number {
  if (available <= 0) return 0;
  const ledger = book[component];
  const amount = Math.min(available, outstanding(ledger));
  if (amount <= 0) return 0;
  ledger.paidMinor += amount;
  lines.push({ n: book.n, component, amountMinor: asMinor(amount) });
  return amount;
}

function payInOrder(
  books: readonly InstallmentBook[],
  order: readonly ComponentName[],
  available: number,
  lines: AllocationLine[],
): number {
  let left = available;
  for (const book of books) {
    if (outstandingOf(book) === 0) continue; // most installments of a running loan are settled
    for (const component of order) {
      if (left <= 0) return 0;
      left -= payComponent(book, component, left, lines);
    }
  }
  return left;
}

const penaltiesFirst: readonly ComponentName[] = ['penalties', 'fees', 'interest', 'principal'];
const interestFirst: readonly ComponentName[] = ['interest', 'principal', 'penalties', 'fees'];

/**
 * Allocates a repayment received on `day` (epoch day). `books` are oldest first. Returns what is left over
 * (a credit for the customer) — with a payment below the payoff amount that is always 0.
 *
 * - `penalties_fees_interest_principal`: installment by installment, oldest first (due, then future); within
 *   each, penalties, fees, interest, principal.
 * - `interest_principal_penalties_fees`: overdue and due installments first, component by component across them
 *   (all their interest, then all their principal, penalties, fees); then future installments one by one.
 * - `due_then_future_principal`: overdue and due installments (penalties, fees, interest, principal), then the
 *   current one, then principal of the later installments, which are re-amortised to reduce the term or the
 *   installment (the product's `prepayment` setting).
 */
export function allocateRepayment(
  strategy: AllocationStrategy,
  books: InstallmentBook[],
  day: number,
  amount: number,
  terms: LoanTerms,
  lines: AllocationLine[],
): number {
  const due = books.filter((b) => b.dueDay <= day);
  const future = books.filter((b) => b.dueDay > day);
  let left = amount;
  if (strategy === 'penalties_fees_interest_principal') {
    left = payInOrder(due, penaltiesFirst, left, lines);
    return payInOrder(future, penaltiesFirst, left, lines);
  }
  if (strategy === 'interest_principal_penalties_fees') {
    for (const component of interestFirst) left = payInOrder(due, [component], left, lines);
    return payInOrder(future, interestFirst, left, lines);
  }
  left = payInOrder(due, penaltiesFirst, left, lines);
  const current = future[0];
  if (!current) return left;
  left = payInOrder([current], penaltiesFirst, left, lines);
  if (left <= 0) return 0;
  return prepayPrincipal(current, future.slice(1), left, terms, lines);
}

/**
 * A principal prepayment: booked as principal paid on the current installment, then the later installments are
 * re-amortised on the smaller balance. Returns what could not be used (more than the remaining principal).
 */
function prepayPrincipal(
  current: InstallmentBook,
  later: InstallmentBook[],
  available: number,
  terms: LoanTerms,
  lines: AllocationLine[],
): number {
  const laterPrincipal = later.reduce((s, b) => s + outstanding(b.principal), 0);
  const amount = Math.min(available, laterPrincipal);
  if (amount <= 0) return available;
  current.principal.dueMinor += amount;
  current.principal.paidMinor += amount;
  lines.push({ n: current.n, component: 'principal', amountMinor: asMinor(amount) });
  reamortise(later, laterPrincipal - amount, terms);
  return available - amount;
}

/** Rewrites the principal and interest of unpaid later installments so that they repay `balanceMinor`. */
function reamortise(later: InstallmentBook[], balanceMinor: number, terms: LoanTerms): void {
  const open = later.filter((b) => b.principal.paidMinor === 0 && b.interest.paidMinor === 0);
  const fixedPrincipal = later.reduce((s, b) => s + (open.includes(b) ? 0 : outstanding(b.principal)), 0);
  const balance = asMinor(balanceMinor - fixedPrincipal);
  if (open.length === 0) return;
  if (terms.interestMethod === 'flat') {
    // Flat interest is contractual on the original principal: only the principal moves.
    const principal =
      terms.prepayment === 'reduce_installment'
        ? splitEvenly(balance, open.length)
        : fromTheEnd(open, balance);
    open.forEach((b, i) => (b.principal.dueMinor = principal[i]!));
    return;
  }
  const split = amortise({
    balanceMinor: balance,
    rates: open.map((b) => b.rate),
    method: terms.interestMethod,
    amortization: terms.amortization,
    graceOnPrincipal: 0,
    multipleMinor: terms.multipleMinor,
    rounding: terms.rounding,
    ...(terms.prepayment === 'reduce_term'
      ? {
          fixedInstallmentMinor: asMinor(
            terms.amortization === 'equal_principal'
              ? open[0]!.principal.dueMinor
              : open[0]!.principal.dueMinor + open[0]!.interest.dueMinor,
          ),
        }
      : {}),
  });
  open.forEach((b, i) => {
    b.principal.dueMinor = split.principalMinor[i]!;
    b.interest.dueMinor = split.interestMinor[i]!;
    // An installment the prepayment has made empty no longer exists: it carries no fee either.
    if (split.principalMinor[i] === 0 && split.interestMinor[i] === 0 && b.fees.paidMinor === 0)
      b.fees.dueMinor = 0;
  });
}

/** Keeps the earliest installments' principal and takes the reduction from the last ones (reduce the term). */
function fromTheEnd(open: InstallmentBook[], balance: Minor): Minor[] {
  const principal = open.map((b) => b.principal.dueMinor);
  let excess = principal.reduce((s, p) => s + p, 0) - balance;
  for (let i = principal.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(excess, principal[i]!);
    principal[i] = principal[i]! - cut;
    excess -= cut;
  }
  return principal.map(asMinor);
}

/** Waives up to `amount` of one component, oldest installment first; returns what was waived. */
export function waive(
  books: InstallmentBook[],
  component: ComponentName,
  amount: number,
  lines: AllocationLine[],
): number {
  let left = amount;
  for (const book of books) {
    if (left <= 0) break;
    const ledger = book[component];
    const waived = Math.min(left, outstanding(ledger));
    if (waived <= 0) continue;
    ledger.waivedMinor += waived;
    left -= waived;
    lines.push({ n: book.n, component, amountMinor: asMinor(waived) });
  }
  return amount - left;
}
