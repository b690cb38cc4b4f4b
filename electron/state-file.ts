/**
 * The one way the main process keeps a JSON state file in userData/state (window.json,
 * reminders.json, backup.json). A save writes a temporary file in the same folder, fsyncs it,
 * renames it over the real one and fsyncs the folder, so a crash or a power cut leaves either the
 * old file or the new one, never an empty or half-written one. Saves of one file are queued;
 * reads are validated with the caller's zod schema, and anything unreadable counts as no file.
 * The file system is injected so tests run against an in-memory fake.
 */
import { dirname } from 'node:path';
import type { z } from 'zod';

/** The part of node:fs/promises' FileHandle a save uses. */
export interface StateFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The slice of node:fs/promises the state files need; main.ts passes the real one. */
export interface StateFileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** 'w' for the temporary file, 'r' for the folder whose entry is synced. */
  open(path: string, flags: 'w' | 'r'): Promise<StateFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export interface StateFileOptions<S extends z.ZodType> {
  readonly path: string;
  readonly fs: StateFileSystem;
  /** What a readable file holds; anything else is treated as no file. */
  readonly schema: S;
  /** Turns the JSON of an older version into today's shape before the schema checks it. */
  readonly migrate?: (raw: unknown) => unknown;
  /** The text written; pretty-printing is the caller's choice. Defaults to one line of JSON. */
  readonly serialize?: (value: z.output<S>) => string;
  /** Told when the file exists but holds no valid state (corrupt, foreign, an edit gone wrong). */
  readonly onUnreadable?: () => void;
  /** Told when the folder could not be synced after a save that otherwise succeeded. */
  readonly log?: (message: string) => void;
  /** process.platform by default; on win32 the folder is not synced (see save). */
  readonly platform?: NodeJS.Platform;
  readonly pid?: number;
}

export interface StateFile<T> {
  /** The validated content, or undefined when the file is missing or unreadable. */
  load(): Promise<T | undefined>;
  /** Resolves once the new content is on disk; rejects with the file system's error, the old file intact. */
  save(value: T): Promise<void>;
}

/** A file's text as state, or undefined when it is not JSON of the schema's shape. */
export function parseStateText<S extends z.ZodType>(text: string, schema: S, migrate: (raw: unknown) => unknown = (raw) => raw): z.output<S> | undefined {
  try {
    const result = schema.safeParse(migrate(JSON.parse(text)));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** The save queue of every file, per file system, so two stores of one path cannot race either. */
const queues = new WeakMap<StateFileSystem, Map<string, Promise<unknown>>>();

function enqueue(fs: StateFileSystem, path: string, task: () => Promise<void>): Promise<void> {
  let byPath = queues.get(fs);
  if (!byPath) queues.set(fs, (byPath = new Map()));
  const result = (byPath.get(path) ?? Promise.resolve()).then(task);
  // The queue survives a failed save; the caller still sees the failure.
  const settled = result.catch(() => undefined);
  byPath.set(path, settled);
  void settled.then(() => {
    if (byPath.get(path) === settled) byPath.delete(path);
  });
  return result;
}

/** Writes `text` to `path` through a handle and fsyncs it before closing. */
async function writeSynced(fs: StateFileSystem, path: string, text: string): Promise<void> {
  const handle = await fs.open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createStateFile<S extends z.ZodType>(options: StateFileOptions<S>): StateFile<z.output<S>> {
  const { path, fs, schema } = options;
  const platform = options.platform ?? process.platform;
  const temporary = `${path}.${options.pid ?? process.pid}.tmp`;
  const serialize = options.serialize ?? ((value: z.output<S>) => `${JSON.stringify(value)}\n`);
  return {
    async load() {
      let text: string;
      try {
        // TextDecoder drops a byte-order mark an editor may have added.
        text = new TextDecoder('utf-8').decode(await fs.readFile(path));
      } catch {
        return undefined;
      }
      const state = parseStateText(text, schema, options.migrate);
      if (state === undefined) options.onUnreadable?.();
      return state;
    },
    save(value) {
      // Serialised now: the caller may change the object before the queue reaches this save.
      const text = serialize(value);
      return enqueue(fs, path, async () => {
        const folder = dirname(path);
        await fs.mkdir(folder, { recursive: true });
        try {
          // Synced before the rename: otherwise a power cut can leave the new name on empty data.
          await writeSynced(fs, temporary, text);
          await fs.rename(temporary, path);
        } catch (error) {
          await fs.rm(temporary, { force: true }).catch(() => undefined);
          throw error;
        }
        // The rename lives in the folder's entry until the folder is synced. Windows cannot open a
        // folder for fsync (EPERM/EISDIR), and NTFS journals the rename itself, so it is skipped there.
        if (platform === 'win32') return;
        try {
          const handle = await fs.open(folder, 'r');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
        } catch (error) {
          // The new file is already in place and whole; a file system that refuses to sync a folder
          // (some network mounts) only loses the durability of the rename, so the save still counts.
          options.log?.(`folder of ${path} not synced: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    },
  };
}
