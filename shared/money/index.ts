// Money in integer minor units. Responsible for: the branded `Minor` type, converting between decimal strings in
// major units and minor units, explicit rounding (to the minor unit or to a multiple), and formatting.
// Not responsible for: currencies' display (locale, symbols — renderer/format.ts) or exchange rates.
// Every calculation that may produce a fraction goes through decimal.js; a JS float never holds money.
import Decimal from 'decimal.js';

export { amountInWords } from './words';

/** An amount in the currency's minor units (cents); always a safe integer. */
export type Minor = number & { readonly __brand: 'Minor' };

export type RoundingMode = 'half_even' | 'half_up' | 'down' | 'up';
export const roundingModes = ['half_even', 'half_up', 'down', 'up'] as const;

/** The engine's Decimal: 40 significant digits, so intermediate products never lose a minor unit. */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -50,
  toExpPos: 50,
});
export type Dec = Decimal;

const decimalRounding: Record<RoundingMode, Decimal.Rounding> = {
  half_even: Decimal.ROUND_HALF_EVEN,
  half_up: Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

export class MoneyError extends Error {
  override name = 'MoneyError';
}

const ZERO = 0 as Minor;
export const zeroMinor: Minor = ZERO;

/** Brands an integer as minor units; refuses fractions, NaN, Infinity and unsafe integers. */
export function asMinor(value: number): Minor {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`not a whole number of minor units: ${value}`);
  return (value === 0 ? 0 : value) as Minor; // normalise -0
}

export function isMinor(value: unknown): value is Minor {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** True when `text` is a plain decimal number ("5000", "12.5", "-3.25"): no exponent, no spaces, no sign "+". */
export function isDecimalString(text: string): boolean {
  return decimalPattern.test(text);
}

/**
 * Converts a decimal string in major units to minor units. An amount with more decimals than the currency has
 * is refused unless a rounding mode is given ("12.345" EUR → error; with 'half_even' → 1234).
 */
export function toMinor(text: string, digits: number, rounding?: RoundingMode): Minor {
  if (!isDecimalString(text)) throw new MoneyError(`not a decimal amount: ${JSON.stringify(text)}`);
  const scaled = new Dec(text).times(pow10(digits));
  if (!scaled.isInteger() && !rounding) {
    throw new MoneyError(`${text} has more than ${digits} decimal places`);
  }
  return roundMinor(scaled, rounding ?? 'half_even');
}

/** Formats minor units as a decimal string in major units with exactly `digits` decimals: 500000, 2 → "5000.00". */
export function formatMajor(amount: number, digits: number): string {
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`not a whole number of minor units: ${amount}`);
  const negative = amount < 0;
  const text = String(Math.abs(amount));
  if (digits === 0) return (negative ? '-' : '') + text;
  const padded = text.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const fraction = padded.slice(padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const pow10Cache: Decimal[] = [];
/** 10^digits as a Decimal (cached: the engine asks for it in loops). */
export function pow10(digits: number): Decimal {
  return (pow10Cache[digits] ??= new Dec(10).pow(digits));
}

/** Rounds a Decimal amount already expressed in minor units to a whole minor unit. */
export function roundMinor(value: Decimal, mode: RoundingMode): Minor {
  const rounded = value.toDecimalPlaces(0, decimalRounding[mode]).toNumber();
  return asMinor(rounded);
}

/**
 * Rounds a Decimal amount in minor units to a multiple of `multipleMinor` (e.g. 100 for "whole euros").
 * A multiple of 1 is the minor unit itself.
 */
export function roundToMultiple(value: Decimal, multipleMinor: number, mode: RoundingMode): Minor {
  if (multipleMinor <= 1) return roundMinor(value, mode);
  const units = value.dividedBy(multipleMinor).toDecimalPlaces(0, decimalRounding[mode]).toNumber();
  return asMinor(units * multipleMinor);
}

/** `amount × rate` rounded to the minor unit: interest, percentage fees. */
export function mulRate(amount: Minor, rate: Decimal, mode: RoundingMode): Minor {
  if (amount === 0) return ZERO;
  return roundMinor(rate.times(amount), mode);
}

/** `amount × percent / 100` rounded to the minor unit. */
export function percentOf(amount: Minor, percent: Decimal, mode: RoundingMode): Minor {
  return roundMinor(percent.times(amount).dividedBy(100), mode);
}

/** Integer sums and differences stay exact in JS numbers while they are safe integers; this checks that. */
export function addMinor(a: Minor, b: Minor): Minor {
  return asMinor(a + b);
}

export function subMinor(a: Minor, b: Minor): Minor {
  return asMinor(a - b);
}

export function sumMinor(values: readonly number[]): Minor {
  let total = 0;
  for (const v of values) total += v;
  return asMinor(total);
}

export function minMinor(a: Minor, b: Minor): Minor {
  return (a < b ? a : b) as Minor;
}

export function maxMinor(a: Minor, b: Minor): Minor {
  return (a > b ? a : b) as Minor;
}

/** Splits `total` into `parts` amounts that differ by at most one minor unit and sum exactly to `total`. */
export function splitEvenly(total: Minor, parts: number): Minor[] {
  if (!Number.isSafeInteger(parts) || parts <= 0) throw new MoneyError(`cannot split into ${parts} parts`);
  const base = Math.trunc(total / parts);
  const remainder = total - base * parts;
  return Array.from({ length: parts }, (_, i) =>
    asMinor(base + (i < Math.abs(remainder) ? Math.sign(remainder) : 0)),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Exact rational rates. Every interest rate the engine uses is a ratio of integers (a decimal percentage × days
// ÷ 365, …). The hot loop of a schedule multiplies a balance by such a ratio and rounds once: doing it on
// BigInt integers is exact (no precision limit at all) and several times faster than a Decimal round trip.
// `value` carries the same rate as a Decimal for formulas that need powers and quotients (the annuity).

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
  readonly value: Decimal;
}

export function ratio(num: bigint, den: bigint): Ratio {
  if (den <= 0n || num < 0n) throw new MoneyError(`not a non-negative ratio: ${num}/${den}`);
  let value: Decimal | undefined;
  return {
    num,
    den,
    // Computed on first use: the hot loop needs only num and den.
    get value() {
      return (value ??= num === 0n ? new Dec(0) : new Dec(num.toString()).dividedBy(den.toString()));
    },
  };
}

/** A decimal string as an exact ratio: "12.5" → 125/10. */
export function ratioOfDecimal(text: string): Ratio {
  if (!isDecimalString(text)) throw new MoneyError(`not a decimal number: ${JSON.stringify(text)}`);
  const [whole, fraction = ''] = text.split('.');
  return ratio(BigInt(whole! + fraction), 10n ** BigInt(fraction.length));
}

/** `r × num / den`, exactly. */
export function scaleRatio(r: Ratio, num: bigint | number, den: bigint | number): Ratio {
  return ratio(r.num * BigInt(num), r.den * BigInt(den));
}

export function isZeroRatio(r: Ratio): boolean {
  return r.num === 0n;
}

/** `num / den` rounded to a whole number with the mode; num ≥ 0, den > 0. */
export function divRound(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den;
  const rem = num % den;
  if (rem === 0n) return q;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + 1n;
    case 'half_up':
      return 2n * rem >= den ? q + 1n : q;
    case 'half_even': {
      const twice = 2n * rem;
      return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
    }
  }
}

/** `amount × rate` rounded to the minor unit, exactly (interest on a balance). */
export function applyRatio(amount: Minor, r: Ratio, mode: RoundingMode): Minor {
  if (amount === 0 || r.num === 0n) return ZERO;
  if (amount < 0) throw new MoneyError(`interest on a negative balance: ${amount}`);
  return asMinor(Number(divRound(BigInt(amount) * r.num, r.den, mode)));
}
