// The demo portfolio's plan, pure: the seeded random numbers, the three demo products, how much a demo borrower
// can afford, and which repayment behaviour (cohort) each disbursed loan follows. No clock, no database: the
// use case (demo.ts) walks the days and posts through the real use cases; this module only decides.
// Not responsible for writing anything, nor for the loan engine's arithmetic (shared/loan).
//
// Money here is integer minor units; the affordability cap is integer arithmetic on whole percents (no float).
import type { ParsedInputOf } from '../../../shared/contract';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same portfolio shape. */
export interface Random {
  /** A whole number from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number;
  /** True `percent` times in a hundred. */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An M-Pesa-like transaction code: ten capital letters and digits. */
  code(): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (lo: number, hi: number) => (hi <= lo ? lo : lo + (next() % (hi - lo + 1)));
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return {
    int,
    chance: (percent) => next() % 100 < percent,
    pick: (items) => items[int(0, items.length - 1)]!,
    code: () => Array.from({ length: 10 }, () => alphabet[next() % alphabet.length]).join(''),
  };
}

// What the demo staff write as their reasons.
export const approveReasons = [
  'Stable income, verified at the home visit',
  'Good repayment history with us',
  'Cash flow supports the installment',
  'Guarantor and collateral in order',
];
export const rejectReasons = ['Cash flow does not support the installment', 'Business too new to assess'];
export const restructureReasons = [
  'Harvest failed after the long rains; term extended',
  'Customer was in hospital for a month; arrears capitalised',
  'Shop closed for road works; installments reduced',
];
export const writeOffReasons = [
  'Over 180 days past due; customer cannot be traced',
  'Business collapsed; no recovery plan',
];

export type DemoProductCode = 'DEMO-PERSONAL' | 'DEMO-BIZ-WEEKLY' | 'DEMO-GROUP';

export interface DemoProduct {
  code: DemoProductCode;
  /** Repayments a demo loan on it asks for (within the product's limits). */
  repayments: [number, number];
  /** Periods a year (12 monthly, 52 weekly, 26 fortnightly): what the affordability cap divides by. */
  periodsPerYear: number;
  /** Principals are whole multiples of this many major units. */
  stepMajor: number;
  purposes: readonly string[];
  /** The product as `loanProducts.save` takes it, in the branch's currency. */
  input(currency: string, digits: number): ParsedInputOf<'loanProducts.save'>;
}

const allocation = 'penalties_fees_interest_principal' as const;

/** The three demo products: codes DEMO-…, created through `saveProduct` when missing. */
export const demoProducts: readonly DemoProduct[] = [
  {
    code: 'DEMO-PERSONAL',
    repayments: [6, 12],
    periodsPerYear: 12,
    stepMajor: 1_000,
    purposes: ['School fees', 'Home improvement', 'Medical bills', 'Household solar kit', 'Wedding costs'],
    input: (currency, digits) => {
      const major = 10 ** digits;
      return {
        code: 'DEMO-PERSONAL',
        name: 'Demo personal loan (monthly)',
        kind: 'personal',
        currency,
        digits,
        minPrincipalMinor: 10_000 * major,
        maxPrincipalMinor: 500_000 * major,
        minRepayments: 3,
        maxRepayments: 24,
        minRate: '12',
        maxRate: '36',
        defaultRate: '24',
        termsTemplate: {
          interestMethod: 'declining_balance',
          amortization: 'equal_installments',
          frequency: 'months',
          dayCount: 'actual_365',
          penalties: { lateFee: { amount: '250', graceDays: 3 }, annualRate: '12' },
          allocation,
        },
        eligibility: { maxTotalExposureMinor: 1_000_000 * major },
        approvalLimits: { manager: 500_000 * major, admin: 500_000 * major },
        allowsTranches: false,
        isActive: true,
      };
    },
  },
  {
    code: 'DEMO-BIZ-WEEKLY',
    repayments: [12, 26],
    periodsPerYear: 52,
    stepMajor: 1_000,
    purposes: ['Shop stock', 'Boda boda repairs', 'Market stall', 'Sewing machine', 'Poultry feed'],
    input: (currency, digits) => {
      const major = 10 ** digits;
      return {
        code: 'DEMO-BIZ-WEEKLY',
        name: 'Demo business loan (weekly, flat)',
        kind: 'business',
        currency,
        digits,
        minPrincipalMinor: 20_000 * major,
        maxPrincipalMinor: 1_000_000 * major,
        minRepayments: 8,
        maxRepayments: 52,
        minRate: '10',
        maxRate: '30',
        defaultRate: '20',
        termsTemplate: {
          interestMethod: 'flat',
          frequency: 'weeks',
          fees: { disbursement: { percent: '2', mode: 'collected' } },
          penalties: { lateFee: { amount: '200', graceDays: 2 }, annualRate: '12' },
          allocation,
        },
        eligibility: { maxTotalExposureMinor: 2_000_000 * major },
        approvalLimits: { manager: 1_000_000 * major, admin: 1_000_000 * major },
        allowsTranches: false,
        isActive: true,
      };
    },
  },
  {
    code: 'DEMO-GROUP',
    repayments: [4, 10],
    periodsPerYear: 26,
    stepMajor: 500,
    purposes: ['Chama group trading', 'Vegetable kiosk', 'Second-hand clothes (mitumba)', 'Charcoal trade'],
    input: (currency, digits) => {
      const major = 10 ** digits;
      return {
        code: 'DEMO-GROUP',
        name: 'Demo group loan (fortnightly)',
        kind: 'personal',
        currency,
        digits,
        minPrincipalMinor: 5_000 * major,
        maxPrincipalMinor: 100_000 * major,
        minRepayments: 2,
        maxRepayments: 12,
        minRate: '12',
        maxRate: '30',
        defaultRate: '18',
        termsTemplate: {
          interestMethod: 'declining_balance',
          amortization: 'equal_principal',
          every: 2,
          frequency: 'weeks',
          penalties: { lateFee: { amount: '100', graceDays: 0 } },
          allocation,
        },
        eligibility: {},
        approvalLimits: { manager: 100_000 * major, admin: 100_000 * major },
        allowsTranches: false,
        isActive: true,
      };
    },
  },
];

/**
 * The largest principal whose first installment stays within 30 % of the monthly income: per period the
 * installment is about P/n + P·r/(100·k) (k periods a year), i.e. P ≤ 0.3·I·(12/k)·100·k·n / (100·k + r·n)
 * = 360·I·n / (100·k + r·n). The eligibility check (40 %) then confirms it with the real schedule.
 */
export function affordablePrincipalMinor(
  monthlyIncomeMinor: number,
  repayments: number,
  ratePercent: number,
  periodsPerYear: number,
): number {
  return Math.floor(
    (360 * monthlyIncomeMinor * repayments) / (100 * periodsPerYear + ratePercent * repayments),
  );
}

/** A principal within [min, min(max, cap)] in whole steps, or null when even the minimum is unaffordable. */
export function demoPrincipalMinor(
  random: Random,
  range: { min: number; max: number; cap: number; step: number },
): number | null {
  const hi = Math.min(range.max, range.cap);
  if (hi < range.min) return null;
  return range.min + range.step * random.int(0, Math.floor((hi - range.min) / range.step));
}

/**
 * How a disbursed demo loan repays: on time (~60 %), late by 5–40 days so penalties accrue (~20 %), falls behind
 * and is restructured (~10 %), stops paying and is written off past 180 days (~5 %), or pays off early (~5 %).
 */
export type Cohort = 'on_time' | 'late' | 'restructured' | 'written_off' | 'paid_early';

/**
 * Weights in per mille when the behaviour can happen before today. A write-off needs 180 days past due, so only
 * loans from the first months of the history can reach it: its weight is raised (12.5 %) to give ~5 % overall.
 * A later loan that stops paying stays in arrears, not yet written off (`stillInArrears`, 3 %): the portfolio
 * then has loans in every arrears bucket.
 */
export const cohortWeights = {
  on_time: 600,
  late: 200,
  restructured: 110,
  written_off: 125,
  stillInArrears: 30,
  paid_early: 55,
} as const;

/**
 * Picks cohorts by smooth weighted round-robin over the feasible ones (those given a weight): deterministic, and
 * the shares hold even for a small portfolio (60 loans give about 36 on time, 12 late, 6 restructured, 3 written
 * off, 3 paid early).
 */
export function cohortPicker(): (weights: Partial<Record<Cohort, number>>) => Cohort {
  const credit: Record<Cohort, number> = {
    on_time: 0,
    late: 0,
    restructured: 0,
    written_off: 0,
    paid_early: 0,
  };
  return (weights) => {
    let total = 0;
    let best: Cohort | null = null;
    for (const [cohort, weight] of Object.entries(weights) as [Cohort, number][]) {
      credit[cohort] += weight;
      total += weight;
      if (best === null || credit[cohort] > credit[best]) best = cohort;
    }
    if (best === null) throw new Error('no cohort is feasible');
    credit[best] -= total;
    return best;
  };
}
