/**
 * The reminder service's memory on disk: the last plan the renderer sent, the log of what was
 * delivered (so no key is ever shown twice, across restarts too) and the pause. One JSON file,
 * userData/state/reminders.json, written atomically (temporary file, then rename) and validated
 * on read: a missing or corrupt file starts empty rather than failing the app.
 */
import { dirname } from 'node:path';
import { z } from 'zod';
import { DeliveredReminderSchema, ipcContract, type IpcRequest } from '../shared/ipc/contract';
import type { StateFileSystem } from './window-state';

export type ReminderPlan = IpcRequest<'reminders:setPlan'>;
export type DeliveredReminder = z.output<typeof DeliveredReminderSchema>;

export interface ReminderState {
  plan: ReminderPlan | null;
  delivered: DeliveredReminder[];
  /** ISO instant until which nothing is shown, or null. */
  pausedUntil: string | null;
}

export const REMINDER_STATE_FILE = 'reminders.json';
/** Delivered entries whose key left the plan are kept this long (the reminder centre lists them). */
export const DELIVERED_RETENTION_MS = 60 * 86_400_000;
export const MAX_DELIVERED = 2000;

const ReminderStateSchema = z
  .object({
    plan: ipcContract['reminders:setPlan'].request.nullable(),
    delivered: z.array(DeliveredReminderSchema).max(MAX_DELIVERED * 2),
    pausedUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
      .nullable(),
  })
  .strict();

export function emptyReminderState(): ReminderState {
  return { plan: null, delivered: [], pausedUntil: null };
}

/** The state in a file's text, or undefined when it is not valid JSON of the right shape. */
export function parseReminderState(text: string): ReminderState | undefined {
  try {
    const result = ReminderStateSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the delivered log bounded: an entry stays while its key is in the plan (so it is never
 * delivered again) or for 60 days after delivery; beyond 2000 entries the oldest go first.
 */
export function pruneDelivered(delivered: readonly DeliveredReminder[], planKeys: ReadonlySet<string>, nowMs: number): DeliveredReminder[] {
  const kept = delivered.filter((entry) => planKeys.has(entry.key) || nowMs - Date.parse(entry.deliveredAt) <= DELIVERED_RETENTION_MS);
  if (kept.length <= MAX_DELIVERED) return kept;
  // Entries of the current plan must survive the cap, or their keys could be shown again.
  const inPlan = kept.filter((entry) => planKeys.has(entry.key));
  const others = kept.filter((entry) => !planKeys.has(entry.key)).sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
  const room = Math.max(0, MAX_DELIVERED - inPlan.length);
  const keep = new Set([...inPlan, ...others.slice(0, room)]);
  return kept.filter((entry) => keep.has(entry));
}

export interface ReminderStore {
  load(): Promise<ReminderState>;
  save(state: ReminderState): Promise<void>;
}

/**
 * Saves are queued so two never race on the temporary file. A failed save is reported to the
 * caller (the service logs it and keeps the state in memory, so nothing repeats this session).
 */
export function createReminderStore(filePath: string, fs: StateFileSystem, log: (message: string) => void = () => undefined): ReminderStore {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(filePath, 'utf8');
      } catch {
        return emptyReminderState();
      }
      const state = parseReminderState(text);
      if (!state) {
        log(`reminder state in ${filePath} is unreadable; starting with an empty plan and log`);
        return emptyReminderState();
      }
      return state;
    },
    save(state) {
      const snapshot = `${JSON.stringify(state)}\n`;
      const write = async () => {
        const temporary = `${filePath}.${process.pid}.tmp`;
        await fs.mkdir(dirname(filePath), { recursive: true });
        await fs.writeFile(temporary, snapshot, 'utf8');
        await fs.rename(temporary, filePath);
      };
      const result = queue.then(write);
      // The queue survives a failed write; the caller still sees the failure.
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
