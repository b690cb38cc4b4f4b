/**
 * Reminder settings: one `global` row with the defaults, and one row per item that the user
 * turned off or gave its own lead times ("debt:<id>", "bill:<id>").
 */
import { ReminderSettingsSchema, validateEntity, type ReminderSettings } from '../../../shared/domain';
import type { ReminderPreferences } from '../../../shared/reminders';
import type { ClearDayDatabase } from '../../db/database';
import { systemClock, type Clock } from '../../db/repository';

export interface GlobalReminderSettings extends ReminderPreferences {
  enabled: boolean;
  pausedUntil?: string;
}

/** A week before, a few days before, the day before and on the day, at nine (the user guide's defaults). */
export const DEFAULT_REMINDERS: GlobalReminderSettings = {
  enabled: true,
  leadDays: [7, 3, 1, 0],
  timeOfDay: '09:00',
  overdue: { enabled: true, maxDays: 7 },
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
};

export async function loadReminderSettings(db: ClearDayDatabase): Promise<{ global: GlobalReminderSettings; overrides: ReminderSettings[] }> {
  const rows = await db.reminderSettings.toArray();
  const globalRow = rows.find((row) => row.id === 'global');
  const global: GlobalReminderSettings = globalRow?.preferences
    ? { enabled: globalRow.enabled, ...globalRow.preferences }
    : { ...DEFAULT_REMINDERS, enabled: globalRow?.enabled ?? true };
  return { global, overrides: rows.filter((row) => row.id !== 'global') };
}

export async function saveGlobalReminders(db: ClearDayDatabase, settings: GlobalReminderSettings, clock: Clock = systemClock): Promise<void> {
  const { enabled, ...preferences } = settings;
  const row = validateEntity('reminder settings', ReminderSettingsSchema, {
    id: 'global',
    enabled,
    preferences: { ...preferences, leadDays: [...new Set(preferences.leadDays)].sort((a, b) => b - a) },
    updatedAt: clock.nowInstant(),
  });
  await db.reminderSettings.put(row);
}

/** Off for one item, its own lead days, or back to the defaults (null). */
export async function saveItemReminders(
  db: ClearDayDatabase,
  itemKey: string,
  value: { enabled: false } | { enabled: true; leadDays: number[] } | null,
  clock: Clock = systemClock,
): Promise<void> {
  if (value === null) {
    await db.reminderSettings.delete(itemKey);
    return;
  }
  const row = validateEntity('reminder settings', ReminderSettingsSchema, {
    id: itemKey,
    enabled: value.enabled,
    ...(value.enabled ? { preferences: { ...DEFAULT_REMINDERS, leadDays: value.leadDays } } : {}),
    updatedAt: clock.nowInstant(),
  });
  await db.reminderSettings.put(row);
}

/** The overrides in the shape planReminders takes. */
export function overridesOf(rows: readonly ReminderSettings[]): Record<string, { enabled: false } | { enabled: true; leadDays: number[] }> {
  return Object.fromEntries(rows.map((row) => [row.id, row.enabled ? { enabled: true as const, leadDays: row.preferences?.leadDays ?? DEFAULT_REMINDERS.leadDays } : { enabled: false as const }]));
}
