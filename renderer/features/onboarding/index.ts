/** Onboarding: the first-run screen and the sample household. */
import type { FeatureRoute } from '../../app/routes';
import type { ClearDayDatabase } from '../../db/database';
import type { SampleOptions } from '../../../shared/sample';

export const routes: FeatureRoute[] = [];
export { WelcomePage } from './WelcomePage';
/** The sample household's builder is large: it loads only when the user asks for it. */
export async function loadSampleHousehold(db: ClearDayDatabase, options: SampleOptions, guard: { onlyIfEmpty?: boolean } = {}): Promise<void> {
  const { loadSampleHousehold: load } = await import('./db');
  return load(db, options, guard);
}
