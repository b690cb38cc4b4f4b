/**
 * Runs in Chromium on the app's own origin (bundled by tests/bench/ui.ts): writes the household
 * at a given scale straight into the app's IndexedDB database, replacing whatever was there.
 */
import { allTables, ClearDayDatabase } from '../../../renderer/db/database';
import { generateScaledHousehold } from '../../../shared/sample';
import { writeHousehold } from '../../../renderer/features/onboarding/db';

async function seed(scale: number, today: string): Promise<{ transactions: number; writeMs: number }> {
  const household = generateScaledHousehold({ scale, today, now: `${today}T00:00:00.000Z`, language: 'en' });
  const db = new ClearDayDatabase();
  await db.open();
  const start = performance.now();
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
    await writeHousehold(db, household);
    // English, and past the first-run screens: the bench measures the everyday app.
    await db.settings.bulkPut([
      { key: 'language', value: 'en' },
      { key: 'formatLocale', value: 'en-US' },
      { key: 'onboarded', value: true },
    ]);
  });
  const writeMs = performance.now() - start;
  db.close();
  return { transactions: household.transactions.length, writeMs };
}

declare global {
  interface Window {
    clearDaySeed: typeof seed;
  }
}
window.clearDaySeed = seed;
