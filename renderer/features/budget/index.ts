/** Budget: monthly budgets per category, categories, recurring bills. */
import type { FeatureRoute } from '../../app/routes';
import type { ClearDayDatabase } from '../../db/database';
import type { RecurringBill } from '../../../shared/domain';

export const routes: FeatureRoute[] = [
  { path: '/budget/categories', load: () => import('./CategoriesPage').then((m) => m.CategoriesPage) },
  { path: '/budget/bills', load: () => import('./BillsPage').then((m) => m.BillsPage) },
  { path: '/budget', load: () => import('./BudgetPage').then((m) => m.BudgetPage) },
];
/** Posts a recurring bill's due as paid, with its spending (the bills page's write, loaded on use). */
export async function postRecurringBill(db: ClearDayDatabase, bill: RecurringBill, dueDate: string, paidOn: string): Promise<void> {
  const { postRecurringBill: post } = await import('./db');
  await post(db, bill, dueDate, paidOn);
}
