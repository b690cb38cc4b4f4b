import { describe, expect, it, vi } from 'vitest';
import { QUIT_BACKUP_TIMEOUT_MS, installQuitBackup, type BackupHandlerDependencies } from '../../../electron/backup-service';
import { createIpcHandlers, type IpcHandlerDependencies } from '../../../electron/ipc-handlers';
import { FakeTime, settle } from './reminder-fakes';

const FILE_NAME = 'clearday-2026-11-22T08-00-00Z.cdbackup';

/** An app whose quit() emits before-quit like Electron's, and counts real exits. */
function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const state = { exits: 0, quitCalls: 0 };
  /** One quit attempt (Cmd+Q, tray Quit, app.quit()): true when it went through. */
  const attemptQuit = (): boolean => {
    let prevented = false;
    listener?.({ preventDefault: () => void (prevented = true) });
    if (!prevented) state.exits += 1;
    return !prevented;
  };
  const app = {
    on: vi.fn((_event: 'before-quit', handler: (event: { preventDefault(): void }) => void) => {
      listener = handler;
    }),
    quit: vi.fn(() => {
      state.quitCalls += 1;
      attemptQuit();
    }),
  };
  return { app, state, attemptQuit };
}

function fakeWindow(options: { destroyed?: boolean } = {}) {
  const sent: [string, unknown][] = [];
  return { sent, contents: { isDestroyed: () => options.destroyed ?? false, send: (channel: string, payload: unknown) => void sent.push([channel, payload]) } };
}

function setup(window: ReturnType<typeof fakeWindow> | null = fakeWindow()) {
  const time = new FakeTime();
  const { app, state, attemptQuit } = fakeApp();
  const log = vi.fn();
  const quit = installQuitBackup({ app, target: () => window?.contents, timers: time.timerApi, log });
  const writeChunk = vi.fn<BackupHandlerDependencies['writeChunk']>(async ({ fileName, final }) => ({ fileName, removed: [], complete: final }));
  const backups: BackupHandlerDependencies = {
    list: async () => ({ folder: '/data/backups', custom: false, missing: false, backups: [] }),
    writeChunk,
    readChunk: async () => ({ chunk: '{}', total: 2 }),
    chooseFolder: async () => ({ canceled: true }),
    resetFolder: async () => ({ folder: '/data/backups' }),
    releaseQuit: () => quit.release(),
  };
  const unused = () => {
    throw new Error('not used here');
  };
  const deps: IpcHandlerDependencies = {
    appInfo: unused,
    setLanguage: unused,
    dialogs: { showSaveDialog: unused, showOpenDialog: unused },
    files: { writeText: unused },
    notify: unused,
    reminders: { setPlan: unused, getState: unused, pause: unused, setStartAtLogin: unused },
    backups,
    fileSessions: { saveBegin: unused, saveChunk: unused, openBegin: unused, openChunk: unused },
  };
  const handlers = createIpcHandlers(deps);
  // A backup small enough for one message: a single final chunk, as renderer/platform sends it.
  const writeWhole = (reason: 'daily' | 'quit' | 'manual') => handlers['backup:writeChunk']({ fileName: FILE_NAME, reason, index: 0, chunk: '{}', final: true });
  return { time, app, state, attemptQuit, quit, writeChunk, writeWhole, handlers, log, window };
}

describe('the backup on quit', () => {
  it('holds the first quit, asks the renderer, and quits once the quit backup is written', async () => {
    const { attemptQuit, state, writeWhole, quit, window, time } = setup();
    expect(attemptQuit()).toBe(false);
    expect(window?.sent).toEqual([['backup:requested', { reason: 'quit' }]]);
    expect(quit.isWaiting()).toBe(true);
    expect(state.exits).toBe(0);

    await writeWhole('quit');
    expect(state).toEqual({ exits: 1, quitCalls: 1 });
    expect(quit.isWaiting()).toBe(false);
    expect(time.pending).toBe(0);
    // Asked once per run: a later quit attempt is not held again.
    expect(attemptQuit()).toBe(true);
    expect(window?.sent).toHaveLength(1);
  });

  it('quits when the timeout passes without an answer', async () => {
    const { attemptQuit, state, time, log } = setup();
    attemptQuit();
    expect(time.delays).toEqual([QUIT_BACKUP_TIMEOUT_MS]);
    await time.advance(QUIT_BACKUP_TIMEOUT_MS - 1);
    expect(state.exits).toBe(0);
    await time.advance(1);
    expect(state).toEqual({ exits: 1, quitCalls: 1 });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not finished after 10000 ms/));
  });

  it('a backup that arrives after the timeout quits nothing twice', async () => {
    const { attemptQuit, state, time, writeWhole } = setup();
    attemptQuit();
    await time.advance(QUIT_BACKUP_TIMEOUT_MS);
    await writeWhole('quit');
    expect(state.quitCalls).toBe(1);
  });

  it('a failed quit backup still lets the app quit, and the renderer sees the error', async () => {
    const { attemptQuit, state, writeWhole, writeChunk } = setup();
    writeChunk.mockRejectedValueOnce(new Error('backup-folder-missing: /media/usb'));
    attemptQuit();
    await expect(writeWhole('quit')).rejects.toThrow('backup-folder-missing');
    expect(state.exits).toBe(1);
  });

  it('backup:quitReady (nothing to write) quits at once', async () => {
    const { attemptQuit, state, handlers } = setup();
    attemptQuit();
    expect(await handlers['backup:quitReady'](undefined)).toBeUndefined();
    expect(state.exits).toBe(1);
  });

  it('other backups written during the wait do not end it', async () => {
    const { attemptQuit, state, writeWhole, quit } = setup();
    attemptQuit();
    await writeWhole('daily');
    await writeWhole('manual');
    expect(state.exits).toBe(0);
    expect(quit.isWaiting()).toBe(true);
  });

  it('a second quit attempt during the wait goes through at once', async () => {
    const { attemptQuit, state, time, writeWhole, window } = setup();
    attemptQuit();
    expect(attemptQuit()).toBe(true);
    expect(state.exits).toBe(1);
    expect(time.pending).toBe(0);
    // The late answer and the timeout change nothing.
    await writeWhole('quit');
    await time.advance(QUIT_BACKUP_TIMEOUT_MS);
    await settle();
    expect(state).toEqual({ exits: 1, quitCalls: 0 });
    expect(window?.sent).toHaveLength(1);
  });

  it('with no window nothing is held back', () => {
    const { attemptQuit, state, time } = setup(null);
    expect(attemptQuit()).toBe(true);
    expect(state).toEqual({ exits: 1, quitCalls: 0 });
    expect(time.pending).toBe(0);
  });

  it('with a destroyed window nothing is held back', () => {
    const window = fakeWindow({ destroyed: true });
    const { attemptQuit, state, time } = setup(window);
    expect(attemptQuit()).toBe(true);
    expect(window.sent).toEqual([]);
    expect(state.exits).toBe(1);
    expect(time.pending).toBe(0);
  });

  it('a window whose send throws does not block quitting', () => {
    const window = fakeWindow();
    window.contents.send = () => {
      throw new Error('Object has been destroyed');
    };
    const { attemptQuit, state, log } = setup(window);
    expect(attemptQuit()).toBe(true);
    expect(state.exits).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not requested/));
  });

  it('a chunked quit backup: non-final chunks keep the quit waiting, the final one releases it', async () => {
    const { attemptQuit, state, handlers, quit, writeChunk } = setup();
    attemptQuit();
    expect(await handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'quit', index: 0, chunk: '{"a":', final: false })).toEqual({
      fileName: FILE_NAME,
      removed: [],
      complete: false,
    });
    await handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'quit', index: 1, chunk: '1', final: false });
    expect(quit.isWaiting()).toBe(true);
    expect(state.exits).toBe(0);
    await handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'quit', index: 2, chunk: '}', final: true });
    expect(writeChunk).toHaveBeenCalledTimes(3);
    expect(state).toEqual({ exits: 1, quitCalls: 1 });
    expect(quit.isWaiting()).toBe(false);
  });

  it('a failed chunk of the quit backup releases the quit, and the renderer sees the error', async () => {
    const { attemptQuit, state, handlers, writeChunk } = setup();
    attemptQuit();
    await handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'quit', index: 0, chunk: '{', final: false });
    expect(state.exits).toBe(0);
    writeChunk.mockRejectedValueOnce(new Error('backup-disk-full: /data/backups'));
    await expect(handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'quit', index: 1, chunk: 'x', final: false })).rejects.toThrow('backup-disk-full');
    expect(state.exits).toBe(1);
  });

  it('chunks of other backups do not end the wait, even the final one', async () => {
    const { attemptQuit, state, handlers, quit } = setup();
    attemptQuit();
    await handlers['backup:writeChunk']({ fileName: FILE_NAME, reason: 'daily', index: 0, chunk: '{}', final: true });
    expect(state.exits).toBe(0);
    expect(quit.isWaiting()).toBe(true);
  });

  it('release without a waiting quit does nothing', () => {
    const { quit, state } = setup();
    quit.release();
    expect(state).toEqual({ exits: 0, quitCalls: 0 });
  });
});

describe('the backup channels reach the service', () => {
  it('passes requests on and returns the answers', async () => {
    const { handlers, writeChunk } = setup();
    const request = { fileName: FILE_NAME, reason: 'manual' as const, index: 0, chunk: '{"format":"clearday-backup"}', final: true };
    expect(await handlers['backup:writeChunk'](request)).toEqual({ fileName: FILE_NAME, removed: [], complete: true });
    expect(writeChunk).toHaveBeenCalledWith(request);
    expect(await handlers['backup:list'](undefined)).toEqual({ folder: '/data/backups', custom: false, missing: false, backups: [] });
    expect(await handlers['backup:readChunk']({ fileName: FILE_NAME, offset: 0, length: 10 })).toEqual({ chunk: '{}', total: 2 });
    expect(await handlers['backup:chooseFolder'](undefined)).toEqual({ canceled: true });
    expect(await handlers['backup:resetFolder'](undefined)).toEqual({ folder: '/data/backups' });
  });
});
