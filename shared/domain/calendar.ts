/**
 * Calendar-date helpers on YYYY-MM-DD strings for the domain (months, weekdays). The day
 * arithmetic itself is the finance engine's (whole days since 1970-01-01, no clock, no zone).
 */
import { addDays, addMonthsClamped, daysBetween, daysInMonth, formatDate, fromDayNumber, toDayNumber } from '../finance/dates';

export { addDays, daysBetween, fromDayNumber, toDayNumber };

/** Same day `months` later; a day past the month's end falls on its last day. */
export function addMonths(date: string, months: number, dayOfMonth?: number): string {
  return addMonthsClamped(date, months, dayOfMonth);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return formatDate(year, m, daysInMonth(year, m));
}

export function addMonthsToMonth(month: string, months: number): string {
  return monthOf(addMonths(`${month}-01`, months));
}

/** 0 = Monday ... 6 = Sunday (ISO weekday - 1). 1970-01-01 was a Thursday. */
export function weekdayIndex(date: string): number {
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

export function daysInMonthOf(month: string): number {
  return daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}
