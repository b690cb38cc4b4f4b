/** The planner's reads that are more than one row: the debts to plan, with the plan's settings. */
import { payoffDebtsFrom } from '../../../shared/debts';
import { firstDayOfMonth, lastDayOfMonth, monthOf } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';
import { loadDueSources } from '../dues';
import { loadPlanner } from './db';

/**
 * What each open debt in `currency` owes now, at what rate and with what least payment, each
 * institution's colour, and the stored plan. The debts' figures come from the dues of the current
 * month through the one loader (as the dashboard's), not from every statement and payment.
 */
export async function loadPlannerView(db: ClearDayDatabase, input: { currency: string; today: string }) {
  const { currency, today } = input;
  const month = monthOf(today);
  const [sources, planner] = await Promise.all([loadDueSources(db, { from: firstDayOfMonth(month), to: lastDayOfMonth(month) }), loadPlanner(db)]);
  return { debts: payoffDebtsFrom(sources, currency, today), colors: new Map(sources.institutions.map((i) => [i.id, i.color])), planner };
}
