/** Planner: the payoff plan across every debt, its budget and strategy. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [{ path: '/debts/planner', load: () => import('./PlannerPage').then((m) => m.PlannerPage) }];
export { loadPlanner } from './db';
