/**
 * Calendar dates (YYYY-MM-DD, no time zone) as whole day numbers since 1970-01-01, so no clock
 * or time zone can shift a due date. Proleptic Gregorian calendar (civil-from-days algorithm).
 */
import { FinanceInputError } from './errors';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a date or throws a FinanceInputError naming `field`. */
export function parseDate(field: string, value: unknown): CalendarDate {
  if (!isValidDate(value)) throw new FinanceInputError(field, 'bad-date', 'must be a real calendar date as YYYY-MM-DD');
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toDayNumber(date: string, field = 'date'): number {
  const { year, month, day } = parseDate(field, date);
  return dayNumberOf(year, month, day);
}

export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** to - from in days (one end counted). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** Day `day` (default: the date's own day) of the month `months` after the date's month, clamped to the month's last day. */
export function addMonthsClamped(date: string, months: number, day?: number): string {
  const parsed = parseDate('date', date);
  return monthDay(parsed.year, parsed.month + months, day ?? parsed.day);
}

/** Day `day` of a month given as (year, month) where month may run past 12 or below 1; clamped to the month's end. */
export function monthDay(year: number, month: number, day: number): string {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole calendar months from one date's month to another's (2025-01-31 -> 2025-02-01 is 1). */
export function monthsBetween(from: string, to: string): number {
  const a = parseDate('from', from);
  const b = parseDate('to', to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}
