/**
 * The only module that touches `window.clearday`. In Electron it calls the typed bridge; in a
 * plain browser (npm run web) it falls back to web APIs so the same UI runs there.
 */
import { CHUNK_CHARS } from '../../shared/ipc/limits';
import type { ClearDayBridge, IpcRequest, IpcResponse, Language } from '../../shared/ipc';
import { chunksOf } from './chunks';

declare global {
  interface Window {
    clearday?: ClearDayBridge;
  }
}

function bridge(): ClearDayBridge | undefined {
  return typeof window !== 'undefined' ? window.clearday : undefined;
}

export function isDesktop(): boolean {
  return bridge() !== undefined;
}

export type AppInfo = IpcResponse<'app:getInfo'>;

export async function getAppInfo(): Promise<AppInfo> {
  const desktop = bridge();
  if (desktop) return desktop.invoke('app:getInfo', undefined);
  return {
    version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
    platform: 'web',
    systemLocale: navigator.language,
    isDevelopment: import.meta.env.DEV,
  };
}

export async function setLanguage(language: Language): Promise<void> {
  await bridge()?.invoke('app:setLanguage', { language });
}

/** Saves text to a file the user picks (desktop) or downloads it (browser). */
export async function saveTextFile(suggestedName: string, content: string, extensions: string[]): Promise<{ saved: boolean }> {
  const desktop = bridge();
  if (desktop) return desktop.invoke('file:save', { suggestedName, content, extensions });
  const url = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  URL.revokeObjectURL(url);
  return { saved: true };
}

/** Lets the user pick a text file in a browser; null when they cancel. The desktop uses file:openBegin. */
function openTextFileInBrowser(extensions: string[]): Promise<{ fileName: string; content: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((ext) => `.${ext}`).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      void file.text().then((content) => resolve({ fileName: file.name, content }));
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Native notification on the desktop; the web Notification API in a browser when allowed. */
export async function showNotification(title: string, body: string, route?: string): Promise<boolean> {
  const desktop = bridge();
  if (desktop) {
    await desktop.invoke('notification:show', route ? { title, body, route } : { title, body });
    return true;
  }
  if (typeof Notification === 'undefined') return false;
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') return false;
  const notification = new Notification(title, { body });
  if (route) notification.onclick = () => window.location.assign(`#${route}`);
  return true;
}

/** Routes pushed by the main process (a clicked notification); returns an unsubscribe. */
export function onNavigate(listener: (route: string) => void): () => void {
  const desktop = bridge();
  if (!desktop) return () => undefined;
  return desktop.on('app:navigate', (payload) => listener(payload.route));
}

/** Asks the browser to keep IndexedDB under storage pressure; the answer is informational. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export type ReminderPlanRequest = IpcRequest<'reminders:setPlan'>;
export type ReminderState = IpcResponse<'reminders:getState'>;

/** Hands the plan to the main process, which schedules and delivers it (desktop only). */
export async function sendReminderPlan(request: ReminderPlanRequest): Promise<void> {
  await bridge()?.invoke('reminders:setPlan', request);
}

/** What the main process delivered, and the pause; null in a browser. */
export async function getReminderState(): Promise<ReminderState | null> {
  const desktop = bridge();
  return desktop ? desktop.invoke('reminders:getState', undefined) : null;
}

export async function pauseReminders(until: string | null): Promise<void> {
  await bridge()?.invoke('reminders:pause', { until });
}

export async function setStartAtLogin(enabled: boolean): Promise<void> {
  await bridge()?.invoke('app:setStartAtLogin', { enabled });
}

/** "Mark as paid" and "Remind me tomorrow" chosen on a notification. */
export function onReminderAction(listener: (key: string, action: 'mark-paid' | 'remind-tomorrow') => void): () => void {
  const desktop = bridge();
  if (!desktop) return () => undefined;
  return desktop.on('reminders:action', (payload) => listener(payload.key, payload.action));
}

export function onRemindersChanged(listener: () => void): () => void {
  const desktop = bridge();
  if (!desktop) return () => undefined;
  return desktop.on('reminders:changed', () => listener());
}

// ---------------------------------------------------------------- backups (desktop)

export type BackupList = IpcResponse<'backup:list'>;
export type BackupReason = IpcRequest<'backup:writeChunk'>['reason'];
export { ipcErrorCode } from '../../shared/ipc/errors';

export async function listBackups(): Promise<BackupList | null> {
  const desktop = bridge();
  return desktop ? desktop.invoke('backup:list', undefined) : null;
}

/** The folder the user picked, or null when they cancelled. */
export async function chooseBackupFolder(): Promise<string | null> {
  const desktop = bridge();
  if (!desktop) return null;
  const result = await desktop.invoke('backup:chooseFolder', undefined);
  return result.canceled ? null : result.folder;
}

export async function resetBackupFolder(): Promise<string | null> {
  const desktop = bridge();
  return desktop ? (await desktop.invoke('backup:resetFolder', undefined)).folder : null;
}

/** Tells the main process that no backup will come at quit, so it need not wait. */
export async function quitBackupDone(): Promise<void> {
  await bridge()?.invoke('backup:quitReady', undefined);
}

export function onBackupRequested(listener: (reason: 'quit') => void): () => void {
  const desktop = bridge();
  if (!desktop) return () => undefined;
  return desktop.on('backup:requested', (payload) => listener(payload.reason));
}

// ---------------------------------------------------------------- large files in chunks (desktop)
// One IPC message carries at most CHUNK_CHARS characters: backups with documents can be far larger.

/** Writes a backup into the backup folder in chunks (desktop); null in a browser. */
export async function writeBackupStreamed(fileName: string, content: string, reason: BackupReason): Promise<IpcResponse<'backup:writeChunk'> | null> {
  const desktop = bridge();
  if (!desktop) return null;
  const chunks = chunksOf(content, CHUNK_CHARS);
  let last: IpcResponse<'backup:writeChunk'> | null = null;
  for (const [index, chunk] of chunks.entries()) last = await desktop.invoke('backup:writeChunk', { fileName, reason, index, chunk, final: index === chunks.length - 1 });
  return last;
}

/** Reads a backup from the backup folder in chunks (desktop only). */
export async function readBackupStreamed(fileName: string): Promise<string> {
  const desktop = bridge();
  if (!desktop) throw new Error('backups are kept by the desktop app');
  const parts: string[] = [];
  let offset = 0;
  for (;;) {
    const { chunk, total } = await desktop.invoke('backup:readChunk', { fileName, offset, length: CHUNK_CHARS });
    parts.push(chunk);
    offset += chunk.length;
    if (offset >= total || chunk.length === 0) break;
  }
  return parts.join('');
}

/** Saves text of any size to a file the user picks (desktop, in chunks) or downloads it (browser). */
export async function saveLargeTextFile(suggestedName: string, content: string, extensions: string[]): Promise<{ saved: boolean }> {
  const desktop = bridge();
  if (!desktop) return saveTextFile(suggestedName, content, extensions);
  const begun = await desktop.invoke('file:saveBegin', { suggestedName, extensions });
  if (begun.canceled) return { saved: false };
  const chunks = chunksOf(content, CHUNK_CHARS);
  let saved = false;
  for (const [index, chunk] of chunks.entries()) saved = (await desktop.invoke('file:saveChunk', { token: begun.token, index, chunk, final: index === chunks.length - 1 })).saved;
  return { saved };
}

/** Lets the user pick a text file of any size; null when they cancel. */
export async function openLargeTextFile(extensions: string[]): Promise<{ fileName: string; content: string } | null> {
  const desktop = bridge();
  if (!desktop) return openTextFileInBrowser(extensions);
  const begun = await desktop.invoke('file:openBegin', { extensions });
  if (begun.canceled) return null;
  const parts: string[] = [];
  for (let offset = 0; offset < begun.length; ) {
    const { chunk } = await desktop.invoke('file:openChunk', { token: begun.token, offset, length: CHUNK_CHARS });
    if (chunk.length === 0) break;
    parts.push(chunk);
    offset += chunk.length;
  }
  return { fileName: begun.fileName, content: parts.join('') };
}
