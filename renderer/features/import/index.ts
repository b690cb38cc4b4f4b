/** Import: bill files of apps and banks, OFX/QIF/CSV, previewed and written as transactions. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/transactions/import', load: () => import('./ImportPage').then((m) => m.ImportPage) }];
export { learnRules } from './db';
