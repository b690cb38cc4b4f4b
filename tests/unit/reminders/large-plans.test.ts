/**
 * Reminder plans of any size arrive on time. A household with hundreds of dues and six lead days
 * makes plans larger than the main process holds; the renderer cuts each plan to a window
 * (deliveryWindow), the contract accepts it, and hour after hour the main process delivers every
 * reminder at its instant. The state file written along the way is read back after a restart
 * without showing anything again.
 */
import { describe, expect, it } from 'vitest';
import { createReminderService } from '../../../electron/reminder-service';
import { createReminderStore } from '../../../electron/reminder-store';
import { addDays } from '../../../shared/domain';
import { parseRequest } from '../../../shared/ipc/contract';
import type { Due } from '../../../shared/dues';
import { MAX_PLAN_REMINDERS, deliveryWindow, planReminders, type PlannedReminder, type ReminderPlanSettings } from '../../../shared/reminders';
import { MemoryFs } from '../electron/memory-fs';
import { FakeNotifier, FakeTime, HOUR, TEXTS } from '../electron/reminder-fakes';

const TIME_ZONE = 'Asia/Shanghai';
const HORIZON_DAYS = 60;
const SETTINGS: ReminderPlanSettings = {
  leadDays: [7, 5, 3, 2, 1, 0],
  timeOfDay: '09:00',
  overdue: { enabled: true, maxDays: 7 },
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  overrides: {},
  timeZone: TIME_ZONE,
  language: 'en',
  locale: 'en-US',
  institutionNames: {},
};

function localDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/**
 * `count` loans with a monthly instalment on day 1 to 28, from the month before `firstDay` to
 * three months after; every tenth loan has last month's instalment still unpaid, the others
 * paid theirs (paid dues plan no reminders, so they are left out). Statuses as seen on `today`.
 */
function dues(count: number, firstDay: string, today: string): Due[] {
  const out: Due[] = [];
  const [year, month] = firstDay.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    for (let offset = -1; offset <= 3; offset += 1) {
      const at = new Date(Date.UTC(year, month - 1 + offset, 1));
      const dueDate = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${day}`;
      const paid = dueDate < firstDay && i % 10 !== 0;
      if (paid) continue;
      out.push({
        key: `debt:d${i}:${dueDate}`,
        source: 'debt',
        sourceId: `d${i}`,
        kind: 'loan',
        title: `Loan ${i}`,
        dueDate,
        amount: 120_000 + i,
        minimum: 120_000 + i,
        paid: 0,
        currency: 'CNY',
        status: dueDate < today ? 'overdue' : 'due',
        route: `/debts/d${i}`,
      });
    }
  }
  return out;
}

/** The state folder on an in-memory disk, as state-file.ts writes it. */
function memoryFs() {
  const fs = new MemoryFs(['/state']);
  return { fs, files: fs.files };
}

/**
 * Runs the desktop app for `days`: every hour the renderer recomputes the plan, cuts it, and the
 * main process takes it after checking it against the contract, as ipc.ts does.
 */
async function runHousehold(dueCount: number, days: number) {
  const time = new FakeTime();
  time.now = Date.parse('2026-11-30T16:00:00.000Z'); // midnight in Shanghai
  const firstDay = localDate(time.now);
  const { fs, files } = memoryFs();
  const store = createReminderStore('/state/reminders.json', fs, () => undefined, () => time.now);
  const notifier = new FakeNotifier(time);
  const service = await createReminderService({ clock: time.clock, timers: time.timerApi, store, notifier, onChanged: () => undefined, onAction: () => undefined, log: () => undefined });
  const fired = new Map<string, PlannedReminder>();
  let largest = 0;
  let smallestWindowHours = Infinity;
  for (let hour = 0; hour < days * 24; hour += 1) {
    const now = new Date(time.now).toISOString();
    const full = planReminders(dues(dueCount, firstDay, localDate(time.now)), SETTINGS, now, HORIZON_DAYS);
    largest = Math.max(largest, full.length);
    const window = deliveryWindow(full, now);
    if (window.cutAt) smallestWindowHours = Math.min(smallestWindowHours, (Date.parse(window.cutAt) - time.now) / HOUR);
    const request = parseRequest('reminders:setPlan', { generatedAt: now, reminders: window.reminders, nextDues: [], texts: TEXTS });
    await service.setPlan(request);
    // Every reminder due in the coming hour, as the full plan has it.
    for (const reminder of full) {
      const at = Date.parse(reminder.fireAt);
      if (at > time.now && at <= time.now + HOUR) fired.set(reminder.key, reminder);
    }
    await time.advance(HOUR);
  }
  return { service, notifier, fired, largest, smallestWindowHours, files, store, time };
}

function lateness(result: Awaited<ReturnType<typeof runHousehold>>) {
  const delivered = new Map(result.service.getState().delivered.map((entry) => [entry.key, Date.parse(entry.deliveredAt)]));
  const missing = [...result.fired.keys()].filter((key) => !delivered.has(key));
  const late = [...result.fired.values()].map((reminder) => (delivered.get(reminder.key) ?? Infinity) - Date.parse(reminder.fireAt));
  return { missing, maxLateMs: Math.max(0, ...late), lateOverAnHour: late.filter((ms) => ms > HOUR).length };
}

describe('plans larger than the main process holds', () => {
  it('500 loans with monthly dues and six lead days: every plan fits the contract and every reminder arrives at its instant', async () => {
    const result = await runHousehold(500, 3);
    expect(result.largest).toBeGreaterThan(MAX_PLAN_REMINDERS);
    // The window always reaches well past the next hourly recomputation.
    expect(result.smallestWindowHours).toBeGreaterThan(24);
    expect(result.fired.size).toBeGreaterThan(300);
    const { missing, maxLateMs, lateOverAnHour } = lateness(result);
    expect(missing).toEqual([]);
    expect(lateOverAnHour).toBe(0);
    expect(maxLateMs).toBe(0);
    result.service.dispose();
  }, 60_000);

  it('2,000 loans: the same, with a window of days instead of weeks', async () => {
    const result = await runHousehold(2000, 1);
    expect(result.largest).toBeGreaterThan(3 * MAX_PLAN_REMINDERS);
    expect(result.smallestWindowHours).toBeGreaterThan(12);
    expect(result.fired.size).toBeGreaterThan(300);
    const { missing, maxLateMs } = lateness(result);
    expect(missing).toEqual([]);
    expect(maxLateMs).toBe(0);
    result.service.dispose();
  }, 60_000);

  it('after a restart with 600 overdue dues, nothing already shown is shown again', async () => {
    const time = new FakeTime();
    time.now = Date.parse('2026-12-10T02:00:00.000Z'); // 10:00 in Shanghai, after today's reminders
    const today = localDate(time.now);
    // 600 dues between one and seven days late, each with its daily late reminders.
    const late: Due[] = Array.from({ length: 600 }, (_, i) => ({
      key: `debt:late${i}:${addDays(today, -1 - (i % 7))}`,
      source: 'debt',
      sourceId: `late${i}`,
      kind: 'loan',
      title: `Loan ${i}`,
      dueDate: addDays(today, -1 - (i % 7)),
      amount: 50_000,
      minimum: 50_000,
      paid: 0,
      currency: 'CNY',
      status: 'overdue',
      route: `/debts/late${i}`,
    }));
    const { fs } = memoryFs();
    const start = async () => {
      const notifier = new FakeNotifier(time);
      const store = createReminderStore('/state/reminders.json', fs, () => undefined, () => time.now);
      const service = await createReminderService({ clock: time.clock, timers: time.timerApi, store, notifier, onChanged: () => undefined, onAction: () => undefined, log: () => undefined });
      const now = new Date(time.now).toISOString();
      const window = deliveryWindow(planReminders(late, SETTINGS, now, HORIZON_DAYS), now);
      await service.setPlan(parseRequest('reminders:setPlan', { generatedAt: now, reminders: window.reminders, nextDues: [], texts: TEXTS }));
      return { service, notifier };
    };
    const first = await start();
    // One digest for everything missed, not a storm.
    expect(first.notifier.shown).toHaveLength(1);
    const logged = first.service.getState().delivered.length;
    expect(logged).toBeGreaterThanOrEqual(600);
    first.service.dispose();

    await time.advance(5 * 60_000);
    const second = await start();
    expect(second.notifier.shown).toHaveLength(0);
    expect(second.service.getState().delivered.length).toBe(logged);
    second.service.dispose();
  });
});

describe('deliveryWindow', () => {
  const at = (iso: string, key: string, dueKey = key): PlannedReminder => ({
    key,
    dueKey,
    fireAt: iso,
    kind: 'upcoming',
    daysBefore: 1,
    dueDate: '2026-12-05',
    title: key,
    body: '',
    route: '/calendar',
  });

  it('keeps only the latest reminder already due of each due, and everything ahead', () => {
    const plan = [at('2026-12-01T01:00:00.000Z', 'a:late-3', 'a'), at('2026-12-02T01:00:00.000Z', 'a:late-2', 'a'), at('2026-12-01T01:00:00.000Z', 'b:lead-1', 'b'), at('2026-12-05T01:00:00.000Z', 'a:lead-next', 'a')];
    expect(deliveryWindow(plan, '2026-12-03T00:00:00.000Z')).toEqual({ reminders: [plan[2], plan[1], plan[3]], cutAt: null });
  });

  it('cuts at the bound, never between two reminders of the same instant', () => {
    const plan = [at('2026-12-04T01:00:00.000Z', 'x'), at('2026-12-05T01:00:00.000Z', 'y'), at('2026-12-05T01:00:00.000Z', 'z'), at('2026-12-06T01:00:00.000Z', 'w')];
    expect(deliveryWindow(plan, '2026-12-03T00:00:00.000Z', 2)).toEqual({ reminders: [plan[0]], cutAt: '2026-12-05T01:00:00.000Z' });
    expect(deliveryWindow(plan, '2026-12-03T00:00:00.000Z', 3)).toEqual({ reminders: plan.slice(0, 3), cutAt: '2026-12-06T01:00:00.000Z' });
  });

  it('never hands over an empty window, and leaves out what is older than the catch-up reaches', () => {
    const crowd = ['a', 'b', 'c'].map((key) => at('2026-12-05T01:00:00.000Z', key));
    expect(deliveryWindow(crowd, '2026-12-03T00:00:00.000Z', 2)).toEqual({ reminders: crowd.slice(0, 2), cutAt: '2026-12-05T01:00:00.000Z' });
    const stale = at('2026-11-20T01:00:00.000Z', 'stale');
    expect(deliveryWindow([stale, ...crowd], '2026-12-03T00:00:00.000Z').reminders).toEqual(crowd);
  });
});
