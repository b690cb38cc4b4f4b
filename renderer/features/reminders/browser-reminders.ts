/**
 * Browser mode: while the page is open, the same plan is delivered through the Web Notification
 * API. Delivered keys go to the reminderLog table so nothing repeats across reloads; reminders
 * that came due together, or were missed while the page was closed, come as one digest.
 */
import { buildDigest, type PlannedReminder } from '../../../shared/reminders';
import type { ClearDayDatabase } from '../../db/database';

/** setTimeout fires at once above 2^31-1 ms: wait at most an hour and look again. */
const MAX_WAIT_MS = 60 * 60 * 1000;
/** A reminder more than this late was missed (sleep, closed tab), not just due. */
const MISSED_AFTER_MS = 15 * 60 * 1000;

export interface BrowserReminderDeps {
  db: ClearDayDatabase;
  now(): number;
  show(title: string, body: string, route: string): Promise<boolean>;
  digestTitle: string;
}

export async function deliverDueReminders(plan: readonly PlannedReminder[], deps: BrowserReminderDeps): Promise<number> {
  const nowMs = deps.now();
  const due = plan.filter((r) => Date.parse(r.fireAt) <= nowMs);
  if (due.length === 0) return 0;
  const delivered = new Set((await deps.db.reminderLog.bulkGet(due.map((r) => r.key))).filter((row) => row !== undefined).map((row) => row.key));
  const fresh = due.filter((r) => !delivered.has(r.key));
  if (fresh.length === 0) return 0;
  const deliveredAt = new Date(nowMs).toISOString();
  const single = fresh.length === 1 && nowMs - Date.parse(fresh[0]!.fireAt) <= MISSED_AFTER_MS ? fresh[0] : undefined;
  const shown = single ? { title: single.title, body: single.body, route: single.route } : buildDigest(fresh, deps.digestTitle);
  // Logged before it is shown: a reload in between must not show it twice.
  await deps.db.reminderLog.bulkPut(fresh.map((r) => ({ key: r.key, fireAt: r.fireAt, deliveredAt, title: single ? r.title : shown.title, route: single ? r.route : shown.route, digest: !single })));
  await deps.show(shown.title, shown.body, shown.route);
  return fresh.length;
}

/** Delivers what is due now and keeps a timer for the next one; returns a cancel function. */
export function runBrowserReminders(plan: readonly PlannedReminder[], deps: BrowserReminderDeps): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const tick = async () => {
    if (cancelled) return;
    await deliverDueReminders(plan, deps);
    const nowMs = deps.now();
    const next = plan.map((r) => Date.parse(r.fireAt)).filter((at) => at > nowMs).sort((a, b) => a - b)[0];
    if (next !== undefined && !cancelled) timer = setTimeout(() => void tick(), Math.min(MAX_WAIT_MS, next - nowMs + 50));
  };
  void tick();
  return () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
  };
}
