import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, daysBetween, daysInMonth, fromDayNumber, isLeapYear, isValidDate, monthsBetween, toDayNumber } from '../../../shared/finance';
import { financeError } from './helpers';

describe('finance calendar dates', () => {
  it('knows leap years, the century rule included', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  it('accepts only real calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-04-31')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('2025-1-01')).toBe(false);
    expect(isValidDate('2025-01-01T00:00')).toBe(false);
    const error = financeError(() => toDayNumber('2025-02-30', 'startDate'));
    expect(error.code).toBe('bad-date');
    expect(error.field).toBe('startDate');
  });

  it('counts days without any clock or time zone', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('round-trips day numbers, and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2300-12-31') }), (n) => {
        const date = fromDayNumber(n);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        return toDayNumber(date) === n && Date.UTC(y, m - 1, d) / 86_400_000 === n;
      }),
      { numRuns: 500 },
    );
  });

  it('moves by months, clamping day 29-31 to the end of shorter months', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonthsClamped('2025-02-10', 1, 31)).toBe('2025-03-31');
    expect(monthsBetween('2025-01-31', '2025-02-01')).toBe(1);
    expect(monthsBetween('2025-03-01', '2024-12-31')).toBe(-3);
  });
});
