// The base loan: 1,200.00 at 1 % a month, 12 installments of 106.62 due on the 15th from 2024-02-15.
import { describe, expect, it } from 'vitest';
import { arrearsBucket, replay, replayLoan, type LoanState } from '../../../shared/loan';
import { aFee, aLoan, aLoanInput, aRepayment, aReversal, aWaiver, aWriteOff } from './factories';

const withoutAllocations = (s: LoanState) => ({ ...s, allocations: [] });

describe('the loan state is a replay of its transactions', () => {
  it('gives the same state whatever order a backdated repayment arrives in', () => {
    const terms = aLoan({ penalties: { annualRate: '24', lateFee: { amount: '5', graceDays: 2 } } });
    const a = aRepayment('2024-02-15', 10662);
    const b = aRepayment('2024-03-25', 10662);
    const late = aRepayment('2024-03-10', 5000); // recorded offline, synced after b
    const first = replay(terms, [a, b, late], '2024-04-30');
    const second = replay(terms, [late, b, a], '2024-04-30');
    expect(second).toEqual(first);
    expect(first.allocations.map((x) => x.transactionId)).toEqual([a.id, late.id, b.id]);
  });

  it('orders repayments of the same day by their HLC, then by id', () => {
    const terms = aLoan();
    const x = aRepayment('2024-02-15', 100, { id: 'x', hlc: '2' });
    const y = aRepayment('2024-02-15', 100, { id: 'y', hlc: '1' });
    expect(replay(terms, [x, y], '2024-02-15').allocations.map((t) => t.transactionId)).toEqual(['y', 'x']);
  });

  it('ignores transactions dated after the as-of date', () => {
    const state = replay(aLoan(), [aRepayment('2024-03-15', 10662)], '2024-02-20');
    expect(state.paid.totalMinor).toBe(0);
    expect(state.allocations).toEqual([]);
  });

  it('reports each installment as paid, due and overdue per component', () => {
    // 20 March, 50.00 paid on 15 Feb: installment 1 has 12.00 interest and 38.00 principal paid, 56.62 overdue;
    // installment 2 (due 15 March) is overdue in full; installment 3 is not due yet.
    const state = replay(aLoan(), [aRepayment('2024-02-15', 5000)], '2024-03-20');
    expect(state.installments[0]).toMatchObject({
      isOverdue: true,
      interest: { dueMinor: 1200, paidMinor: 1200, overdueMinor: 0 },
      principal: { dueMinor: 9462, paidMinor: 3800, outstandingMinor: 5662, overdueMinor: 5662 },
    });
    expect(state.installments[2]).toMatchObject({ isOverdue: false, principal: { overdueMinor: 0 } });
    expect(state.overdue.totalMinor).toBe(5662 + 10662);
    expect(state.daysPastDue).toBe(34); // since 15 February
    expect(state.arrearsBucket).toBe('31-60');
  });

  it('puts days past due into the arrears buckets', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181].map(arrearsBucket)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '91-180',
      '91-180',
      '180+',
    ]);
  });
});

describe('reversals', () => {
  it('cancel the reversed repayment exactly, as if it had never been made', () => {
    const terms = aLoan({ penalties: { annualRate: '24', lateFee: { percent: '2', graceDays: 0 } } });
    const kept = [aRepayment('2024-02-15', 10662)];
    const bounced = aRepayment('2024-03-15', 10662);
    const before = replay(terms, kept, '2024-05-01');
    const after = replay(terms, [...kept, bounced, aReversal(bounced, '2024-03-20')], '2024-05-01');
    expect(withoutAllocations(after)).toEqual(withoutAllocations(before));
    expect(after.allocations.find((a) => a.transactionId === bounced.id)!.isReversed).toBe(true);
  });

  it('do not act before their own value date', () => {
    const bounced = aRepayment('2024-02-15', 10662);
    const state = replay(aLoan(), [bounced, aReversal(bounced, '2024-03-01')], '2024-02-20');
    expect(state.paid.totalMinor).toBe(10662);
  });

  it('reversing a reversal restores the original', () => {
    const payment = aRepayment('2024-02-15', 10662);
    const reversal = aReversal(payment, '2024-02-16');
    const state = replay(aLoan(), [payment, reversal, aReversal(reversal, '2024-02-17')], '2024-02-20');
    expect(state.paid.totalMinor).toBe(10662);
  });
});

describe('payoff', () => {
  it('is the amount that closes the loan to zero in every component when paid that day', () => {
    // 10 April: installments 1–2 paid, installment 3 (due 15 April) has earned 26 of its 31 days of interest:
    // 10.10 × 26 / 31 = 8.4709… → 8.47; payoff = principal 1,009.81 + 8.47 = 1,018.28.
    const terms = aLoan();
    const paid = [aRepayment('2024-02-15', 10662), aRepayment('2024-03-15', 10662)];
    const state = replay(terms, paid, '2024-04-10');
    expect(state.payoffMinor).toBe(100981 + 847);
    const closed = replay(terms, [...paid, aRepayment('2024-04-10', state.payoffMinor)], '2024-04-10');
    expect(closed.status).toBe('closed');
    expect(closed.outstanding).toEqual({
      principalMinor: 0,
      interestMinor: 0,
      feesMinor: 0,
      penaltiesMinor: 0,
      totalMinor: 0,
    });
    expect(closed.creditMinor).toBe(0);
  });
});

describe('waivers, manual fees and write-offs', () => {
  it('waives penalties oldest first', () => {
    const terms = aLoan({ penalties: { lateFee: { amount: '5', graceDays: 0 } } });
    const state = replay(terms, [aWaiver('2024-03-20', 'penalties', 700)], '2024-03-20');
    expect(state.installments.map((i) => i.penalties.waivedMinor).slice(0, 2)).toEqual([500, 200]);
    expect(state.outstanding.penaltiesMinor).toBe(300);
  });

  it('charges a manual fee on the latest installment already due, payable at once', () => {
    const state = replay(aLoan(), [aFee('2024-02-20', 250)], '2024-02-20');
    expect(state.installments[0]!.fees.dueMinor).toBe(250);
  });

  it('writes off everything outstanding and treats later money as a recovery credit', () => {
    const terms = aLoan({ penalties: { annualRate: '24' } });
    // The write-off takes what is owed when it is booked, before that day's penalty interest accrues.
    const before = replay(terms, [], '2024-05-30');
    const state = replay(terms, [aWriteOff('2024-05-31'), aRepayment('2024-06-10', 5000)], '2024-06-30');
    expect(state.status).toBe('written_off');
    expect(state.outstanding.totalMinor).toBe(0);
    expect(state.allocations[0]!.writtenOffMinor).toBe(before.outstanding.totalMinor);
    expect(state.creditMinor).toBe(5000);
  });
});

describe('untrusted input', () => {
  it('refuses transactions with the field and the reason', () => {
    const result = replayLoan({
      terms: aLoanInput(),
      transactions: [{ id: 'a', hlc: '1', valueDate: '2024-01-01', type: 'repayment', amountMinor: -5 }],
      asOf: '2024-03-01',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual({
        path: 'transactions.0.amountMinor',
        message: 'must be greater than 0',
      });
    }
  });

  it('refuses a transaction before the disbursement and a reversal of nothing', () => {
    const result = replayLoan({
      terms: aLoanInput(),
      transactions: [
        { id: 'a', hlc: '1', valueDate: '2024-01-01', type: 'repayment', amountMinor: 5 },
        { id: 'b', hlc: '1', valueDate: '2024-02-01', type: 'reversal', reversesId: 'zzz' },
      ],
      asOf: '2024-03-01',
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'transactions.0.valueDate',
      'transactions.1.reversesId',
    ]);
  });
});
