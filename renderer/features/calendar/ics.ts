/**
 * The calendar's .ics export: the next twelve months of dues with alarms at the user's lead
 * times. Reads the dues of that window only, through the one loader.
 */
import { addDays } from '../../../shared/domain';
import type { Due } from '../../../shared/dues';
import { buildIcs } from '../../../shared/reminders';
import type { ClearDayDatabase } from '../../db/database';
import { loadDues } from '../dues';
import { loadReminderSettings, overridesOf } from '../reminders';

/** Days ahead the export covers. */
export const ICS_DAYS = 365;

export async function duesCalendarText(
  db: ClearDayDatabase,
  today: string,
  options: { now: string; describe: (due: Due, institutionName: string) => { summary: string; description: string } },
): Promise<string> {
  const [{ dues, institutions }, reminderSettings] = await Promise.all([loadDues(db, { from: today, to: addDays(today, ICS_DAYS) }, today), loadReminderSettings(db)]);
  return buildIcs(dues, {
    now: options.now,
    leadDays: reminderSettings.global.leadDays,
    overrides: overridesOf(reminderSettings.overrides),
    timeOfDay: reminderSettings.global.timeOfDay,
    productId: '-//Clearday//Dues//EN',
    describe: (due) => options.describe(due, institutions.get(due.institutionId ?? '')?.name ?? ''),
  });
}
