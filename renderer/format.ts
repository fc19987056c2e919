// Formatting for people, in one place: money from integer minor units and the currency's digits, business dates
// (YYYY-MM-DD) and instants (ISO-8601), in the branch's locale. Money is never a float here: the minor units are
// split into whole and fractional digits as strings (BigInt), and Intl formats that exact decimal string.
// Not responsible for parsing what a person types (that belongs to the form that takes an amount).

export type MinorUnits = number | bigint | string;

/** The exact decimal string of an amount in minor units, e.g. (123456, 2) → "1234.56", (-5, 2) → "-0.05". */
export function minorToDecimalString(amountMinor: MinorUnits, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 8)
    throw new RangeError(`bad currency digits ${digits}`);
  if (typeof amountMinor === 'number' && !Number.isSafeInteger(amountMinor))
    throw new RangeError('an amount in minor units must be a safe integer');
  const value = BigInt(amountMinor);
  const sign = value < 0n ? '-' : '';
  const magnitude = (value < 0n ? -value : value).toString();
  if (digits === 0) return sign + magnitude;
  const padded = magnitude.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** "KES 1,234.56" (or the locale's equivalent) from minor units; always shows exactly the currency's digits. */
export function formatMoney(
  amountMinor: MinorUnits,
  currency: string,
  digits: number,
  locale: string,
): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(minorToDecimalString(amountMinor, digits) as `${number}`);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A business date (YYYY-MM-DD, a calendar day with no time zone) as the locale writes it, e.g. "3 Mar 2025". */
export function formatBusinessDate(date: string, locale: string): string {
  const match = isoDate.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const utcNoon = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utcNoon);
}

/** An instant (ISO-8601) as a date and time in the branch's time zone; the raw text if it is not a date. */
export function formatInstant(at: string, locale: string, timeZone?: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(time),
  );
}
