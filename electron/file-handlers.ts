/**
 * The file channels: file:save (one message) and the chunked save and open of file-sessions.ts.
 * Dialogs, files and the sessions are injected, so tests run the handlers against fakes.
 */
import { basename } from 'node:path';
import { codedMessage } from '../shared/ipc/errors';
import type { FileSessions } from './file-sessions';
import type { IpcHandlerSlice } from './ipc';

/** A file over the channel's limit; the message starts with the code the renderer translates. */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(codedMessage('file-too-large', `the file is ${formatMiB(size)} MiB; files up to ${formatMiB(limit, false)} MiB can be opened`));
    this.name = 'FileTooLargeError';
  }
}

/** MiB with one decimal ("64.3"), or whole ("1024") for the limit. */
function formatMiB(bytes: number, decimal = true): string {
  const tenths = Math.round((bytes * 10) / (1024 * 1024));
  return decimal ? `${Math.floor(tenths / 10)}.${tenths % 10}` : String(Math.round(tenths / 10));
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

export interface FileDialogs {
  showSaveDialog(options: { defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: { filters: FileFilter[]; properties: ['openFile']; defaultPath?: string }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface TextFiles {
  writeText(path: string, text: string): Promise<void>;
}

export interface FileHandlerDependencies {
  readonly dialogs: FileDialogs;
  readonly files: TextFiles;
  /** Chunked save and open (file:saveBegin/saveChunk, file:openBegin/openChunk). */
  readonly sessions: FileSessions;
}

/** The filter's label is the extensions themselves ("CSV, JSON"): no text to translate. */
export function fileFilters(extensions: readonly string[]): FileFilter[] {
  if (extensions.length === 0) return [];
  return [{ name: extensions.map((ext) => ext.toUpperCase()).join(', '), extensions: [...extensions] }];
}

export function fileHandlers(deps: FileHandlerDependencies): IpcHandlerSlice<'file:save' | 'file:saveBegin' | 'file:saveChunk' | 'file:openBegin' | 'file:openChunk'> {
  return {
    // The one place the app writes outside userData: the path is the one the user picked.
    'file:save': async ({ suggestedName, content, extensions }) => {
      const result = await deps.dialogs.showSaveDialog({ defaultPath: suggestedName, filters: fileFilters(extensions) });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.files.writeText(result.filePath, content);
      return { saved: true, fileName: basename(result.filePath) };
    },
    'file:saveBegin': (request) => deps.sessions.saveBegin(request),
    'file:saveChunk': (request) => deps.sessions.saveChunk(request),
    'file:openBegin': (request) => deps.sessions.openBegin(request),
    'file:openChunk': (request) => deps.sessions.openChunk(request),
  };
}
