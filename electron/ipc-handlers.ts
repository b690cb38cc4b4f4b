/**
 * What each invoke channel does. Dialogs, files, notifications, reminders, backups and the tray are
 * injected, so tests run these handlers against fakes; main.ts passes the real Electron and fs
 * objects.
 */
import { basename } from 'node:path';
import type { IpcResponse, Language } from '../shared/ipc/contract';
import type { FileSessions } from './file-sessions';
import type { IpcHandlers, ParsedRequest } from './ipc';
import type { NotificationRequest } from './notifications';

/** Same ceiling as the contract's content limit: larger files are refused before reading. */
export const MAX_OPEN_FILE_BYTES = 64 * 1024 * 1024;

/** Error messages start with a stable code the renderer can translate. */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number = MAX_OPEN_FILE_BYTES,
  ) {
    super(`FILE_TOO_LARGE: the file is ${formatMiB(size)} MiB; files up to ${formatMiB(limit, false)} MiB can be opened`);
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
  readText(path: string): Promise<string>;
  size(path: string): Promise<number>;
}

export interface IpcHandlerDependencies {
  readonly appInfo: () => IpcResponse<'app:getInfo'>;
  readonly setLanguage: (language: Language) => void;
  readonly dialogs: FileDialogs;
  readonly files: TextFiles;
  readonly notify: (request: NotificationRequest) => void;
  readonly reminders: ReminderHandlers;
  readonly backups: BackupHandlers;
  /** Chunked save and open (file:saveBegin/saveChunk, file:openBegin/openChunk). */
  readonly fileSessions: FileSessions;
}

/** The reminder service and the login item, as the four reminder channels use them. */
export interface ReminderHandlers {
  setPlan(plan: ParsedRequest<'reminders:setPlan'>): Promise<void>;
  getState(): Promise<IpcResponse<'reminders:getState'>>;
  pause(until: string | null): Promise<void>;
  setStartAtLogin(enabled: boolean): Promise<void>;
}

/** The backup service and the quit handshake, as the backup channels use them. */
export interface BackupHandlers {
  write(request: ParsedRequest<'backup:write'>): Promise<IpcResponse<'backup:write'>>;
  list(): Promise<IpcResponse<'backup:list'>>;
  read(fileName: string): Promise<IpcResponse<'backup:read'>>;
  writeChunk(request: ParsedRequest<'backup:writeChunk'>): Promise<IpcResponse<'backup:writeChunk'>>;
  readChunk(request: ParsedRequest<'backup:readChunk'>): Promise<IpcResponse<'backup:readChunk'>>;
  chooseFolder(): Promise<IpcResponse<'backup:chooseFolder'>>;
  resetFolder(): Promise<IpcResponse<'backup:resetFolder'>>;
  /** Lets a quit held back for its backup go ahead; nothing when no quit is waiting. */
  releaseQuit(): void;
}

/** The filter's label is the extensions themselves ("CSV, JSON"): no text to translate. */
export function fileFilters(extensions: readonly string[]): FileFilter[] {
  if (extensions.length === 0) return [];
  return [{ name: extensions.map((ext) => ext.toUpperCase()).join(', '), extensions: [...extensions] }];
}

export function createIpcHandlers(deps: IpcHandlerDependencies): IpcHandlers {
  return {
    'app:getInfo': () => deps.appInfo(),
    'app:setLanguage': ({ language }) => {
      deps.setLanguage(language);
      return undefined;
    },
    // The one place the app writes outside userData: the path is the one the user picked.
    'file:save': async ({ suggestedName, content, extensions }) => {
      const result = await deps.dialogs.showSaveDialog({ defaultPath: suggestedName, filters: fileFilters(extensions) });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.files.writeText(result.filePath, content);
      return { saved: true, fileName: basename(result.filePath) };
    },
    'file:open': async ({ extensions }) => {
      const result = await deps.dialogs.showOpenDialog({ filters: fileFilters(extensions), properties: ['openFile'] });
      const filePath = result.filePaths[0];
      if (result.canceled || !filePath) return { canceled: true };
      const size = await deps.files.size(filePath);
      if (size > MAX_OPEN_FILE_BYTES) throw new FileTooLargeError(size);
      const content = await deps.files.readText(filePath);
      return { canceled: false, fileName: basename(filePath), content };
    },
    'file:saveBegin': (request) => deps.fileSessions.saveBegin(request),
    'file:saveChunk': (request) => deps.fileSessions.saveChunk(request),
    'file:openBegin': (request) => deps.fileSessions.openBegin(request),
    'file:openChunk': (request) => deps.fileSessions.openChunk(request),
    'notification:show': ({ title, body, route }) => {
      deps.notify({ title, body, route });
      return undefined;
    },
    'reminders:setPlan': async (plan) => {
      await deps.reminders.setPlan(plan);
      return undefined;
    },
    'reminders:getState': () => deps.reminders.getState(),
    'reminders:pause': async ({ until }) => {
      await deps.reminders.pause(until);
      return undefined;
    },
    'app:setStartAtLogin': async ({ enabled }) => {
      await deps.reminders.setStartAtLogin(enabled);
      return undefined;
    },
    'backup:write': async (request) => {
      try {
        return await deps.backups.write(request);
      } finally {
        // A failed quit backup cannot be retried at quit time: waiting longer only delays the quit.
        if (request.reason === 'quit') deps.backups.releaseQuit();
      }
    },
    'backup:list': () => deps.backups.list(),
    'backup:read': ({ fileName }) => deps.backups.read(fileName),
    'backup:writeChunk': async (request) => {
      const quit = request.reason === 'quit';
      try {
        const response = await deps.backups.writeChunk(request);
        // Only the final chunk completes the quit backup; earlier ones leave the quit waiting.
        if (quit && request.final) deps.backups.releaseQuit();
        return response;
      } catch (error) {
        // As with backup:write: a failed quit backup cannot be retried at quit time.
        if (quit) deps.backups.releaseQuit();
        throw error;
      }
    },
    'backup:readChunk': (request) => deps.backups.readChunk(request),
    'backup:chooseFolder': () => deps.backups.chooseFolder(),
    'backup:resetFolder': () => deps.backups.resetFolder(),
    'backup:quitReady': () => {
      deps.backups.releaseQuit();
      return undefined;
    },
  };
}
