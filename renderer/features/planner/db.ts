/** The payoff plan's settings: one declared setting (SETTINGS.planner), read and written typed. */
import type { PlannerSettings } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings';

export { DEFAULT_PLANNER } from '../../db/settings';

export function loadPlanner(db: ClearDayDatabase): Promise<PlannerSettings> {
  return readSetting(db, 'planner');
}

export function savePlanner(db: ClearDayDatabase, planner: PlannerSettings): Promise<PlannerSettings> {
  return writeSetting(db, 'planner', planner);
}
