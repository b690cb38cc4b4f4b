/** Settings: language, formats, theme, currency, data (sample, backups, erase). */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/settings', load: () => import('./SettingsPage').then((m) => m.SettingsPage) }];
