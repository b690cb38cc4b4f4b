/**
 * Automatic backups on the desktop: one on the first start of each day and one when the app
 * quits, written by the main process into the backup folder, which rotates them.
 */
import { useEffect } from 'react';
import type { AutomaticResult } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../db/database';
import { writeSetting } from '../../db/settings';
import { getAppInfo, isDesktop, listBackups, onBackupRequested, quitBackupDone, writeBackupStreamed, type BackupList, type BackupReason } from '../../platform';

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDateOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Whether today has no automatic backup yet (a copy taken before a restore does not count). */
export function needsDailyBackup(list: Pick<BackupList, 'backups' | 'missing'>, today: string, timeZone: string): boolean {
  if (list.missing) return false;
  return !list.backups.some((backup) => !backup.beforeRestore && localDateOf(backup.createdAt, timeZone) === today);
}

export async function writeAutomaticBackup(db: ClearDayDatabase, reason: BackupReason, now: string): Promise<string | null> {
  // The backup writer (every table's schema, the crypto) loads when a backup is due, not at start-up.
  const [{ backupFileName }, { backupPassphrase, makeBackup }] = await Promise.all([import('../../../shared/backup'), import('./db')]);
  const passphrase = await backupPassphrase(db);
  const { version } = await getAppInfo();
  const text = await makeBackup(db, { appVersion: version, now, ...(passphrase ? { passphrase } : {}) });
  const written = await writeBackupStreamed(backupFileName(now, Boolean(passphrase)), text, reason);
  if (written) await recordAutomaticResult(db, { at: now, ok: true, fileName: written.fileName });
  return written?.fileName ?? null;
}

export type { AutomaticResult };

async function recordAutomaticResult(db: ClearDayDatabase, result: AutomaticResult): Promise<void> {
  await writeSetting(db, 'backup.lastAutomatic', result);
}

const CHECK_EVERY_MS = 3_600_000;

/**
 * Runs the day's backup when the app opens and checks again every hour (an app left running in
 * the tray for days still backs up daily), and answers the main process's request at quit.
 */
export function useAutomaticBackups(db: ClearDayDatabase, localToday: () => string): void {
  useEffect(() => {
    if (!isDesktop()) return undefined;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const check = () => {
      void (async () => {
        const list = await listBackups();
        if (list && needsDailyBackup(list, localToday(), timeZone)) await writeAutomaticBackup(db, 'daily', new Date().toISOString());
      })().catch(async (error: unknown) => {
        // Tried again within the hour and at quit; Settings shows the failure meanwhile.
        await recordAutomaticResult(db, { at: new Date().toISOString(), ok: false, error: error instanceof Error ? error.message : String(error) });
      });
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    const unsubscribe = onBackupRequested(() => {
      void writeAutomaticBackup(db, 'quit', new Date().toISOString()).catch(async (error: unknown) => {
        await quitBackupDone();
        await recordAutomaticResult(db, { at: new Date().toISOString(), ok: false, error: error instanceof Error ? error.message : String(error) });
      });
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [db, localToday]);
}
