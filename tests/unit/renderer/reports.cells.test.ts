// The report table's cells on screen: money from minor units with the currency's digits and no float, counts
// grouped, percentages from their exact strings, the totals labelled — in the branch's locale.
import { describe, expect, it } from 'vitest';
import type { Report, ReportColumn } from '../../../shared/contract';
import { formatCell, totalsWithLabel } from '../../../renderer/screens/reports/cells';

const report = { currency: 'KES', digits: 2 } as Report;
const column = (kind: ReportColumn['kind']): ReportColumn => ({ key: 'x', label: 'X', kind });

describe('a report cell on screen', () => {
  it('shows money from minor units with the currency’s digits, exactly', () => {
    expect(formatCell(column('money'), 123450, report, 'en')).toBe('1,234.50');
    expect(formatCell(column('money'), 9_007_199_254_740_991, report, 'en')).toBe('90,071,992,547,409.91');
    expect(formatCell(column('money'), -5, report, 'en')).toBe('-0.05');
    expect(formatCell(column('money'), 123450, { ...report, digits: 0 }, 'en')).toBe('123,450');
  });

  it('keeps a percentage’s own decimals and the locale’s separators', () => {
    expect(formatCell(column('percent'), '16.62', report, 'en')).toBe('16.62');
    expect(formatCell(column('percent'), '1234.50', report, 'fr')).toBe('1\u202f234,50');
    expect(formatCell(column('count'), 12000, report, 'en')).toBe('12,000');
  });

  it('leaves a blank cell blank and labels the totals in their first text or date column', () => {
    expect(formatCell(column('money'), null, report, 'en')).toBe('');
    const columns = [column('date'), { ...column('money'), key: 'y' }];
    expect(totalsWithLabel(columns, { x: null, y: 5 }, 'Total')).toEqual({ x: 'Total', y: 5 });
    expect(formatCell(column('date'), 'Total', report, 'en')).toBe('Total');
  });
});
