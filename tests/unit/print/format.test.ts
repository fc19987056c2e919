import { describe, expect, it } from 'vitest';
import { formatInstant, formatMinor } from '../../../electron/core/print';

describe('figures on printed documents', () => {
  it('groups thousands and places the decimal point by the currency’s digits', () => {
    expect(formatMinor(1234567, 2)).toBe('12,345.67');
    expect(formatMinor(5, 2)).toBe('0.05');
    expect(formatMinor(0, 2)).toBe('0.00');
    expect(formatMinor(1500000, 0)).toBe('1,500,000');
    expect(formatMinor(12345678, 3)).toBe('12,345.678');
    expect(formatMinor(-123456789, 2)).toBe('-1,234,567.89');
    expect(formatMinor(Number.MAX_SAFE_INTEGER, 2)).toBe('90,071,992,547,409.91');
  });

  it('uses French separators in French', () => {
    expect(formatMinor(1234567, 2, 'fr')).toBe('12\u202f345,67');
  });

  it('refuses a fraction of a minor unit', () => {
    expect(() => formatMinor(1.5, 2)).toThrow();
  });

  it('prints an instant in the branch’s time zone', () => {
    expect(formatInstant('2026-03-14T22:05:00.000Z', 'Africa/Nairobi')).toBe('2026-03-15 01:05 GMT+3');
    expect(formatInstant('2026-03-14T22:05:00Z', 'UTC')).toBe('2026-03-14 22:05 UTC');
    expect(() => formatInstant('yesterday', 'UTC')).toThrow(RangeError);
  });
});
