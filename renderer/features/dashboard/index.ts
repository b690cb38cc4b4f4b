/** Dashboard: the month at a glance. Loaded with the shell, since it is the first screen. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [];
export { DashboardPage } from './DashboardPage';
