/**
 * What the backup channels do, and the backup made when the app quits. The folder is the
 * default `<userData>/backups` (created when missing) or one the user chose; a chosen folder is
 * never created, because a missing one usually means an unplugged drive and creating the mount
 * point would hide that. Writes are queued, so two backups never rotate the folder at once.
 */
import { resolve } from 'node:path';
import type { IpcRequest, IpcResponse } from '../shared/ipc/contract';
import {
  BackupStorageError,
  listBackupFiles,
  parseStoredBackupName,
  readBackupFile,
  rotateBackups,
  storageError,
  writeBackupFile,
  type BackupFileSystem,
  type BackupSettingsStore,
  type RotationClock,
} from './backup-store';
import { sendEvent, type EventRecipient } from './events';

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
  readonly log: (message: string) => void;
}

export interface BackupService {
  write(request: IpcRequest<'backup:write'>): Promise<IpcResponse<'backup:write'>>;
  list(): Promise<IpcResponse<'backup:list'>>;
  read(fileName: string): Promise<IpcResponse<'backup:read'>>;
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

  return {
    write: ({ fileName, content, reason }) =>
      enqueue(async () => {
        const parsed = parseStoredBackupName(fileName);
        if (!parsed) throw new BackupStorageError('backup-name-invalid', fileName);
        // A safety copy under an automatic name would be rotated away with the others.
        if (reason === 'before-restore' && !parsed.beforeRestore) throw new BackupStorageError('backup-name-invalid', fileName);
        const folder = await writableFolder();
        await writeBackupFile(fs, folder, fileName, content);
        const removed = await rotateBackups(fs, folder, deps.clock, fileName, log);
        return { fileName, removed };
      }),
    async list() {
      const { folder, custom } = await currentFolder();
      const backups = await listBackupFiles(fs, folder);
      // A default folder that does not exist yet simply has no backups.
      return { folder, custom, missing: custom && backups === undefined, backups: backups ?? [] };
    },
    async read(fileName) {
      const { folder } = await currentFolder();
      return { content: await readBackupFile(fs, folder, fileName) };
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
