import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { IpcValidationError } from '../../../shared/ipc/contract';
import { APP_ORIGIN, DEV_SERVER_ORIGIN } from '../../../shared/ipc/origins';
import { UntrustedSenderError, composeIpcHandlers, createSenderCheck, registerIpcHandlers, type InvokeEventLike, type IpcHandlers, type IpcMainLike } from '../../../electron/ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const invoke = async (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  };
  return { ipcMain, listeners, invoke };
}

function fakeHandlers() {
  return {
    'app:getInfo': vi.fn(() => ({ version: '0.1.0', platform: 'linux', systemLocale: 'en-US', isDevelopment: false })),
    'app:setLanguage': vi.fn(() => undefined),
    'file:save': vi.fn(async () => ({ saved: true, fileName: 'a.json' })),
    'file:saveBegin': vi.fn(async () => ({ canceled: true as const })),
    'file:saveChunk': vi.fn(async () => ({ saved: false })),
    'file:openBegin': vi.fn(async () => ({ canceled: true as const })),
    'file:openChunk': vi.fn(async () => ({ chunk: '' })),
    'notification:show': vi.fn(() => undefined),
    'reminders:setPlan': vi.fn(async () => undefined),
    'reminders:getState': vi.fn(async () => ({ delivered: [], pausedUntil: null, startAtLogin: false, startAtLoginSupported: true })),
    'reminders:pause': vi.fn(async () => undefined),
    'app:setStartAtLogin': vi.fn(async () => undefined),
    'backup:list': vi.fn(async () => ({ folder: '/data/Clearday/backups', custom: false, missing: false, backups: [] })),
    'backup:writeChunk': vi.fn(async () => ({ fileName: 'clearday-2026-11-22T08-00-00Z.cdbackup', removed: [], complete: false })),
    'backup:readChunk': vi.fn(async () => ({ chunk: '{}', total: 2 })),
    'backup:chooseFolder': vi.fn(async () => ({ canceled: true as const })),
    'backup:resetFolder': vi.fn(async () => ({ folder: '/data/Clearday/backups' })),
    'backup:quitReady': vi.fn(() => undefined),
  } satisfies IpcHandlers;
}

const appFrame = (url = 'app://clearday/index.html'): InvokeEventLike => ({ senderFrame: { url, parent: null } });

function setup(allowedOrigins: readonly string[] = [APP_ORIGIN]) {
  const fake = fakeIpcMain();
  const handlers = fakeHandlers();
  registerIpcHandlers(fake.ipcMain, handlers, createSenderCheck(allowedOrigins));
  const calls = () => Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);
  return { ...fake, handlers, calls };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per invoke channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('passes good payloads from the app main frame to the handler, parsed', async () => {
    const { invoke, handlers } = setup();
    await expect(invoke('app:getInfo', appFrame(), undefined)).resolves.toMatchObject({ version: '0.1.0' });
    await invoke('app:setLanguage', appFrame('app://clearday/index.html#/settings'), { language: 'zh-CN' });
    expect(handlers['app:setLanguage']).toHaveBeenCalledWith({ language: 'zh-CN' });
    await expect(invoke('file:save', appFrame(), { suggestedName: 'a.json', content: '{}', extensions: ['json'] })).resolves.toEqual({
      saved: true,
      fileName: 'a.json',
    });
    await invoke('notification:show', appFrame(), { title: 'Due', body: 'tomorrow', route: '/debts/1' });
    expect(handlers['notification:show']).toHaveBeenCalledWith({ title: 'Due', body: 'tomorrow', route: '/debts/1' });
  });

  it('accepts app:getInfo called with no argument at all', async () => {
    const { invoke } = setup();
    await expect(invoke('app:getInfo', appFrame())).resolves.toMatchObject({ platform: 'linux' });
  });

  it.each([
    ['app:setLanguage', { language: 'fr' }],
    ['app:setLanguage', { language: 'en', extra: 1 }],
    ['app:setLanguage', undefined],
    ['file:save', { suggestedName: '../../.bashrc', content: 'x', extensions: [] }],
    ['file:save', { suggestedName: 'a.txt', content: 'x', extensions: [], filePath: '/etc/passwd' }],
    ['notification:show', { title: 'x', body: 'y', route: 'https://evil.example/' }],
    ['app:getInfo', { unexpected: true }],
    ['file:openBegin', { extensions: ['csv'], path: '/etc/shadow' }],
    ['backup:writeChunk', { fileName: '../x.cdbackup', reason: 'manual', index: 0, chunk: '{}', final: true }],
    ['backup:readChunk', { fileName: 'a/b', offset: 0, length: 1 }],
    ['backup:chooseFolder', { folder: '/etc' }],
  ])('%s refuses the bad payload %j and never calls the handler', async (channel, payload) => {
    const { invoke, calls } = setup();
    await expect(invoke(channel, appFrame(), payload)).rejects.toBeInstanceOf(IpcValidationError);
    expect(calls()).toBe(0);
  });

  it('refuses extra arguments', async () => {
    const { invoke, calls } = setup();
    await expect(invoke('app:setLanguage', appFrame(), { language: 'en' }, 'second')).rejects.toBeInstanceOf(IpcValidationError);
    expect(calls()).toBe(0);
  });

  it.each([
    ['a missing senderFrame', { senderFrame: null }],
    ['a subframe of the app', { senderFrame: { url: 'app://clearday/index.html', parent: { url: 'app://clearday/' } } }],
    ['https://evil.example', appFrame('https://evil.example/')],
    ['file://', appFrame('file:///home/user/dist/renderer/index.html')],
    ['the dev server outside development', appFrame('http://localhost:5273/')],
    ['a look-alike host', appFrame('app://clearday.evil/index.html')],
    ['credentials before the host', appFrame('app://clearday@evil.example/')],
    ['about:blank', appFrame('about:blank')],
    ['an empty URL', appFrame('')],
  ])('refuses %s and never calls the handler', async (_name, event) => {
    const { invoke, calls } = setup();
    for (const channel of INVOKE_CHANNELS) {
      await expect(invoke(channel, event as InvokeEventLike, undefined)).rejects.toBeInstanceOf(UntrustedSenderError);
    }
    expect(calls()).toBe(0);
  });

  it('refuses a frame that throws when read (destroyed meanwhile)', async () => {
    const { invoke, calls } = setup();
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    await expect(invoke('app:getInfo', { senderFrame: destroyed })).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(calls()).toBe(0);
  });

  it('accepts the dev server in development only', async () => {
    const { invoke, handlers } = setup([APP_ORIGIN, DEV_SERVER_ORIGIN]);
    await invoke('app:setLanguage', appFrame('http://localhost:5273/#/settings'), { language: 'en' });
    expect(handlers['app:setLanguage']).toHaveBeenCalledTimes(1);
    await expect(invoke('app:setLanguage', appFrame('http://localhost:5274/'), { language: 'en' })).rejects.toBeInstanceOf(UntrustedSenderError);
  });

  it('refuses a handler answer that breaks the contract', async () => {
    const fake = fakeIpcMain();
    const handlers = { ...fakeHandlers(), 'app:getInfo': () => ({ version: 1 }) } as unknown as IpcHandlers;
    registerIpcHandlers(fake.ipcMain, handlers, createSenderCheck([APP_ORIGIN]));
    await expect(fake.invoke('app:getInfo', appFrame(), undefined)).rejects.toBeInstanceOf(IpcValidationError);
  });
});

describe('composeIpcHandlers', () => {
  const split = () => {
    const { 'app:getInfo': getInfo, ...rest } = fakeHandlers();
    return { getInfo, rest };
  };

  it('joins slices that name every channel once', () => {
    const { getInfo, rest } = split();
    const handlers = composeIpcHandlers([{ 'app:getInfo': getInfo }, rest]);
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(handlers['app:getInfo']).toBe(getInfo);
  });

  it('refuses a channel without a handler, one with two, and a name outside the contract', () => {
    const { getInfo, rest } = split();
    expect(() => composeIpcHandlers([rest])).toThrow('no handler for app:getInfo');
    expect(() => composeIpcHandlers([{ 'app:getInfo': getInfo }, rest, { 'app:getInfo': getInfo }])).toThrow('app:getInfo is handled by two slices');
    const stray = { 'backup:write': vi.fn() } as unknown as Partial<IpcHandlers>;
    expect(() => composeIpcHandlers([{ 'app:getInfo': getInfo }, rest, stray])).toThrow('backup:write is not a channel of the IPC contract');
  });
});
