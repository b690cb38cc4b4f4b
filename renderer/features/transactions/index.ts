/** Transactions: the register of every account, transaction forms, transfers, CSV export. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/transactions', load: () => import('./TransactionsPage').then((m) => m.TransactionsPage) }];
