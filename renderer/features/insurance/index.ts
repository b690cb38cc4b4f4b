/** Insurance: policies, premiums, coverage, family members and claims. */
import type { FeatureRoute } from '../../app/routes';

export const routes: FeatureRoute[] = [
  { path: '/insurance/family', load: () => import('./FamilyPage').then((m) => m.FamilyPage) },
  { path: '/insurance/coverage', load: () => import('./CoveragePage').then((m) => m.CoveragePage) },
  { path: '/insurance/claims', load: () => import('./ClaimsPage').then((m) => m.ClaimsPage) },
  { path: '/insurance/new', load: () => import('./PolicyFormPage').then((m) => m.PolicyFormPage) },
  { path: '/insurance/:policyId/edit', load: () => import('./PolicyFormPage').then((m) => m.PolicyFormPage) },
  { path: '/insurance/:policyId', load: () => import('./PolicyDetailPage').then((m) => m.PolicyDetailPage) },
  { path: '/insurance', load: () => import('./InsurancePage').then((m) => m.InsurancePage) },
];
export { PolicyWarnings } from './PolicyWarnings';
export { renewPolicy } from './db';
