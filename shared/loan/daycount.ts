// Due dates and period rates. Responsible for: the dates of each installment (seeded from the disbursement or
// first repayment date, moved off closed days by the branch calendar) and the interest rate of each period under
// the product's day-count convention. Not responsible for amounts (schedule.ts) — rates here are exact Decimals.
//
// Why two ways of measuring a period: `same_as_repayment` charges a fixed rate per period whatever its length
// (annualRate / 12 × every for months), as Fineract does, so a 28-day February costs the same as a 31-day
// March; `daily` charges for the days actually elapsed under the day-count convention.
import { LocalDate } from '@js-joda/core';
import type Decimal from 'decimal.js';
import { Dec } from '../money';
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
  rate: Decimal;
}

const ONE = new Dec(1);

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

/** The fixed rate of one regular period under `same_as_repayment`. */
export function regularPeriodRate(terms: LoanTerms): Decimal {
  const r = terms.annualRate;
  if (terms.frequency === 'months') return r.dividedBy(12).times(terms.every);
  if (terms.frequency === 'weeks') return r.dividedBy(52).times(terms.every);
  return r.times(terms.every).dividedBy(daysInYearOf(terms));
}

/** actual/actual (ISDA): the days falling in each calendar year over that year's length. */
function actualActualFraction(from: LocalDate, to: LocalDate): Decimal {
  let fraction = new Dec(0);
  let start = from;
  while (start.isBefore(to)) {
    const nextYear = LocalDate.of(start.year() + 1, 1, 1);
    const end = nextYear.isBefore(to) ? nextYear : to;
    const days = end.toEpochDay() - start.toEpochDay();
    fraction = fraction.plus(new Dec(days).dividedBy(start.isLeapYear() ? 366 : 365));
    start = end;
  }
  return fraction;
}

/** The rate for the days from `from` to `to` under the terms' day count (interestPeriod = daily). */
export function dailyRate(terms: LoanTerms, from: LocalDate, to: LocalDate, isRegular: boolean): Decimal {
  const r = terms.annualRate;
  const days = to.toEpochDay() - from.toEpochDay();
  switch (terms.dayCount) {
    case 'actual_365':
      return r.times(days).dividedBy(365);
    case 'actual_360':
      return r.times(days).dividedBy(360);
    case 'actual_actual':
      return r.times(actualActualFraction(from, to));
    case '30_360':
      // A whole month is 30 days by definition; a broken period counts its 30/360 days.
      if (terms.frequency === 'months' && isRegular) return r.dividedBy(12).times(terms.every);
      return r.times(terms.frequency === 'months' ? days30360(from, to) : days).dividedBy(360);
  }
}

/**
 * The periods of the schedule: dates (moved by the branch calendar when the product has one), days and rates.
 * A first period longer or shorter than a regular one (a first repayment date chosen by the customer) is charged
 * for its real length: pro rata of a regular period under `same_as_repayment`, by its days under `daily`.
 */
export function buildPeriods(terms: LoanTerms): Period[] {
  const unadjusted = dueDates(terms);
  const disbursement = toLocalDate(terms.disbursementDate);
  const calendar = terms.calendar;
  const regularRate = regularPeriodRate(terms);
  const zero = new Dec(0);
  const periods: Period[] = [];
  let from = disbursement;
  for (let i = 0; i < unadjusted.length; i++) {
    let due = unadjusted[i]!;
    if (calendar && calendar.policy !== 'keep') {
      const moved = adjustDueDate(due.toString(), calendar, calendar.policy);
      due = toLocalDate(moved);
      if (!due.isAfter(from)) due = unadjusted[i]!; // never move a due date onto or before its period's start
    }
    const n = i + 1;
    const isRegular = i > 0 || !terms.firstRepaymentDate;
    let rate: Decimal;
    if (n <= terms.interestFreePeriods) rate = zero;
    else if (terms.interestPeriod === 'daily') rate = dailyRate(terms, from, due, isRegular);
    else if (isRegular) rate = regularRate;
    else rate = brokenPeriodRate(terms, from, due, regularRate);
    const fromDay = from.toEpochDay();
    const dueDay = due.toEpochDay();
    periods.push({
      n,
      fromDay,
      dueDay,
      fromDate: from.toString(),
      dueDate: due.toString(),
      days: dueDay - fromDay,
      rate,
    });
    from = due;
  }
  return periods;
}

/** A broken first period under `same_as_repayment`: the regular rate × its days / the days of a regular period. */
function brokenPeriodRate(terms: LoanTerms, from: LocalDate, due: LocalDate, regularRate: Decimal): Decimal {
  const regularStart = seedDate(terms, 0, due, 1);
  const regularDays = due.toEpochDay() - regularStart.toEpochDay();
  const days = due.toEpochDay() - from.toEpochDay();
  if (days === regularDays) return regularRate;
  return regularRate.times(days).dividedBy(regularDays);
}

export const one = ONE;
