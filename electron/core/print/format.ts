// Figures and times as printed documents show them. Responsible for amounts in minor units with thousands
// separators, and instants in the branch's time zone; not for the screen (renderer/format.ts does that with the
// user's locale) nor for amounts in words (amountInWords.ts).
//
// Everything here is string and integer work: an amount never becomes a float, and the output does not depend on
// the runtime's locale data, so a reprinted receipt shows exactly the same figures.
import { formatMajor } from '../../../shared/money';
import type { PrintLanguage } from './amountInWords';

const separators: Record<PrintLanguage, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  // French typography groups thousands with a narrow no-break space: "12 345,67".
  fr: { group: '\u202f', decimal: ',' },
};

/**
 * Minor units as a figure with thousands separators and exactly `digits` decimals:
 * (1234567, 2) → "12,345.67"; (1234567, 2, 'fr') → "12 345,67"; (1500000, 0) → "1,500,000".
 */
export function formatMinor(amountMinor: number, digits: number, language: PrintLanguage = 'en'): string {
  const plain = formatMajor(amountMinor, digits); // "-12345.67": validated, integer-only
  const negative = plain.startsWith('-');
  const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const { group, decimal } = separators[language];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : decimal + fraction}`;
}

/** A denomination's face value: whole units without decimals when it has none ("1,000"), else like formatMinor. */
export function formatDenomination(
  valueMinor: number,
  digits: number,
  language: PrintLanguage = 'en',
): string {
  const text = formatMinor(valueMinor, digits, language);
  const isWhole = digits > 0 && valueMinor % 10 ** digits === 0;
  return isWhole ? text.slice(0, -(digits + 1)) : text;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a time zone, read with fixed options so no locale changes them. */
function clockParts(instant: string, timeZone: string): Record<'date' | 'time' | 'zone', string> {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    timeFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instantDate(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    zone: part('timeZoneName'),
  };
}

/**
 * An ISO instant in the branch's time zone, as "2026-03-14 13:25 GMT+3" ("UTC" when the zone is UTC).
 * Throws a RangeError for an instant that does not parse or an unknown time zone.
 */
export function formatInstant(instant: string, timeZone: string): string {
  const { date, time, zone } = clockParts(instant, timeZone);
  return `${date} ${time} ${zone}`;
}

/** The time of day of an instant in the branch's time zone: "13:25". */
export function formatTime(instant: string, timeZone: string): string {
  return clockParts(instant, timeZone).time;
}

/** The Date of an ISO instant; a RangeError when it does not parse (a PDF must not carry "Invalid Date"). */
export function instantDate(instant: string): Date {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO instant: ${instant}`);
  return date;
}

/** Points per millimetre (PDF user space is 1/72 inch). */
export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}
