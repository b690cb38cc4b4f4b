/** The reminders feature's reads that are more than one row: the reminder plan. */
import { addDays } from '../../../shared/domain';
import { planReminders, type ReminderPlanSettings } from '../../../shared/reminders';
import type { ClearDayDatabase } from '../../db/database';
import { readSetting } from '../../db/settings';
import { loadDues } from '../dues';
import { loadReminderSettings, overridesOf } from './db';

/** Days either side of today the plan looks for dues (late ones behind, coming ones ahead). */
export const HORIZON_DAYS = 60;

/**
 * The reminders to deliver from `now` on (none when reminders are off), the dues they are about,
 * and the global reminder settings. Reads the dues of 60 days either side of today through the
 * one loader, the reminder settings, and the snoozes from yesterday on.
 */
export async function loadReminderPlan(db: ClearDayDatabase, input: { today: string; now: string; timeZone: string; language: ReminderPlanSettings['language']; locale: string }) {
  const { today, now, timeZone, language, locale } = input;
  const from = addDays(today, -HORIZON_DAYS);
  const to = addDays(today, HORIZON_DAYS);
  const [{ dues, sources }, reminderSettings, snoozes] = await Promise.all([loadDues(db, { from, to }, today), loadReminderSettings(db), readSetting(db, 'reminderSnoozes')]);
  const { global, overrides } = reminderSettings;
  const plan = global.enabled
    ? planReminders(
        dues,
        {
          ...global,
          overrides: overridesOf(overrides),
          timeZone,
          language,
          locale,
          institutionNames: Object.fromEntries(sources.institutions.map((i) => [i.id, i.name])),
          snoozes: snoozes.filter((s) => s.date >= addDays(today, -1)),
        },
        now,
        HORIZON_DAYS,
      )
    : [];
  return { plan, dues, global };
}
