// Amounts a teller types at the counter ("1,250.50", "1 250,50") into integer minor units, exactly: the text is
// split into whole and fractional digits and combined with BigInt, never through a float. Stricter than a
// general amount field, because a slip at the counter moves cash: group separators must stand between groups
// of three digits ("1,5" is refused in English rather than read as 15), and zero is not an amount to post.
// Not responsible for formatting amounts for people (renderer/format.ts does that).
import { minorToDecimalString } from '../../../format';

export type AmountError = 'required' | 'format' | 'tooManyDigits' | 'tooLarge' | 'notPositive';
export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: AmountError };

interface Separators {
  decimal: string;
  group: string;
}

function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

const spaces = /[\s\u00a0\u202f]/;

/** Whole digits with optional grouping: either no separators, or 1–3 digits then groups of exactly three. */
function wholeDigits(text: string, group: string): string | null {
  if (/^\d+$/.test(text)) return text;
  const separator = new RegExp(`[${escape(group)}\\s\\u00a0\\u202f]`);
  const groups = text.split(separator);
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || rest.length === 0) return null;
  return rest.every((g) => /^\d{3}$/.test(g)) ? groups.join('') : null;
}

function escape(character: string): string {
  return character.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * Parses a positive amount for a currency with `digits` decimals. The locale's decimal separator is accepted,
 * and "." too where it is not the locale's group separator (a French teller typing "12.50" means 12,50).
 */
export function parseCounterAmount(
  text: string,
  digits: number,
  locale = 'en',
  { allowZero = false }: { allowZero?: boolean } = {},
): ParsedAmount {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'required' };
  const { decimal, group } = separatorsOf(locale);
  const groupChar = spaces.test(group) ? '' : group;
  const decimals = new Set([decimal, ...(groupChar === '.' ? [] : ['.'])]);
  const decimalAt = [...trimmed].findIndex((c) => decimals.has(c));
  const wholeText = decimalAt < 0 ? trimmed : trimmed.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : trimmed.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction)) return { ok: false, error: 'format' };
  const whole = wholeText === '' && fraction !== '' ? '0' : wholeDigits(wholeText, groupChar);
  if (whole === null) return { ok: false, error: 'format' };
  if (fraction.length > digits) return { ok: false, error: 'tooManyDigits' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'tooLarge' };
  if (minor === 0n && !allowZero) return { ok: false, error: 'notPositive' };
  return { ok: true, minor: Number(minor) };
}

/** The text to put into an amount field from minor units ("1250.50"): no grouping, "." as the separator. */
export function minorToAmountText(minor: number, digits: number): string {
  return minorToDecimalString(minor, digits);
}
