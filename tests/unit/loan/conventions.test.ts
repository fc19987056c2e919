// The worked example of shared/loan/CONVENTIONS.md, figure by figure, so the document cannot drift from the code.
import { describe, expect, it } from 'vitest';
import { buildSchedule, replay } from '../../../shared/loan';
import { aLoan, aRepayment, rows } from './factories';

describe('the worked example in CONVENTIONS.md', () => {
  const terms = aLoan({
    repayments: 3,
    penalties: { annualRate: '24', lateFee: { amount: '5', graceDays: 3 } },
  });

  it('builds the schedule of 1,200.00 at 12 % over 3 months', () => {
    const schedule = buildSchedule(terms);
    expect(schedule.installments.map((i) => i.dueDate)).toEqual(['2024-02-15', '2024-03-15', '2024-04-15']);
    expect(rows(schedule.installments)).toEqual([
      [39603, 1200, 40803],
      [39999, 804, 40803],
      [40398, 404, 40802],
    ]);
    expect(schedule.totals).toMatchObject({
      principalMinor: 120000,
      interestMinor: 2408,
      totalMinor: 122408,
    });
  });

  it('charges the late fee and penalty interest on the late second installment', () => {
    const paid = [aRepayment('2024-02-15', 40803), aRepayment('2024-03-25', 41540)];
    const state = replay(terms, paid, '2024-04-01');
    expect(state.allocations[1]).toMatchObject({
      penaltiesMinor: 737,
      interestMinor: 804,
      principalMinor: 39999,
      creditMinor: 0,
    });
    expect(state.payoffMinor).toBe(40620);
    const closed = replay(terms, [...paid, aRepayment('2024-04-01', 40620)], '2024-04-01');
    expect(closed.status).toBe('closed');
    expect(closed.allocations[2]!.rebateMinor).toBe(182);
  });
});
