/**
 * The steps of a restore from a file, without any UI: choose and read the file, inspect it,
 * check it fully (with its passphrase), then save a copy of the current data and replace it.
 * useRestore runs them in order and keeps what the section shows; db.ts does the writing.
 */
import { inspectBackup, type BackupPreview, type BackupSummary, type ReadBackupResult } from '../../../shared/backup';
import type { ClearDayDatabase } from '../../db/database';
import { getAppInfo, isDesktop, openLargeTextFile, saveLargeTextFile, writeBackupStreamed } from '../../platform';
import { checkBackup, restoreWithSafetyCopy, type SafetyCopyTargets } from './db';
import { keepSafetyCopy } from './safety-copy';

const EXTENSIONS = ['cdbackup', 'json'];

/** A file the user picked, with what its envelope says (an encrypted one says little until checked). */
export interface ChosenBackup {
  fileName: string;
  text: string;
  preview: BackupPreview;
}

/** Asks for a backup file; null when the user cancelled the dialog. */
export function openBackupFile(): Promise<{ fileName: string; content: string } | null> {
  return openLargeTextFile(EXTENSIONS);
}

/** Reads a file's envelope; throws a BackupError when it is not a Clearday backup. */
export function inspectFile(file: { fileName: string; content: string }): ChosenBackup {
  return { fileName: file.fileName, text: file.content, preview: inspectBackup(file.content) };
}

/** Fully checks the chosen file (versions, checksum, passphrase, every row) without writing anything. */
export async function checkChosen(chosen: ChosenBackup, passphrase: string): Promise<ReadBackupResult> {
  return checkBackup(chosen.text, passphrase || undefined, (await getAppInfo()).version);
}

/**
 * On the desktop the copy of the current data goes into the backup folder; a browser keeps it
 * in a database of its own (a download may be cancelled) and offers the download as well.
 */
function safetyCopyTargets(): SafetyCopyTargets {
  return isDesktop()
    ? { writeToBackupFolder: async (fileName, text) => (await writeBackupStreamed(fileName, text, 'before-restore'))?.complete === true }
    : { keepInBrowser: keepSafetyCopy, download: (fileName, text) => saveLargeTextFile(fileName, text, ['cdbackup']) };
}

/** Saves the copy of the current data, then replaces it with the checked backup (db.ts). */
export async function restoreChecked(db: ClearDayDatabase, checked: ReadBackupResult, now: string = new Date().toISOString()): Promise<'restored' | 'safety-not-saved'> {
  const { version } = await getAppInfo();
  return restoreWithSafetyCopy(db, checked, { appVersion: version, now, targets: safetyCopyTargets() });
}

/** What the preview lists: an encrypted file shows what it holds only once it is decrypted and checked. */
export function previewSummary(chosen: ChosenBackup | null, checked: ReadBackupResult | null): BackupSummary | undefined {
  return checked?.summary ?? (chosen && !chosen.preview.encrypted ? chosen.preview.summary : undefined);
}
