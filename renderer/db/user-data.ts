/** Whether the database holds anything the user entered (the first-run screen is for an empty one). */
import type { ClearDayDatabase } from './database';

/** Tables whose rows are the user's own data; settings, logs and preferences do not count. */
const USER_TABLES = ['institutions', 'accounts', 'debts', 'transactions', 'policies', 'recurringBills', 'familyMembers', 'categories', 'budgets'] as const;

/** Whether the user has entered anything at all: one key read per table, however large. */
export async function holdsUserData(db: ClearDayDatabase): Promise<boolean> {
  const firstKeys = await Promise.all(USER_TABLES.map((name) => db.table(name).limit(1).primaryKeys()));
  return firstKeys.some((keys) => keys.length > 0);
}
