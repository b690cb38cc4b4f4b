/**
 * Backups of the whole database and restoring from them. The file format, its checks and its
 * encryption are in shared/backup; this module reads and writes the tables. A restore replaces
 * every table in one transaction, so a failure leaves the current data exactly as it was.
 */
import { beforeRestoreFileName, createBackup, readBackup, type ReadBackupResult } from '../../../shared/backup';
import { allTables, SCHEMA_VERSION, type ClearDayDatabase, type TableName } from '../../db/database';
import { LOCAL_SETTING_PREFIX, readSetting, writeSetting, type SettingKey } from '../../db/settings';

/** The platform's WebCrypto: the renderer and Node's test runner both have it. */
const platformCrypto = globalThis.crypto;

/** The backup passphrase setting (its declaration says what it encrypts). */
export const BACKUP_PASSPHRASE_KEY = 'backup.autoPassphrase' satisfies SettingKey;
/** How the last automatic backup went: `{ at, ok, fileName?, error? }`. */
export const LAST_AUTOMATIC_KEY = 'backup.lastAutomatic' satisfies SettingKey;
/** This computer's backup settings: never written into a backup, kept by a restore. */
const isLocal = (row: unknown) => String((row as { key?: unknown }).key ?? '').startsWith(LOCAL_SETTING_PREFIX);

/** Every row of every table, read in one transaction so the backup is consistent. */
export async function readAllTables(db: ClearDayDatabase): Promise<Record<TableName, unknown[]>> {
  return db.transaction('r', allTables(db), async () => {
    const entries = await Promise.all(allTables(db).map(async (table) => [table.name, await table.toArray()] as const));
    const tables = Object.fromEntries(entries) as Record<TableName, unknown[]>;
    tables.settings = tables.settings.filter((row) => !isLocal(row));
    return tables;
  });
}

/** The backup passphrase, or undefined when backups are not encrypted. */
export async function backupPassphrase(db: ClearDayDatabase): Promise<string | undefined> {
  return (await readSetting(db, BACKUP_PASSPHRASE_KEY)) || undefined;
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

/**
 * Replaces all data with the backup's rows, in one transaction: all of it or none of it.
 * `backupPassphrase` is set as this computer's backup passphrase when given (the start-up restore
 * rebuilds a deleted database, whose own backup settings are gone).
 */
export async function replaceAllData(db: ClearDayDatabase, checked: ReadBackupResult, options: { backupPassphrase?: string } = {}): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    // The backup settings are this computer's, not the backup's: they stay (copied as rows, like the tables).
    const kept = (await db.settings.toArray()).filter(isLocal);
    for (const table of allTables(db)) {
      await table.clear();
      const all = checked.tables[table.name as TableName] ?? [];
      // A file never sets this computer's backup settings (a foreign passphrase would lock the user out).
      const rows = table.name === 'settings' ? all.filter((row) => !isLocal(row)) : all;
      if (rows.length > 0) await table.bulkAdd(rows);
    }
    await db.settings.bulkPut(kept);
    if (options.backupPassphrase) await writeSetting(db, BACKUP_PASSPHRASE_KEY, options.backupPassphrase);
  });
}

/** Where the copy of the current data taken before a restore goes; the platform module fills these in. */
export interface SafetyCopyTargets {
  /** Desktop: into the backup folder (never rotated); true once the whole file is on disk. */
  writeToBackupFolder?: (fileName: string, text: string) => Promise<boolean>;
  /** Browser: kept in a database of its own, since a download may be cancelled. */
  keepInBrowser?: (text: string, createdAt: string) => Promise<void>;
  /** Browser: also offered as a download. */
  download?: (fileName: string, text: string) => Promise<unknown>;
}

/**
 * A restore: the current data is saved first (encrypted with the backup passphrase when one is
 * set, like every other copy Clearday writes), then replaced by the checked backup in one
 * transaction. Nothing is replaced when the copy could not be saved.
 */
export async function restoreWithSafetyCopy(
  db: ClearDayDatabase,
  checked: ReadBackupResult,
  options: { appVersion: string; now: string; targets: SafetyCopyTargets; iterations?: number },
): Promise<'restored' | 'safety-not-saved'> {
  const passphrase = await backupPassphrase(db);
  const safety = await makeBackup(db, { appVersion: options.appVersion, now: options.now, ...(passphrase ? { passphrase } : {}), ...(options.iterations ? { iterations: options.iterations } : {}) });
  const fileName = beforeRestoreFileName(options.now, Boolean(passphrase));
  const { writeToBackupFolder, keepInBrowser, download } = options.targets;
  if (writeToBackupFolder) {
    if (!(await writeToBackupFolder(fileName, safety))) return 'safety-not-saved';
  } else {
    if (!keepInBrowser) return 'safety-not-saved';
    await keepInBrowser(safety, options.now);
    await download?.(fileName, safety);
  }
  await replaceAllData(db, checked);
  return 'restored';
}
