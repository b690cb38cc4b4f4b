/**
 * What the backup channels do, and the backup made when the app quits. The folder is the
 * default `<userData>/backups` (created when missing) or one the user chose; a chosen folder is
 * never created, because a missing one usually means an unplugged drive and creating the mount
 * point would hide that. Writes are queued, so two backups never rotate the folder at once.
 */
import { join, resolve } from 'node:path';
import { MAX_STREAMED_BYTES, type BackupReason, type IpcRequest, type IpcResponse } from '../shared/ipc/contract';
import {
  BackupStorageError,
  chunkedTemporaryPath,
  listBackupFiles,
  parseStoredBackupName,
  readBackupText,
  rotateBackups,
  statBackupFile,
  storageError,
  type BackupFileSystem,
  type BackupSettingsStore,
  type RotationClock,
} from './backup-store';
import { sendEvent, type EventRecipient } from './events';
import type { IpcHandlerSlice } from './ipc';

export interface FolderDialog {
  showOpenDialog(options: {
    defaultPath: string;
    properties: ['openDirectory', 'createDirectory'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface BackupServiceDependencies {
  readonly fs: BackupFileSystem;
  readonly settings: BackupSettingsStore;
  /** `<userData>/backups`. */
  readonly defaultFolder: string;
  readonly dialog: FolderDialog;
  readonly clock: RotationClock;
  /** Expire chunked writes and the read cache left idle. */
  readonly timers: QuitTimers;
  readonly log: (message: string) => void;
}

/** An unfinished chunked write, or the cached text of a chunked read, goes after this long idle. */
export const CHUNK_SESSION_IDLE_MS = 10 * 60 * 1000;
/**
 * Chunked writes open at once: the daily or quit backup, a copy before a restore and one more
 * cover every real case; past that a renderer is misbehaving and each would hold a temporary file.
 */
export const MAX_CHUNKED_WRITES = 3;

interface WriteSession {
  readonly fileName: string;
  readonly reason: BackupReason;
  readonly folder: string;
  readonly temporary: string;
  nextIndex: number;
  bytes: number;
  timer: unknown;
}

interface ReadCache {
  readonly key: string;
  readonly text: string;
  timer: unknown;
}

export interface BackupService {
  list(): Promise<IpcResponse<'backup:list'>>;
  writeChunk(request: IpcRequest<'backup:writeChunk'>): Promise<IpcResponse<'backup:writeChunk'>>;
  readChunk(request: IpcRequest<'backup:readChunk'>): Promise<IpcResponse<'backup:readChunk'>>;
  chooseFolder(): Promise<IpcResponse<'backup:chooseFolder'>>;
  resetFolder(): Promise<IpcResponse<'backup:resetFolder'>>;
}

export function createBackupService(deps: BackupServiceDependencies): BackupService {
  const { fs, settings, log } = deps;
  const defaultFolder = resolve(deps.defaultFolder);
  let chosen: Promise<string | null> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs after everything queued before it, whether that succeeded or not. */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  const currentFolder = async (): Promise<{ folder: string; custom: boolean }> => {
    chosen ??= settings.load();
    const folder = await chosen;
    return folder === null ? { folder: defaultFolder, custom: false } : { folder, custom: true };
  };

  /** The folder, ready for a write: the default is created, a chosen one must exist. */
  const writableFolder = async (): Promise<string> => {
    const { folder, custom } = await currentFolder();
    if (!custom) {
      await fs.mkdir(folder, { recursive: true }).catch((error: unknown) => {
        throw storageError(error, folder, 'write');
      });
      return folder;
    }
    const stats = await fs.stat(folder).catch(() => undefined);
    if (!stats?.isDirectory()) throw new BackupStorageError('backup-folder-missing', folder);
    return folder;
  };

  const remember = async (folder: string | null): Promise<void> => {
    await settings.save(folder);
    chosen = Promise.resolve(folder);
  };

  const checkWriteName = (fileName: string, reason: BackupReason): void => {
    const parsed = parseStoredBackupName(fileName);
    if (!parsed) throw new BackupStorageError('backup-name-invalid', fileName);
    // A safety copy under an automatic name would be rotated away with the others.
    if (reason === 'before-restore' && !parsed.beforeRestore) throw new BackupStorageError('backup-name-invalid', fileName);
  };

  const sessions = new Map<string, WriteSession>();
  let cache: ReadCache | undefined;

  /** Drops a chunked write and its temporary file (inside the queue, so no chunk races it). */
  const discard = async (session: WriteSession): Promise<void> => {
    deps.timers.clearTimeout(session.timer);
    if (sessions.get(session.fileName) === session) sessions.delete(session.fileName);
    await fs.rm(session.temporary, { force: true }).catch((error: unknown) => log(`temporary backup ${session.temporary} not removed: ${String(error)}`));
  };

  const touch = (session: WriteSession): void => {
    deps.timers.clearTimeout(session.timer);
    session.timer = deps.timers.setTimeout(() => {
      log(`chunked backup ${session.fileName} idle for ${CHUNK_SESSION_IDLE_MS} ms; discarded`);
      void enqueue(() => discard(session));
    }, CHUNK_SESSION_IDLE_MS);
  };

  const dropCache = (): void => {
    if (cache) deps.timers.clearTimeout(cache.timer);
    cache = undefined;
  };

  /** A write replaced the file: its cached text is stale even if size and mtime look the same. */
  const written = (folder: string, fileName: string): void => {
    if (cache?.key.startsWith(`${join(folder, fileName)}\0`)) dropCache();
  };

  return {
    writeChunk: ({ fileName, reason, index, chunk, final }) =>
      enqueue(async () => {
        checkWriteName(fileName, reason);
        let session = sessions.get(fileName);
        if (index === 0) {
          // A new start means the renderer gave up on the old one.
          if (session) await discard(session);
          // Each open write holds a temporary file: a few at a time is all the app ever needs.
          else if (sessions.size >= MAX_CHUNKED_WRITES) throw new BackupStorageError('backup-busy', String(sessions.size));
          const folder = await writableFolder();
          session = { fileName, reason, folder, temporary: chunkedTemporaryPath(folder, fileName), nextIndex: 0, bytes: 0, timer: undefined };
          sessions.set(fileName, session);
        } else if (!session || session.nextIndex !== index || session.reason !== reason) {
          throw new BackupStorageError('backup-chunk-order', session ? `expected ${session.nextIndex}, got ${index}` : `no write started, got ${index}`);
        }
        const current = session;
        current.bytes += Buffer.byteLength(chunk, 'utf8');
        if (current.bytes > MAX_STREAMED_BYTES) {
          await discard(current);
          throw new BackupStorageError('backup-too-large', String(current.bytes));
        }
        try {
          // writeFile at index 0 truncates whatever a crashed run left under the same name.
          const options = { encoding: 'utf8', flush: final } as const;
          await (index === 0 ? fs.writeFile(current.temporary, chunk, options) : fs.appendFile(current.temporary, chunk, options));
          if (final) await fs.rename(current.temporary, join(current.folder, fileName));
        } catch (error) {
          await discard(current);
          throw storageError(error, current.folder, 'write');
        }
        if (!final) {
          current.nextIndex = index + 1;
          touch(current);
          return { fileName, removed: [], complete: false };
        }
        deps.timers.clearTimeout(current.timer);
        sessions.delete(fileName);
        written(current.folder, fileName);
        const removed = await rotateBackups(fs, current.folder, deps.clock, fileName, log);
        return { fileName, removed, complete: true };
      }),
    async readChunk({ fileName, offset, length }) {
      const { folder } = await currentFolder();
      const stats = await statBackupFile(fs, folder, fileName);
      if (stats.size > MAX_STREAMED_BYTES) throw new BackupStorageError('backup-too-large', String(stats.size));
      const key = `${join(folder, fileName)}\0${stats.size}\0${stats.mtimeMs ?? ''}`;
      if (cache?.key !== key) {
        dropCache();
        // Only the last file is kept: a restore reads one backup from start to end.
        cache = { key, text: await readBackupText(fs, folder, fileName, MAX_STREAMED_BYTES), timer: undefined };
      }
      const entry = cache;
      deps.timers.clearTimeout(entry.timer);
      entry.timer = deps.timers.setTimeout(() => {
        if (cache === entry) cache = undefined;
      }, CHUNK_SESSION_IDLE_MS);
      return { chunk: entry.text.slice(offset, offset + length), total: entry.text.length };
    },
    async list() {
      const { folder, custom } = await currentFolder();
      const backups = await listBackupFiles(fs, folder);
      // A default folder that does not exist yet simply has no backups.
      return { folder, custom, missing: custom && backups === undefined, backups: backups ?? [] };
    },
    async chooseFolder() {
      const { folder: current } = await currentFolder();
      // Outside the queue: a backup due while the user browses (or the one on quit) must not wait.
      const result = await deps.dialog.showOpenDialog({ defaultPath: current, properties: ['openDirectory', 'createDirectory'] });
      const picked = result.filePaths[0];
      if (result.canceled || !picked) return { canceled: true };
      return enqueue(async () => {
        const folder = resolve(picked);
        const stats = await fs.stat(folder).catch(() => undefined);
        if (!stats?.isDirectory()) throw new BackupStorageError('backup-folder-missing', folder);
        // Refused before it is remembered, so the next automatic backup does not fail instead.
        await fs.checkWritable(folder).catch(() => {
          throw new BackupStorageError('backup-folder-unwritable', folder);
        });
        await remember(folder === defaultFolder ? null : folder);
        return { canceled: false as const, folder };
      });
    },
    resetFolder: () =>
      enqueue(async () => {
        await remember(null);
        return { folder: defaultFolder };
      }),
  };
}

// ---------------------------------------------------------------- the channels

/** The backup service and the quit handshake, as the backup channels use them. */
export interface BackupHandlerDependencies extends Pick<BackupService, 'list' | 'writeChunk' | 'readChunk' | 'chooseFolder' | 'resetFolder'> {
  /** Lets a quit held back for its backup go ahead; nothing when no quit is waiting. */
  releaseQuit(): void;
}

export function backupHandlers(
  deps: BackupHandlerDependencies,
): IpcHandlerSlice<'backup:list' | 'backup:writeChunk' | 'backup:readChunk' | 'backup:chooseFolder' | 'backup:resetFolder' | 'backup:quitReady'> {
  return {
    'backup:list': () => deps.list(),
    'backup:writeChunk': async (request) => {
      const quit = request.reason === 'quit';
      try {
        const response = await deps.writeChunk(request);
        // Only the final chunk completes the quit backup; earlier ones leave the quit waiting.
        if (quit && request.final) deps.releaseQuit();
        return response;
      } catch (error) {
        // A failed quit backup cannot be retried at quit time: waiting longer only delays the quit.
        if (quit) deps.releaseQuit();
        throw error;
      }
    },
    'backup:readChunk': (request) => deps.readChunk(request),
    'backup:chooseFolder': () => deps.chooseFolder(),
    'backup:resetFolder': () => deps.resetFolder(),
    'backup:quitReady': () => {
      deps.releaseQuit();
      return undefined;
    },
  };
}

// ---------------------------------------------------------------- the backup on quit

/** Electron waits no longer than this for the renderer's quit backup. */
export const QUIT_BACKUP_TIMEOUT_MS = 10_000;

export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface QuitBackupDependencies {
  readonly app: QuitApp;
  /** The renderer that makes the backup, or undefined when there is none able to answer. */
  readonly target: () => EventRecipient | undefined;
  readonly timers: QuitTimers;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

export interface QuitBackup {
  /** A quit backup was written (or failed), or the renderer has nothing to write: quit now. */
  release(): void;
  isWaiting(): boolean;
}

/**
 * The first quit is held back while the renderer writes a backup: `before-quit` is prevented,
 * `backup:requested` is sent, and the app quits for real once the renderer answers or after
 * the timeout. A second quit during the wait goes through at once; with no renderer to ask,
 * nothing is held back.
 */
export function installQuitBackup(deps: QuitBackupDependencies): QuitBackup {
  const timeoutMs = deps.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS;
  let state: 'idle' | 'waiting' | 'released' = 'idle';
  let timer: unknown;

  const stopWaiting = () => {
    state = 'released';
    deps.timers.clearTimeout(timer);
    timer = undefined;
  };

  const release = () => {
    if (state !== 'waiting') return;
    stopWaiting();
    deps.app.quit();
  };

  deps.app.on('before-quit', (event) => {
    if (state === 'released') return;
    if (state === 'waiting') {
      // The user insists: let this quit through.
      stopWaiting();
      return;
    }
    let sent = false;
    try {
      sent = sendEvent(deps.target(), 'backup:requested', { reason: 'quit' });
    } catch (error) {
      deps.log?.(`quit backup not requested: ${String(error)}`);
    }
    if (!sent) {
      state = 'released';
      return;
    }
    event.preventDefault();
    state = 'waiting';
    timer = deps.timers.setTimeout(() => {
      deps.log?.(`quit backup not finished after ${timeoutMs} ms; quitting without it`);
      release();
    }, timeoutMs);
  });

  return { release, isWaiting: () => state === 'waiting' };
}
