// Loan engine benchmarks, each a ratio of a plain decimal.js loop measured in the same run: a 360-installment
// schedule (target ≤ 2× the baseline), replaying a 60-installment loan with 120 transactions (target < 1 ms p50)
// and 100,000 twelve-month schedules in one batch (target < 5 s, timed once).
import {
  buildSchedule,
  parseTermsOrThrow,
  replay,
  type TermsInput,
  type Transaction,
} from '../../shared/loan';
import { Dec } from '../../shared/money';
import { compare, time, type BenchResult } from './harness';

function terms(overrides: Partial<TermsInput>): TermsInput {
  return {
    principal: '250000',
    currency: 'EUR',
    digits: 2,
    rounding: 'half_even',
    annualRate: '7.5',
    interestMethod: 'declining_balance',
    amortization: 'equal_installments',
    repayments: 360,
    every: 1,
    frequency: 'months',
    dayCount: 'actual_365',
    interestPeriod: 'same_as_repayment',
    disbursementDate: '2024-01-15',
    ...overrides,
  };
}

export async function loanBenchmarks(): Promise<BenchResult[]> {
  // Baseline: 360 periods of one multiply and one rounding each, in decimal.js.
  const rate = new Dec('1.00625');
  const baseline = await time('decimal.js loop, 360 × (multiply + round)', () => {
    let x = new Dec('250000.00');
    for (let i = 0; i < 360; i++) x = x.times(rate).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
    return x;
  });

  const long = parseTermsOrThrow(terms({}));
  const schedule360 = await time(
    '360-installment schedule (monthly, declining balance)',
    () => buildSchedule(long),
    {
      iterations: 300,
    },
  );
  const daily = parseTermsOrThrow(terms({ interestPeriod: 'daily' }));
  const daily360 = await time(
    '360-installment schedule (daily interest, actual/365)',
    () => buildSchedule(daily),
    {
      iterations: 100,
    },
  );

  const loan = parseTermsOrThrow(
    terms({
      principal: '6000',
      annualRate: '24',
      repayments: 60,
      penalties: { annualRate: '36', lateFee: { amount: '5', graceDays: 3 } },
    }),
  );
  const installment = buildSchedule(loan).installments[0]!.totalMinor;
  const transactions: Transaction[] = [];
  for (let i = 0; i < 120; i++) {
    // Two part payments a month, some late, for 60 months.
    const month = Math.trunc(i / 2) + 1;
    const day = i % 2 === 0 ? 10 : 20;
    const valueDate = `${2024 + Math.trunc(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${day}`;
    transactions.push({
      id: `t${i}`,
      hlc: String(i).padStart(6, '0'),
      valueDate,
      type: 'repayment',
      amountMinor: Math.trunc(installment / 2),
    });
  }
  const replay60 = await time(
    'replay: 60 installments, 120 transactions',
    () => replay(loan, transactions, '2029-03-01'),
    {
      iterations: 300,
    },
  );

  const short = Array.from({ length: 100_000 }, (_, i) =>
    parseTermsOrThrow(terms({ principal: String(1000 + (i % 5000)), repayments: 12 })),
  );
  const batch = await time(
    '100,000 twelve-month schedules',
    () => {
      for (const t of short) buildSchedule(t);
    },
    { iterations: 1, warmup: 0 },
  );

  return [
    baseline,
    compare(schedule360, baseline, { text: '≤ 2× baseline', isMet: ({ ratio }) => ratio <= 2 }),
    compare(daily360, baseline),
    compare(replay60, baseline, { text: '< 1 ms p50', isMet: ({ subject }) => subject.p50Ms < 1 }),
    compare(batch, baseline, { text: '< 5 s', isMet: ({ subject }) => subject.p50Ms < 5000 }),
  ];
}
