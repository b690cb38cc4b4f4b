/** Reports: spending, income, net worth and debt over time. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/reports', load: () => import('./ReportsPage').then((m) => m.ReportsPage) }];
