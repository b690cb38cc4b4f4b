/**
 * Backup files on disk. The renderer makes the backup text; this module only places it: the
 * temporary file a chunked write collects in (backup-service.ts renames it into place), the
 * listing, reading one back, grandfather-father-son rotation of the automatic backups, and the
 * user's choice of folder in userData/state/backup.json. The file system is injected so tests run
 * against an in-memory fake.
 *
 * Only names this module recognises are ever listed, read back or deleted: anything else the
 * user keeps in the folder is left alone.
 */
import { basename, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { backupFileName, backupsToKeep, parseBackupFileName } from '../shared/backup/rotation';
import { BACKUP_FILE_NAME_PATTERN, MAX_BACKUP_FILE_NAME, type IpcResponse } from '../shared/ipc/contract';
import { codedMessage, type BackupStorageErrorCode } from '../shared/ipc/errors';
import { epochToZoned } from '../shared/reminders/zoned-time';
import { createStateFile, type StateFileSystem } from './state-file';

export const BACKUP_SETTINGS_FILE = 'backup.json';
/** Safety copies made just before a restore: listed and readable, never rotated away. */
export const BEFORE_RESTORE_PREFIX = 'clearday-before-restore-';

export type StoredBackup = IpcResponse<'backup:list'>['backups'][number];

export interface FileStats {
  readonly size: number;
  /** Part of the read cache's key, so a rewritten file is decoded again. */
  readonly mtimeMs?: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The parts of node:fs/promises the backup code uses. */
export interface BackupFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void>;
  appendFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<FileStats>;
  /** Resolves when the folder accepts writes (access with W_OK), rejects otherwise. */
  checkWritable(path: string): Promise<void>;
}

/** An error whose message starts with a backup code of shared/ipc's IPC_ERROR_CODES. */
export class BackupStorageError extends Error {
  constructor(
    readonly code: BackupStorageErrorCode,
    readonly detail: string,
  ) {
    super(codedMessage(code, detail));
    this.name = 'BackupStorageError';
  }
}

// ---------------------------------------------------------------- names

export interface ParsedBackupName {
  createdAt: string;
  encrypted: boolean;
  beforeRestore: boolean;
}

/**
 * The backups this module keeps: `clearday-<instant>[-encrypted].cdbackup` (shared/backup's
 * names) and the same with `clearday-before-restore-` in front. undefined for anything else.
 */
export function parseStoredBackupName(name: string): ParsedBackupName | undefined {
  if (!isPlainBackupName(name)) return undefined;
  if (name.startsWith(BEFORE_RESTORE_PREFIX)) {
    const parsed = parseBackupFileName(`clearday-${name.slice(BEFORE_RESTORE_PREFIX.length)}`);
    return parsed && { ...parsed, beforeRestore: true };
  }
  const parsed = parseBackupFileName(name);
  return parsed && { ...parsed, beforeRestore: false };
}

/** The name of the safety copy made before a restore at `createdAt`. */
export function beforeRestoreFileName(createdAt: string, encrypted: boolean): string {
  return `${BEFORE_RESTORE_PREFIX}${backupFileName(createdAt, encrypted).slice('clearday-'.length)}`;
}

/** The contract's name rule, checked again here so no caller can pass a path. */
export function isPlainBackupName(name: string): boolean {
  return name.length <= MAX_BACKUP_FILE_NAME && BACKUP_FILE_NAME_PATTERN.test(name) && basename(name) === name;
}

// ---------------------------------------------------------------- errors

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const ACCESS_DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** A file-system failure as the typed error the renderer translates. */
export function storageError(error: unknown, folder: string, access: 'read' | 'write'): BackupStorageError {
  if (error instanceof BackupStorageError) return error;
  const errno = errnoOf(error);
  if (errno && ACCESS_DENIED.has(errno)) return new BackupStorageError(access === 'write' ? 'backup-folder-unwritable' : 'backup-folder-unreadable', folder);
  if (errno && NO_SPACE.has(errno)) return new BackupStorageError('backup-disk-full', folder);
  if (errno && MISSING.has(errno)) return new BackupStorageError('backup-folder-missing', folder);
  return new BackupStorageError('backup-io-failed', errno ?? (error instanceof Error ? error.message : String(error)));
}

// ---------------------------------------------------------------- folder contents

/**
 * Where a chunked write collects its chunks: a dot-file in the backup folder (the leading dot hides
 * it on Unix, and it never matches a backup name, so nothing lists it), on the same disk as the
 * final name so the rename is atomic.
 */
export function chunkedTemporaryPath(folder: string, fileName: string): string {
  if (!isPlainBackupName(fileName)) throw new BackupStorageError('backup-name-invalid', fileName);
  return join(folder, `.${fileName}.${process.pid}.chunks.tmp`);
}

/** Backups in the folder, newest first; undefined when the folder does not exist. */
export async function listBackupFiles(fs: BackupFileSystem, folder: string): Promise<StoredBackup[] | undefined> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (MISSING.has(errnoOf(error) ?? '')) return undefined;
    throw storageError(error, folder, 'read');
  }
  const backups: StoredBackup[] = [];
  for (const fileName of names) {
    const parsed = parseStoredBackupName(fileName);
    if (!parsed) continue;
    try {
      const stats = await fs.stat(join(folder, fileName));
      if (stats.isFile()) backups.push({ fileName, ...parsed, size: stats.size });
    } catch {
      // Removed between readdir and stat (another rotation, the user): not there any more.
    }
  }
  return backups.sort((a, b) => compareDesc(a.createdAt, b.createdAt) || compareDesc(a.fileName, b.fileName));
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** A backup's stat, with missing files reported as backup-not-found. */
export async function statBackupFile(fs: BackupFileSystem, folder: string, fileName: string): Promise<FileStats> {
  if (!isPlainBackupName(fileName)) throw new BackupStorageError('backup-name-invalid', fileName);
  let stats: FileStats;
  try {
    stats = await fs.stat(join(folder, fileName));
  } catch (error) {
    if (MISSING.has(errnoOf(error) ?? '')) throw new BackupStorageError('backup-not-found', fileName);
    throw storageError(error, folder, 'read');
  }
  if (!stats.isFile()) throw new BackupStorageError('backup-not-found', fileName);
  return stats;
}

/**
 * The whole decoded text of a backup up to `limit` bytes (BOM dropped). V8 strings stop near
 * 2^29 characters, so a file that decodes past that is too large as well.
 */
export async function readBackupText(fs: BackupFileSystem, folder: string, fileName: string, limit: number): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(join(folder, fileName));
  } catch (error) {
    if (MISSING.has(errnoOf(error) ?? '')) throw new BackupStorageError('backup-not-found', fileName);
    throw storageError(error, folder, 'read');
  }
  // The file may have grown since stat.
  if (bytes.byteLength > limit) throw new BackupStorageError('backup-too-large', String(bytes.byteLength));
  try {
    return new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw new BackupStorageError('backup-too-large', String(bytes.byteLength));
    throw error;
  }
}

export interface RotationClock {
  now(): number;
  /** The user's IANA zone, whose calendar days count; UTC when undefined or unknown. */
  timeZone(): string | undefined;
}

/** Today in the zone, and the zone itself when it is one Intl knows. */
function localToday(clock: RotationClock): { today: string; timeZone?: string } {
  const now = clock.now();
  const zone = clock.timeZone();
  if (zone !== undefined) {
    try {
      return { today: epochToZoned(now, zone).date, timeZone: zone };
    } catch {
      // An unknown zone name: counting days in UTC is off by hours, never by backups.
    }
  }
  return { today: new Date(now).toISOString().slice(0, 10) };
}

/**
 * Deletes the automatic backups rotation no longer keeps (7 daily, 4 weekly, 12 monthly).
 * Before-restore copies and files with other names take no part; `keepName` (the backup just
 * written) is never deleted, whatever its date. Returns the names actually removed; a failure
 * is logged, never thrown, since the new backup is already safe.
 */
export async function rotateBackups(fs: BackupFileSystem, folder: string, clock: RotationClock, keepName: string, log: (message: string) => void): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    log(`backup rotation skipped: ${String(error)}`);
    return [];
  }
  const entries = names.flatMap((name) => {
    const parsed = parseStoredBackupName(name);
    return parsed && !parsed.beforeRestore ? [{ name, createdAt: parsed.createdAt }] : [];
  });
  const { today, timeZone } = localToday(clock);
  const { remove } = backupsToKeep(entries, today, timeZone === undefined ? {} : { timeZone });
  const removed: string[] = [];
  for (const name of remove) {
    if (name === keepName) continue;
    try {
      await fs.rm(join(folder, name), { force: false });
      removed.push(name);
    } catch (error) {
      log(`old backup ${name} not removed: ${String(error)}`);
    }
  }
  return removed;
}

// ---------------------------------------------------------------- folder choice

const BackupSettingsSchema = z
  .object({
    /** An absolute folder the user chose, or null for the default. */
    folder: z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path').nullable(),
  })
  .strict();

export interface BackupSettingsStore {
  /** The chosen folder, or null for the default (also when the file is missing or corrupt). */
  load(): Promise<string | null>;
  save(folder: string | null): Promise<void>;
}

/** userData/state/backup.json, through state-file.ts: validated on read, written atomically and synced. */
export function createBackupSettingsStore(filePath: string, fs: StateFileSystem, log: (message: string) => void = () => undefined): BackupSettingsStore {
  const file = createStateFile({
    path: filePath,
    fs,
    schema: BackupSettingsSchema,
    onUnreadable: () => log(`backup settings in ${filePath} are unreadable; using the default folder`),
    log,
  });
  return {
    load: async () => (await file.load())?.folder ?? null,
    async save(folder) {
      try {
        await file.save({ folder });
      } catch (error) {
        throw new BackupStorageError('backup-io-failed', errnoOf(error) ?? String(error));
      }
    },
  };
}
