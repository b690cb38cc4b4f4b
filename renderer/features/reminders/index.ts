/** Reminders: the reminder plan, its delivery (desktop or browser), the reminder centre, per-item settings. */
import { lazyComponent } from '../../app/lazy-component';
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/reminders', load: () => import('./RemindersPage').then((m) => m.RemindersPage) }];
export { RemindersProvider, useReminders } from './reminders-context';
/** A debt's or policy's own reminder settings; loaded with the page that shows it (its route preloads it). */
export const ItemReminders = lazyComponent<{ itemKey: string }>(() => import('./ItemReminders').then((m) => m.ItemReminders));
export { loadReminderSettings, overridesOf } from './db';
