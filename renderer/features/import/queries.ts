/** The import page's reads: the accounts a file can go into, the categories, the earlier imports. */
import type { ClearDayDatabase } from '../../db/database';

export async function loadImportLookups(db: ClearDayDatabase) {
  const [accounts, categories, batches] = await Promise.all([db.accounts.toArray(), db.categories.orderBy('order').toArray(), db.importBatches.orderBy('createdAt').reverse().toArray()]);
  return { accounts: accounts.filter((a) => !a.archived), categories, batches, accountsById: new Map(accounts.map((a) => [a.id, a])) };
}
