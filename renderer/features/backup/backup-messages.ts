/** Words for whatever a backup, a restore or the backup folder failed with (translated codes). */
import type { TFunction } from 'i18next';
import { BackupError } from '../../../shared/backup/errors';
import { MAX_STREAMED_BYTES } from '../../../shared/ipc/limits';
import { ipcErrorCode, type IpcErrorCode } from '../../../shared/ipc/errors';

/** Where each IPC error code's sentence sits: the backup codes under backup.storage, the file codes under files.errors. */
export function ipcErrorKey(code: IpcErrorCode): string {
  return code.startsWith('backup-') ? `backup.storage.${code}` : `files.errors.${code}`;
}

/** "1 GB": the size limit as the sentences state it. */
function sizeText(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3;
  return Number.isInteger(gigabytes) ? `${gigabytes} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** The sentence for an IPC error code; the too-large ones name the limit of the chunked channels. */
export function ipcErrorMessage(t: TFunction, code: IpcErrorCode): string {
  return t(ipcErrorKey(code), { limit: sizeText(MAX_STREAMED_BYTES) });
}

export function backupErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof BackupError) return t(`backup.errors.${error.code}`, { detail: error.detail ?? '' });
  const code = ipcErrorCode(error);
  if (code) return ipcErrorMessage(t, code);
  // Anything else (a platform failure) still gets words.
  return t('backup.failed', { message: error instanceof Error ? error.message : String(error) });
}
