/**
 * Reminders that came due together (missed while the computer slept or the app was closed)
 * are shown once, as one notification, never as a storm. Late items are listed first.
 */
import type { PlannedReminder } from './plan';

export interface Digest {
  title: string;
  body: string;
  route: string;
  keys: string[];
}

export function buildDigest(reminders: readonly PlannedReminder[], titleTemplate: string): Digest {
  const ordered = [...reminders].sort((a, b) => Number(b.kind === 'overdue') - Number(a.kind === 'overdue') || a.fireAt.localeCompare(b.fireAt));
  // One line per due, even when several of its reminders were missed.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const reminder of ordered) {
    if (seen.has(reminder.dueKey)) continue;
    seen.add(reminder.dueKey);
    lines.push(`${reminder.title} · ${reminder.body}`);
  }
  if (seen.size === 1) {
    // Several missed reminders of one due: its latest one says it best.
    const latest = [...reminders].sort((a, b) => b.fireAt.localeCompare(a.fireAt))[0]!;
    return { title: latest.title, body: latest.body, route: latest.route, keys: ordered.map((r) => r.key) };
  }
  return {
    title: titleTemplate.replace('{{count}}', String(lines.length)),
    body: lines.join('\n'),
    route: '/calendar',
    keys: ordered.map((r) => r.key),
  };
}

/** A delivered reminder as the reminder centre lists it. */
export interface DeliveredEntry {
  key: string;
  deliveredAt: string;
  title: string;
  route: string;
  /** Part of a digest: every reminder it held is logged (so none repeats), but it was one notification. */
  digest: boolean;
}

/**
 * One entry per notification shown, newest first: the reminders a digest held are logged one by
 * one so none is shown again, but the user saw one notification, so the centre lists it once.
 */
export function deliveryHistory(entries: readonly DeliveredEntry[]): DeliveredEntry[] {
  const seen = new Set<string>();
  const out: DeliveredEntry[] = [];
  for (const entry of [...entries].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt) || a.key.localeCompare(b.key))) {
    const id = entry.digest ? `digest:${entry.deliveredAt}:${entry.title}` : `one:${entry.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(entry);
  }
  return out;
}
