import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  asMinor,
  Dec,
  formatMajor,
  MoneyError,
  mulRate,
  roundMinor,
  roundToMultiple,
  splitEvenly,
  toMinor,
} from '../../../shared/money';

describe('money in minor units', () => {
  it('converts a decimal string in major units to minor units exactly', () => {
    expect(toMinor('5000', 2)).toBe(500000);
    expect(toMinor('0.10', 2)).toBe(10);
    expect(toMinor('1250.5', 2)).toBe(125050);
    expect(toMinor('1500', 0)).toBe(1500);
    expect(toMinor('-3.25', 2)).toBe(-325);
  });

  it('refuses an amount with more decimals than the currency has, unless told how to round', () => {
    expect(() => toMinor('12.345', 2)).toThrow(MoneyError);
    expect(toMinor('12.345', 2, 'half_even')).toBe(1234);
    expect(toMinor('12.345', 2, 'half_up')).toBe(1235);
  });

  it('refuses what is not a plain decimal number', () => {
    for (const bad of ['', 'abc', '1e3', '1,000', ' 5', '+5', 'NaN', 'Infinity']) {
      expect(() => toMinor(bad, 2)).toThrow(MoneyError);
    }
  });

  it('formats minor units as major units with the currency digits', () => {
    expect(formatMajor(500000, 2)).toBe('5000.00');
    expect(formatMajor(5, 2)).toBe('0.05');
    expect(formatMajor(-325, 2)).toBe('-3.25');
    expect(formatMajor(1500, 0)).toBe('1500');
    expect(formatMajor(1, 3)).toBe('0.001');
  });

  it('never brands a fraction, NaN or Infinity as minor units', () => {
    expect(() => asMinor(0.5)).toThrow(MoneyError);
    expect(() => asMinor(Number.NaN)).toThrow(MoneyError);
    expect(() => asMinor(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
    expect(() => asMinor(2 ** 53)).toThrow(MoneyError);
  });

  it('rounds with each explicit mode', () => {
    // 2.5 and 3.5 minor units: half_even goes to the even neighbour, half_up away from zero.
    expect(roundMinor(new Dec('2.5'), 'half_even')).toBe(2);
    expect(roundMinor(new Dec('3.5'), 'half_even')).toBe(4);
    expect(roundMinor(new Dec('2.5'), 'half_up')).toBe(3);
    expect(roundMinor(new Dec('2.9'), 'down')).toBe(2);
    expect(roundMinor(new Dec('2.1'), 'up')).toBe(3);
  });

  it('rounds an installment to a multiple of a whole currency unit', () => {
    // 327.78 EUR in multiples of 1 EUR (100 minor units) → 328.00
    expect(roundToMultiple(new Dec('32778'), 100, 'half_even')).toBe(32800);
    expect(roundToMultiple(new Dec('32750'), 100, 'half_even')).toBe(32800);
    expect(roundToMultiple(new Dec('32850'), 100, 'half_even')).toBe(32800);
    expect(roundToMultiple(new Dec('32701'), 100, 'up')).toBe(32800);
    expect(roundToMultiple(new Dec('32799'), 100, 'down')).toBe(32700);
  });

  it('computes interest as amount × rate rounded to the minor unit', () => {
    // 4745.00 × 1 % = 47.45
    expect(mulRate(asMinor(474500), new Dec('0.01'), 'half_even')).toBe(4745);
  });

  it('splits an amount evenly without losing a minor unit', () => {
    expect(splitEvenly(asMinor(100), 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(asMinor(-100), 3).reduce((a, b) => a + b, 0)).toBe(-100);
  });
});

describe('amounts in words for receipts', () => {
  it('spells euros and cents', () => {
    expect(amountInWords(500025, 'EUR')).toBe('five thousand euros and twenty-five cents');
    expect(amountInWords(100, 'EUR')).toBe('one euro');
    expect(amountInWords(123456789, 'USD')).toBe(
      'one million two hundred and thirty-four thousand five hundred and sixty-seven dollars and eighty-nine cents',
    );
  });

  it('spells a currency without minor units', () => {
    expect(amountInWords(1500000, 'UGX')).toBe('one million five hundred thousand shillings');
  });
});
