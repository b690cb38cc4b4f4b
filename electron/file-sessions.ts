/**
 * Chunked save and open through the system dialogs, for files too large for one IPC message.
 * A dialog opens a session named by a random token; the renderer then sends (or fetches) the text
 * in slices. Saves collect in a temporary file next to the chosen path and are renamed into place
 * after the final chunk, so a broken transfer never leaves half a file under the user's name.
 * Dialogs, files, timers and the token source are injected so tests run against fakes.
 */
import { basename, dirname, join } from 'node:path';
import { MAX_STREAMED_BYTES, type IpcResponse } from '../shared/ipc/contract';
import { codedMessage, type FileErrorCode } from '../shared/ipc/errors';
import type { ParsedRequest } from './ipc';

/** A session left alone this long is dropped (and its temporary file removed). */
export const FILE_SESSION_IDLE_MS = 10 * 60 * 1000;

/** Sessions open at once; each open one may hold a whole file's text in memory. */
export const MAX_FILE_SESSIONS = 4;

/** Error messages start with a stable code the renderer can translate (shared/ipc's IPC_ERROR_CODES). */
export type FileSessionErrorCode = Extract<FileErrorCode, `file-session-${string}`>;

export class FileSessionError extends Error {
  constructor(
    readonly code: FileSessionErrorCode,
    detail: string,
  ) {
    super(codedMessage(code, detail));
    this.name = 'FileSessionError';
  }
}

export interface SessionFileFilter {
  readonly name: string;
  readonly extensions: string[];
}

export interface SessionDialogs {
  showSaveDialog(options: { defaultPath: string; filters: SessionFileFilter[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: { filters: SessionFileFilter[]; properties: ['openFile']; defaultPath?: string }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** The file operations the sessions need; main.ts passes node:fs/promises. */
export interface SessionFiles {
  writeFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void>;
  appendFile(path: string, data: string, options: { encoding: 'utf8'; flush: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  size(path: string): Promise<number>;
  /** UTF-8 text with a byte-order mark dropped. */
  readText(path: string): Promise<string>;
}

export interface SessionTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FileSessionDependencies {
  readonly dialogs: SessionDialogs;
  readonly files: SessionFiles;
  readonly timers: SessionTimers;
  /** crypto.randomUUID in main.ts. */
  readonly randomUUID: () => string;
  /** Builds the dialog filters from the requested extensions. */
  readonly filters: (extensions: readonly string[]) => SessionFileFilter[];
  /** Makes the file-too-large error (file-handlers.ts's FileTooLargeError) with this channel's limit. */
  readonly tooLarge: (size: number, limit: number) => Error;
  readonly pid?: number;
  readonly log?: (message: string) => void;
}

export interface FileSessions {
  saveBegin(request: ParsedRequest<'file:saveBegin'>): Promise<IpcResponse<'file:saveBegin'>>;
  saveChunk(request: ParsedRequest<'file:saveChunk'>): Promise<IpcResponse<'file:saveChunk'>>;
  openBegin(request: ParsedRequest<'file:openBegin'>): Promise<IpcResponse<'file:openBegin'>>;
  openChunk(request: ParsedRequest<'file:openChunk'>): Promise<IpcResponse<'file:openChunk'>>;
}

interface SaveSession {
  readonly kind: 'save';
  readonly path: string;
  readonly temporary: string;
  nextIndex: number;
  bytes: number;
  timer: unknown;
  /** The chunk being written: the next one waits for it, so appends never interleave. */
  busy: Promise<unknown>;
}

interface OpenSession {
  readonly kind: 'open';
  readonly text: string;
  timer: unknown;
}

type Session = SaveSession | OpenSession;

export function createFileSessions(deps: FileSessionDependencies): FileSessions {
  const sessions = new Map<string, Session>();
  const pid = deps.pid ?? process.pid;

  const drop = async (token: string): Promise<void> => {
    const session = sessions.get(token);
    if (!session) return;
    sessions.delete(token);
    deps.timers.clearTimeout(session.timer);
    if (session.kind === 'save') {
      await deps.files.rm(session.temporary, { force: true }).catch((error: unknown) => deps.log?.(`temporary file ${session.temporary} not removed: ${String(error)}`));
    }
  };

  const touch = (token: string, session: Session): void => {
    deps.timers.clearTimeout(session.timer);
    session.timer = deps.timers.setTimeout(() => {
      if (sessions.get(token) === session) void drop(token);
    }, FILE_SESSION_IDLE_MS);
  };

  const sessionOf = <K extends Session['kind']>(token: string, kind: K): Extract<Session, { kind: K }> => {
    const session = sessions.get(token);
    // Expired, finished, never issued, or a token of the other direction: all the same to the renderer.
    if (session?.kind !== kind) throw new FileSessionError('file-session-unknown', 'the file session has ended or never existed');
    return session as Extract<Session, { kind: K }>;
  };

  const writeChunk = async (token: string, session: SaveSession, index: number, chunk: string, final: boolean): Promise<{ saved: boolean }> => {
    // Index 0 may restart a save; anything else must be the next chunk.
    if (index !== 0 && index !== session.nextIndex) throw new FileSessionError('file-session-sequence', `expected chunk ${session.nextIndex}, got ${index}`);
    const bytes = (index === 0 ? 0 : session.bytes) + Buffer.byteLength(chunk, 'utf8');
    if (bytes > MAX_STREAMED_BYTES) {
      await drop(token);
      throw deps.tooLarge(bytes, MAX_STREAMED_BYTES);
    }
    try {
      const options = { encoding: 'utf8', flush: final } as const;
      await (index === 0 ? deps.files.writeFile(session.temporary, chunk, options) : deps.files.appendFile(session.temporary, chunk, options));
      if (final) await deps.files.rename(session.temporary, session.path);
    } catch (error) {
      await drop(token);
      throw error;
    }
    if (final) {
      sessions.delete(token);
      deps.timers.clearTimeout(session.timer);
      return { saved: true };
    }
    session.bytes = bytes;
    session.nextIndex = index + 1;
    touch(token, session);
    return { saved: false };
  };

  /** Refused before any dialog is shown, so the user never picks a file for nothing. */
  const checkRoom = (): void => {
    if (sessions.size >= MAX_FILE_SESSIONS) throw new FileSessionError('file-session-limit', `${sessions.size} file sessions are open`);
  };

  return {
    async saveBegin({ suggestedName, extensions }) {
      checkRoom();
      const result = await deps.dialogs.showSaveDialog({ defaultPath: suggestedName, filters: deps.filters(extensions) });
      if (result.canceled || !result.filePath) return { canceled: true };
      const path = result.filePath;
      // Again after the dialog: calls made while it was open may have filled the room.
      checkRoom();
      const token = deps.randomUUID();
      // Next to the chosen file, so the final rename stays on one disk.
      const temporary = join(dirname(path), `.${basename(path)}.${pid}.${token}.tmp`);
      const session: SaveSession = { kind: 'save', path, temporary, nextIndex: 0, bytes: 0, timer: undefined, busy: Promise.resolve() };
      sessions.set(token, session);
      touch(token, session);
      return { canceled: false, token, fileName: basename(path) };
    },
    async saveChunk({ token, index, chunk, final }) {
      const session = sessionOf(token, 'save');
      const run = session.busy.then(
        () => writeChunk(token, sessionOf(token, 'save'), index, chunk, final),
        () => writeChunk(token, sessionOf(token, 'save'), index, chunk, final),
      );
      session.busy = run.catch(() => undefined);
      return run;
    },
    async openBegin({ extensions }) {
      checkRoom();
      const result = await deps.dialogs.showOpenDialog({ filters: deps.filters(extensions), properties: ['openFile'] });
      const filePath = result.filePaths[0];
      if (result.canceled || !filePath) return { canceled: true };
      const size = await deps.files.size(filePath);
      if (size > MAX_STREAMED_BYTES) throw deps.tooLarge(size, MAX_STREAMED_BYTES);
      let text: string;
      try {
        text = await deps.files.readText(filePath);
      } catch (error) {
        // V8 strings end near 2^29 characters: a file that decodes past that is too large too.
        if (error instanceof RangeError) throw deps.tooLarge(size, MAX_STREAMED_BYTES);
        throw error;
      }
      checkRoom();
      const token = deps.randomUUID();
      const session: OpenSession = { kind: 'open', text, timer: undefined };
      sessions.set(token, session);
      touch(token, session);
      return { canceled: false, token, fileName: basename(filePath), length: text.length };
    },
    async openChunk({ token, offset, length }) {
      const session = sessionOf(token, 'open');
      const chunk = session.text.slice(offset, offset + length);
      // The read that reaches the end is the last one: the text is not held any longer.
      if (offset + length >= session.text.length) await drop(token);
      else touch(token, session);
      return { chunk };
    },
  };
}
