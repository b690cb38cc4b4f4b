/** Building blocks shared by every stored entity: ids, calendar dates, money, currencies. */
import { z } from 'zod';

export const IdSchema = z.string().min(1).max(64);

/** Calendar date with no time zone. Checked for a real day (no 2025-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(isRealCalendarDate, { message: 'date' });

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

/** An instant (creation and update stamps); ISO 8601 in UTC. */
export const InstantSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, { message: 'instant' });

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'currency' });

/** Integer minor units (fen, cents), always a safe integer. */
export const MinorUnitsSchema = z.number().int().refine(Number.isSafeInteger, { message: 'too_large' });
export const NonNegativeMinorSchema = MinorUnitsSchema.refine((v) => v >= 0, { message: 'negative' });

/** A decimal rate per its basis (0.049 = 4.9 %); finite and not absurd. */
export const RateSchema = z.number().finite().min(0).max(10);

export const ColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'color' });

export const NameSchema = z.string().trim().min(1).max(120);
export const NoteSchema = z.string().max(2000);

export function isRealCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Common stamps every stored row carries. */
export const StampsSchema = z.object({
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
