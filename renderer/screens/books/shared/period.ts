// Months and date ranges for the books screens, from business dates (YYYY-MM-DD, no time zone) as strings:
// the month a date is in, its first and last day, and a month as people read it. Pure.

/** The month (YYYY-MM) a business date is in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first and last day of the month a business date is in: the journal's default range. */
export function monthRange(date: string): { from: string; to: string } {
  const [year, month] = monthOf(date).split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${monthOf(date)}-01`, to: `${monthOf(date)}-${String(lastDay).padStart(2, '0')}` };
}

/** "March 2026" (or the locale's way), from YYYY-MM; the text itself if it is not a month. */
export function formatPeriod(period: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
