/** The debts feature's reads that are more than one row: what is late now, for the late-payment page. */
import { summarizeDebt } from '../../../shared/debts';
import { addDays } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';
import { loadDueSources } from '../dues';

/** How far back the late-payment page looks for a late due (a card's latest statement is always read). */
export const LATE_LOOKBACK_DAYS = 366;

/**
 * Each debt that is late today, with what it costs, and the user's log of collection contacts.
 * Reads the dues' window (a year back to today) through the one loader, not whole tables.
 */
export async function loadLatePayments(db: ClearDayDatabase, today: string) {
  const [sources, contacts] = await Promise.all([loadDueSources(db, { from: addDays(today, -LATE_LOOKBACK_DAYS), to: today }), db.collectionContacts.toArray()]);
  const debts = sources.debts.filter((debt) => !debt.archived);
  const byId = new Map(debts.map((debt) => [debt.id, debt]));
  const late = debts.flatMap((debt) => {
    const parent = debt.parentDebtId ? byId.get(debt.parentDebtId) : undefined;
    const overdue = summarizeDebt({ debt, statements: sources.statements, payments: sources.payments, ...(parent ? { parent } : {}) }, today).overdue;
    return overdue ? [{ debt, overdue }] : [];
  });
  contacts.sort((a, b) => `${b.date}${b.time ?? ''}`.localeCompare(`${a.date}${a.time ?? ''}`));
  return { debts, late, contacts, names: new Map(debts.map((debt) => [debt.id, debt.name])) };
}
