// The branch's formatting, bound once per screen: money from minor units, business dates and instants, in the
// branch's currency, digits, locale and time zone (all from the session's `me.branch`).
import { useMemo } from 'react';
import { formatBusinessDate, formatInstant, formatMoney } from '../../../format';
import type { Me } from '../../../stores/session';

export interface BranchFormat {
  currency: string;
  digits: number;
  locale: string;
  money(minor: number | null | undefined): string;
  date(date: string | null | undefined): string;
  instant(at: string | null | undefined): string;
}

export function useBranchFormat(me: Me): BranchFormat {
  const { currency, currencyDigits: digits, locale, timeZone } = me.branch;
  return useMemo(
    () => ({
      currency,
      digits,
      locale,
      money: (minor) =>
        minor === null || minor === undefined ? '—' : formatMoney(minor, currency, digits, locale),
      date: (date) => (date ? formatBusinessDate(date, locale) : '—'),
      instant: (at) => (at ? formatInstant(at, locale, timeZone) : '—'),
    }),
    [currency, digits, locale, timeZone],
  );
}
