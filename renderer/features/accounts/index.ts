/** Accounts: cash, cards' settlement accounts, deposits and wealth products, and their valuations. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/accounts', load: () => import('./AccountsPage').then((m) => m.AccountsPage) }];
