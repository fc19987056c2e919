// Terms → repayment schedule. Responsible for: the installment amount (equal installments, equal principal,
// flat), splitting each installment into principal and interest, grace periods, the per-installment fee, and
// putting the residue of every rounding into the last installment. It asserts its own invariant: the principal
// of the installments sums to the amount lent. Not responsible for dates and period rates (daycount.ts),
// for what has been paid (replay.ts) or for penalties, which only a replay can know.
import type Decimal from 'decimal.js';
import { asMinor, Dec, roundMinor, roundToMultiple, type Minor, type RoundingMode } from '../money';
import { buildPeriods, regularPeriodRate, type Period } from './daycount';
import { disbursementFeeMinor } from './charges';
import { parseTerms, type LoanTerms, type Result } from './terms';

export interface Installment {
  n: number;
  /** The period runs from `fromDate` (exclusive of interest on the day itself) to `dueDate`. */
  fromDate: string;
  dueDate: string;
  days: number;
  principalMinor: Minor;
  interestMinor: Minor;
  feesMinor: Minor;
  penaltiesMinor: Minor;
  totalMinor: Minor;
  balanceAfterMinor: Minor;
}

export interface Totals {
  principalMinor: Minor;
  interestMinor: Minor;
  feesMinor: Minor;
  penaltiesMinor: Minor;
  totalMinor: Minor;
}

export interface Schedule {
  currency: string;
  digits: number;
  disbursementDate: string;
  principalMinor: Minor;
  /** The disbursement fee, and what the customer receives after a fee deducted at disbursement. */
  disbursementFeeMinor: Minor;
  netDisbursedMinor: Minor;
  installments: Installment[];
  totals: Totals;
  /** Each period's interest rate (exact), kept for re-amortising after a prepayment. */
  periodRates: readonly Decimal[];
}

/** Raised when the engine breaks its own invariant: a bug in the engine, never a problem with the input. */
export class EngineInvariantError extends Error {
  override name = 'EngineInvariantError';
}

export interface AmortisationInput {
  balanceMinor: Minor;
  rates: readonly Decimal[];
  method: LoanTerms['interestMethod'];
  amortization: LoanTerms['amortization'];
  /** Periods at the start that pay interest only. */
  graceOnPrincipal: number;
  multipleMinor: number;
  rounding: RoundingMode;
  /** Flat method: the interest of one full period, unrounded (balance × regular period rate). */
  flatPeriodInterest?: Decimal;
  /** Keep this installment amount instead of computing one (a prepayment that reduces the term). */
  fixedInstallmentMinor?: Minor;
}

export interface Amortisation {
  principalMinor: Minor[];
  interestMinor: Minor[];
  installmentMinor: Minor;
}

const ZERO = new Dec(0);
const ONE = new Dec(1);

/**
 * The equal installment that brings the balance to zero: E = P × Π(1 + r_i) / F, with F = 1 for the first
 * amortising period and F ← 1 + F × (1 + r_i) for each later one (the annuity formula when the rates are equal).
 */
export function equalInstallment(balanceMinor: Minor, rates: readonly Decimal[]): Decimal {
  const m = rates.length;
  if (m === 0) return new Dec(balanceMinor);
  const first = rates[0]!;
  if (rates.every((r) => r === first || r.eq(first))) {
    if (first.isZero()) return new Dec(balanceMinor).dividedBy(m);
    const growth = first.plus(ONE).pow(m);
    return growth.times(balanceMinor).times(first).dividedBy(growth.minus(ONE));
  }
  let product = ONE;
  let f = ONE;
  for (let i = 0; i < m; i++) {
    const factor = rates[i]!.plus(ONE);
    product = product.times(factor);
    if (i > 0) f = f.times(factor).plus(ONE);
  }
  return product.times(balanceMinor).dividedBy(f);
}

/** Splits a balance over periods: the amortisation core shared by new schedules, prepayments and restructures. */
export function amortise(input: AmortisationInput): Amortisation {
  const { rates, rounding, multipleMinor } = input;
  const n = rates.length;
  const grace = Math.min(input.graceOnPrincipal, n - 1);
  const principal: Minor[] = new Array(n);
  const interest: Minor[] = new Array(n);
  let balance = input.balanceMinor as number;
  let installment: number;

  if (input.method === 'flat') {
    const perPeriod = input.flatPeriodInterest ?? ZERO;
    const charged = rates.map((r) => !r.isZero()).filter(Boolean).length;
    const totalInterest = perPeriod.times(charged);
    const totalInterestMinor = roundMinor(totalInterest, rounding);
    const periodInterestMinor = roundMinor(perPeriod, rounding);
    installment =
      input.fixedInstallmentMinor ??
      roundToMultiple(
        new Dec(balance).dividedBy(n - grace).plus(charged === 0 ? ZERO : totalInterest.dividedBy(n)),
        multipleMinor,
        rounding,
      );
    let interestLeft = totalInterestMinor as number;
    for (let i = 0; i < n; i++) {
      const isLast = i === n - 1;
      const due = rates[i]!.isZero() ? 0 : Math.min(periodInterestMinor, interestLeft);
      interest[i] = asMinor(isLast ? interestLeft : due);
      interestLeft -= interest[i]!;
      const p = isLast ? balance : i < grace ? 0 : Math.min(balance, Math.max(0, installment - interest[i]!));
      principal[i] = asMinor(p);
      balance -= p;
    }
    return { principalMinor: principal, interestMinor: interest, installmentMinor: asMinor(installment) };
  }

  if (input.amortization === 'equal_principal') {
    installment = input.fixedInstallmentMinor ?? roundMinor(new Dec(balance).dividedBy(n - grace), rounding);
  } else {
    installment =
      input.fixedInstallmentMinor ??
      roundToMultiple(equalInstallment(input.balanceMinor, rates.slice(grace)), multipleMinor, rounding);
  }
  for (let i = 0; i < n; i++) {
    const r = rates[i]!;
    const periodInterest = balance === 0 || r.isZero() ? 0 : roundMinor(r.times(balance), rounding);
    interest[i] = periodInterest as Minor;
    let p: number;
    if (i === n - 1) p = balance;
    else if (i < grace) p = 0;
    else if (input.amortization === 'equal_principal') p = Math.min(balance, installment);
    else p = Math.min(balance, Math.max(0, installment - periodInterest));
    principal[i] = p as Minor;
    balance -= p;
  }
  return { principalMinor: principal, interestMinor: interest, installmentMinor: asMinor(installment) };
}

/** Defers the interest of the first `periods` installments to the first installment after them. */
function deferInterest(interest: Minor[], periods: number): void {
  if (periods <= 0) return;
  let deferred = 0;
  for (let i = 0; i < periods && i < interest.length - 1; i++) {
    deferred += interest[i]!;
    interest[i] = 0 as Minor;
  }
  const target = Math.min(periods, interest.length - 1);
  interest[target] = asMinor(interest[target]! + deferred);
}

/** Builds the schedule from validated terms. */
export function buildSchedule(terms: LoanTerms): Schedule {
  const periods = buildPeriods(terms);
  const rates = periods.map((p) => p.rate);
  const split = amortise({
    balanceMinor: terms.principalMinor,
    rates,
    method: terms.interestMethod,
    amortization: terms.amortization,
    graceOnPrincipal: terms.graceOnPrincipal,
    multipleMinor: terms.multipleMinor,
    rounding: terms.rounding,
    flatPeriodInterest: regularPeriodRate(terms).times(terms.principalMinor),
  });
  deferInterest(split.interestMinor, terms.graceOnInterest);
  const schedule = assembleSchedule(
    terms,
    periods,
    split.principalMinor,
    split.interestMinor,
    terms.principalMinor,
  );
  assertSchedule(schedule, terms.principalMinor);
  return schedule;
}

/** Puts periods and amounts together into installments with running balances and totals. */
export function assembleSchedule(
  terms: LoanTerms,
  periods: readonly Period[],
  principal: readonly Minor[],
  interest: readonly Minor[],
  balanceMinor: Minor,
): Schedule {
  const fee = terms.installmentFeeMinor as number;
  let balance = balanceMinor as number;
  let totalPrincipal = 0;
  let totalInterest = 0;
  const installments: Installment[] = new Array(periods.length);
  for (let i = 0; i < periods.length; i++) {
    const period = periods[i]!;
    const p = principal[i]!;
    const r = interest[i]!;
    balance -= p;
    totalPrincipal += p;
    totalInterest += r;
    installments[i] = {
      n: period.n,
      fromDate: period.fromDate,
      dueDate: period.dueDate,
      days: period.days,
      principalMinor: p,
      interestMinor: r,
      feesMinor: fee as Minor,
      penaltiesMinor: 0 as Minor,
      totalMinor: (p + r + fee) as Minor,
      balanceAfterMinor: balance as Minor,
    };
  }
  const totalFees = fee * periods.length;
  const disbursementFee = disbursementFeeMinor(terms);
  const isDeducted = terms.disbursementFee?.mode === 'deducted';
  return {
    currency: terms.currency,
    digits: terms.digits,
    disbursementDate: terms.disbursementDate,
    principalMinor: balanceMinor,
    disbursementFeeMinor: disbursementFee,
    netDisbursedMinor: asMinor(balanceMinor - (isDeducted ? disbursementFee : 0)),
    installments,
    periodRates: periods.map((p) => p.rate),
    totals: {
      principalMinor: asMinor(totalPrincipal),
      interestMinor: asMinor(totalInterest),
      feesMinor: asMinor(totalFees),
      penaltiesMinor: 0 as Minor,
      totalMinor: asMinor(totalPrincipal + totalInterest + totalFees),
    },
  };
}

/** The schedule's own invariants: principal sums to the amount lent, nothing is negative, the balance ends at 0. */
export function assertSchedule(schedule: Schedule, principalMinor: Minor): void {
  if (schedule.totals.principalMinor !== principalMinor) {
    throw new EngineInvariantError(
      `schedule principal ${schedule.totals.principalMinor} does not sum to the amount lent ${principalMinor}`,
    );
  }
  for (const i of schedule.installments) {
    if (i.principalMinor < 0 || i.interestMinor < 0 || i.feesMinor < 0 || i.balanceAfterMinor < 0) {
      throw new EngineInvariantError(`installment ${i.n} has a negative amount`);
    }
    if (!Number.isSafeInteger(i.totalMinor))
      throw new EngineInvariantError(`installment ${i.n} is not whole`);
  }
  const last = schedule.installments[schedule.installments.length - 1];
  if (last && last.balanceAfterMinor !== 0)
    throw new EngineInvariantError('the balance does not end at zero');
}

/** Validates terms (any shape) and builds the schedule: the one entry point for untrusted input. */
export function generateSchedule(input: unknown, root = 'terms'): Result<Schedule> {
  const terms = parseTerms(input, root);
  if (!terms.ok) return terms;
  return { ok: true, value: buildSchedule(terms.value) };
}
