/** Replaces all data with the sample household, in one transaction. */
import { generateSampleHousehold, type SampleHousehold, type SampleOptions } from '../../../shared/sample';
import { allTables, type ClearDayDatabase } from '../../db/database';
import { holdsUserData } from '../../db/user-data';

/** Thrown by loadSampleHousehold with `onlyIfEmpty` when the database holds the user's data. */
export class NotEmptyError extends Error {
  constructor() {
    super('the database already holds data');
    this.name = 'NotEmptyError';
  }
}

/**
 * Replaces all data with the sample household, in one transaction. `onlyIfEmpty` (the first-run
 * screen, which asks no confirmation) refuses, inside that transaction, when there is data.
 */
export async function loadSampleHousehold(db: ClearDayDatabase, options: SampleOptions, guard: { onlyIfEmpty?: boolean } = {}): Promise<void> {
  const household = generateSampleHousehold(options);
  await db.transaction('rw', allTables(db), async () => {
    if (guard.onlyIfEmpty && (await holdsUserData(db))) throw new NotEmptyError();
    // Settings and reminder preferences are the user's, not data: keep them.
    await Promise.all(
      allTables(db)
        .filter((table) => table.name !== 'settings' && table.name !== 'reminderSettings')
        .map((table) => table.clear()),
    );
    await writeHousehold(db, household);
  });
}

/** Adds every row of a household; the caller holds the transaction and has cleared the tables. */
export async function writeHousehold(db: ClearDayDatabase, household: SampleHousehold): Promise<void> {
  await db.institutions.bulkAdd(household.institutions);
  await db.accounts.bulkAdd(household.accounts);
  await db.debts.bulkAdd(household.debts);
  await db.statements.bulkAdd(household.statements);
  await db.payments.bulkAdd(household.payments);
  await db.categories.bulkAdd(household.categories);
  await db.transactions.bulkAdd(household.transactions);
  await db.budgets.bulkAdd(household.budgets);
  await db.recurringBills.bulkAdd(household.recurringBills);
  await db.familyMembers.bulkAdd(household.familyMembers);
  await db.policies.bulkAdd(household.policies);
  await db.claims.bulkAdd(household.claims);
}
