// Invariants over random terms and random transaction histories (fast-check): money is conserved, nothing goes
// negative, the replay does not depend on arrival order, payoff closes the loan, a reversal undoes exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule,
  parseTerms,
  replay,
  type LoanState,
  type TermsInput,
  type Transaction,
} from '../../../shared/loan';
import { addDays } from '../../../shared/dates';

const termsArb: fc.Arbitrary<TermsInput> = fc
  .record({
    principalMinor: fc.integer({ min: 100, max: 100_000_000 }),
    rateHundredths: fc.integer({ min: 0, max: 10_000 }),
    repayments: fc.integer({ min: 1, max: 36 }),
    every: fc.integer({ min: 1, max: 3 }),
    frequency: fc.constantFrom('months', 'weeks', 'days'),
    interestMethod: fc.constantFrom('declining_balance', 'flat'),
    amortization: fc.constantFrom('equal_installments', 'equal_principal'),
    dayCount: fc.constantFrom('actual_actual', 'actual_365', 'actual_360', '30_360'),
    interestPeriod: fc.constantFrom('same_as_repayment', 'daily'),
    rounding: fc.constantFrom('half_even', 'half_up', 'down', 'up'),
    inMultiplesOf: fc.constantFrom(undefined, '1', '0.05', '10'),
    disbursementOffset: fc.integer({ min: 0, max: 2000 }),
    firstRepaymentOffset: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    grace: fc.integer({ min: 0, max: 3 }),
    graceOnInterest: fc.integer({ min: 0, max: 2 }),
    interestFreePeriods: fc.integer({ min: 0, max: 2 }),
    allocation: fc.constantFrom(
      'penalties_fees_interest_principal',
      'interest_principal_penalties_fees',
      'due_then_future_principal',
    ),
    prepayment: fc.constantFrom('reduce_term', 'reduce_installment'),
    hasCharges: fc.boolean(),
  })
  .map((t) => {
    const disbursementDate = addDays('2020-01-01', t.disbursementOffset);
    const grace = Math.min(t.grace, t.repayments - 1);
    return {
      principal: `${Math.trunc(t.principalMinor / 100)}.${String(t.principalMinor % 100).padStart(2, '0')}`,
      currency: 'EUR',
      digits: 2,
      rounding: t.rounding,
      ...(t.inMultiplesOf ? { inMultiplesOf: t.inMultiplesOf } : {}),
      annualRate: `${Math.trunc(t.rateHundredths / 100)}.${String(t.rateHundredths % 100).padStart(2, '0')}`,
      interestMethod: t.interestMethod,
      amortization: t.amortization,
      repayments: t.repayments,
      every: t.every,
      frequency: t.frequency,
      dayCount: t.dayCount,
      interestPeriod: t.interestPeriod,
      disbursementDate,
      ...(t.firstRepaymentOffset
        ? { firstRepaymentDate: addDays(disbursementDate, t.firstRepaymentOffset) }
        : {}),
      graceOnPrincipal: grace,
      graceOnInterest: Math.min(t.graceOnInterest, t.repayments - 1),
      interestFreePeriods: Math.min(t.interestFreePeriods, t.repayments),
      allocation: t.allocation,
      prepayment: t.prepayment,
      ...(t.hasCharges
        ? {
            fees: {
              perInstallment: { amount: '1' },
              disbursement: { percent: '1', mode: 'collected' as const },
            },
            penalties: {
              annualRate: '30',
              lateFee: { percent: '2', graceDays: 3 },
              arrearsTolerance: '0.50',
            },
          }
        : {}),
    } satisfies TermsInput;
  });

function termsOf(input: TermsInput) {
  const result = parseTerms(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** A loan and a few repayments on days within its life (offsets from the disbursement). */
const historyArb = fc.record({
  terms: termsArb,
  payments: fc.array(
    fc.record({ dayOffset: fc.integer({ min: 0, max: 400 }), fraction: fc.integer({ min: 1, max: 150 }) }),
    { maxLength: 6 },
  ),
  asOfOffset: fc.integer({ min: 0, max: 500 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function historyOf(h: History) {
  const terms = termsOf(h.terms);
  const installment = buildSchedule(terms).installments[0]!.totalMinor;
  const transactions: Transaction[] = h.payments.map((p, i) => ({
    id: `p${i}`,
    hlc: String(i).padStart(4, '0'),
    valueDate: addDays(terms.disbursementDate, p.dayOffset),
    type: 'repayment',
    amountMinor: Math.max(1, Math.trunc((installment * p.fraction) / 100)),
  }));
  return { terms, transactions, asOf: addDays(terms.disbursementDate, h.asOfOffset) };
}

const components = ['principal', 'interest', 'fees', 'penalties'] as const;
const withoutAllocations = (s: LoanState) => ({ ...s, allocations: [] });

describe('schedule invariants over random terms', () => {
  it('repays the principal exactly, never negative, with a balance that ends at zero', () => {
    fc.assert(
      fc.property(termsArb, (input) => {
        const terms = termsOf(input);
        const schedule = buildSchedule(terms);
        const sum = schedule.installments.reduce((s, i) => s + i.principalMinor, 0);
        expect(sum).toBe(terms.principalMinor);
        for (const i of schedule.installments) {
          expect(i.principalMinor).toBeGreaterThanOrEqual(0);
          expect(i.interestMinor).toBeGreaterThanOrEqual(0);
          expect(i.balanceAfterMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(i.totalMinor)).toBe(true);
          expect(i.totalMinor).toBe(i.principalMinor + i.interestMinor + i.feesMinor + i.penaltiesMinor);
        }
        expect(schedule.installments.at(-1)!.balanceAfterMinor).toBe(0);
        expect(schedule.installments).toHaveLength(terms.repayments);
      }),
      { numRuns: 200 },
    );
  });
});

describe('replay invariants over random histories', () => {
  it('never loses money: what was paid plus the credit is what was received', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { terms, transactions, asOf } = historyOf(h);
        const state = replay(terms, transactions, asOf);
        const received = transactions
          .filter((t) => t.valueDate <= asOf)
          .reduce((s, t) => s + ('amountMinor' in t ? t.amountMinor : 0), 0);
        expect(state.paid.totalMinor + state.creditMinor).toBe(received);
        for (const i of state.installments) {
          for (const c of components) expect(i[c].outstandingMinor).toBeGreaterThanOrEqual(0);
        }
        const principalDue = state.installments.reduce((s, i) => s + i.principal.dueMinor, 0);
        expect(principalDue).toBe(terms.principalMinor);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same state and total interest whatever order the transactions arrive in', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (h, seed) => {
        const { terms, transactions, asOf } = historyOf(h);
        const shuffled = [...transactions].sort(
          (a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7),
        );
        const one = replay(terms, transactions, asOf);
        const two = replay(terms, shuffled.reverse(), asOf);
        expect(two).toEqual(one);
        expect(two.paid.interestMinor + two.outstanding.interestMinor).toBe(
          one.paid.interestMinor + one.outstanding.interestMinor,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('closes the loan to zero in every component when the payoff amount is paid', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { terms, transactions, asOf } = historyOf(h);
        const state = replay(terms, transactions, asOf);
        if (state.status !== 'active') return;
        const payoff: Transaction = {
          id: 'payoff',
          hlc: '9999',
          valueDate: asOf,
          type: 'repayment',
          amountMinor: state.payoffMinor,
        };
        const closed = replay(terms, [...transactions, payoff], asOf);
        expect(closed.status).toBe('closed');
        for (const c of components) expect(closed.outstanding[`${c}Minor`]).toBe(0);
        expect(closed.creditMinor).toBe(state.creditMinor);
      }),
      { numRuns: 100 },
    );
  });

  it('restores the previous state exactly when a repayment is reversed', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 500_000 }),
        (h, day, amount) => {
          const { terms, transactions, asOf } = historyOf(h);
          const valueDate = addDays(terms.disbursementDate, day);
          const bounced: Transaction = {
            id: 'bounced',
            hlc: '5000',
            valueDate,
            type: 'repayment',
            amountMinor: amount,
          };
          const reversal: Transaction = {
            id: 'rev',
            hlc: '5001',
            valueDate: addDays(valueDate, 3),
            type: 'reversal',
            reversesId: 'bounced',
          };
          const end = asOf > reversal.valueDate ? asOf : reversal.valueDate;
          const before = replay(terms, transactions, end);
          const after = replay(terms, [...transactions, bounced, reversal], end);
          expect(withoutAllocations(after)).toEqual(withoutAllocations(before));
        },
      ),
      { numRuns: 100 },
    );
  });
});
