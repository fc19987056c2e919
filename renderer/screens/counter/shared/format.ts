// The counter's formatting, bound once per screen: money from minor units in a loan's or till's own currency
// (the branch's by default), business dates and instants, all in the branch's locale and time zone.
import { useMemo } from 'react';
import { formatBusinessDate, formatInstant, formatMoney } from '../../../format';
import type { Me } from '../../../stores/session';

export interface CounterFormat {
  locale: string;
  currency: string;
  digits: number;
  money(minor: number | null | undefined, currency?: string, digits?: number): string;
  date(date: string | null | undefined): string;
  instant(at: string | null | undefined): string;
  time(at: string): string;
}

export function useCounterFormat(me: Me): CounterFormat {
  const { currency, currencyDigits, locale, timeZone } = me.branch;
  return useMemo(
    () => ({
      locale,
      currency,
      digits: currencyDigits,
      money: (minor, inCurrency = currency, digits = currencyDigits) =>
        minor === null || minor === undefined ? '—' : formatMoney(minor, inCurrency, digits, locale),
      date: (date) => (date ? formatBusinessDate(date, locale) : '—'),
      instant: (at) => (at ? formatInstant(at, locale, timeZone) : '—'),
      time: (at) => {
        const time = Date.parse(at);
        if (Number.isNaN(time)) return at;
        return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(time));
      },
    }),
    [currency, currencyDigits, locale, timeZone],
  );
}
