/**
 * Automatic backups on the desktop: one on the first start of each day and one when the app
 * quits, written by the main process into the backup folder, which rotates them.
 */
import { useEffect } from 'react';
import { backupFileName } from '../../shared/backup';
import { autoPassphrase, makeBackup } from '../db/backup';
import type { ClearDayDatabase } from '../db/database';
import { getAppInfo, isDesktop, listBackups, onBackupRequested, quitBackupDone, writeBackup, type BackupList, type BackupReason } from '../platform';

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
  const passphrase = await autoPassphrase(db);
  const { version } = await getAppInfo();
  const text = await makeBackup(db, { appVersion: version, now, ...(passphrase ? { passphrase } : {}) });
  const written = await writeBackup(backupFileName(now, Boolean(passphrase)), text, reason);
  return written?.fileName ?? null;
}

/** Runs the daily backup once the app is open, and answers the main process's request at quit. */
export function useAutomaticBackups(db: ClearDayDatabase, today: string): void {
  useEffect(() => {
    if (!isDesktop()) return undefined;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    void (async () => {
      const list = await listBackups();
      if (list && needsDailyBackup(list, today, timeZone)) await writeAutomaticBackup(db, 'daily', new Date().toISOString());
    })().catch(() => {
      // A failed daily backup is retried at quit and on the next start; Settings shows the folder's state.
    });
    return onBackupRequested(() => {
      void writeAutomaticBackup(db, 'quit', new Date().toISOString()).catch(() => quitBackupDone());
    });
  }, [db, today]);
}
