/**
 * The one error type of backup and restore. `code` picks a translated message (the UI owns the
 * words); `detail` says where, e.g. `transactions:12:amount` or `schema:2`, never a sentence.
 */
export const BACKUP_ERROR_CODES = [
  /** Not JSON, or JSON that is not a Clearday backup at all. */
  'not-a-backup',
  /** A Clearday backup whose structure is damaged (truncated, a field of the wrong type, bad base64). */
  'corrupt',
  /** Made by a newer Clearday (file format or database schema); detail `format:N` or `schema:N`. */
  'newer-version',
  /** An older schema version this build has no upgrade step for; detail `schema:N`. */
  'unsupported-version',
  /** The checksum does not match the content: the file was damaged or edited. */
  'checksum-mismatch',
  /** The backup is encrypted and no passphrase was given. */
  'passphrase-needed',
  /** The passphrase does not open this backup. */
  'wrong-passphrase',
  /** The passphrase is right but the encrypted data was altered (and its checksum recomputed). */
  'tampered',
  /** The row counts in the header do not match the rows; detail: the table. */
  'count-mismatch',
  /** A row fails its schema; detail `table:index:field`. */
  'invalid-row',
  /** A table this version of Clearday does not know; detail: its name. */
  'unknown-table',
  /** Two rows of a table share a key (or a unique index); detail `table:index:field`. */
  'duplicate-id',
  /** A row holds a value JSON cannot carry (a function, NaN, a Date, a cycle); detail `table:index:path`. */
  'unsupported-value',
  /** createBackup was called with bad arguments (createdAt, passphrase, iterations); detail: the argument. */
  'invalid-options',
  /** The platform's WebCrypto failed for another reason (detail: the step). */
  'crypto-failed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly detail?: string,
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`);
    this.name = 'BackupError';
  }
}
