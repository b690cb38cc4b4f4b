/**
 * The part of a reminder plan handed to whoever delivers it. A household with hundreds of dues and
 * several lead days makes plans larger than the main process holds (MAX_PLAN_REMINDERS); sending
 * all of it would be refused, and the main process would keep delivering from an old plan. So:
 *
 * - of the reminders already due, only the latest of each due is kept: a catch-up digest shows one
 *   line per due, its latest reminder, so the earlier ones add nothing;
 * - the rest, soonest first, up to the bound. The window ends before the first reminder left out;
 *   the renderer recomputes the plan every hour, so the window moves on long before it runs out.
 */
import { MAX_PLAN_REMINDERS } from './limits';
import { LOOKBACK_DAYS, type PlannedReminder } from './plan';

export interface DeliveryWindow {
  /** Soonest first; never more than the bound. */
  reminders: PlannedReminder[];
  /** The instant of the first reminder left out (the window holds every reminder before it), or null when none was. */
  cutAt: string | null;
}

export function deliveryWindow(plan: readonly PlannedReminder[], now: string, max: number = MAX_PLAN_REMINDERS): DeliveryWindow {
  const nowMs = Date.parse(now);
  const oldest = nowMs - LOOKBACK_DAYS * 86_400_000;
  const latestPast = new Map<string, PlannedReminder>();
  const upcoming: PlannedReminder[] = [];
  for (const reminder of plan) {
    const at = Date.parse(reminder.fireAt);
    if (at > nowMs) {
      upcoming.push(reminder);
      continue;
    }
    // Older than the catch-up reaches: the main process would never show it.
    if (at < oldest) continue;
    const seen = latestPast.get(reminder.dueKey);
    if (!seen || reminder.fireAt > seen.fireAt || (reminder.fireAt === seen.fireAt && reminder.key > seen.key)) latestPast.set(reminder.dueKey, reminder);
  }
  const ordered = [...latestPast.values(), ...upcoming].sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.key.localeCompare(b.key));
  if (ordered.length <= max) return { reminders: ordered, cutAt: null };
  // Reminders sharing the cut's instant all go, so the window is whole up to cutAt; unless that
  // would leave nothing (more than the bound at one instant): then the first `max` of it, by key.
  const cutAt = ordered[max]!.fireAt;
  const whole = ordered.filter((reminder) => reminder.fireAt < cutAt);
  return whole.length > 0 ? { reminders: whole, cutAt } : { reminders: ordered.slice(0, max), cutAt };
}
