/**
 * The codes an IPC channel's error can carry: one kebab-case list for every channel. The main
 * process throws errors whose message is `<code>: <detail>` (codedMessage); the renderer finds the
 * code again (ipcErrorCode) and shows its translated sentence. The detail is for logs and the
 * "technical details" disclosure, never words for the user.
 */

export const IPC_ERROR_CODES = [
  /** The chosen backup folder no longer exists (an unplugged drive, a deleted folder). */
  'backup-folder-missing',
  /** The backup folder refuses writes (permissions, a read-only medium). */
  'backup-folder-unwritable',
  /** The backup folder refuses reads. */
  'backup-folder-unreadable',
  /** No space left (or over quota) on the backup folder's disk. */
  'backup-disk-full',
  /** The name is not a backup name the main process keeps, or does not fit the reason. */
  'backup-name-invalid',
  /** No such backup file in the folder. */
  'backup-not-found',
  /** The backup is over MAX_STREAMED_BYTES, to read or to write. */
  'backup-too-large',
  /** A chunk of a streamed backup came out of order (or for a write never started). */
  'backup-chunk-order',
  /** Too many streamed backups are being written at once. */
  'backup-busy',
  /** Any other file-system failure of the backup folder; the detail is the system's error code. */
  'backup-io-failed',
  /** The file is larger than the file channels take (MAX_STREAMED_BYTES). */
  'file-too-large',
  /** The file session ended (finished, idle too long) or never existed. */
  'file-session-unknown',
  /** A chunk of a chunked save came out of order. */
  'file-session-sequence',
  /** Too many file sessions are open at once. */
  'file-session-limit',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
/** The codes of the backup channels (backup-store.ts's BackupStorageError). */
export type BackupStorageErrorCode = Extract<IpcErrorCode, `backup-${string}`>;
/** The codes of the file channels (file-sessions.ts, file-handlers.ts). */
export type FileErrorCode = Extract<IpcErrorCode, `file-${string}`>;

/** The one shape of a coded error's message. */
export function codedMessage(code: IpcErrorCode, detail: string): string {
  return `${code}: ${detail}`;
}

/** A code where a message may carry one: at the start or after a space or colon, then a colon. */
const CODE_IN_MESSAGE = /(?:^|[\s:])([a-z]+(?:-[a-z]+)+):/g;

/**
 * The code of a channel's error, wherever it sits in the message: Electron's invoke prefixes the
 * main process's message with "Error invoking remote method '…': Error: ". Only codes of the list
 * count, so a kebab-case word in some other message is never taken for one.
 */
export function ipcErrorCode(error: unknown): IpcErrorCode | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  for (const match of message.matchAll(CODE_IN_MESSAGE)) {
    const code = match[1] ?? '';
    if ((IPC_ERROR_CODES as readonly string[]).includes(code)) return code as IpcErrorCode;
  }
  return undefined;
}
