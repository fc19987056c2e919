// Loan terms: the zod schema for the terms a product and a loan officer agree (the vectors' format plus our
// extensions), and their normalisation into minor units and Decimal rates. Responsible for refusing bad terms
// with an issue that names the field ("terms.principal: must be greater than 0"). Not responsible for building
// the schedule (schedule.ts) or for product limits and the customer's eligibility (eligibility.ts).
import { z } from 'zod';
import {
  Dec,
  isDecimalString,
  ratioOfDecimal,
  roundingModes,
  scaleRatio,
  type Minor,
  type Ratio,
  type RoundingMode,
} from '../money';
import { isValidDate, toEpochDay, type BranchCalendar, type DueDatePolicy } from '../dates';
import type Decimal from 'decimal.js';

export interface Issue {
  /** Dotted path from the input's root, e.g. `terms.principal`. */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Thrown by the `...OrThrow` helpers; carries the same issues as the result type. */
export class TermsError extends Error {
  override name = 'TermsError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

// Bounds: every amount stays a safe integer even after 1,000 % flat interest over 100 years.
const maxPrincipalMinor = 1e12;
const maxRepayments = 1200;
const maxAnnualRatePercent = 1000;

const decimal = (what = 'a decimal number') =>
  z.string({ error: `must be ${what} written as a string, e.g. "5000"` }).refine(isDecimalString, {
    error: `must be ${what} written as a string, e.g. "5000"`,
    abort: true,
  });
const positiveDecimal = decimal().refine((s) => isDecimalString(s) && new Dec(s).gt(0), {
  error: 'must be greater than 0',
});
const nonNegativeDecimal = decimal().refine((s) => isDecimalString(s) && new Dec(s).gte(0), {
  error: 'must not be negative',
});
const atMost = (max: number) => (s: string) => !isDecimalString(s) || new Dec(s).lte(max);
const date = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isValidDate, { error: 'must be a date that exists, written YYYY-MM-DD' });
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: min === 1 ? 'must be at least 1' : `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** A charge is a flat amount or a percentage (of the principal, or of the overdue amount for late fees). */
const chargeSchema = z.union(
  [
    z.object({ amount: positiveDecimal }),
    z.object({ percent: positiveDecimal.refine(atMost(100), { error: 'must be at most 100' }) }),
  ],
  { error: 'must be { "amount": "5" } or { "percent": "2" }' },
);

export const allocationStrategies = [
  'penalties_fees_interest_principal',
  'interest_principal_penalties_fees',
  'due_then_future_principal',
] as const;
export type AllocationStrategy = (typeof allocationStrategies)[number];

export const termsSchema = z.object({
  principal: positiveDecimal,
  currency: z
    .string({ error: 'must be a currency code' })
    .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code' }),
  digits: wholeNumber(0, 4).default(2),
  rounding: oneOf(roundingModes).default('half_even'),
  inMultiplesOf: positiveDecimal.optional(),
  annualRate: nonNegativeDecimal.refine(atMost(maxAnnualRatePercent), {
    error: `must be between 0 and ${maxAnnualRatePercent} (percent per year)`,
  }),
  interestMethod: oneOf(['declining_balance', 'flat'] as const),
  amortization: oneOf(['equal_installments', 'equal_principal'] as const).default('equal_installments'),
  repayments: wholeNumber(1, maxRepayments),
  every: wholeNumber(1, 120).default(1),
  frequency: oneOf(['days', 'weeks', 'months'] as const),
  dayCount: oneOf(['actual_actual', 'actual_365', 'actual_360', '30_360'] as const).default('actual_365'),
  interestPeriod: oneOf(['same_as_repayment', 'daily'] as const).default('same_as_repayment'),
  disbursementDate: date,
  firstRepaymentDate: date.optional(),
  graceOnPrincipal: wholeNumber(0, maxRepayments).default(0),
  // Extensions (not in the published vectors).
  /**
   * A first period longer or shorter than a regular one under `same_as_repayment`: charged the regular period's
   * rate (the vectors' convention, the default) or pro rata of its days (`pro_rata`). With `daily` interest a
   * broken period is always charged for its real length.
   */
  brokenPeriodInterest: oneOf(['same_as_regular', 'pro_rata'] as const).default('same_as_regular'),
  /** Periods whose interest is not collected when due but deferred to the first installment after them. */
  graceOnInterest: wholeNumber(0, maxRepayments).default(0),
  /** Periods at the start during which no interest accrues at all. */
  interestFreePeriods: wholeNumber(0, maxRepayments).default(0),
  fees: z
    .object({
      disbursement: chargeSchema
        .and(z.object({ mode: oneOf(['collected', 'deducted'] as const).default('collected') }))
        .optional(),
      perInstallment: z.object({ amount: positiveDecimal }).optional(),
    })
    .default({}),
  penalties: z
    .object({
      lateFee: chargeSchema.and(z.object({ graceDays: wholeNumber(0, 365).default(0) })).optional(),
      /** Penalty interest on overdue principal, percent per year, accrued daily on actual/365. */
      annualRate: nonNegativeDecimal
        .refine(atMost(maxAnnualRatePercent), { error: 'must be between 0 and 1000' })
        .optional(),
      /** An installment with less than this outstanding is not overdue. */
      arrearsTolerance: nonNegativeDecimal.optional(),
    })
    .default({}),
  calendar: z
    .object({
      holidays: z.array(date).default([]),
      nonWorkingDays: z
        .array(oneOf(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const))
        .default([]),
      policy: oneOf(['next_working_day', 'previous_working_day', 'keep'] as const).default(
        'next_working_day',
      ),
    })
    .optional(),
  allocation: oneOf(allocationStrategies).default('penalties_fees_interest_principal'),
  /** With `due_then_future_principal`: what a principal prepayment shortens. */
  prepayment: oneOf(['reduce_term', 'reduce_installment'] as const).default('reduce_term'),
});

export type TermsInput = z.input<typeof termsSchema>;
type ParsedTerms = z.output<typeof termsSchema>;

export type Charge = { kind: 'amount'; amountMinor: Minor } | { kind: 'percent'; percent: Decimal };

/** Terms after validation: amounts in minor units, rates as Decimal fractions (12 % → 0.12). */
export interface LoanTerms {
  input: ParsedTerms;
  currency: string;
  digits: number;
  rounding: RoundingMode;
  principalMinor: Minor;
  /** The installment amount is rounded to this multiple of minor units (1 = the minor unit). */
  multipleMinor: number;
  annualRate: Decimal;
  interestMethod: ParsedTerms['interestMethod'];
  amortization: ParsedTerms['amortization'];
  repayments: number;
  every: number;
  frequency: ParsedTerms['frequency'];
  dayCount: ParsedTerms['dayCount'];
  interestPeriod: ParsedTerms['interestPeriod'];
  disbursementDate: string;
  firstRepaymentDate: string | undefined;
  graceOnPrincipal: number;
  brokenPeriodInterest: ParsedTerms['brokenPeriodInterest'];
  graceOnInterest: number;
  interestFreePeriods: number;
  disbursementFee: (Charge & { mode: 'collected' | 'deducted' }) | undefined;
  installmentFeeMinor: Minor;
  lateFee: (Charge & { graceDays: number }) | undefined;
  penaltyRate: Decimal;
  /** The same penalty rate as an exact ratio (penalty interest accrues on BigInt numerators). */
  penaltyRatio: Ratio;
  arrearsToleranceMinor: Minor;
  calendar: (BranchCalendar & { policy: DueDatePolicy }) | undefined;
  allocation: AllocationStrategy;
  prepayment: 'reduce_term' | 'reduce_installment';
}

function lookup(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Minor units of a decimal string that the schema accepted, or an issue if it has too many decimals. */
function minorOf(text: string, digits: number, path: string, issues: Issue[]): Minor {
  const scaled = new Dec(text).times(new Dec(10).pow(digits));
  if (!scaled.isInteger()) {
    issues.push({ path, message: `must have at most ${digits} decimal places` });
    return 0 as Minor;
  }
  if (scaled.gt(maxPrincipalMinor)) {
    issues.push({ path, message: `must be at most ${maxPrincipalMinor} minor units` });
    return 0 as Minor;
  }
  return scaled.toNumber() as Minor;
}

function chargeOf(
  charge: { amount: string } | { percent: string },
  digits: number,
  path: string,
  issues: Issue[],
): Charge {
  if ('amount' in charge)
    return { kind: 'amount', amountMinor: minorOf(charge.amount, digits, `${path}.amount`, issues) };
  return { kind: 'percent', percent: new Dec(charge.percent) };
}

/**
 * Validates and normalises loan terms. `root` prefixes every issue's path (`terms` → `terms.principal`).
 * Never throws: bad input of any shape gives `{ ok: false, issues }`.
 */
export function parseTerms(input: unknown, root = 'terms'): Result<LoanTerms> {
  const prefix = (path: PropertyKey[]) => [root, ...path.map(String)].filter(Boolean).join('.');
  const parsed = termsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: prefix(issue.path),
        message:
          issue.code === 'invalid_type' && lookup(input, issue.path) === undefined
            ? 'is required'
            : issue.message,
      })),
    };
  }
  const t = parsed.data;
  const issues: Issue[] = [];
  const at = (field: string) => prefix([field]);
  const principalMinor = minorOf(t.principal, t.digits, at('principal'), issues);
  let multipleMinor = 1;
  if (t.inMultiplesOf !== undefined) {
    multipleMinor = minorOf(t.inMultiplesOf, t.digits, at('inMultiplesOf'), issues);
  }
  if (
    t.firstRepaymentDate !== undefined &&
    toEpochDay(t.firstRepaymentDate) <= toEpochDay(t.disbursementDate)
  ) {
    issues.push({ path: at('firstRepaymentDate'), message: 'must be after the disbursement date' });
  }
  if (t.graceOnPrincipal >= t.repayments) {
    issues.push({ path: at('graceOnPrincipal'), message: 'must be fewer than the number of repayments' });
  }
  if (t.graceOnInterest >= t.repayments) {
    issues.push({ path: at('graceOnInterest'), message: 'must be fewer than the number of repayments' });
  }
  if (t.interestFreePeriods > t.repayments) {
    issues.push({ path: at('interestFreePeriods'), message: 'must not exceed the number of repayments' });
  }
  const disbursementFee = t.fees.disbursement
    ? {
        ...chargeOf(t.fees.disbursement, t.digits, prefix(['fees', 'disbursement']), issues),
        mode: t.fees.disbursement.mode,
      }
    : undefined;
  const lateFee = t.penalties.lateFee
    ? {
        ...chargeOf(t.penalties.lateFee, t.digits, prefix(['penalties', 'lateFee']), issues),
        graceDays: t.penalties.lateFee.graceDays,
      }
    : undefined;
  const installmentFeeMinor = t.fees.perInstallment
    ? minorOf(t.fees.perInstallment.amount, t.digits, prefix(['fees', 'perInstallment', 'amount']), issues)
    : (0 as Minor);
  const arrearsToleranceMinor = t.penalties.arrearsTolerance
    ? minorOf(t.penalties.arrearsTolerance, t.digits, prefix(['penalties', 'arrearsTolerance']), issues)
    : (0 as Minor);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      input: t,
      currency: t.currency,
      digits: t.digits,
      rounding: t.rounding,
      principalMinor,
      multipleMinor,
      annualRate: new Dec(t.annualRate).dividedBy(100),
      interestMethod: t.interestMethod,
      amortization: t.amortization,
      repayments: t.repayments,
      every: t.every,
      frequency: t.frequency,
      dayCount: t.dayCount,
      interestPeriod: t.interestPeriod,
      disbursementDate: t.disbursementDate,
      firstRepaymentDate: t.firstRepaymentDate,
      graceOnPrincipal: t.graceOnPrincipal,
      brokenPeriodInterest: t.brokenPeriodInterest,
      graceOnInterest: t.graceOnInterest,
      interestFreePeriods: t.interestFreePeriods,
      disbursementFee,
      installmentFeeMinor,
      lateFee,
      penaltyRate: new Dec(t.penalties.annualRate ?? '0').dividedBy(100),
      penaltyRatio: scaleRatio(ratioOfDecimal(t.penalties.annualRate ?? '0'), 1, 100),
      arrearsToleranceMinor,
      calendar: t.calendar,
      allocation: t.allocation,
      prepayment: t.prepayment,
    },
  };
}

export function parseTermsOrThrow(input: unknown, root = 'terms'): LoanTerms {
  const result = parseTerms(input, root);
  if (!result.ok) throw new TermsError(result.issues);
  return result.value;
}
