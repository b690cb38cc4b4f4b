/** The transactions feature's reads that are more than one row: the register's first screen. */
import type { ClearDayDatabase } from '../../db/database';

/**
 * The newest `limit` transactions (newest first) with every category, account and debt the
 * register names: what the page shows at once, however long the history.
 */
export async function loadTransactionsHead(db: ClearDayDatabase, limit: number) {
  const [transactions, categories, accounts, debts] = await Promise.all([db.transactions.orderBy('date').reverse().limit(limit).toArray(), db.categories.toArray(), db.accounts.toArray(), db.debts.toArray()]);
  return { transactions, categories, accounts, debts };
}
