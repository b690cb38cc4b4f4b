/**
 * The reminder plan: for every unpaid due, the reminders the user asked for (so many days
 * before, on the day, then daily while late), each with a stable key, the instant it fires in
 * the user's time zone, its text in the user's language and the route it opens. Pure: `now` is
 * passed in; the main process schedules and delivers what this returns.
 */
import { addDays, daysBetween } from '../domain/calendar';
import { formatMoney } from '../finance';
// Named imports: bundlers keep only the reminder texts, not both whole translation files.
import { reminders as enReminders } from '../i18n/locales/en.json';
import { reminders as zhReminders } from '../i18n/locales/zh-CN.json';
import { isOpen, remaining, type Due } from '../dues';
import { MAX_REMINDER_BODY, MAX_REMINDER_TITLE } from './limits';
import { zonedTimeToEpoch } from './zoned-time';

export interface ReminderPreferences {
  /** Days before the due date; 0 is the due day itself. */
  leadDays: number[];
  /** Local time of day, "HH:MM". */
  timeOfDay: string;
  overdue: { enabled: boolean; maxDays: number };
  quietHours: { enabled: boolean; start: string; end: string };
}

export interface ReminderPlanSettings extends ReminderPreferences {
  /** ISO instant until which nothing fires. */
  pausedUntil?: string;
  /** Per item ("debt:<id>", "policy:<id>", "bill:<id>"): off, or its own lead days. */
  overrides: ReminderOverrides;
  timeZone: string;
  language: 'zh-CN' | 'en';
  /** Intl locale for amounts and dates. */
  locale: string;
  institutionNames: Record<string, string>;
  /** "Remind me tomorrow": one more reminder of a due on that date. */
  snoozes?: { dueKey: string; date: string }[];
}

export interface PlannedReminder {
  /** Same due, same lead time: same key, across every recomputation. */
  key: string;
  dueKey: string;
  /** ISO instant (UTC). */
  fireAt: string;
  kind: 'upcoming' | 'due-today' | 'overdue';
  /** Days before the due date (negative once late). */
  daysBefore: number;
  dueDate: string;
  title: string;
  body: string;
  route: string;
}

/** Reminders whose time passed within this many days stay in the plan, for the catch-up digest. */
export const LOOKBACK_DAYS = 7;

const TEXTS = { en: enReminders, 'zh-CN': zhReminders };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A text cut to the contract's length, with an ellipsis when it was longer. */
function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The per-item reminder settings, keyed by the due's source ("debt:<id>", "bill:<id>", "policy:<id>"). */
export type ReminderOverrides = Record<string, { enabled: false } | { enabled: true; leadDays: number[] }>;

/**
 * The days before a due that remind of it: the item's own lead days when the user gave it some,
 * none when its reminders are off, else the global ones. The plan and the .ics export both use it.
 */
export function leadDaysFor(due: Pick<Due, 'source' | 'sourceId'>, leadDays: readonly number[], overrides: ReminderOverrides): number[] | null {
  const override = overrides[`${due.source}:${due.sourceId}`];
  if (override && !override.enabled) return null;
  return [...new Set(override?.enabled ? override.leadDays : leadDays)].filter((d) => d >= 0);
}

/** Moves an instant out of quiet hours to their end (the same night's or the next morning's). */
function outOfQuietHours(epochMs: number, fireDate: string, settings: ReminderPlanSettings): number {
  const quiet = settings.quietHours;
  if (!quiet.enabled || quiet.start === quiet.end) return epochMs;
  // The reminder's wall time is the chosen time of day on its date (a DST gap that moves 02:30
  // to 03:30 does not change whether it falls in quiet hours).
  const local = { date: fireDate, time: settings.timeOfDay };
  const at = minutesOf(local.time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const overnight = start > end;
  const inside = overnight ? at >= start || at < end : at >= start && at < end;
  if (!inside) return epochMs;
  // Overnight quiet hours that began yesterday evening end this morning; otherwise later today
  // or, past midnight into the next day, tomorrow.
  const endDate = overnight && at >= start ? addDays(local.date, 1) : local.date;
  return zonedTimeToEpoch(endDate, quiet.end, settings.timeZone);
}

export function planReminders(dues: readonly Due[], settings: ReminderPlanSettings, now: string, horizonDays: number): PlannedReminder[] {
  const nowMs = Date.parse(now);
  const from = nowMs - LOOKBACK_DAYS * 86_400_000;
  const until = nowMs + horizonDays * 86_400_000;
  const pausedUntil = settings.pausedUntil ? Date.parse(settings.pausedUntil) : -Infinity;
  const texts = TEXTS[settings.language];
  const dateFormat = new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDate = (date: string) => dateFormat.format(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  const plan: PlannedReminder[] = [];

  for (const due of dues) {
    if (!isOpen(due)) continue;
    const leadDays = leadDaysFor(due, settings.leadDays, settings.overrides);
    if (leadDays === null) continue;
    const days: number[] = [...leadDays];
    if (settings.overdue.enabled && due.status === 'overdue') {
      for (let late = 1; late <= settings.overdue.maxDays; late += 1) days.push(-late);
    }
    const amount = formatMoney(remaining(due), due.currency, settings.locale);
    const lender = due.institutionId ? (settings.institutionNames[due.institutionId] ?? '') : '';
    const body = fill(lender ? texts.body : texts.bodyNoLender, { amount, lender, date: formatDate(due.dueDate) });

    const snoozed = (settings.snoozes ?? []).filter((s) => s.dueKey === due.key).map((s) => ({ date: s.date, snooze: true }));
    const fireDates = [...days.map((daysBefore) => ({ date: addDays(due.dueDate, -daysBefore), snooze: false })), ...snoozed];
    for (const { date: fireDate, snooze } of fireDates) {
      const daysBefore = daysBetween(fireDate, due.dueDate);
      const fireMs = outOfQuietHours(zonedTimeToEpoch(fireDate, settings.timeOfDay, settings.timeZone), fireDate, settings);
      if (fireMs < from || fireMs > until || fireMs < pausedUntil) continue;
      const kind = daysBefore > 0 ? 'upcoming' : daysBefore === 0 ? 'due-today' : 'overdue';
      const title =
        kind === 'overdue'
          ? fill(daysBefore === -1 ? texts.overdueOne : texts.overdue, { name: due.title, days: -daysBefore })
          : kind === 'due-today'
            ? fill(texts.dueToday, { name: due.title })
            : daysBefore === 1
              ? fill(texts.dueTomorrow, { name: due.title })
              : fill(texts.dueIn, { name: due.title, days: daysBefore });
      plan.push({
        key: `${due.key}:${snooze ? `snooze-${fireDate}` : kind === 'overdue' ? `late-${-daysBefore}` : `lead-${daysBefore}`}`,
        dueKey: due.key,
        fireAt: new Date(fireMs).toISOString(),
        kind,
        daysBefore,
        dueDate: due.dueDate,
        title: clamp(title, MAX_REMINDER_TITLE),
        body: clamp(body, MAX_REMINDER_BODY),
        route: due.route,
      });
    }
  }
  return plan.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.key.localeCompare(b.key));
}
