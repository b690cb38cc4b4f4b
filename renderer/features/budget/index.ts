/** Budget: monthly budgets per category, categories, recurring bills. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [
  { path: '/budget/categories', load: () => import('./CategoriesPage').then((m) => m.CategoriesPage) },
  { path: '/budget/bills', load: () => import('./BillsPage').then((m) => m.BillsPage) },
  { path: '/budget', load: () => import('./BudgetPage').then((m) => m.BudgetPage) },
];
export { postRecurringBill } from './db';
