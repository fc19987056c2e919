import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercent,
  minorToInputText,
  parseAmountToMinor,
  parsePercentToBasisPoints,
} from '../../../renderer/screens/customers/shared/amounts';

describe('parseAmountToMinor', () => {
  it('reads decimals exactly, without floats', () => {
    expect(parseAmountToMinor('1234.56', 2)).toEqual({ ok: true, minor: 123456 });
    expect(parseAmountToMinor('0.1', 2)).toEqual({ ok: true, minor: 10 });
    expect(parseAmountToMinor('1,234,567.89', 2)).toEqual({ ok: true, minor: 123456789 });
    expect(parseAmountToMinor(' 45 000 ', 0)).toEqual({ ok: true, minor: 45000 });
    expect(parseAmountToMinor('12.', 2)).toEqual({ ok: true, minor: 1200 });
  });

  it('follows the locale’s decimal separator', () => {
    expect(parseAmountToMinor('1 234,5', 2, 'fr')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmountToMinor('1\u202f234,50', 2, 'fr')).toEqual({ ok: true, minor: 123450 });
  });

  it('refuses what is not an amount', () => {
    expect(parseAmountToMinor('', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseAmountToMinor('-5', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseAmountToMinor('1e5', 2)).toEqual({ ok: false, error: 'format' });
    expect(parseAmountToMinor('1.234', 2)).toEqual({ ok: false, error: 'tooManyDigits' });
    expect(parseAmountToMinor('1.5', 0)).toEqual({ ok: false, error: 'tooManyDigits' });
    expect(parseAmountToMinor('99999999999999999', 2)).toEqual({ ok: false, error: 'tooLarge' });
  });
});

describe('shares', () => {
  it('turns percentages into basis points', () => {
    expect(parsePercentToBasisPoints('25.5')).toEqual({ ok: true, minor: 2550 });
    expect(parsePercentToBasisPoints('100')).toEqual({ ok: true, minor: 10000 });
    expect(parsePercentToBasisPoints('100.01')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parsePercentToBasisPoints('33.333')).toEqual({ ok: false, error: 'tooManyDigits' });
  });

  it('shows basis points as percentages and minor units as input text', () => {
    expect(basisPointsToPercent(2550)).toBe('25.5 %');
    expect(basisPointsToPercent(10000)).toBe('100 %');
    expect(basisPointsToPercent(5)).toBe('0.05 %');
    expect(minorToInputText(123456, 2)).toBe('1234.56');
    expect(minorToInputText(5, 2)).toBe('0.05');
    expect(minorToInputText(700, 0)).toBe('700');
    expect(minorToInputText(null, 2)).toBe('');
  });
});
