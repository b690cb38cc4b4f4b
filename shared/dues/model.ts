/**
 * The questions every screen asks of a due, answered once: how much is still to pay, whether it
 * can be paid, whether it is still open, whether it counts in a total (a grace-period end restates
 * the premium it belongs to), whether it needs attention now, and how dues are ordered.
 */
import { addDays } from '../domain/calendar';
import type { Due, DueSource, DueStatus } from './types';

/** Days ahead the bell, the tray and the dashboard count as "soon". */
export const SOON_DAYS = 3;

/**
 * What is left to pay: the amount less what was paid, never negative; 0 for information. Takes
 * anything with an amount and what was paid towards it (a premium's status rows too).
 */
export function remaining(due: { amount: number; paid: number; status?: DueStatus }): number {
  return due.status === 'info' ? 0 : Math.max(0, due.amount - due.paid);
}

/** The amount a list shows for a due: what is left while open, the whole amount once paid. */
export function amountShown(due: Pick<Due, 'amount' | 'paid' | 'status'>): number {
  return due.status === 'paid' ? due.amount : remaining(due);
}

/** Not settled yet: due, partly paid or late (information never is). */
export function isOpen(due: Pick<Due, 'status'>): boolean {
  return due.status === 'due' || due.status === 'partly-paid' || due.status === 'overdue';
}

/**
 * A due that only restates another one's money: a grace-period end stands for its premium, which
 * is listed itself. Such a due is shown (it is a date to know) but never counted or paid twice.
 */
export function restatesAnother(due: Pick<Due, 'kind'>): boolean {
  return due.kind === 'grace-end';
}

/** Counted in "to pay" totals and lists: money is owed, and not restated from another due. */
export function countsTowardsTotals(due: Pick<Due, 'status' | 'kind'>): boolean {
  return due.status !== 'info' && !restatesAnother(due);
}

/** A due a payment can be recorded against: anything but a deposit's maturity. */
export type PayableDue = Due & { source: Exclude<DueSource, 'account'> };

/** Something a payment can settle now: open, money owed, not a deposit's maturity. */
export function isPayable(due: Due): due is PayableDue {
  return isOpen(due) && due.source !== 'account' && due.amount - due.paid > 0;
}

/**
 * Still to be paid as of `today`: open and either late or not yet past its date. An open due past
 * its date that is not late is a statement whose minimum was paid (the rest revolves into the
 * next statement, which carries it) or one inside its grace days.
 */
export function isOutstanding(due: Due, today: string): boolean {
  return isOpen(due) && (due.status === 'overdue' || due.dueDate >= today);
}

/** Late, or open and falling due between today and `until` (inclusive), counted once. */
export function needsAttention(due: Due, today: string, until: string): boolean {
  return isOutstanding(due, today) && countsTowardsTotals(due) && (due.status === 'overdue' || due.dueDate <= until);
}

/** The bell's count: late dues and those open within SOON_DAYS, each due once. */
export function attentionCount(dues: readonly Due[], today: string): number {
  const until = addDays(today, SOON_DAYS);
  return dues.filter((due) => needsAttention(due, today, until)).length;
}

/**
 * The tray's "next dues": what is late first (a premium in its grace period among them), then
 * what is open from today on, each due once.
 */
export function nextOpenDues(dues: readonly Due[], today: string): Due[] {
  return dues.filter((due) => isOutstanding(due, today) && countsTowardsTotals(due)).sort(byUrgency);
}

/**
 * What a due adds to a "to pay" total: its remaining amount while it is open and counts, else 0
 * (a statement paid within the card's tolerance is paid: its shortfall is not owed).
 */
export function amountToPay(due: Due): number {
  return isOpen(due) && countsTowardsTotals(due) ? remaining(due) : 0;
}

/** Late first, then by date, then by key, so the order never flickers. */
export function byUrgency(a: Due, b: Due): number {
  const rank = (due: Due) => (due.status === 'overdue' ? 0 : 1);
  return rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key);
}
