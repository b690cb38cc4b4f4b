/**
 * Channel names only, without schemas: the sandboxed preload imports this file, so it stays
 * tiny and free of the validation library.
 */
export const INVOKE_CHANNELS = [
  'app:getInfo',
  'app:setLanguage',
  'file:save',
  'file:saveBegin',
  'file:saveChunk',
  'file:openBegin',
  'file:openChunk',
  'notification:show',
  'reminders:setPlan',
  'reminders:getState',
  'reminders:pause',
  'app:setStartAtLogin',
  'backup:list',
  'backup:writeChunk',
  'backup:readChunk',
  'backup:chooseFolder',
  'backup:resetFolder',
  'backup:quitReady',
] as const;

/** Events the main process pushes to the renderer. */
export const EVENT_CHANNELS = ['app:navigate', 'reminders:action', 'reminders:changed', 'backup:requested'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
