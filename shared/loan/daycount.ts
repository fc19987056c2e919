// Due dates and period rates. Responsible for: the dates of each installment (seeded from the disbursement or
// first repayment date, moved off closed days by the branch calendar) and the interest rate of each period under
// the product's day-count convention. Not responsible for amounts (schedule.ts) — rates here are exact ratios.
//
// Why two ways of measuring a period: `same_as_repayment` charges a fixed rate per period whatever its length
// (annualRate / 12 × every for months), as Fineract does, so a 28-day February costs the same as a 31-day
// March; `daily` charges for the days actually elapsed under the day-count convention.
import { LocalDate } from '@js-joda/core';
import { ratio, ratioOfDecimal, scaleRatio, type Ratio } from '../money';
import { adjustDueDate, days30360, toLocalDate } from '../dates';
import type { LoanTerms } from './terms';

export interface Period {
  n: number;
  /** Epoch days of the period's start (the previous due date, or the disbursement) and of its due date. */
  fromDay: number;
  dueDay: number;
  fromDate: string;
  dueDate: string;
  days: number;
  /** The period's interest rate as an exact ratio (interest = balance × rate, rounded once). */
  rate: Ratio;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** `YYYY-MM-DD` without js-joda's general formatter (the schedule formats hundreds of dates). */
function iso(date: LocalDate): string {
  return `${date.year()}-${pad2(date.monthValue())}-${pad2(date.dayOfMonth())}`;
}

function seedDate(terms: LoanTerms, i: number, seed: LocalDate, offset: number): LocalDate {
  const steps = (i - offset) * terms.every;
  if (terms.frequency === 'months') return seed.plusMonths(steps);
  return seed.plusDays(terms.frequency === 'weeks' ? steps * 7 : steps);
}

/** Unadjusted due dates: the seed plus `every × i` periods, month additions clamped to the month's end. */
export function dueDates(terms: LoanTerms): LocalDate[] {
  const dates: LocalDate[] = [];
  const first = terms.firstRepaymentDate;
  const seed = toLocalDate(first ?? terms.disbursementDate);
  const offset = first ? 1 : 0;
  for (let i = 1; i <= terms.repayments; i++) dates.push(seedDate(terms, i, seed, offset));
  return dates;
}

function daysInYearOf(terms: LoanTerms): number {
  return terms.dayCount === 'actual_360' || terms.dayCount === '30_360' ? 360 : 365;
}

/** The annual rate as a fraction: "12" (percent) → 12/100. */
export function annualRatio(terms: LoanTerms): Ratio {
  let known = annualRatios.get(terms);
  if (!known) annualRatios.set(terms, (known = scaleRatio(ratioOfDecimal(terms.input.annualRate), 1, 100)));
  return known;
}
const annualRatios = new WeakMap<LoanTerms, Ratio>();

/** The fixed rate of one regular period under `same_as_repayment`. */
export function regularPeriodRate(terms: LoanTerms): Ratio {
  const r = annualRatio(terms);
  if (terms.frequency === 'months') return scaleRatio(r, terms.every, 12);
  if (terms.frequency === 'weeks') return scaleRatio(r, terms.every, 52);
  return scaleRatio(r, terms.every, daysInYearOf(terms));
}

/** actual/actual (ISDA): Σ days in each calendar year / that year's length, over the common denominator 365 × 366. */
function actualActualDays(from: LocalDate, to: LocalDate): bigint {
  let weighted = 0n;
  let start = from;
  while (start.isBefore(to)) {
    const nextYear = LocalDate.of(start.year() + 1, 1, 1);
    const end = nextYear.isBefore(to) ? nextYear : to;
    const days = BigInt(end.toEpochDay() - start.toEpochDay());
    weighted += days * (start.isLeapYear() ? 365n : 366n);
    start = end;
  }
  return weighted;
}

/** The rate for the days from `from` to `to` under the terms' day count (interestPeriod = daily). */
export function dailyRate(
  terms: LoanTerms,
  from: LocalDate,
  to: LocalDate,
  isRegular: boolean,
  byDays?: Map<number, Ratio>,
): Ratio {
  const r = annualRatio(terms);
  const days = to.toEpochDay() - from.toEpochDay();
  switch (terms.dayCount) {
    case 'actual_365':
    case 'actual_360': {
      // Periods of equal length share one rate object (the annuity formula then skips recomputing it).
      const known = byDays?.get(days);
      if (known) return known;
      const rate = scaleRatio(r, days, terms.dayCount === 'actual_365' ? 365 : 360);
      byDays?.set(days, rate);
      return rate;
    }
    case 'actual_actual':
      return scaleRatio(r, actualActualDays(from, to), 365 * 366);
    case '30_360':
      // A whole month is 30 days by definition; a broken period counts its 30/360 days.
      if (terms.frequency === 'months' && isRegular) return scaleRatio(r, terms.every, 12);
      return scaleRatio(r, terms.frequency === 'months' ? days30360(from, to) : days, 360);
  }
}

/**
 * The periods of the schedule: dates (moved by the branch calendar when the product has one), days and rates.
 * A first period longer or shorter than a regular one (a first repayment date chosen by the customer) is charged
 * for its real length under `daily`; under `same_as_repayment` it pays the regular rate (the vectors'
 * convention, "whatever its length") unless the product asks for `brokenPeriodInterest: 'pro_rata'`.
 */
export function buildPeriods(terms: LoanTerms): Period[] {
  const unadjusted = dueDates(terms);
  const calendar = terms.calendar;
  const regularRate = regularPeriodRate(terms);
  const zero = ratio(0n, 1n);
  const byDays = new Map<number, Ratio>();
  const periods: Period[] = new Array(unadjusted.length);
  let from = toLocalDate(terms.disbursementDate);
  let fromDate = terms.disbursementDate;
  let fromDay = from.toEpochDay();
  for (let i = 0; i < unadjusted.length; i++) {
    let due = unadjusted[i]!;
    if (calendar && calendar.policy !== 'keep') {
      const moved = toLocalDate(adjustDueDate(iso(due), calendar, calendar.policy));
      if (moved.isAfter(from)) due = moved; // never move a due date onto or before its period's start
    }
    const n = i + 1;
    const isRegular = i > 0 || !terms.firstRepaymentDate;
    let rate: Ratio;
    if (n <= terms.interestFreePeriods) rate = zero;
    else if (terms.interestPeriod === 'daily') rate = dailyRate(terms, from, due, isRegular, byDays);
    else if (isRegular || terms.brokenPeriodInterest === 'same_as_regular') rate = regularRate;
    else rate = brokenPeriodRate(terms, from, due, regularRate);
    const dueDay = due.toEpochDay();
    const dueDate = iso(due);
    periods[i] = { n, fromDay, dueDay, fromDate, dueDate, days: dueDay - fromDay, rate };
    from = due;
    fromDate = dueDate;
    fromDay = dueDay;
  }
  return periods;
}

/** A broken first period under `same_as_repayment`: the regular rate × its days / the days of a regular period. */
function brokenPeriodRate(terms: LoanTerms, from: LocalDate, due: LocalDate, regularRate: Ratio): Ratio {
  const regularStart = seedDate(terms, 0, due, 1);
  const regularDays = due.toEpochDay() - regularStart.toEpochDay();
  const days = due.toEpochDay() - from.toEpochDay();
  if (days === regularDays) return regularRate;
  return scaleRatio(regularRate, days, regularDays);
}
