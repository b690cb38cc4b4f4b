/**
 * The reminder service's memory on disk: the last plan the renderer sent, the log of what was
 * delivered (so no key is ever shown twice, across restarts too) and the pause. One JSON file,
 * userData/state/reminders.json, written through state-file.ts (synced to disk before and after
 * the rename, since a lost log would repeat reminders) and validated on read: a missing or
 * corrupt file starts empty rather than failing the app.
 */
import { z } from 'zod';
import { InstantSchema } from '../shared/domain/primitives';
import { DeliveredReminderSchema, ipcContract, type IpcRequest } from '../shared/ipc/contract';
import { MAX_DELIVERED_LOG, MAX_DELIVERED_OUTSIDE_PLAN } from '../shared/reminders/limits';
import { createStateFile, parseStateText, type StateFileSystem } from './state-file';

export type ReminderPlan = IpcRequest<'reminders:setPlan'>;
export type DeliveredReminder = z.output<typeof DeliveredReminderSchema>;

export interface ReminderState {
  plan: ReminderPlan | null;
  delivered: DeliveredReminder[];
  /** ISO instant until which nothing is shown, or null. */
  pausedUntil: string | null;
  /**
   * Per due (its due key), the instant of the latest reminder shown. An earlier reminder of the
   * same due is superseded, whatever the log still holds: the renderer's window keeps only the
   * latest past reminder of each due, so an older one can come back into a plan after its log
   * entry was pruned (a snooze that ended, lead days changed), and must not be shown again.
   */
  shownThrough?: Record<string, string>;
}

export const REMINDER_STATE_FILE = 'reminders.json';
/** Delivered entries whose key left the plan are kept this long (the reminder centre lists them). */
export const DELIVERED_RETENTION_MS = 60 * 86_400_000;

/**
 * The file as written by any version: a log longer than today's bound (an older version, an
 * edit) is pruned after reading, never a reason to throw the whole state away, since an empty
 * log would show every reminder of the last week again.
 */
const ReminderStateSchema = z
  .object({
    plan: ipcContract['reminders:setPlan'].request.nullable(),
    delivered: z.array(DeliveredReminderSchema),
    pausedUntil: InstantSchema.nullable(),
    shownThrough: z.record(z.string().min(1).max(200), InstantSchema).optional(),
  })
  .strict();

export function emptyReminderState(): ReminderState {
  return { plan: null, delivered: [], pausedUntil: null };
}

/**
 * Earlier builds named a reminder's due `obligationKey`; their file is read as it is meant,
 * since throwing it away would show the last week's reminders again.
 */
function withDueKeys(raw: unknown): unknown {
  const reminders = (raw as { plan?: { reminders?: unknown } } | null)?.plan?.reminders;
  if (!Array.isArray(reminders)) return raw;
  for (const reminder of reminders as Record<string, unknown>[]) {
    if (reminder && typeof reminder === 'object' && 'obligationKey' in reminder && !('dueKey' in reminder)) {
      reminder.dueKey = reminder.obligationKey;
      delete reminder.obligationKey;
    }
  }
  return raw;
}

/** The state in a file's text, or undefined when it is not valid JSON of the right shape. */
export function parseReminderState(text: string, nowMs: number = Date.now()): ReminderState | undefined {
  const state = parseStateText(text, ReminderStateSchema, withDueKeys);
  return state && boundedLog(state, nowMs);
}

function boundedLog(state: ReminderState, nowMs: number): ReminderState {
  if (state.delivered.length <= MAX_DELIVERED_LOG) return state;
  const planKeys = new Set((state.plan?.reminders ?? []).map((reminder) => reminder.key));
  return { ...state, delivered: pruneDelivered(state.delivered, planKeys, nowMs) };
}

/**
 * Keeps the delivered log bounded (MAX_DELIVERED_LOG): an entry stays while its key is in the
 * plan, so it is never delivered again (a plan holds at most MAX_PLAN_REMINDERS keys, so all of
 * them fit); of the others, those delivered within 60 days, newest first, up to
 * MAX_DELIVERED_OUTSIDE_PLAN.
 */
export function pruneDelivered(delivered: readonly DeliveredReminder[], planKeys: ReadonlySet<string>, nowMs: number): DeliveredReminder[] {
  // One entry per key: a key is delivered once, but an edited file may repeat it.
  const seen = new Set<string>();
  const unique = delivered.filter((entry) => !seen.has(entry.key) && (seen.add(entry.key), true));
  const inPlan = unique.filter((entry) => planKeys.has(entry.key));
  const recent = unique
    .filter((entry) => !planKeys.has(entry.key) && nowMs - Date.parse(entry.deliveredAt) <= DELIVERED_RETENTION_MS)
    .sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt))
    .slice(0, MAX_DELIVERED_OUTSIDE_PLAN);
  const keep = new Set([...inPlan, ...recent]);
  const kept = unique.filter((entry) => keep.has(entry));
  // Only a plan over the contract's bound could pass this; the newest win then.
  return kept.length <= MAX_DELIVERED_LOG ? kept : [...kept].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt)).slice(0, MAX_DELIVERED_LOG);
}

export interface ReminderStore {
  load(): Promise<ReminderState>;
  save(state: ReminderState): Promise<void>;
}

/**
 * Saves are queued so two never race on the temporary file. A failed save is reported to the
 * caller (the service logs it and keeps the state in memory, so nothing repeats this session).
 */
export function createReminderStore(filePath: string, fs: StateFileSystem, log: (message: string) => void = () => undefined, now: () => number = () => Date.now()): ReminderStore {
  const file = createStateFile({
    path: filePath,
    fs,
    schema: ReminderStateSchema,
    migrate: withDueKeys,
    onUnreadable: () => log(`reminder state in ${filePath} is unreadable; starting with an empty plan and log`),
    log,
  });
  return {
    async load() {
      const state = await file.load();
      return state ? boundedLog(state, now()) : emptyReminderState();
    },
    save: (state) => file.save(state),
  };
}
