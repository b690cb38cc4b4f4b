/** Words for whatever a backup, a restore or the backup folder failed with (translated codes). */
import type { TFunction } from 'i18next';
import { BackupError } from '../../../shared/backup/errors';
import { backupStorageErrorCode, fileErrorCode } from '../../../shared/ipc/contract';

export function backupErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof BackupError) return t(`backup.errors.${error.code}`, { detail: error.detail ?? '' });
  const storage = backupStorageErrorCode(error);
  if (storage) return t(`backup.storage.${storage}`);
  const file = fileErrorCode(error);
  if (file) return t(`files.errors.${file}`);
  // Anything else (a file too large to pass, a platform failure) still gets words.
  return t('backup.failed', { message: error instanceof Error ? error.message : String(error) });
}
