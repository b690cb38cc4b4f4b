/**
 * Backups of the whole database and restoring from them. The file format, its checks and its
 * encryption are in shared/backup; this module reads and writes the tables. A restore replaces
 * every table in one transaction, so a failure leaves the current data exactly as it was.
 */
import { createBackup, readBackup, type ReadBackupResult } from '../../shared/backup';
import { allTables, SCHEMA_VERSION, type ClearDayDatabase, type TableName } from './database';

/** The platform's WebCrypto: the renderer and Node's test runner both have it. */
const platformCrypto = globalThis.crypto;

/** Settings of this computer's backups (`backup.*`): never written into a backup, kept by a restore. */
const LOCAL_PREFIX = 'backup.';
/** The passphrase of automatic backups. */
export const AUTO_PASSPHRASE_KEY = 'backup.autoPassphrase';
/** How the last automatic backup went: `{ at, ok, fileName?, error? }`. */
export const LAST_AUTOMATIC_KEY = 'backup.lastAutomatic';
const isLocal = (row: unknown) => String((row as { key?: unknown }).key ?? '').startsWith(LOCAL_PREFIX);

/** Every row of every table, read in one transaction so the backup is consistent. */
export async function readAllTables(db: ClearDayDatabase): Promise<Record<TableName, unknown[]>> {
  return db.transaction('r', allTables(db), async () => {
    const entries = await Promise.all(allTables(db).map(async (table) => [table.name, await table.toArray()] as const));
    const tables = Object.fromEntries(entries) as Record<TableName, unknown[]>;
    tables.settings = tables.settings.filter((row) => !isLocal(row));
    return tables;
  });
}

/** The automatic backups' passphrase, or undefined when they are not encrypted. */
export async function autoPassphrase(db: ClearDayDatabase): Promise<string | undefined> {
  const row = await db.settings.get(AUTO_PASSPHRASE_KEY);
  return typeof row?.value === 'string' && row.value ? row.value : undefined;
}

export async function makeBackup(db: ClearDayDatabase, options: { appVersion: string; now: string; passphrase?: string; iterations?: number }): Promise<string> {
  const tables = await readAllTables(db);
  return createBackup({ tables, appVersion: options.appVersion, schemaVersion: SCHEMA_VERSION, createdAt: options.now }, platformCrypto, {
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.iterations ? { iterations: options.iterations } : {}),
  });
}

/** Fully checks a backup file (versions, checksum, passphrase, every row) without writing anything. */
export async function checkBackup(text: string, passphrase?: string, currentAppVersion?: string): Promise<ReadBackupResult> {
  return readBackup(text, platformCrypto, { currentSchemaVersion: SCHEMA_VERSION, ...(passphrase ? { passphrase } : {}), ...(currentAppVersion ? { currentAppVersion } : {}) });
}

/** Replaces all data with the backup's rows, in one transaction: all of it or none of it. */
export async function replaceAllData(db: ClearDayDatabase, checked: ReadBackupResult): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    // The backup settings are this computer's, not the backup's: they stay.
    const kept = (await db.settings.toArray()).filter(isLocal);
    for (const table of allTables(db)) {
      await table.clear();
      const rows = checked.tables[table.name as TableName] ?? [];
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    await db.settings.bulkPut(kept);
  });
}
