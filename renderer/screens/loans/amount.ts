// Amounts and rates as a loan officer types them, for the loans screens: "12,500.50" → 1250050 minor units,
// "18.5" → the rate string the contract takes. Never a float: amounts go through the customers screens' exact
// parser (whole and fractional digits combined with BigInt); rates are compared as scaled BigInts.
// Not responsible for formatting amounts for display (renderer/format.ts).
import { parseAmountToMinor } from '../customers/shared/amounts';

export { minorToInputText } from '../customers/shared/amounts';

/** A non-negative amount in major units → integer minor units for a currency with `digits` decimals; null if
 *  the text is empty or not an amount (too many decimals, too large, letters, a sign). */
export function parseAmount(text: string, digits: number, locale = 'en'): number | null {
  if (text.trim() === '') return null;
  const parsed = parseAmountToMinor(text, digits, locale);
  return parsed.ok ? parsed.minor : null;
}

const rateDigits = 6;

/** A percentage per year as typed ("18", "18,5" in French) → the contract's rate string ("18.5"); null if it is
 *  not a rate (at most four whole digits and six decimals, like the contract's pattern). */
export function parseRate(text: string, locale = 'en'): string | null {
  if (text.trim() === '') return null;
  const parsed = parseAmountToMinor(text, rateDigits, locale, 9_999_999_999);
  if (!parsed.ok) return null;
  return trimRate(BigInt(parsed.minor));
}

function trimRate(micro: bigint): string {
  const whole = micro / 10n ** BigInt(rateDigits);
  const fraction = (micro % 10n ** BigInt(rateDigits))
    .toString()
    .padStart(rateDigits, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** A rate string in millionths of a percent, for exact comparison ("18.5" → 18500000n). */
export function rateToMicro(rate: string): bigint {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(rate.trim());
  if (!match) throw new RangeError(`not a rate: ${rate}`);
  const fraction = (match[2] ?? '').slice(0, rateDigits).padEnd(rateDigits, '0');
  return BigInt(match[1] ?? '0') * 10n ** BigInt(rateDigits) + BigInt(fraction);
}

/** Whether `rate` lies within [min, max] (all rate strings). */
export function isRateWithin(rate: string, min: string, max: string): boolean {
  const r = rateToMicro(rate);
  return r >= rateToMicro(min) && r <= rateToMicro(max);
}

/** A whole number typed in a field ("12") or null. */
export function parseWhole(text: string | number): number | null {
  const s = String(text).trim();
  if (!/^\d{1,9}$/.test(s)) return null;
  return Number(s);
}
