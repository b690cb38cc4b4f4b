/** Building blocks shared by every stored entity: ids, calendar dates, money, currencies. */
import { z } from 'zod';
import { daysInMonth, isLeapYear, isValidDate } from '../finance/dates';

/** A real day of the calendar (no 2025-02-30), in YYYY-MM-DD. */
export function isRealCalendarDate(value: string): boolean {
  return isValidDate(value);
}

export const IdSchema = z.string().min(1).max(64);

/** Calendar date with no time zone. Checked for a real day (no 2025-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(isRealCalendarDate, { message: 'date' });

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?Z$/;

/** A real moment in UTC: a real calendar day and a time of day that exists (no 2026-13-45T25:61:61Z). */
export function isRealInstant(value: string): boolean {
  const match = INSTANT_PATTERN.exec(value);
  return match !== null && isRealCalendarDate(match[1]!);
}

/** An instant (creation and update stamps, reminder times); ISO 8601 in UTC. */
export const InstantSchema = z.string().max(40).refine(isRealInstant, { message: 'instant' });

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'currency' });

/** Integer minor units (fen, cents), always a safe integer. */
export const MinorUnitsSchema = z.number().int().refine(Number.isSafeInteger, { message: 'too_large' });
export const NonNegativeMinorSchema = MinorUnitsSchema.refine((v) => v >= 0, { message: 'negative' });

/** A decimal rate per its basis (0.049 = 4.9 %); finite and not absurd. */
export const RateSchema = z.number().finite().min(0).max(10);

export const ColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'color' });

export const NameSchema = z.string().trim().min(1).max(120);
export const NoteSchema = z.string().max(2000);

export { daysInMonth, isLeapYear };

/** Common stamps every stored row carries. */
export const StampsSchema = z.object({
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
