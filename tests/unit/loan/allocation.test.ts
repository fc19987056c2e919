// The base loan: 1,200.00 at 1 % a month, 12 installments of 106.62 due on the 15th from 2024-02-15.
// Installment 1: 94.62 + 12.00; installment 2: 95.57 + 11.05; a late fee of 5.00 the day after a due date.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../shared/loan';
import { aLoan, aRepayment } from './factories';

const lateFee = { lateFee: { amount: '5', graceDays: 0 } };

describe('allocation: penalties, fees, interest, principal — installment by installment, oldest first', () => {
  it('settles the oldest installment penalty first, then its interest, then its principal', () => {
    // 16 Feb: late fee 5.00 on installment 1. 50.00 on 20 Feb: penalty 5.00, interest 12.00, principal 33.00.
    const state = replay(aLoan({ penalties: lateFee }), [aRepayment('2024-02-20', 5000)], '2024-02-20');
    expect(state.allocations[0]).toMatchObject({
      penaltiesMinor: 500,
      interestMinor: 1200,
      principalMinor: 3300,
    });
  });

  it('finishes an older installment before touching a newer one', () => {
    // By 20 March both installments are late (5.00 each). 120.00: installment 1 takes 5.00 + 12.00 + 94.62
    // = 111.62; the remaining 8.38 goes to installment 2's penalty (5.00) and interest (3.38).
    const state = replay(aLoan({ penalties: lateFee }), [aRepayment('2024-03-20', 12000)], '2024-03-20');
    expect(state.allocations[0]!.lines).toEqual([
      { n: 1, component: 'penalties', amountMinor: 500 },
      { n: 1, component: 'interest', amountMinor: 1200 },
      { n: 1, component: 'principal', amountMinor: 9462 },
      { n: 2, component: 'penalties', amountMinor: 500 },
      { n: 2, component: 'interest', amountMinor: 338 },
    ]);
  });
});

describe('allocation: interest, principal, penalties, fees — overdue installments component by component', () => {
  it('takes the interest of every overdue installment before any principal, and penalties last', () => {
    // 50.00 on 20 March: interest 12.00 (inst. 1) + 11.05 (inst. 2), then principal 26.95 of installment 1;
    // the late fees wait.
    const terms = aLoan({ penalties: lateFee, allocation: 'interest_principal_penalties_fees' });
    const state = replay(terms, [aRepayment('2024-03-20', 5000)], '2024-03-20');
    expect(state.allocations[0]!.lines).toEqual([
      { n: 1, component: 'interest', amountMinor: 1200 },
      { n: 2, component: 'interest', amountMinor: 1105 },
      { n: 1, component: 'principal', amountMinor: 2695 },
    ]);
    expect(state.outstanding.penaltiesMinor).toBe(1000);
  });
});

describe('allocation: overdue, then the current installment, then future principal', () => {
  // On 15 Feb the customer pays installment 1 (106.62), installment 2 early (106.62) and 200.00 more.
  const payment = aRepayment('2024-02-15', 10662 + 10662 + 20000);

  it('reduces the term: the same installment, fewer of them', () => {
    // The 200.00 is booked as principal on installment 2; installments 3–12 are re-amortised on
    // 1,105.38 − 95.57 − 200.00 = 809.81 keeping 106.62: installment 3 interest 809.81 × 1 % = 8.0981 → 8.10,
    // principal 98.52. 809.81 at 1 % with 106.62 a month takes 8 months, so installments 11 and 12 disappear.
    const terms = aLoan({ allocation: 'due_then_future_principal', prepayment: 'reduce_term' });
    const state = replay(terms, [payment], '2024-02-15');
    const [, second, third] = state.installments;
    expect(second!.principal).toMatchObject({ dueMinor: 9557 + 20000, paidMinor: 9557 + 20000 });
    expect(third).toMatchObject({ interest: { dueMinor: 810 }, principal: { dueMinor: 9852 } });
    expect(state.installments.slice(10).map((i) => i.outstandingMinor)).toEqual([0, 0]);
    expect(state.installments[9]!.outstandingMinor).toBeGreaterThan(0);
    expect(state.outstanding.principalMinor).toBe(80981);
  });

  it('reduces the installment: the same term, smaller installments', () => {
    // 809.81 over the 10 remaining months at 1 %: 809.81 × 0.01 × 1.01¹⁰ / (1.01¹⁰ − 1) = 85.50…
    const terms = aLoan({ allocation: 'due_then_future_principal', prepayment: 'reduce_installment' });
    const state = replay(terms, [payment], '2024-02-15');
    const later = state.installments.slice(2);
    expect(later).toHaveLength(10);
    expect(later[0]!.principal.dueMinor + later[0]!.interest.dueMinor).toBe(8550);
    expect(state.outstanding.principalMinor).toBe(80981);
  });
});

describe('overpayment', () => {
  it('closes the loan and returns what is beyond the payoff as a credit, never lost', () => {
    // Payoff on 15 Feb: installment 1 (106.62) + remaining principal 1,105.38 + interest earned on installment 2
    // so far (0 days) = 1,212.00. 2,000.00 paid: 788.00 credit; the future interest is not owed.
    const state = replay(aLoan(), [aRepayment('2024-02-15', 200000)], '2024-02-15');
    expect(state.status).toBe('closed');
    expect(state.allocations[0]).toMatchObject({
      isPayoff: true,
      creditMinor: 78800,
      principalMinor: 120000,
    });
    expect(state.creditMinor).toBe(78800);
    expect(state.outstanding.totalMinor).toBe(0);
  });

  it('keeps a repayment received after closure as a credit', () => {
    const state = replay(
      aLoan(),
      [aRepayment('2024-02-15', 121200), aRepayment('2024-03-15', 10662)],
      '2024-03-15',
    );
    expect(state.creditMinor).toBe(10662);
  });
});
