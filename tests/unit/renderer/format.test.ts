import { describe, expect, it } from 'vitest';
import {
  formatBusinessDate,
  formatInstant,
  formatMoney,
  minorToDecimalString,
} from '../../../renderer/format';

describe('minorToDecimalString', () => {
  it('places the decimal point by the currency digits', () => {
    expect(minorToDecimalString(123456, 2)).toBe('1234.56');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(0, 2)).toBe('0.00');
    expect(minorToDecimalString(1500, 0)).toBe('1500');
    expect(minorToDecimalString(1234, 3)).toBe('1.234');
  });

  it('keeps the sign of a negative amount, including below one unit', () => {
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(-123456, 2)).toBe('-1234.56');
  });

  it('is exact beyond the range of a float', () => {
    expect(minorToDecimalString(123456789012345678901n, 2)).toBe('1234567890123456789.01');
    expect(minorToDecimalString('900719925474099312', 2)).toBe('9007199254740993.12');
  });

  it('refuses an amount that is not a whole number of minor units', () => {
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimalString(Number.MAX_SAFE_INTEGER + 2, 2)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('shows exactly the currency digits with the locale’s grouping', () => {
    expect(formatMoney(123456, 'KES', 2, 'en')).toBe('KES\u00a01,234.56');
    expect(formatMoney(100, 'KES', 2, 'en')).toBe('KES\u00a01.00');
    expect(formatMoney(1500, 'XOF', 0, 'fr')).toBe('1\u202f500\u00a0F\u202fCFA');
  });

  it('does not round through a float: 0.1 + 0.2 style amounts stay exact', () => {
    expect(formatMoney(30, 'USD', 2, 'en')).toBe('$0.30');
    expect(formatMoney(900719925474099312n, 'KES', 2, 'en')).toBe('KES\u00a09,007,199,254,740,993.12');
  });

  it('writes negative amounts with the locale’s minus', () => {
    expect(formatMoney(-5, 'USD', 2, 'en')).toBe('-$0.05');
  });
});

describe('formatBusinessDate', () => {
  it('shows the calendar day whatever the machine’s time zone', () => {
    expect(formatBusinessDate('2025-03-01', 'en')).toBe('Mar 1, 2025');
    expect(formatBusinessDate('2025-03-01', 'fr')).toBe('1 mars 2025');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatBusinessDate('soon', 'en')).toBe('soon');
  });
});

describe('formatInstant', () => {
  it('shows an instant in the branch time zone', () => {
    expect(formatInstant('2025-03-01T09:05:00.000Z', 'en', 'Africa/Nairobi')).toBe('Mar 1, 2025, 12:05 PM');
  });

  it('returns text that is not an instant unchanged', () => {
    expect(formatInstant('never', 'en')).toBe('never');
  });
});
