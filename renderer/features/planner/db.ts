/** The payoff plan's settings, one row of the key-value settings table. */
import { PlannerSettingsSchema, validateEntity, type PlannerSettings } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';

const KEY = 'planner';

export const DEFAULT_PLANNER: PlannerSettings = { monthlyBudget: 0, strategy: 'avalanche', customOrder: [], extraPayments: [] };

export async function loadPlanner(db: ClearDayDatabase): Promise<PlannerSettings> {
  const row = await db.settings.get(KEY);
  const parsed = PlannerSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_PLANNER;
}

export async function savePlanner(db: ClearDayDatabase, planner: PlannerSettings): Promise<PlannerSettings> {
  const valid = validateEntity('planner', PlannerSettingsSchema, planner);
  await db.settings.put({ key: KEY, value: valid });
  return valid;
}
