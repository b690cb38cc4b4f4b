/** An in-memory POSIX file tree for the main process's file code (backups, file sessions). */
import { posix } from 'node:path';
import { vi } from 'vitest';
import type { BackupFileSystem, FileStats } from '../../../electron/backup-store';

export function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** An in-memory POSIX tree: folders, files as bytes, and switches for the failures a disk has. */
export class MemoryFs implements BackupFileSystem {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>(['/']);
  /** Folders whose contents cannot change (EACCES). */
  readonly readOnly = new Set<string>();
  /** Sizes stat reports instead of the real ones (a huge file without allocating it). */
  readonly statSize = new Map<string, number>();
  diskFull = false;
  readonly ops: string[] = [];
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
  }

  async rename(from: string, to: string): Promise<void> {
    this.checkParent(to);
    const bytes = this.files.get(from);
    if (!bytes) throw errno('ENOENT', from);
    this.ops.push(`rename ${from} -> ${to}`);
    this.files.set(to, bytes);
    this.files.delete(from);
    this.mtimes.set(to, ++this.tick);
  }

  async rm(path: string, options: { force: boolean }): Promise<void> {
    if (!this.files.has(path)) {
      if (options.force) return;
      throw errno('ENOENT', path);
    }
    this.checkParent(path);
    this.ops.push(`rm ${path}`);
    this.files.delete(path);
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

