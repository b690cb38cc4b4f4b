import { describe, expect, it, vi } from 'vitest';
import { FileTooLargeError, fileFilters } from '../../../electron/file-handlers';
import { createIpcHandlers, ipcHandlerSlices, type IpcHandlerDependencies } from '../../../electron/ipc-handlers';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';

const TOKEN = '0b5f6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b';

function setup(overrides: Partial<IpcHandlerDependencies> = {}) {
  const written = new Map<string, string>();
  const files = {
    writeText: vi.fn(async (path: string, text: string) => void written.set(path, text)),
  };
  const deps = {
    appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLocale: 'zh-CN', isDevelopment: false }),
    setLanguage: vi.fn(),
    dialogs: {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ana/Documents/backup.json' })),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ana/Downloads/bill.csv'] })),
    },
    files,
    notify: vi.fn(),
    reminders: {
      setPlan: vi.fn(async () => undefined),
      getState: vi.fn(async () => ({ delivered: [], pausedUntil: '2026-03-02T09:00:00.000Z', startAtLogin: true, startAtLoginSupported: true })),
      pause: vi.fn(async () => undefined),
      setStartAtLogin: vi.fn(async () => undefined),
    },
    backups: {
      list: vi.fn(async () => ({ folder: '/data/Clearday/backups', custom: false, missing: false, backups: [] })),
      writeChunk: vi.fn(async () => ({ fileName: 'clearday-2026-11-22T08-00-00Z.cdbackup', removed: [], complete: false })),
      readChunk: vi.fn(async () => ({ chunk: '{}', total: 2 })),
      chooseFolder: vi.fn(async () => ({ canceled: true as const })),
      resetFolder: vi.fn(async () => ({ folder: '/data/Clearday/backups' })),
      releaseQuit: vi.fn(),
    },
    fileSessions: {
      saveBegin: vi.fn(async () => ({ canceled: true as const })),
      saveChunk: vi.fn(async () => ({ saved: false })),
      openBegin: vi.fn(async () => ({ canceled: true as const })),
      openChunk: vi.fn(async () => ({ chunk: '' })),
    },
    ...overrides,
  } satisfies IpcHandlerDependencies;
  return { deps, files, handlers: createIpcHandlers(deps), written };
}

describe('createIpcHandlers', () => {
  it('composes one slice per service that together name every channel of the contract exactly once', () => {
    const { deps } = setup();
    const named = ipcHandlerSlices(deps).flatMap((slice) => Object.keys(slice));
    expect([...named].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(new Set(named).size).toBe(named.length);
    expect(Object.keys(createIpcHandlers(deps)).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('app:getInfo returns the app facts', async () => {
    const { handlers } = setup();
    expect(await handlers['app:getInfo'](undefined)).toEqual({ version: '0.1.0', platform: 'linux', systemLocale: 'zh-CN', isDevelopment: false });
  });

  it('app:setLanguage updates the tray language', async () => {
    const { handlers, deps } = setup();
    await handlers['app:setLanguage']({ language: 'zh-CN' });
    expect(deps.setLanguage).toHaveBeenCalledWith('zh-CN');
  });

  it('file:save asks where to save, then writes the text to the chosen path', async () => {
    const { handlers, deps, written } = setup();
    const result = await handlers['file:save']({ suggestedName: 'backup.json', content: '{"v":1}', extensions: ['json'] });
    expect(deps.dialogs.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'backup.json', filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(written.get('/home/ana/Documents/backup.json')).toBe('{"v":1}');
    expect(result).toEqual({ saved: true, fileName: 'backup.json' });
  });

  it('file:save writes nothing when the user cancels', async () => {
    const { handlers, deps } = setup({
      dialogs: { showSaveDialog: async () => ({ canceled: true, filePath: '' }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    });
    expect(await handlers['file:save']({ suggestedName: 'a.json', content: 'x', extensions: [] })).toEqual({ saved: false });
    expect(deps.files.writeText).not.toHaveBeenCalled();
  });

  it('notification:show passes title, body and route on', async () => {
    const { handlers, deps } = setup();
    await handlers['notification:show']({ title: 'Due', body: 'CMB ¥1,000', route: '/debts/1' });
    expect(deps.notify).toHaveBeenCalledWith({ title: 'Due', body: 'CMB ¥1,000', route: '/debts/1' });
  });

  it('the reminder channels reach the reminder service and the login item', async () => {
    const { handlers, deps } = setup();
    const plan = {
      generatedAt: '2026-03-02T01:00:00.000Z',
      reminders: [],
      nextDues: [{ label: 'CMB', route: '/debts/cmb' }],
      texts: {
        digestTitle: '{{count}} due',
        markPaid: 'Paid',
        remindTomorrow: 'Tomorrow',
        nextDue: 'Next: {{label}}',
        nothingDue: 'Nothing',
        pauseHour: '1 h',
        pauseTomorrow: 'Tomorrow',
        resume: 'Resume',
        startAtLogin: 'Login',
      },
    };
    expect(await handlers['reminders:setPlan'](plan)).toBeUndefined();
    expect(deps.reminders.setPlan).toHaveBeenCalledWith(plan);
    expect(await handlers['reminders:getState'](undefined)).toEqual({
      delivered: [],
      pausedUntil: '2026-03-02T09:00:00.000Z',
      startAtLogin: true,
      startAtLoginSupported: true,
    });
    await handlers['reminders:pause']({ until: null });
    expect(deps.reminders.pause).toHaveBeenCalledWith(null);
    await handlers['app:setStartAtLogin']({ enabled: true });
    expect(deps.reminders.setStartAtLogin).toHaveBeenCalledWith(true);
  });

  it('the chunked file channels reach the file sessions', async () => {
    const { handlers, deps } = setup();
    await handlers['file:saveBegin']({ suggestedName: 'a.json', extensions: ['json'] });
    expect(deps.fileSessions.saveBegin).toHaveBeenCalledWith({ suggestedName: 'a.json', extensions: ['json'] });
    await handlers['file:openChunk']({ token: TOKEN, offset: 0, length: 10 });
    expect(deps.fileSessions.openChunk).toHaveBeenCalledWith({ token: TOKEN, offset: 0, length: 10 });
  });

  it('file-too-large names the limit it was given', () => {
    expect(new FileTooLargeError(1536 * 1024 * 1024, 1024 * 1024 * 1024).message).toBe('file-too-large: the file is 1536.0 MiB; files up to 1024 MiB can be opened');
    expect(new FileTooLargeError(64 * 1024 * 1024 + 100 * 1024, 64 * 1024 * 1024).message).toBe('file-too-large: the file is 64.1 MiB; files up to 64 MiB can be opened');
  });

  it('fileFilters offers all files when no extension is given', () => {
    expect(fileFilters([])).toEqual([]);
    expect(fileFilters(['xlsx'])).toEqual([{ name: 'XLSX', extensions: ['xlsx'] }]);
  });
});
