import { addDays, addMonths } from '../domain/calendar';
import type { RecurringBill } from '../domain/entities';

/** Dates of a recurring bill from its next date on, that fall inside [from, to]. */
export function billDates(bill: Pick<RecurringBill, 'nextDate' | 'recurrence'>, from: string, to: string): string[] {
  const dates: string[] = [];
  const r = bill.recurrence;
  const monthsPerStep = r.kind === 'monthly' ? 1 : r.kind === 'quarterly' ? 3 : r.kind === 'yearly' ? 12 : 0;
  // Each date is computed from the anchor, not from the previous date, so a 31st stays a 31st.
  for (let step = 0; ; step += 1) {
    const date = r.kind === 'every-n-weeks' ? addDays(bill.nextDate, step * 7 * r.weeks) : addMonths(bill.nextDate, step * monthsPerStep);
    if (date > to) break;
    if (date >= from) dates.push(date);
  }
  return dates;
}
