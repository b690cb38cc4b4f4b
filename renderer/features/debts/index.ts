/** Debts: loans, installment plans, cards and credit lines, their institutions, late payments. */
import type { FeatureRoute } from '../../app/routes';
import { ItemReminders } from '../reminders';

export const routes: FeatureRoute[] = [
  { path: '/debts/institutions', load: () => import('./InstitutionsPage').then((m) => m.InstitutionsPage) },
  { path: '/debts/new', load: () => import('./DebtFormPage').then((m) => m.DebtFormPage) },
  { path: '/debts/late', load: () => import('./LatePaymentPage').then((m) => m.LatePaymentPage) },
  { path: '/debts/:debtId/edit', load: () => import('./DebtFormPage').then((m) => m.DebtFormPage) },
  // The page shows the debt's reminder settings: loaded together, so it never waits for them.
  { path: '/debts/:debtId', load: () => Promise.all([import('./DebtDetailPage'), ItemReminders.preload()]).then(([m]) => m.DebtDetailPage) },
  { path: '/debts', load: () => import('./DebtsPage').then((m) => m.DebtsPage) },
];
