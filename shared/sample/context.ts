/** What every builder of the sample household reads: its language's text, the stamps and the span of months. */
import { daysInMonthOf, monthOf } from '../domain/calendar';
import type { SampleText } from './text';

export const CNY = 'CNY';

export interface SampleStamps {
  createdAt: string;
  updatedAt: string;
}

export interface SampleContext {
  text: SampleText;
  stamps: SampleStamps;
  /** The household's "today": the last generated day. */
  today: string;
  /** The first month with generated transactions (YYYY-MM). */
  firstMonth: string;
}

/** The last day of `month` the household has lived: today in the current month, else its last day. */
export function lastGeneratedDay(month: string, today: string): number {
  return month === monthOf(today) ? Number(today.slice(8, 10)) : daysInMonthOf(month);
}
