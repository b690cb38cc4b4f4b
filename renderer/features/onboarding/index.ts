/** Onboarding: the first-run screen and the sample household. */
import { lazyComponent } from '../../app/lazy-component';
import type { FeatureRoute } from '../../app/routes';
import type { ClearDayDatabase } from '../../db/database';
import type { SampleOptions } from '../../../shared/sample';

export const routes: FeatureRoute[] = [];
/** The first-run screen: shown once, so it loads when the dashboard finds nothing entered yet. */
export const WelcomePage = lazyComponent(() => import('./WelcomePage').then((m) => m.WelcomePage));
/** The sample household's builder is large: it loads only when the user asks for it. */
export async function loadSampleHousehold(db: ClearDayDatabase, options: SampleOptions, guard: { onlyIfEmpty?: boolean } = {}): Promise<void> {
  const { loadSampleHousehold: load } = await import('./db');
  return load(db, options, guard);
}
