import { describe, expect, it } from 'vitest';
import { lastMonthEnd } from '../../../electron/core/books/loanBooks';
import { LineSet, nextPeriodStart, periodEnd } from '../../../electron/core/books/journal';

describe('month ends for the month-end accrual', () => {
  it('answers the date itself on a month end, else the previous month end', () => {
    expect(lastMonthEnd('2026-10-31')).toBe('2026-10-31');
    expect(lastMonthEnd('2026-10-30')).toBe('2026-09-30');
    expect(lastMonthEnd('2026-01-15')).toBe('2025-12-31');
    expect(lastMonthEnd('2028-03-01')).toBe('2028-02-29');
    expect(lastMonthEnd('2100-03-01')).toBe('2100-02-28');
    expect(lastMonthEnd('2000-02-29')).toBe('2000-02-29');
  });
  it('knows each period’s last day and the next period’s first', () => {
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect(periodEnd('2026-12')).toBe('2026-12-31');
    expect(nextPeriodStart('2026-12')).toBe('2027-01-01');
  });
});

describe('a set of journal lines', () => {
  it('sums amounts per account, till and loan, and drops what nets to zero', () => {
    const set = new LineSet();
    set.add('1120', 500, { tillId: 't1' });
    set.add('1120', 250, { tillId: 't1' });
    set.add('1120', 100, { tillId: 't2' });
    set.add('4100', -850);
    set.add('1900', 40);
    set.add('1900', -40);
    expect(set.lines).toEqual([
      { accountCode: '1120', amountMinor: 750, loanId: null, tillId: 't1' },
      { accountCode: '1120', amountMinor: 100, loanId: null, tillId: 't2' },
      { accountCode: '4100', amountMinor: -850, loanId: null, tillId: null },
    ]);
    expect(set.sum).toBe(0);
  });
});
