/** Calendar: one month of every due, the agenda, and the .ics export. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/calendar', load: () => import('./CalendarPage').then((m) => m.CalendarPage) }];
