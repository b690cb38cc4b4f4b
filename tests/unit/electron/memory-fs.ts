/** An in-memory POSIX file tree for the main process's file code (backups, file sessions, state files). */
import { posix } from 'node:path';
import { vi } from 'vitest';
import type { BackupFileSystem, FileStats } from '../../../electron/backup-store';
import type { StateFileHandle, StateFileSystem } from '../../../electron/state-file';

export function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** The operations of a file handle a fault can be injected into. */
export type HandleOp = 'open' | 'write' | 'sync' | 'close';

/**
 * An in-memory POSIX tree: folders, files as bytes, and switches for the failures a disk has.
 * It also tracks what a power cut would keep: data is on disk once fsynced (a handle's sync, or a
 * write with flush), and a rename once its folder is fsynced (isDurable).
 */
export class MemoryFs implements BackupFileSystem, StateFileSystem {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>(['/']);
  /** Folders whose contents cannot change (EACCES). */
  readonly readOnly = new Set<string>();
  /** Sizes stat reports instead of the real ones (a huge file without allocating it). */
  readonly statSize = new Map<string, number>();
  diskFull = false;
  /** Makes a handle operation fail: return the error for the operation and path, or undefined. */
  fault: ((op: HandleOp, path: string) => Error | undefined) | undefined;
  /** Every change, in order: `open`, `write`, `sync`, `close` for handles, `rename a -> b`, `mkdir`, `rm`. */
  readonly ops: string[] = [];
  /** Files whose latest data is not yet fsynced. */
  private readonly unsyncedData = new Set<string>();
  /** Folders with a rename not yet fsynced into their entries. */
  private readonly unsyncedEntries = new Set<string>();
  /** A modification time per file, bumped by every change. */
  readonly mtimes = new Map<string, number>();
  private tick = 0;
  readonly readFile = vi.fn(async (path: string): Promise<Uint8Array> => {
    const bytes = this.files.get(path);
    if (!bytes) throw errno(this.dirs.has(path) ? 'EISDIR' : 'ENOENT', path);
    return bytes;
  });

  constructor(folders: string[] = [], files: Record<string, string> = {}) {
    for (const folder of folders) this.addDir(folder);
    for (const [path, text] of Object.entries(files)) {
      this.addDir(posix.dirname(path));
      this.files.set(path, new TextEncoder().encode(text));
    }
  }

  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  /** Whether the file's current content would survive a power cut now. */
  isDurable(path: string): boolean {
    return this.files.has(path) && !this.unsyncedData.has(path) && !this.unsyncedEntries.has(posix.dirname(path));
  }

  namesIn(folder: string): string[] {
    return [...this.files.keys()].filter((path) => posix.dirname(path) === folder).map((path) => posix.basename(path)).sort();
  }

  private addDir(path: string): void {
    for (let current = path; !this.dirs.has(current); current = posix.dirname(current)) this.dirs.add(current);
  }

  private checkParent(path: string): void {
    const parent = posix.dirname(path);
    if (!this.dirs.has(parent)) throw errno('ENOENT', path);
    if (this.readOnly.has(parent)) throw errno('EACCES', path);
  }

  async writeFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void> {
    this.checkParent(path);
    if (this.diskFull) throw errno('ENOSPC', path);
    this.ops.push(`write ${path}${options.flush ? ' (flushed)' : ''}`);
    this.files.set(path, new TextEncoder().encode(data));
    this.mtimes.set(path, ++this.tick);
    this.dataWritten(path, options.flush);
  }

  async appendFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void> {
    this.checkParent(path);
    if (this.diskFull) throw errno('ENOSPC', path);
    this.ops.push(`append ${path}${options.flush ? ' (flushed)' : ''}`);
    const before = this.files.get(path) ?? new Uint8Array();
    const added = new TextEncoder().encode(data);
    const joined = new Uint8Array(before.byteLength + added.byteLength);
    joined.set(before);
    joined.set(added, before.byteLength);
    this.files.set(path, joined);
    this.mtimes.set(path, ++this.tick);
    this.dataWritten(path, options.flush);
  }

  private dataWritten(path: string, synced: boolean): void {
    if (synced) this.unsyncedData.delete(path);
    else this.unsyncedData.add(path);
  }

  private failAt(op: HandleOp, path: string): void {
    const error = this.fault?.(op, path);
    if (error) throw error;
  }

  /** Like fs/promises' open: 'w' creates or truncates a file, 'r' opens a file or a folder (to fsync it). */
  readonly open = vi.fn(async (path: string, flags: 'w' | 'r'): Promise<StateFileHandle> => {
    this.failAt('open', path);
    const isDir = this.dirs.has(path);
    if (flags === 'w') {
      if (isDir) throw errno('EISDIR', path);
      this.checkParent(path);
      this.files.set(path, new Uint8Array());
      this.mtimes.set(path, ++this.tick);
      this.dataWritten(path, false);
    } else if (!isDir && !this.files.has(path)) {
      throw errno('ENOENT', path);
    }
    this.ops.push(`open ${path}`);
    let closed = false;
    const check = (op: HandleOp) => {
      if (closed) throw errno('EBADF', path);
      this.failAt(op, path);
    };
    return {
      writeFile: async (data: string) => {
        check('write');
        if (isDir || flags !== 'w') throw errno('EBADF', path);
        if (this.diskFull) throw errno('ENOSPC', path);
        this.ops.push(`write ${path}`);
        this.files.set(path, new TextEncoder().encode(data));
        this.mtimes.set(path, ++this.tick);
        this.dataWritten(path, false);
      },
      sync: async () => {
        check('sync');
        this.ops.push(`sync ${path}`);
        if (isDir) this.unsyncedEntries.delete(path);
        else this.unsyncedData.delete(path);
      },
      close: async () => {
        check('close');
        closed = true;
        this.ops.push(`close ${path}`);
      },
    };
  });

  async rename(from: string, to: string): Promise<void> {
    this.checkParent(to);
    const bytes = this.files.get(from);
    if (!bytes) throw errno('ENOENT', from);
    this.ops.push(`rename ${from} -> ${to}`);
    this.files.set(to, bytes);
    this.files.delete(from);
    this.mtimes.set(to, ++this.tick);
    // The data goes with the file; the new name is on disk once the folder is synced.
    this.dataWritten(to, !this.unsyncedData.delete(from));
    this.unsyncedEntries.add(posix.dirname(to));
  }

  async rm(path: string, options: { force: boolean }): Promise<void> {
    if (!this.files.has(path)) {
      if (options.force) return;
      throw errno('ENOENT', path);
    }
    this.checkParent(path);
    this.ops.push(`rm ${path}`);
    this.files.delete(path);
    this.unsyncedData.delete(path);
  }

  async mkdir(path: string, _options: { recursive: true }): Promise<unknown> {
    if (this.dirs.has(path)) return undefined;
    let existing = posix.dirname(path);
    while (!this.dirs.has(existing)) existing = posix.dirname(existing);
    if (this.readOnly.has(existing)) throw errno('EACCES', path);
    this.ops.push(`mkdir ${path}`);
    this.addDir(path);
    return path;
  }

  async readdir(path: string): Promise<string[]> {
    if (!this.dirs.has(path)) throw errno(this.files.has(path) ? 'ENOTDIR' : 'ENOENT', path);
    const children = [...this.files.keys(), ...this.dirs].filter((child) => child !== path && posix.dirname(child) === path);
    return children.map((child) => posix.basename(child));
  }

  async stat(path: string): Promise<FileStats> {
    const bytes = this.files.get(path);
    if (bytes) return { size: this.statSize.get(path) ?? bytes.byteLength, mtimeMs: this.mtimes.get(path) ?? 0, isFile: () => true, isDirectory: () => false };
    if (this.dirs.has(path)) return { size: 4096, isFile: () => false, isDirectory: () => true };
    throw errno('ENOENT', path);
  }

  async checkWritable(path: string): Promise<void> {
    if (!this.dirs.has(path)) throw errno('ENOENT', path);
    if (this.readOnly.has(path)) throw errno('EACCES', path);
  }
}

