// Charges and penalties: the disbursement fee, late fees and penalty interest on overdue principal, and the
// arrears tolerance. Responsible for the arithmetic of each charge; not for deciding when a charge applies to
// which installment (replay.ts walks the dates and calls these).
import { asMinor, divRound, percentOf, type Minor } from '../money';
import type { Charge, LoanTerms } from './terms';

/** A flat amount, or a percentage of `baseMinor` rounded with the product's rounding mode. */
export function chargeAmount(charge: Charge, baseMinor: Minor, terms: Pick<LoanTerms, 'rounding'>): Minor {
  if (charge.kind === 'amount') return charge.amountMinor;
  return percentOf(baseMinor, charge.percent, terms.rounding);
}

/** The fee taken at disbursement: flat, or a percentage of the principal. */
export function disbursementFeeMinor(terms: LoanTerms): Minor {
  if (!terms.disbursementFee) return 0 as Minor;
  return chargeAmount(terms.disbursementFee, terms.principalMinor, terms);
}

/** The late fee for an installment with `overdueMinor` still unpaid when its grace days have run out. */
export function lateFeeMinor(terms: LoanTerms, overdueMinor: Minor): Minor {
  if (!terms.lateFee || overdueMinor <= terms.arrearsToleranceMinor) return 0 as Minor;
  return chargeAmount(terms.lateFee, overdueMinor, terms);
}

/** The first day a late fee can be charged: the day after the due date plus the grace days. */
export function lateFeeDay(dueDay: number, terms: LoanTerms): number {
  return dueDay + (terms.lateFee?.graceDays ?? 0) + 1;
}

/**
 * Penalty interest on overdue principal for a number of days, unrounded: principal × annual rate × days / 365,
 * returned as a numerator over `penaltyDenominator(terms)`. It is kept exact while it accrues and rounded once
 * per installment, so splitting the days differently (an unrelated transaction in between) can never change
 * the amount by a minor unit.
 */
export function penaltyInterest(overduePrincipalMinor: number, terms: LoanTerms, days: number): bigint {
  if (terms.penaltyRatio.num === 0n || overduePrincipalMinor <= 0 || days <= 0) return 0n;
  return BigInt(overduePrincipalMinor) * terms.penaltyRatio.num * BigInt(days);
}

export function penaltyDenominator(terms: LoanTerms): bigint {
  return terms.penaltyRatio.den * 365n;
}

export function roundPenalty(accruedNumerator: bigint, terms: LoanTerms): Minor {
  return asMinor(Number(divRound(accruedNumerator, penaltyDenominator(terms), terms.rounding)));
}

/** Whether an installment's unpaid amount is large enough to count as overdue. */
export function isAboveTolerance(outstandingMinor: number, terms: LoanTerms): boolean {
  return outstandingMinor > terms.arrearsToleranceMinor;
}
