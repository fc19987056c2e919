import { describe, expect, it } from 'vitest';
import {
  isRateWithin,
  parseAmount,
  parseRate,
  parseWhole,
  rateToMicro,
} from '../../../renderer/screens/loans/amount';

describe('parseAmount (an amount typed in major units → integer minor units)', () => {
  it('reads the amount exactly, never through a float', () => {
    expect(parseAmount('12500.50', 2)).toBe(1_250_050);
    expect(parseAmount('0.29', 2)).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(parseAmount('1,234,567.89', 2)).toBe(123_456_789);
    expect(parseAmount('50000', 0)).toBe(50_000);
    expect(parseAmount('1.005', 3)).toBe(1005);
  });

  it('follows the branch locale’s separators', () => {
    expect(parseAmount('12 500,50', 2, 'fr')).toBe(1_250_050);
  });

  it('answers null for what is not an amount', () => {
    expect(parseAmount('', 2)).toBeNull();
    expect(parseAmount('   ', 2)).toBeNull();
    expect(parseAmount('-5', 2)).toBeNull();
    expect(parseAmount('12.345', 2)).toBeNull();
    expect(parseAmount('1.5', 0)).toBeNull();
    expect(parseAmount('ten', 2)).toBeNull();
    expect(parseAmount('1e6', 2)).toBeNull();
    expect(parseAmount('99999999999999999', 2)).toBeNull();
  });
});

describe('parseRate (a percentage per year as the contract takes it)', () => {
  it('keeps the digits typed, without trailing zeros', () => {
    expect(parseRate('18')).toBe('18');
    expect(parseRate('18.50')).toBe('18.5');
    expect(parseRate('0')).toBe('0');
    expect(parseRate('7.125')).toBe('7.125');
    expect(parseRate('18,5', 'fr')).toBe('18.5');
  });

  it('refuses what the contract would refuse', () => {
    expect(parseRate('')).toBeNull();
    expect(parseRate('-1')).toBeNull();
    expect(parseRate('12345')).toBeNull();
    expect(parseRate('1.1234567')).toBeNull();
    expect(parseRate('abc')).toBeNull();
  });

  it('compares rates exactly', () => {
    expect(rateToMicro('18.5')).toBe(18_500_000n);
    expect(isRateWithin('12', '12', '30')).toBe(true);
    expect(isRateWithin('30.000001', '12', '30')).toBe(false);
    expect(isRateWithin('11.999999', '12', '30')).toBe(false);
    expect(isRateWithin('18.5', '12', '30')).toBe(true);
  });
});

describe('parseWhole', () => {
  it('reads whole numbers only', () => {
    expect(parseWhole('12')).toBe(12);
    expect(parseWhole(' 6 ')).toBe(6);
    expect(parseWhole('1.5')).toBeNull();
    expect(parseWhole('')).toBeNull();
    expect(parseWhole('-3')).toBeNull();
  });
});
