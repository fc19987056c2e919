import { describe, expect, it } from 'vitest';
import { minorToAmountText, parseCounterAmount } from '../../../renderer/screens/counter/shared/amount';

describe('an amount typed at the counter', () => {
  it('becomes exact minor units, without floats', () => {
    expect(parseCounterAmount('1250.50', 2)).toEqual({ ok: true, minor: 125050 });
    expect(parseCounterAmount('0.1', 2)).toEqual({ ok: true, minor: 10 });
    expect(parseCounterAmount('0.29', 2)).toEqual({ ok: true, minor: 29 }); // 0.29 * 100 is 28.999… as a float
    expect(parseCounterAmount('1,234,567.89', 2)).toEqual({ ok: true, minor: 123456789 });
    expect(parseCounterAmount(' 45 000 ', 0)).toEqual({ ok: true, minor: 45000 });
    expect(parseCounterAmount('12.', 2)).toEqual({ ok: true, minor: 1200 });
    expect(parseCounterAmount('.5', 2)).toEqual({ ok: true, minor: 50 });
    expect(parseCounterAmount('7', 3)).toEqual({ ok: true, minor: 7000 });
  });

  it('follows the locale’s separators, and takes "." as the decimal point in French too', () => {
    expect(parseCounterAmount('1 234,5', 2, 'fr')).toEqual({ ok: true, minor: 123450 });
    expect(parseCounterAmount('1\u202f234,50', 2, 'fr')).toEqual({ ok: true, minor: 123450 });
    expect(parseCounterAmount('12.50', 2, 'fr')).toEqual({ ok: true, minor: 1250 });
    expect(parseCounterAmount('1.234,50', 2, 'de')).toEqual({ ok: true, minor: 123450 });
  });

  it('refuses misplaced group separators rather than guessing (a slip moves cash)', () => {
    expect(parseCounterAmount('1,5', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('12,34,567', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('1234,567', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount(',500', 2)).toEqual({ ok: false, error: 'format' });
  });

  it('says why an amount cannot be posted', () => {
    expect(parseCounterAmount('', 2)).toEqual({ ok: false, error: 'required' });
    expect(parseCounterAmount('   ', 2)).toEqual({ ok: false, error: 'required' });
    expect(parseCounterAmount('-5', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('1e5', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('1.2.3', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('.', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('abc', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseCounterAmount('1.234', 2)).toEqual({ ok: false, error: 'tooManyDigits' });
    expect(parseCounterAmount('1.5', 0)).toEqual({ ok: false, error: 'tooManyDigits' });
    expect(parseCounterAmount('99999999999999999', 2)).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseCounterAmount('0', 2)).toEqual({ ok: false, error: 'notPositive' });
    expect(parseCounterAmount('0.00', 2)).toEqual({ ok: false, error: 'notPositive' });
  });

  it('takes zero where zero is allowed (an opening cash of nothing)', () => {
    expect(parseCounterAmount('0', 2, 'en', { allowZero: true })).toEqual({ ok: true, minor: 0 });
  });

  it('round-trips with the text put back into the field', () => {
    expect(minorToAmountText(125050, 2)).toBe('1250.50');
    expect(minorToAmountText(5, 2)).toBe('0.05');
    expect(minorToAmountText(45000, 0)).toBe('45000');
    expect(parseCounterAmount(minorToAmountText(987654321, 2), 2)).toEqual({ ok: true, minor: 987654321 });
  });
});
