/**
 * Delivers the reminder plan the renderer computes. Everything it touches is injected (clock,
 * timers, store, notifier), so Vitest drives it with fakes:
 *
 * - a reminder is due when its instant has passed and its key is not in the delivered log;
 *   the log is saved before the notification is shown, so no key is delivered twice, across
 *   restarts too;
 * - several due at once, or any missed by more than 15 minutes (sleep, a closed app, a pause),
 *   arrive as one digest (shared/reminders/digest.ts: overdue first; the reminders of a single
 *   due collapse into its latest one), never as a storm; digests carry no buttons;
 * - the next check is a timer at the earliest undelivered instant, chained in steps of at most
 *   24 hours (a setTimeout above 2^31-1 ms fires at once), plus a 5-minute safety tick that also
 *   catches system clock changes; main.ts adds resume from sleep and screen unlock.
 */
import type { IpcResponse } from '../shared/ipc/contract';
import { buildDigest } from '../shared/reminders/digest';
import type { IpcHandlerSlice, ParsedRequest } from './ipc';
import type { NotificationRequest } from './notifications';
import { emptyReminderState, pruneDelivered, type DeliveredReminder, type ReminderPlan, type ReminderState, type ReminderStore } from './reminder-store';
import type { Timers } from './window-state';

export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** Longest single timer: the next check is chained through steps this long. */
export const MAX_CHAIN_MS = 24 * 3_600_000;
export const TICK_MS = 5 * 60_000;
/** A reminder shown later than this after its instant was missed: it goes into a digest. */
export const MISSED_AFTER_MS = 15 * 60_000;
/** Reminders missed for longer than this (a stale plan) are no longer shown at all. */
export const MAX_CATCH_UP_MS = 7 * 86_400_000;

export type ReminderActionName = 'mark-paid' | 'remind-tomorrow';
export type PlannedReminder = ReminderPlan['reminders'][number];

export interface ReminderNotifier {
  show(request: NotificationRequest): boolean;
}

export interface ReminderServiceDependencies {
  readonly clock: { now(): number };
  readonly timers: Timers;
  readonly store: ReminderStore;
  readonly notifier: ReminderNotifier;
  /** The delivered log or the pause changed (main sends `reminders:changed` and updates the tray). */
  readonly onChanged: () => void;
  /** A notification button was pressed (main sends `reminders:action` to the renderer). */
  readonly onAction: (key: string, action: ReminderActionName) => void;
  readonly log: (message: string) => void;
}

export type ReminderServiceState = Pick<IpcResponse<'reminders:getState'>, 'delivered' | 'pausedUntil'>;

export interface ReminderService {
  setPlan(plan: ReminderPlan): Promise<void>;
  getState(): ReminderServiceState;
  /** The plan last received (its next dues and texts feed the tray), or null. */
  getPlan(): ReminderPlan | null;
  pause(until: string | null): Promise<void>;
  /** Delivers what is due and schedules the next check; never rejects (failures are logged). */
  check(): Promise<void>;
  dispose(): void;
}

function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Loads the saved state, then checks at once: reminders missed while the app was closed arrive now. */
export async function createReminderService(deps: ReminderServiceDependencies): Promise<ReminderService> {
  let state: ReminderState;
  try {
    state = await deps.store.load();
  } catch (error) {
    deps.log(`reminder state not loaded: ${errorText(error)}`);
    state = emptyReminderState();
  }
  let delivered = new Set(state.delivered.map((entry) => entry.key));
  let nextTimer: unknown;
  let tickTimer: unknown;
  let disposed = false;
  // One operation at a time: a check never interleaves with a new plan or a pause.
  let queue: Promise<void> = Promise.resolve();
  const serial = (operation: () => Promise<void>): Promise<void> => {
    const result = queue.then(() => (disposed ? undefined : operation()));
    queue = result.catch((error: unknown) => deps.log(`reminder service: ${errorText(error)}`));
    return result;
  };

  const persist = async () => {
    try {
      await deps.store.save(state);
    } catch (error) {
      // Kept in memory: nothing repeats in this session even though the file is behind.
      deps.log(`reminder state not saved: ${errorText(error)}`);
    }
  };

  const pausedUntilMs = () => (state.pausedUntil ? Date.parse(state.pausedUntil) : Number.NEGATIVE_INFINITY);

  const schedule = (now: number) => {
    if (disposed) return;
    if (nextTimer !== undefined) deps.timers.clearTimeout(nextTimer);
    nextTimer = undefined;
    let nextAt = Number.POSITIVE_INFINITY;
    if (now < pausedUntilMs()) {
      nextAt = pausedUntilMs();
    } else {
      for (const reminder of state.plan?.reminders ?? []) {
        const at = Date.parse(reminder.fireAt);
        if (at > now && at < nextAt && !delivered.has(reminder.key)) nextAt = at;
      }
    }
    if (!Number.isFinite(nextAt)) return;
    const delay = Math.min(Math.max(nextAt - now, 0), MAX_CHAIN_MS, MAX_TIMER_DELAY_MS);
    // A step that ends before the instant only re-schedules: that is the chain.
    nextTimer = deps.timers.setTimeout(() => {
      nextTimer = undefined;
      void service.check();
    }, delay);
  };

  const armTick = () => {
    if (disposed) return;
    tickTimer = deps.timers.setTimeout(() => {
      armTick();
      void service.check();
    }, TICK_MS);
  };

  const runCheck = async () => {
    const now = deps.clock.now();
    let changed = false;
    if (state.pausedUntil !== null && now >= pausedUntilMs()) {
      state.pausedUntil = null;
      changed = true;
    }
    const shownThrough = state.shownThrough ?? {};
    const due =
      state.pausedUntil !== null
        ? []
        : (state.plan?.reminders ?? []).filter((reminder) => {
            const at = Date.parse(reminder.fireAt);
            const superseded = (shownThrough[reminder.dueKey] ?? '') >= reminder.fireAt;
            return at <= now && now - at <= MAX_CATCH_UP_MS && !delivered.has(reminder.key) && !superseded;
          });
    if (due.length === 0) {
      if (changed) {
        await persist();
        deps.onChanged();
      }
      schedule(now);
      return;
    }

    const texts = state.plan!.texts;
    const asDigest = due.length > 1 || due.some((reminder) => now - Date.parse(reminder.fireAt) > MISSED_AFTER_MS);
    const deliveredAt = toInstant(now);
    const entries: DeliveredReminder[] = due.map((reminder) => ({
      key: reminder.key,
      deliveredAt,
      title: reminder.title,
      body: reminder.body,
      route: reminder.route,
      digest: asDigest,
    }));
    state.delivered = pruneDelivered([...state.delivered, ...entries], new Set(state.plan!.reminders.map((reminder) => reminder.key)), now);
    for (const entry of entries) delivered.add(entry.key);
    state.shownThrough = shownThroughAfter(shownThrough, due, now);
    // The log reaches the disk before anything is shown.
    await persist();

    if (asDigest) {
      const digest = buildDigest(due, texts.digestTitle);
      deps.notifier.show({ title: digest.title.slice(0, 200), body: digest.body.slice(0, 2000), route: digest.route });
    } else {
      const reminder = due[0]!;
      deps.notifier.show({
        title: reminder.title,
        body: reminder.body,
        route: reminder.route,
        actions: [
          { text: texts.markPaid, run: () => deps.onAction(reminder.key, 'mark-paid') },
          { text: texts.remindTomorrow, run: () => deps.onAction(reminder.key, 'remind-tomorrow') },
        ],
      });
    }
    deps.onChanged();
    schedule(now);
  };

  const service: ReminderService = {
    setPlan(plan) {
      return serial(async () => {
        // Keys already delivered stay delivered: a recomputed plan never repeats them.
        state.plan = plan;
        state.delivered = pruneDelivered(state.delivered, new Set(plan.reminders.map((reminder) => reminder.key)), deps.clock.now());
        delivered = new Set(state.delivered.map((entry) => entry.key));
        await persist();
        await runCheck();
      });
    },
    getState() {
      return { delivered: [...state.delivered], pausedUntil: state.pausedUntil };
    },
    getPlan() {
      return state.plan;
    },
    pause(until) {
      return serial(async () => {
        state.pausedUntil = until !== null && Date.parse(until) > deps.clock.now() ? until : null;
        await persist();
        deps.onChanged();
        // Resuming delivers what the pause held back (as a digest once it was missed).
        await runCheck();
      });
    },
    check() {
      // Called from timers and system events with nobody to report to: failures are logged.
      return serial(runCheck).catch(() => undefined);
    },
    dispose() {
      disposed = true;
      if (nextTimer !== undefined) deps.timers.clearTimeout(nextTimer);
      if (tickTimer !== undefined) deps.timers.clearTimeout(tickTimer);
      nextTimer = undefined;
      tickTimer = undefined;
    },
  };

  armTick();
  await service.check();
  return service;
}

/**
 * The latest instant shown per due, with `shown` added; entries older than the catch-up limit go,
 * since no reminder that old is shown anyway (the map stays as small as the recent dues).
 */
export function shownThroughAfter(current: Readonly<Record<string, string>>, shown: readonly PlannedReminder[], nowMs: number): Record<string, string> {
  // A Map, then fromEntries: a key such as "__proto__" stays a key.
  const next = new Map(Object.entries(current).filter(([, at]) => nowMs - Date.parse(at) <= MAX_CATCH_UP_MS));
  for (const reminder of shown) if ((next.get(reminder.dueKey) ?? '') < reminder.fireAt) next.set(reminder.dueKey, reminder.fireAt);
  return Object.fromEntries(next);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The reminder service and the login item, as the reminder channels use them (main.ts joins the two). */
export interface ReminderHandlerDependencies {
  setPlan(plan: ParsedRequest<'reminders:setPlan'>): Promise<void>;
  getState(): Promise<IpcResponse<'reminders:getState'>>;
  pause(until: string | null): Promise<void>;
  setStartAtLogin(enabled: boolean): Promise<void>;
}

export function reminderHandlers(deps: ReminderHandlerDependencies): IpcHandlerSlice<'reminders:setPlan' | 'reminders:getState' | 'reminders:pause' | 'app:setStartAtLogin'> {
  return {
    'reminders:setPlan': async (plan) => {
      await deps.setPlan(plan);
      return undefined;
    },
    'reminders:getState': () => deps.getState(),
    'reminders:pause': async ({ until }) => {
      await deps.pause(until);
      return undefined;
    },
    // Here rather than with the app channels: the reminder centre offers it, and the tray shows it beside the pause.
    'app:setStartAtLogin': async ({ enabled }) => {
      await deps.setStartAtLogin(enabled);
      return undefined;
    },
  };
}
