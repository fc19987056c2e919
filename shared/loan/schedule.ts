// Terms → repayment schedule. Responsible for: the installment amount (equal installments, equal principal,
// flat), splitting each installment into principal and interest, grace periods, the per-installment fee, and
// putting the residue of every rounding into the last installment. It asserts its own invariant: the principal
// of the installments sums to the amount lent. Not responsible for dates and period rates (daycount.ts),
// for what has been paid (replay.ts) or for penalties, which only a replay can know.
import type Decimal from 'decimal.js';
import {
  applyRatio,
  asMinor,
  Dec,
  divRound,
  isZeroRatio,
  roundMinor,
  roundToMultiple,
  type Minor,
  type Ratio,
  type RoundingMode,
} from '../money';
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
  periodRates: readonly Ratio[];
}

/** Raised when the engine breaks its own invariant: a bug in the engine, never a problem with the input. */
export class EngineInvariantError extends Error {
  override name = 'EngineInvariantError';
}

export interface AmortisationInput {
  balanceMinor: Minor;
  rates: readonly Ratio[];
  method: LoanTerms['interestMethod'];
  amortization: LoanTerms['amortization'];
  /** Periods at the start that pay interest only. */
  graceOnPrincipal: number;
  multipleMinor: number;
  rounding: RoundingMode;
  /** Flat method: the rate of one regular period, charged on the original principal in every period. */
  flatRate?: Ratio;
  /** Keep this installment amount instead of computing one (a prepayment that reduces the term). */
  fixedInstallmentMinor?: Minor;
}

export interface Amortisation {
  principalMinor: Minor[];
  interestMinor: Minor[];
  installmentMinor: Minor;
}

const ONE = new Dec(1);

/**
 * The equal installment that brings the balance to zero: E = P × Π(1 + r_i) / F, with F = 1 for the first
 * amortising period and F ← 1 + F × (1 + r_i) for each later one (the annuity formula when the rates are equal).
 */
export function equalInstallment(balanceMinor: Minor, rates: readonly Ratio[]): Decimal {
  const m = rates.length;
  if (m === 0) return new Dec(balanceMinor);
  const first = rates[0]!;
  if (rates.every((r) => r === first || (r.num === first.num && r.den === first.den))) {
    if (isZeroRatio(first)) return new Dec(balanceMinor).dividedBy(m);
    const growth = first.value.plus(ONE).pow(m);
    return growth.times(balanceMinor).times(first.value).dividedBy(growth.minus(ONE));
  }
  // Varying rates (daily interest): 28 significant digits keep E exact to far below a minor unit
  // (relative error < m × 10⁻²⁸) at a fraction of the cost of 40-digit products over hundreds of periods.
  let product = ONE_28;
  let f = ONE_28;
  let previous: Ratio | undefined;
  let factor = ONE_28;
  for (let i = 0; i < m; i++) {
    const rate = rates[i]!;
    if (rate !== previous) factor = Dec28.add(ONE_28, rate.value);
    previous = rate;
    product = product.times(factor);
    if (i > 0) f = f.times(factor).plus(ONE_28);
  }
  return new Dec(product.times(balanceMinor).dividedBy(f));
}

const Dec28 = Dec.clone({ precision: 28 });
const ONE_28 = new Dec28(1);

/**
 * The equal installment rounded to `multipleMinor`. With equal period rates r = a/b the annuity is a ratio of
 * integers, E = P × a × (a + b)^m / (b × ((a + b)^m − b^m)), computed exactly on BigInt and rounded once;
 * varying rates go through `equalInstallment` in Decimal.
 */
export function equalInstallmentMinor(
  balanceMinor: Minor,
  rates: readonly Ratio[],
  multipleMinor: number,
  mode: RoundingMode,
): Minor {
  const m = rates.length;
  const first = rates[0];
  const isEqual =
    first !== undefined && rates.every((r) => r === first || (r.num === first.num && r.den === first.den));
  if (!isEqual || m > maxExactPeriods) {
    return roundToMultiple(equalInstallment(balanceMinor, rates), multipleMinor, mode);
  }
  const multiple = BigInt(Math.max(1, multipleMinor));
  const periods = BigInt(m);
  if (first.num === 0n)
    return asMinor(Number(divRound(BigInt(balanceMinor), periods * multiple, mode) * multiple));
  const growth = (first.den + first.num) ** periods;
  const num = BigInt(balanceMinor) * first.num * growth;
  const den = first.den * (growth - first.den ** periods);
  return asMinor(Number(divRound(num, den * multiple, mode) * multiple));
}

// Beyond this many periods the exact powers grow to thousands of digits; Decimal is faster there.
const maxExactPeriods = 120;

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
    // Flat: interest is charged on the original balance in every period that bears interest.
    const flat = input.flatRate;
    const charged = flat ? rates.filter((r) => !isZeroRatio(r)).length : 0;
    const totalNum = flat ? BigInt(balance) * flat.num * BigInt(charged) : 0n;
    const totalDen = flat ? flat.den : 1n;
    const totalInterestMinor = Number(divRound(totalNum, totalDen, rounding));
    const periodInterestMinor = flat ? applyRatio(input.balanceMinor, flat, rounding) : 0;
    const totalInterest = new Dec(totalNum.toString()).dividedBy(totalDen.toString());
    installment =
      input.fixedInstallmentMinor ??
      roundToMultiple(
        new Dec(balance).dividedBy(n - grace).plus(totalInterest.dividedBy(n)),
        multipleMinor,
        rounding,
      );
    let interestLeft = totalInterestMinor;
    for (let i = 0; i < n; i++) {
      const isLast = i === n - 1;
      const due = isZeroRatio(rates[i]!) ? 0 : Math.min(periodInterestMinor, interestLeft);
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
      equalInstallmentMinor(
        input.balanceMinor,
        grace > 0 ? rates.slice(grace) : rates,
        multipleMinor,
        rounding,
      );
  }
  for (let i = 0; i < n; i++) {
    const periodInterest = applyRatio(balance as Minor, rates[i]!, rounding);
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
    ...(terms.interestMethod === 'flat' ? { flatRate: regularPeriodRate(terms) } : {}),
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
