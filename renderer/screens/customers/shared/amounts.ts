// Taking amounts typed by a person: "1,234.56" → 123456 minor units, "25.5" % → 2550 basis points. Never a
// float: the text is split into whole and fractional digits and combined with BigInt. The locale decides which
// character is the decimal separator and which ones group thousands (both are accepted as the person types them).

export type ParsedAmount =
  { ok: true; minor: number } | { ok: false; error: 'format' | 'tooManyDigits' | 'tooLarge' };

function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** The text with group separators and spaces removed and the locale's decimal separator turned into ".". */
function normalise(text: string, locale: string): string {
  const { decimal, group } = separators(locale);
  let out = text.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (group.trim() !== '') out = out.split(group).join('');
  if (decimal !== '.') out = out.split(decimal).join('.');
  return out;
}

/**
 * Parses a non-negative decimal amount into integer minor units for a currency with `digits` decimals.
 * An empty text is not an amount (callers treat it as "not given").
 */
export function parseAmountToMinor(
  text: string,
  digits: number,
  locale = 'en',
  max = Number.MAX_SAFE_INTEGER,
): ParsedAmount {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalise(text, locale));
  if (!match) return { ok: false, error: 'format' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, error: 'tooManyDigits' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(max)) return { ok: false, error: 'tooLarge' };
  return { ok: true, minor: Number(minor) };
}

/** A share typed as a percentage ("25.5") in basis points (2550), at most 100 %. */
export function parsePercentToBasisPoints(text: string, locale = 'en'): ParsedAmount {
  return parseAmountToMinor(text, 2, locale, 10_000);
}

/** The text to put back into an amount field from minor units (no grouping, "." as decimal separator). */
export function minorToInputText(minor: number | null | undefined, digits: number): string {
  if (minor === null || minor === undefined) return '';
  const magnitude = BigInt(minor)
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

/** Basis points as a percentage for people: 2550 → "25.5 %". */
export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest} %` : `${whole} %`;
}
