// PAR as the bank states it: an exact ratio of integers, as a percentage rounded half-up to two decimals.
import { describe, expect, it } from 'vitest';
import { percentText } from '../../../electron/core/reports/portfolio';

describe('a share of the portfolio as a percentage', () => {
  it('is exact before it is rounded, half-up, to two decimals', () => {
    expect(percentText(2_990_000, 17_990_000)).toBe('16.62'); // 16.6203…
    expect(percentText(1, 800)).toBe('0.13'); // 0.125 exactly: half-up, not half-even
    expect(percentText(1, 3)).toBe('33.33');
    expect(percentText(2, 3)).toBe('66.67');
    expect(percentText(9_007_199_254_740_990, 9_007_199_254_740_991)).toBe('100.00');
  });

  it('is 0.00 on an empty portfolio and 100.00 when all of it is at risk', () => {
    expect(percentText(0, 0)).toBe('0.00');
    expect(percentText(5, 5)).toBe('100.00');
  });
});
