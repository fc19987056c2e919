import { describe, expect, it } from 'vitest';
import { restructure } from '../../../shared/loan';
import { aLoan, aRepayment } from './factories';

describe('restructuring a loan', () => {
  // 1,200.00 at 1 % a month; installment 1 paid, installment 2 (due 15 March) unpaid on 1 April.
  // On 1 April: principal outstanding 1,105.38 (including installment 2's overdue 95.57); the arrears beyond
  // principal = installment 2's unpaid interest 11.05 + interest earned on installment 3 since 15 March:
  // 10.10 × 17 / 31 = 5.5387… → 5.54; together 16.59.
  const terms = aLoan();
  const paid = [aRepayment('2024-02-15', 10662)];

  it('capitalises the arrears into the new principal when asked', () => {
    const result = restructure(terms, paid, {
      fromDate: '2024-04-01',
      repayments: 24,
      capitaliseArrears: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.carriedPrincipalMinor).toBe(110538);
    expect(result.value.capitalisedMinor).toBe(1105 + 554);
    expect(result.value.newSchedule.principalMinor).toBe(110538 + 1105 + 554);
    expect(result.value.newSchedule.installments).toHaveLength(24);
    expect(result.value.newSchedule.installments[0]!.dueDate).toBe('2024-05-01');
  });

  it('leaves the arrears due and reschedules only the principal when not capitalising', () => {
    const result = restructure(terms, paid, {
      fromDate: '2024-04-01',
      repayments: 6,
      annualRate: '6',
      capitaliseArrears: false,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.arrearsDueMinor).toBe(1105 + 554);
    expect(result.value.newSchedule.principalMinor).toBe(110538);
    // 1,105.38 at 0.5 % a month: first interest 5.5269 → 5.53
    expect(result.value.newSchedule.installments[0]!.interestMinor).toBe(553);
  });

  it('keeps the old schedule and the state before the restructure readable', () => {
    const result = restructure(terms, paid, { fromDate: '2024-04-01', capitaliseArrears: true });
    if (!result.ok) throw new Error('refused');
    expect(result.value.previousSchedule.installments).toHaveLength(12);
    expect(result.value.stateBefore.daysPastDue).toBe(17);
  });

  it('refuses a restructure before the disbursement or with bad new terms, naming the field', () => {
    const early = restructure(terms, [], { fromDate: '2024-01-01', capitaliseArrears: false });
    expect(early.ok ? [] : early.issues.map((i) => i.path)).toEqual(['request.fromDate']);
    const bad = restructure(terms, [], { fromDate: '2024-04-01', repayments: 0, capitaliseArrears: false });
    expect(bad.ok ? [] : bad.issues).toEqual([{ path: 'request.repayments', message: 'must be at least 1' }]);
  });
});
