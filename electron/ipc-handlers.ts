/**
 * All invoke channels' handlers, composed from the slices each service exports (app, files,
 * notifications, reminders, backups). Nothing is handled here: this module only hands each slice
 * its dependencies, and composeIpcHandlers checks that every channel has exactly one handler.
 * Everything is injected, so tests run the handlers against fakes; main.ts passes the real ones.
 */
import type { InvokeChannel } from '../shared/ipc/channels';
import { appHandlers, type AppHandlerDependencies } from './app-handlers';
import { backupHandlers, type BackupHandlerDependencies } from './backup-service';
import { fileHandlers, type FileDialogs, type TextFiles } from './file-handlers';
import type { FileSessions } from './file-sessions';
import { composeIpcHandlers, type IpcHandlers } from './ipc';
import { notificationHandlers, type NotificationRequest } from './notifications';
import { reminderHandlers, type ReminderHandlerDependencies } from './reminder-service';

export interface IpcHandlerDependencies extends AppHandlerDependencies {
  readonly dialogs: FileDialogs;
  readonly files: TextFiles;
  readonly notify: (request: NotificationRequest) => void;
  readonly reminders: ReminderHandlerDependencies;
  readonly backups: BackupHandlerDependencies;
  /** Chunked save and open (file:saveBegin/saveChunk, file:openBegin/openChunk). */
  readonly fileSessions: FileSessions;
}

/** One slice per service; together they must name every channel of the contract once. */
export function ipcHandlerSlices(deps: IpcHandlerDependencies) {
  return [
    appHandlers(deps),
    fileHandlers({ dialogs: deps.dialogs, files: deps.files, sessions: deps.fileSessions }),
    notificationHandlers(deps.notify),
    reminderHandlers(deps.reminders),
    backupHandlers(deps.backups),
  ] as const;
}

type ChannelsOf<T> = T extends unknown ? keyof T : never;
/** Fails to compile when a channel of the contract is in no slice (composeIpcHandlers checks again at start). */
type Unhandled = Exclude<InvokeChannel, ChannelsOf<ReturnType<typeof ipcHandlerSlices>[number]>>;
const _everyChannelHandled: [Unhandled] extends [never] ? true : Unhandled = true;

export function createIpcHandlers(deps: IpcHandlerDependencies): IpcHandlers {
  return composeIpcHandlers(ipcHandlerSlices(deps));
}
