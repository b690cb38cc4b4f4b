/** Reminders: the reminder plan, its delivery (desktop or browser), the reminder centre, per-item settings. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/reminders', load: () => import('./RemindersPage').then((m) => m.RemindersPage) }];
export { RemindersProvider, useReminders } from './reminders-context';
export { ItemReminders } from './ItemReminders';
export { loadReminderSettings } from './db';
