import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  adjustDueDate,
  daysBetween,
  isValidDate,
  isWorkingDay,
  parseDate,
  type BranchCalendar,
} from '../../../shared/dates';

describe('business dates', () => {
  it('refuses dates that do not exist', () => {
    expect(isValidDate('2023-02-30')).toBe(false);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-1-01')).toBe(false);
    expect(isValidDate('2024-01-01T00:00')).toBe(false);
    expect(parseDate('not a date')).toBeNull();
  });

  it('adds months clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2022-11-01', 18)).toBe('2024-05-01');
  });

  it('adds days and weeks', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addWeeks('2024-12-25', 1)).toBe('2025-01-01');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2024-03-01', '2024-01-01')).toBe(-60);
  });
});

describe('the branch calendar', () => {
  // 2024-03-29 is a Friday (Good Friday, a holiday here); 2024-03-30/31 are Saturday and Sunday.
  const calendar: BranchCalendar = {
    holidays: ['2024-03-29', '2024-04-01'],
    nonWorkingDays: ['saturday', 'sunday'],
  };

  it('knows holidays and weekly closing days', () => {
    expect(isWorkingDay('2024-03-28', calendar)).toBe(true);
    expect(isWorkingDay('2024-03-29', calendar)).toBe(false);
    expect(isWorkingDay('2024-03-30', calendar)).toBe(false);
  });

  it('moves a due date on a closed day to the next working day', () => {
    expect(adjustDueDate('2024-03-29', calendar, 'next_working_day')).toBe('2024-04-02');
  });

  it('moves a due date on a closed day to the previous working day', () => {
    expect(adjustDueDate('2024-03-31', calendar, 'previous_working_day')).toBe('2024-03-28');
  });

  it('keeps the due date when the product says so', () => {
    expect(adjustDueDate('2024-03-30', calendar, 'keep')).toBe('2024-03-30');
  });

  it('refuses a calendar with no working day rather than looping for ever', () => {
    const closed: BranchCalendar = {
      holidays: [],
      nonWorkingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    };
    expect(() => adjustDueDate('2024-03-30', closed, 'next_working_day')).toThrow(/no working day/);
  });
});
