// The base loan: 1,200.00 at 12 % a year (1 % a month), 12 monthly installments of 106.62 from 2024-02-15.
// Installment 1: principal 94.62 + interest 12.00 = 106.62; installment 2: 95.57 + 11.05 = 106.62.
import { describe, expect, it } from 'vitest';
import { buildSchedule, replay } from '../../../shared/loan';
import { aLoan, aRepayment } from './factories';

describe('fees at disbursement', () => {
  it('deducts a percentage fee from the amount paid out, leaving the principal owed unchanged', () => {
    // 2 % of 1,200.00 = 24.00; the customer receives 1,176.00 and repays 1,200.00 of principal.
    const schedule = buildSchedule(aLoan({ fees: { disbursement: { percent: '2', mode: 'deducted' } } }));
    expect(schedule.disbursementFeeMinor).toBe(2400);
    expect(schedule.netDisbursedMinor).toBe(117600);
    expect(schedule.totals.principalMinor).toBe(120000);
    const state = replay(
      aLoan({ fees: { disbursement: { percent: '2', mode: 'deducted' } } }),
      [],
      '2024-01-15',
    );
    expect(state.outstanding.feesMinor).toBe(0);
  });

  it('collects a flat fee on the disbursement day, due at once as installment 0', () => {
    const terms = aLoan({ fees: { disbursement: { amount: '10', mode: 'collected' } } });
    expect(replay(terms, [], '2024-01-15').installments[0]).toMatchObject({ n: 0, dueDate: '2024-01-15' });
    const paid = replay(terms, [aRepayment('2024-01-15', 1000)], '2024-01-15');
    expect(paid.allocations[0]!.feesMinor).toBe(1000);
    expect(paid.outstanding.feesMinor).toBe(0);
  });
});

describe('late fees', () => {
  const flat = aLoan({ penalties: { lateFee: { amount: '5', graceDays: 3 } } });

  it('charges no late fee during the grace days', () => {
    // Due 2024-02-15, three grace days: 16, 17 and 18 February.
    expect(replay(flat, [], '2024-02-18').outstanding.penaltiesMinor).toBe(0);
  });

  it('charges the flat late fee the day after the grace days if the installment is still unpaid', () => {
    expect(replay(flat, [], '2024-02-19').outstanding.penaltiesMinor).toBe(500);
  });

  it('charges no late fee when the installment is paid within the grace days', () => {
    expect(replay(flat, [aRepayment('2024-02-18', 10662)], '2024-03-01').outstanding.penaltiesMinor).toBe(0);
  });

  it('charges a percentage late fee on the overdue amount', () => {
    // 2 % of the overdue 106.62 = 2.1324 → 2.13
    const terms = aLoan({ penalties: { lateFee: { percent: '2', graceDays: 0 } } });
    expect(replay(terms, [], '2024-02-16').outstanding.penaltiesMinor).toBe(213);
  });

  it('charges the late fee once per installment, however long it stays overdue', () => {
    // Installments due 15 Feb and 15 Mar are both late by 1 April: 2 × 5.00.
    expect(replay(flat, [], '2024-04-01').outstanding.penaltiesMinor).toBe(1000);
  });
});

describe('penalty interest on overdue principal', () => {
  const terms = aLoan({ penalties: { annualRate: '24' } });

  it('accrues daily on the overdue principal from the day after the due date', () => {
    // Installment 1 (principal 94.62) unpaid from 16 to 25 February: 10 days.
    // 94.62 × 24 % × 10 / 365 = 0.6221… → 0.62
    expect(replay(terms, [], '2024-02-25').outstanding.penaltiesMinor).toBe(62);
  });

  it('does not depend on how the days are split by unrelated transactions', () => {
    // A repayment of 0.01 on 20 February goes to the penalty (penalties come first), so the overdue principal
    // does not change; the accrual is kept unrounded and rounded once, so splitting the days at the 20th changes
    // nothing: 94.62 × 24 % × 10 / 365 = 0.62 either way.
    const one = replay(terms, [], '2024-02-25').installments[0]!.penalties.dueMinor;
    const split = replay(terms, [aRepayment('2024-02-20', 0 + 1, { id: 'tiny' })], '2024-02-25');
    expect(split.installments[0]!.penalties.dueMinor).toBe(one);
  });

  it('stops accruing once the overdue principal is paid', () => {
    // Paid in full on 20 February: 94.62 × 24 % × 4 / 365 = 0.2488… → 0.25 (16–19 February).
    const state = replay(terms, [aRepayment('2024-02-20', 10662)], '2024-03-10');
    expect(state.installments[0]!.penalties.dueMinor).toBe(25);
  });
});

describe('arrears tolerance', () => {
  it('does not treat an installment short by less than the tolerance as overdue', () => {
    // Tolerance 1.00; 106.12 paid of 106.62: 0.50 short is not overdue, no late fee, no days past due.
    const terms = aLoan({ penalties: { arrearsTolerance: '1', lateFee: { amount: '5', graceDays: 0 } } });
    const state = replay(terms, [aRepayment('2024-02-15', 10612)], '2024-03-01');
    expect(state.daysPastDue).toBe(0);
    expect(state.arrearsBucket).toBe('current');
    expect(state.outstanding.penaltiesMinor).toBe(0);
    expect(state.installments[0]!.isOverdue).toBe(false);
  });

  it('treats an installment short by more than the tolerance as overdue', () => {
    const terms = aLoan({ penalties: { arrearsTolerance: '1' } });
    const state = replay(terms, [aRepayment('2024-02-15', 10500)], '2024-03-01');
    expect(state.daysPastDue).toBe(15);
    expect(state.installments[0]!.isOverdue).toBe(true);
  });
});
