/** Dues: what is owed and when, for any date window, and the payments that settle them. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [];
export { useDues } from './queries';
export { loadDues, loadDueSources, type DuesOfWindow, type WindowSources } from './loader';
export { lastPayment, payDebtFromAccount, recordPayment } from './db';
