import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { DEFAULT_REMINDERS, loadReminderSettings, overridesOf, saveGlobalReminders, saveItemReminders } from '../../../renderer/features/reminders/db';
import { fakeClock, freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

describe('reminder settings', () => {
  it('defaults to 3 days, 1 day and the day itself at 09:00, with quiet hours and late reminders', async () => {
    db = freshDatabase();
    expect((await loadReminderSettings(db)).global).toEqual(DEFAULT_REMINDERS);
  });

  it('saves the defaults, sorted and without repeats, and refuses a bad time', async () => {
    db = freshDatabase();
    await saveGlobalReminders(db, { ...DEFAULT_REMINDERS, leadDays: [1, 7, 1, 0], timeOfDay: '20:30' }, fakeClock());
    expect((await loadReminderSettings(db)).global).toMatchObject({ leadDays: [7, 1, 0], timeOfDay: '20:30' });
    await expect(saveGlobalReminders(db, { ...DEFAULT_REMINDERS, timeOfDay: '25:00' }, fakeClock())).rejects.toBeInstanceOf(DomainValidationError);
    expect((await loadReminderSettings(db)).global.timeOfDay).toBe('20:30');
  });

  it('turns one item off or gives it its own lead days, and back to the defaults', async () => {
    db = freshDatabase();
    await saveItemReminders(db, 'debt:a', { enabled: false }, fakeClock());
    await saveItemReminders(db, 'debt:b', { enabled: true, leadDays: [5, 2] }, fakeClock());
    const { overrides } = await loadReminderSettings(db);
    expect(overridesOf(overrides)).toEqual({ 'debt:a': { enabled: false }, 'debt:b': { enabled: true, leadDays: [5, 2] } });
    await saveItemReminders(db, 'debt:a', null);
    expect(Object.keys(overridesOf((await loadReminderSettings(db)).overrides))).toEqual(['debt:b']);
  });
});
