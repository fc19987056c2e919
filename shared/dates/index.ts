// Business dates (`YYYY-MM-DD`, the branch's calendar day, no time zone) on top of @js-joda/core's LocalDate.
// Responsible for: strict parsing, day/week/month arithmetic (month addition clamps to the month's end), day
// counts, and the branch calendar (holidays, weekly non-working days, moving a due date off a closed day).
// Not responsible for: instants and time zones (`...At` fields are UTC ISO strings handled elsewhere) or
// reading today's date — the caller passes every date in.
import { ChronoUnit, LocalDate } from '@js-joda/core';

/** A calendar date as `YYYY-MM-DD`. */
export type BusinessDate = string;

/** Days since 1970-01-01: the engine's internal form of a date (cheap to compare and subtract). */
export type EpochDay = number;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` strictly: returns null for a malformed or non-existent date (2023-02-30). */
export function parseDate(text: string): LocalDate | null {
  const match = datePattern.exec(text);
  if (!match) return null;
  try {
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  } catch {
    return null;
  }
}

export function isValidDate(text: unknown): text is BusinessDate {
  return typeof text === 'string' && parseDate(text) !== null;
}

export class DateError extends Error {
  override name = 'DateError';
}

/** Parses a date the caller has already validated; throws a DateError (never a js-joda stack) otherwise. */
export function toLocalDate(text: BusinessDate): LocalDate {
  const date = parseDate(text);
  if (!date) throw new DateError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return date;
}

export function toEpochDay(text: BusinessDate): EpochDay {
  return toLocalDate(text).toEpochDay();
}

export function fromEpochDay(day: EpochDay): BusinessDate {
  return LocalDate.ofEpochDay(day).toString();
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return toLocalDate(date).plusDays(days).toString();
}

export function addWeeks(date: BusinessDate, weeks: number): BusinessDate {
  return toLocalDate(date).plusWeeks(weeks).toString();
}

/** Adds calendar months, clamping to the month's last day: 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  return toLocalDate(date).plusMonths(months).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return ChronoUnit.DAYS.between(toLocalDate(from), toLocalDate(to));
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO dates sort as strings
}

export function isLeapYear(year: number): boolean {
  return LocalDate.of(year, 1, 1).isLeapYear();
}

/** Days from `from` to `to` under the 30/360 (US) convention: every month counts 30 days. */
export function days30360(from: LocalDate, to: LocalDate): number {
  let d1 = from.dayOfMonth();
  let d2 = to.dayOfMonth();
  if (d1 === 31) d1 = 30;
  if (d2 === 31 && d1 === 30) d2 = 30;
  return 360 * (to.year() - from.year()) + 30 * (to.monthValue() - from.monthValue()) + (d2 - d1);
}

// ---------------------------------------------------------------------------------------------------------------
// The branch calendar

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export const weekdays: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

export interface BranchCalendar {
  /** Closed days, `YYYY-MM-DD`. */
  holidays: readonly BusinessDate[];
  /** Days of the week the branch is closed, e.g. ['sunday'] or ['saturday', 'sunday']. */
  nonWorkingDays: readonly Weekday[];
}

/** What a product does with a due date that falls on a closed day. */
export type DueDatePolicy = 'next_working_day' | 'previous_working_day' | 'keep';

export function isWorkingDay(date: BusinessDate, calendar: BranchCalendar): boolean {
  if (calendar.holidays.includes(date)) return false;
  const weekday = weekdays[toLocalDate(date).dayOfWeek().value() - 1]!;
  return !calendar.nonWorkingDays.includes(weekday);
}

// A calendar where every day is closed would loop for ever; a year of closed days is a configuration error.
const maxClosedRun = 366;

function stepToWorkingDay(date: BusinessDate, calendar: BranchCalendar, step: 1 | -1): BusinessDate {
  let day = toLocalDate(date);
  for (let i = 0; i <= maxClosedRun; i++) {
    const text = day.toString();
    if (isWorkingDay(text, calendar)) return text;
    day = day.plusDays(step);
  }
  throw new DateError(`no working day within ${maxClosedRun} days of ${date}: check the branch calendar`);
}

export function nextWorkingDay(date: BusinessDate, calendar: BranchCalendar): BusinessDate {
  return stepToWorkingDay(date, calendar, 1);
}

export function previousWorkingDay(date: BusinessDate, calendar: BranchCalendar): BusinessDate {
  return stepToWorkingDay(date, calendar, -1);
}

/** Moves a due date that falls on a closed day according to the product's policy. */
export function adjustDueDate(
  date: BusinessDate,
  calendar: BranchCalendar,
  policy: DueDatePolicy,
): BusinessDate {
  if (policy === 'keep') return date;
  return policy === 'next_working_day' ? nextWorkingDay(date, calendar) : previousWorkingDay(date, calendar);
}
