/** Fakes shared by the reminder tests: a clock with timers, an in-memory store, a notifier. */
import type { NotificationRequest } from '../../../electron/notifications';
import type { PlannedReminder } from '../../../electron/reminder-service';
import type { ReminderPlan, ReminderState, ReminderStore } from '../../../electron/reminder-store';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const START = Date.parse('2026-03-02T01:00:00.000Z');

/** Lets every pending promise chain settle (nothing here uses real timers). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface FakeTimer {
  id: number;
  at: number;
  callback: () => void;
}

/** A wall clock plus timers that fire only when the test advances time. */
export class FakeTime {
  now = START;
  readonly delays: number[] = [];
  private timers: FakeTimer[] = [];
  private nextId = 1;

  readonly clock = { now: () => this.now };
  readonly timerApi = {
    setTimeout: (callback: () => void, ms: number): unknown => {
      this.delays.push(ms);
      const timer = { id: this.nextId++, at: this.now + ms, callback };
      this.timers.push(timer);
      return timer.id;
    },
    clearTimeout: (handle: unknown): void => {
      this.timers = this.timers.filter((timer) => timer.id !== handle);
    },
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Runs every timer due up to now + ms, in order, letting the service finish after each. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > target) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.now = Math.max(this.now, next.at);
      next.callback();
      await settle();
    }
    this.now = target;
  }

  /**
   * The machine sleeps: the wall clock jumps, timers fire nothing (they count monotonic time,
   * which stops during suspend, so each is pushed back by the same amount).
   */
  sleep(ms: number): void {
    this.now += ms;
    for (const timer of this.timers) timer.at += ms;
  }
}

export class FakeStore implements ReminderStore {
  saved: string | undefined;
  saves = 0;
  constructor(private readonly events: string[] = []) {}

  async load(): Promise<ReminderState> {
    return this.saved ? (JSON.parse(this.saved) as ReminderState) : { plan: null, delivered: [], pausedUntil: null };
  }

  async save(state: ReminderState): Promise<void> {
    this.saves += 1;
    this.saved = JSON.stringify(state);
    this.events.push(`save:${state.delivered.map((entry) => entry.key).join(',')}`);
  }
}

export class FakeNotifier {
  readonly shown: (NotificationRequest & { at: number })[] = [];
  constructor(
    private readonly time: FakeTime,
    private readonly events: string[] = [],
  ) {}

  show(request: NotificationRequest): boolean {
    this.shown.push({ ...request, at: this.time.now });
    this.events.push(`show:${request.title}`);
    return true;
  }
}

export const TEXTS: ReminderPlan['texts'] = {
  digestTitle: '{{count}} payments need your attention',
  markPaid: 'Mark as paid',
  remindTomorrow: 'Remind me tomorrow',
  nextDue: 'Next due: {{label}}',
  nothingDue: 'Nothing due soon',
  pauseHour: 'Pause reminders for 1 hour',
  pauseTomorrow: 'Pause reminders until tomorrow',
  resume: 'Resume reminders',
  startAtLogin: 'Start at login',
};

export function reminder(key: string, fireAtMs: number, options: Partial<PlannedReminder> = {}): PlannedReminder {
  return {
    key,
    dueKey: options.dueKey ?? `debt:${key}:2026-04-01`,
    fireAt: new Date(fireAtMs).toISOString(),
    kind: 'upcoming',
    daysBefore: 3,
    dueDate: '2026-04-01',
    title: `Due soon: ${key}`,
    body: `¥100 to bank ${key}`,
    route: `/debts/${key}`,
    ...options,
  };
}

export function plan(reminders: PlannedReminder[], nextDues: ReminderPlan['nextDues'] = []): ReminderPlan {
  return { generatedAt: new Date(START).toISOString(), reminders, nextDues, texts: TEXTS };
}
