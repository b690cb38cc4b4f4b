/** Import: bill files of apps and banks, OFX/QIF/CSV, previewed and written as transactions. */
import type { FeatureRoute } from '../../app/routes';
import type { ClearDayDatabase } from '../../db/database';
import type { CategoryRule } from '../../../shared/import';

export const routes: FeatureRoute[] = [{ path: '/transactions/import', load: () => import('./ImportPage').then((m) => m.ImportPage) }];
/** Learns category rules from a transaction the user categorised; the import code loads on use. */
export async function learnRules(db: ClearDayDatabase, learned: readonly CategoryRule[]): Promise<void> {
  const { learnRules: learn } = await import('./db');
  return learn(db, learned);
}
