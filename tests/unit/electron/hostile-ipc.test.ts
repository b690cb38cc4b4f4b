/**
 * The security profile of the bridge: every invoke channel is fed hostile payloads through the
 * real registration (sender check, contract, handlers, backup service, file sessions, reminder
 * service) wired onto in-memory fakes, as main.ts wires the real ones. Each must end in a clean
 * refusal: a typed error the renderer can put into words, nothing written, nothing shown, nothing
 * polluted. A TypeError or any other crash counts as a failure.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/backup-service';
import { BackupStorageError, createBackupSettingsStore } from '../../../electron/backup-store';
import { FileTooLargeError, fileFilters } from '../../../electron/file-handlers';
import { FileSessionError, MAX_FILE_SESSIONS, createFileSessions } from '../../../electron/file-sessions';
import { createSenderCheck, registerIpcHandlers, UntrustedSenderError } from '../../../electron/ipc';
import { createIpcHandlers } from '../../../electron/ipc-handlers';
import { createReminderService } from '../../../electron/reminder-service';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../shared/ipc/channels';
import { CHUNK_CHARS, IpcValidationError, MAX_FILE_TEXT, MAX_STREAMED_BYTES } from '../../../shared/ipc/contract';
import { APP_ORIGIN } from '../../../shared/ipc/origins';
import { MAX_PLAN_REMINDERS } from '../../../shared/reminders/limits';
import { MemoryFs } from './memory-fs';
import { FakeNotifier, FakeStore, FakeTime, TEXTS } from './reminder-fakes';

const USER_DATA = '/data/Clearday';
const BACKUPS = `${USER_DATA}/backups`;
const SAVE_PATH = '/home/ana/Documents/export.csv';
const OPEN_PATH = '/home/ana/Downloads/bill.csv';
const HUGE_OPEN_PATH = '/home/ana/Downloads/huge.csv';
const GOOD_NAME = 'clearday-2026-11-22T08-00-00Z.cdbackup';

type Listener = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => unknown;

async function mainProcess() {
  const fs = new MemoryFs([USER_DATA, '/home/ana/Documents', '/home/ana/Downloads'], { [OPEN_PATH]: '日期,金额\n2026-01-02,12.30', [HUGE_OPEN_PATH]: 'x' });
  fs.statSize.set(HUGE_OPEN_PATH, MAX_STREAMED_BYTES + 1);
  const time = new FakeTime();
  const dialogs = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: SAVE_PATH })),
    showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: false, filePaths: [OPEN_PATH] })),
  };
  const notifier = new FakeNotifier(time);
  const reminders = await createReminderService({ clock: time.clock, timers: time.timerApi, store: new FakeStore(), notifier, onChanged: () => undefined, onAction: () => undefined, log: () => undefined });
  const backups = createBackupService({
    fs,
    settings: createBackupSettingsStore(`${USER_DATA}/state/backup.json`, fs, () => undefined),
    defaultFolder: BACKUPS,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    clock: { now: () => time.now, timeZone: () => 'UTC' },
    timers: time.timerApi,
    log: () => undefined,
  });
  const text = async (path: string) => fs.text(path) ?? (() => { throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' }); })();
  let tokens = 0;
  const fileSessions = createFileSessions({
    dialogs,
    files: {
      writeFile: (path, data, options) => fs.writeFile(path, data, options),
      appendFile: (path, data, options) => fs.appendFile(path, data, options),
      rename: (from, to) => fs.rename(from, to),
      rm: (path, options) => fs.rm(path, options),
      size: async (path) => (await fs.stat(path)).size,
      readText: text,
    },
    timers: time.timerApi,
    randomUUID: () => `00000000-0000-4000-8000-${String(++tokens).padStart(12, '0')}`,
    filters: fileFilters,
    tooLarge: (size, limit) => new FileTooLargeError(size, limit),
  });
  const setLanguage = vi.fn();
  const setStartAtLogin = vi.fn(async () => undefined);
  const registered = new Map<string, Listener>();
  registerIpcHandlers(
    { handle: (channel, listener) => void registered.set(channel, listener as Listener) },
    createIpcHandlers({
      appInfo: () => ({ version: '0.1.0', platform: 'linux', systemLocale: 'en-US', isDevelopment: false }),
      setLanguage,
      dialogs,
      files: { writeText: (path, data) => fs.writeFile(path, data, { encoding: 'utf8', flush: true }) },
      notify: (request) => void notifier.show(request),
      reminders: {
        setPlan: (plan) => reminders.setPlan(plan),
        getState: async () => ({ ...reminders.getState(), startAtLogin: false, startAtLoginSupported: true }),
        pause: (until) => reminders.pause(until),
        setStartAtLogin,
      },
      backups: {
        list: () => backups.list(),
        writeChunk: (request) => backups.writeChunk(request),
        readChunk: (request) => backups.readChunk(request),
        chooseFolder: () => backups.chooseFolder(),
        resetFolder: () => backups.resetFolder(),
        releaseQuit: () => undefined,
      },
      fileSessions,
    }),
    createSenderCheck([APP_ORIGIN]),
  );
  const trusted = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };
  const invoke = (channel: InvokeChannel, ...args: unknown[]) => Promise.resolve().then(() => registered.get(channel)!(trusted, ...args));
  const filesNow = () => [...fs.files.keys()].sort();
  return { fs, dialogs, notifier, invoke, filesNow, setLanguage, setStartAtLogin, reminders, time };
}

/** A refusal the renderer can put into words; anything else (TypeError, RangeError...) is a crash. */
async function expectRefusal(run: Promise<unknown>, kind?: 'contract' | RegExp): Promise<Error> {
  let caught: unknown;
  try {
    await run;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call was accepted').toBeInstanceOf(Error);
  const error = caught as Error;
  const typed = [IpcValidationError, UntrustedSenderError, BackupStorageError, FileSessionError, FileTooLargeError].some((type) => error instanceof type);
  expect(typed, `${error.name}: ${error.message}`).toBe(true);
  if (kind === 'contract') expect(error).toBeInstanceOf(IpcValidationError);
  else if (kind) expect(error.message).toMatch(kind);
  return error;
}

const huge = (length: number) => 'a'.repeat(length);
const polluted = () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>;
const withPollution = (value: Record<string, unknown>) => Object.assign(polluted(), value);
const VALID_TOKEN = '00000000-0000-4000-8000-999999999999';
const reminder = (overrides: Record<string, unknown> = {}) => ({
  key: 'debt:a:2026-12-05:lead-1',
  dueKey: 'debt:a:2026-12-05',
  fireAt: '2026-12-04T01:00:00.000Z',
  kind: 'upcoming',
  daysBefore: 1,
  dueDate: '2026-12-05',
  title: 'Due tomorrow: JD Jintiao',
  body: '¥1,000.00 to JD, due Dec 5, 2026',
  route: '/debts/a',
  ...overrides,
});
const plan = (reminders: unknown[], overrides: Record<string, unknown> = {}) => ({ generatedAt: '2026-12-04T00:00:00.000Z', reminders, nextDues: [], texts: TEXTS, ...overrides });

/** Payloads no channel takes: wrong types, pollution keys, sizes far past any limit. */
const GENERIC: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'app:getInfo'],
  ['an array', [1, 2, 3]],
  ['a function-free object with __proto__ and constructor keys', polluted()],
  ['a 10 MiB string', huge(10 * 1024 * 1024)],
  ['a deeply nested object', JSON.parse(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`)],
];

/** Hostile payloads per channel, on top of the generic ones. */
const SPECIFIC: { [C in InvokeChannel]: [string, unknown, ('contract' | RegExp)?][] } = {
  'app:getInfo': [['an object', {}]],
  'app:setLanguage': [
    ['an unknown language', { language: 'fr' }, 'contract'],
    ['an extra field', { language: 'en', extra: 1 }, 'contract'],
    ['a pollution key', withPollution({ language: 'en' }), 'contract'],
  ],
  'file:save': [
    ['a path in the name', { suggestedName: '../../.bashrc', content: 'x', extensions: ['csv'] }, 'contract'],
    ['a Windows path in the name', { suggestedName: '..\\..\\evil.bat', content: 'x', extensions: ['csv'] }, 'contract'],
    ['a drive in the name', { suggestedName: 'C:evil.csv', content: 'x', extensions: ['csv'] }, 'contract'],
    ['a NUL in the name', { suggestedName: 'export.csv\u0000.exe', content: 'x', extensions: ['csv'] }, 'contract'],
    ['a name over 200 characters', { suggestedName: `${huge(201)}.csv`, content: 'x', extensions: ['csv'] }, 'contract'],
    ['content over 64 MiB', { suggestedName: 'export.csv', content: huge(MAX_FILE_TEXT + 1), extensions: ['csv'] }, 'contract'],
    ['a path as an extension', { suggestedName: 'export.csv', content: 'x', extensions: ['../exe'] }, 'contract'],
    ['eleven extensions', { suggestedName: 'export.csv', content: 'x', extensions: Array.from({ length: 11 }, () => 'csv') }, 'contract'],
  ],
  'file:saveBegin': [
    ['a path in the name', { suggestedName: '/etc/passwd', extensions: ['csv'] }, 'contract'],
    ['a pollution key', withPollution({ suggestedName: 'a.csv', extensions: ['csv'] }), 'contract'],
  ],
  'file:saveChunk': [
    ['a token that was never issued', { token: VALID_TOKEN, index: 0, chunk: 'x', final: true }, /^file-session-unknown: /],
    ['a token that is no token', { token: '../../x', index: 0, chunk: 'x', final: true }, 'contract'],
    ['a negative index', { token: VALID_TOKEN, index: -1, chunk: 'x', final: true }, 'contract'],
    ['a fractional index', { token: VALID_TOKEN, index: 1.5, chunk: 'x', final: true }, 'contract'],
    ['an index past the bound', { token: VALID_TOKEN, index: 1_000_001, chunk: 'x', final: true }, 'contract'],
    ['a chunk over the chunk size', { token: VALID_TOKEN, index: 0, chunk: huge(CHUNK_CHARS + 1), final: true }, 'contract'],
    ['final as a string', { token: VALID_TOKEN, index: 0, chunk: 'x', final: 'true' }, 'contract'],
  ],
  'file:openBegin': [
    ['extensions as an object', { extensions: { 0: 'csv' } }, 'contract'],
    ['extensions as a string', { extensions: 'csv' }, 'contract'],
    ['an extension with a space', { extensions: [' csv'] }, 'contract'],
  ],
  'file:openChunk': [
    ['a token that was never issued', { token: VALID_TOKEN, offset: 0, length: 10 }, /^file-session-unknown: /],
    ['a length of zero', { token: VALID_TOKEN, offset: 0, length: 0 }, 'contract'],
    ['a length over the chunk size', { token: VALID_TOKEN, offset: 0, length: CHUNK_CHARS + 1 }, 'contract'],
    ['an offset past the size limit', { token: VALID_TOKEN, offset: MAX_STREAMED_BYTES + 1, length: 10 }, 'contract'],
  ],
  'notification:show': [
    ['an empty title', { title: '', body: 'x' }, 'contract'],
    ['a title over 200 characters', { title: huge(201), body: '' }, 'contract'],
    ['a web address as the route', { title: 'x', body: '', route: 'https://evil.example/' }, 'contract'],
    ['a protocol-relative route', { title: 'x', body: '', route: '//evil.example/' }, 'contract'],
    ['a javascript: route', { title: 'x', body: '', route: 'javascript:alert(1)' }, 'contract'],
  ],
  'reminders:setPlan': [
    ['a plan over the bound', plan(Array.from({ length: MAX_PLAN_REMINDERS + 1 }, (_, i) => reminder({ key: `k${i}` }))), 'contract'],
    ['an impossible instant', plan([reminder({ fireAt: '2026-13-45T25:61:61Z' })]), 'contract'],
    ['an impossible due date', plan([reminder({ dueDate: '2026-02-30' })]), 'contract'],
    ['a javascript: route', plan([reminder({ route: 'javascript:alert(1)' })]), 'contract'],
    ['a key over 200 characters', plan([reminder({ key: huge(201) })]), 'contract'],
    ['a pollution key in a reminder', plan([withPollution(reminder())]), 'contract'],
    ['six tray dues', plan([], { nextDues: Array.from({ length: 6 }, () => ({ label: 'x', route: '/calendar' })) }), 'contract'],
    ['texts left out', { generatedAt: '2026-12-04T00:00:00.000Z', reminders: [], nextDues: [] }, 'contract'],
  ],
  'reminders:getState': [['an object', {}, 'contract']],
  'reminders:pause': [
    ['a word for an instant', { until: 'tomorrow' }, 'contract'],
    ['an impossible instant', { until: '2026-13-45T25:61:61Z' }, 'contract'],
    ['a number', { until: 1_700_000_000_000 }, 'contract'],
  ],
  'app:setStartAtLogin': [['a string for a boolean', { enabled: 'yes' }, 'contract']],
  'backup:writeChunk': [
    ['a chunk out of order (no write started)', { fileName: GOOD_NAME, reason: 'daily', index: 3, chunk: 'x', final: false }, /^backup-chunk-order: /],
    ['a chunk over the chunk size', { fileName: GOOD_NAME, reason: 'daily', index: 0, chunk: huge(CHUNK_CHARS + 1), final: true }, 'contract'],
    ['a traversal name', { fileName: '../../clearday-x.cdbackup', reason: 'daily', index: 0, chunk: 'x', final: true }, 'contract'],
    ['a path after the name', { fileName: 'clearday-x.cdbackup/../../../etc/cron.d/x', reason: 'manual', index: 0, chunk: '{}', final: true }, 'contract'],
    ['a backslash path', { fileName: 'clearday-..\\..\\x.cdbackup', reason: 'manual', index: 0, chunk: '{}', final: true }, 'contract'],
    ['a NUL after the name', { fileName: `${GOOD_NAME}\u0000.sh`, reason: 'manual', index: 0, chunk: '{}', final: true }, 'contract'],
    ['a name over 120 characters', { fileName: `clearday-${huge(120)}.cdbackup`, reason: 'manual', index: 0, chunk: '{}', final: true }, 'contract'],
    ['a name that is no backup the app writes', { fileName: 'clearday-hello.cdbackup', reason: 'manual', index: 0, chunk: '{}', final: true }, /^backup-name-invalid: /],
    ['a safety copy under an automatic name', { fileName: GOOD_NAME, reason: 'before-restore', index: 0, chunk: '{}', final: true }, /^backup-name-invalid: /],
    ['an unknown reason', { fileName: GOOD_NAME, reason: 'evil', index: 0, chunk: '{}', final: true }, 'contract'],
  ],
  'backup:list': [['an object', {}, 'contract']],
  'backup:readChunk': [
    ['a traversal name', { fileName: '../state/backup.json', offset: 0, length: 10 }, 'contract'],
    ['a length over the chunk size', { fileName: GOOD_NAME, offset: 0, length: CHUNK_CHARS + 1 }, 'contract'],
    ['a negative offset', { fileName: GOOD_NAME, offset: -5, length: 10 }, 'contract'],
    ['a backup that is not there', { fileName: GOOD_NAME, offset: 0, length: 10 }, /^backup-(not-found|folder-missing): /],
  ],
  'backup:chooseFolder': [['a folder passed in', { folder: '/etc' }, 'contract']],
  'backup:resetFolder': [['a folder passed in', { folder: '/etc' }, 'contract']],
  'backup:quitReady': [['an object', {}, 'contract']],
};

/** Channels whose request is `undefined`: any payload at all is hostile. */
const NO_ARGUMENT = new Set<InvokeChannel>(['app:getInfo', 'reminders:getState', 'backup:list', 'backup:chooseFolder', 'backup:resetFolder', 'backup:quitReady']);

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('every IPC channel refuses hostile payloads cleanly', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(SPECIFIC).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel}: wrong types, pollution keys, oversized and channel-specific payloads`, async () => {
      const main = await mainProcess();
      const before = main.filesNow();
      const cases: [string, unknown, ('contract' | RegExp)?][] = [...GENERIC.map(([name, value]) => [name, value, 'contract'] as [string, unknown, 'contract']), ...SPECIFIC[channel]];
      for (const [name, payload, kind] of cases) {
        await expect(expectRefusal(main.invoke(channel, payload), kind), `${channel} with ${name}`).resolves.toBeInstanceOf(Error);
      }
      // Two arguments are refused even when the first would pass.
      await expectRefusal(main.invoke(channel, NO_ARGUMENT.has(channel) ? undefined : {}, 'second'), 'contract');
      expect(main.filesNow(), 'nothing written').toEqual(before);
      expect(main.notifier.shown, 'nothing shown').toEqual([]);
      expect(main.setLanguage).not.toHaveBeenCalled();
      expect(main.setStartAtLogin).not.toHaveBeenCalled();
      expect(main.reminders.getPlan()).toBeNull();
      expect(Object.prototype).not.toHaveProperty('polluted');
      main.reminders.dispose();
    });
  }
});

describe('file sessions and chunked backups refuse what a confused or hostile renderer sends', () => {
  it('a save token is good for one save: replayed after its final chunk, it is unknown; out of order, refused', async () => {
    const main = await mainProcess();
    const begun = (await main.invoke('file:saveBegin', { suggestedName: 'export.csv', extensions: ['csv'] })) as { token: string };
    await expectRefusal(main.invoke('file:saveChunk', { token: begun.token, index: 2, chunk: 'x', final: false }), /^file-session-sequence: /);
    await expect(main.invoke('file:saveChunk', { token: begun.token, index: 0, chunk: 'a,b\n', final: true })).resolves.toEqual({ saved: true });
    expect(main.fs.text(SAVE_PATH)).toBe('a,b\n');
    await expectRefusal(main.invoke('file:saveChunk', { token: begun.token, index: 0, chunk: 'overwritten', final: true }), /^file-session-unknown: /);
    expect(main.fs.text(SAVE_PATH)).toBe('a,b\n');
    // No temporary file is left beside it.
    expect(main.filesNow().filter((path) => path.endsWith('.tmp'))).toEqual([]);
    main.reminders.dispose();
  });

  it('an open token is dropped once read to the end; a save token cannot read and an open token cannot write', async () => {
    const main = await mainProcess();
    const opened = (await main.invoke('file:openBegin', { extensions: ['csv'] })) as { token: string; length: number };
    await expectRefusal(main.invoke('file:saveChunk', { token: opened.token, index: 0, chunk: 'x', final: true }), /^file-session-unknown: /);
    await expect(main.invoke('file:openChunk', { token: opened.token, offset: 0, length: opened.length })).resolves.toEqual({ chunk: '日期,金额\n2026-01-02,12.30' });
    await expectRefusal(main.invoke('file:openChunk', { token: opened.token, offset: 0, length: 10 }), /^file-session-unknown: /);
    main.reminders.dispose();
  });

  it('a file over the size limit is refused before it is read, and only so many sessions open at once', async () => {
    const main = await mainProcess();
    main.dialogs.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [HUGE_OPEN_PATH] });
    await expectRefusal(main.invoke('file:openBegin', { extensions: ['csv'] }), /^file-too-large: /);
    for (let i = 0; i < MAX_FILE_SESSIONS; i += 1) await main.invoke('file:saveBegin', { suggestedName: `export-${i}.csv`, extensions: ['csv'] });
    const shown = main.dialogs.showSaveDialog.mock.calls.length;
    await expectRefusal(main.invoke('file:saveBegin', { suggestedName: 'one-more.csv', extensions: ['csv'] }), /^file-session-limit: /);
    // Refused before any dialog asks the user for a place.
    expect(main.dialogs.showSaveDialog.mock.calls.length).toBe(shown);
    main.reminders.dispose();
  });

  it('chunked backups: out of order, for another reason, or one write too many are refused with their own codes', async () => {
    const main = await mainProcess();
    const names = ['clearday-2026-11-22T08-00-00Z.cdbackup', 'clearday-2026-11-22T09-00-00Z.cdbackup', 'clearday-2026-11-22T10-00-00Z.cdbackup', 'clearday-2026-11-22T11-00-00Z.cdbackup'];
    await main.invoke('backup:writeChunk', { fileName: names[0], reason: 'daily', index: 0, chunk: '{', final: false });
    await expectRefusal(main.invoke('backup:writeChunk', { fileName: names[0], reason: 'daily', index: 2, chunk: '}', final: true }), /^backup-chunk-order: expected 1, got 2/);
    await expectRefusal(main.invoke('backup:writeChunk', { fileName: names[0], reason: 'manual', index: 1, chunk: '}', final: true }), /^backup-chunk-order: /);
    await main.invoke('backup:writeChunk', { fileName: names[1], reason: 'daily', index: 0, chunk: '{', final: false });
    await main.invoke('backup:writeChunk', { fileName: names[2], reason: 'daily', index: 0, chunk: '{', final: false });
    await expectRefusal(main.invoke('backup:writeChunk', { fileName: names[3], reason: 'daily', index: 0, chunk: '{', final: false }), /^backup-busy: /);
    // Nothing but the three temporary files: no backup appeared under any of the names.
    expect(main.filesNow().filter((path) => path.startsWith(BACKUPS)).every((path) => path.includes('.chunks.tmp'))).toBe(true);
    main.reminders.dispose();
  });
});
