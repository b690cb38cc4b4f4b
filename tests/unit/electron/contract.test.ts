import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, isEventChannel, isInvokeChannel } from '../../../shared/ipc/channels';
import {
  CHUNK_CHARS,
  IpcValidationError,
  eventContract,
  ipcContract,
  isTrustedSenderUrl,
  parseRequest,
  parseResponse,
} from '../../../shared/ipc/contract';
import { APP_ORIGIN, DEV_SERVER_ORIGIN } from '../../../shared/ipc/origins';

const TOKEN = '0b5f6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b';
const BACKUP = 'clearday-2026-11-22T08-00-00Z.cdbackup';

const TEXTS = {
  digestTitle: '{{count}} payments need your attention',
  markPaid: 'Mark as paid',
  remindTomorrow: 'Remind me tomorrow',
  nextDue: 'Next due: {{label}}',
  nothingDue: 'Nothing due soon',
  pauseHour: 'Pause reminders for 1 hour',
  pauseTomorrow: 'Pause reminders until tomorrow',
  resume: 'Resume reminders',
  startAtLogin: 'Start at login',
};

const PLANNED = {
  key: 'debt:cmb:2026-03-05:lead-3',
  dueKey: 'debt:cmb:2026-03-05',
  fireAt: '2026-03-02T01:00:00.000Z',
  kind: 'upcoming',
  daysBefore: 3,
  dueDate: '2026-03-05',
  title: 'Due in 3 days: CMB card',
  body: '¥1,200.00 to CMB, due Mar 5, 2026',
  route: '/debts/cmb',
};

describe('IPC contract: requests', () => {
  it('covers every invoke channel with a request and a response schema', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  const good: { [C in keyof typeof ipcContract]: unknown[] } = {
    'app:getInfo': [undefined],
    'app:setLanguage': [{ language: 'zh-CN' }, { language: 'en' }],
    'file:save': [
      { suggestedName: 'clearday-backup.json', content: '{}', extensions: ['json'] },
      { suggestedName: '账单 2026-01.csv', content: '', extensions: [] },
    ],
    'file:saveBegin': [{ suggestedName: '账单 2026-01.csv', extensions: ['csv'] }, { suggestedName: 'a.json', extensions: [] }],
    'file:saveChunk': [
      { token: TOKEN, index: 0, chunk: '', final: false },
      { token: TOKEN, index: 1_000_000, chunk: 'x'.repeat(CHUNK_CHARS), final: true },
    ],
    'file:openBegin': [{ extensions: ['json'] }, { extensions: [] }],
    'file:openChunk': [
      { token: TOKEN, offset: 0, length: 1 },
      { token: TOKEN, offset: 300_000_000, length: CHUNK_CHARS },
    ],
    'notification:show': [
      { title: 'CMB card due', body: '¥1,234.56 tomorrow' },
      { title: 'Due', body: '', route: '/debts/abc-123' },
      { title: 'Due', body: 'x', route: '/calendar?month=2026-03' },
    ],
    'reminders:setPlan': [
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [], nextDues: [], texts: TEXTS },
      {
        generatedAt: '2026-03-02T01:00:00.000Z',
        reminders: [PLANNED],
        nextDues: [{ label: '3月5日 · 招商银行信用卡 · ¥1,200.00', route: '/debts/cmb' }],
        texts: TEXTS,
      },
    ],
    'reminders:getState': [undefined],
    'reminders:pause': [{ until: '2026-03-02T09:00:00.000Z' }, { until: null }],
    'app:setStartAtLogin': [{ enabled: true }, { enabled: false }],
    'backup:list': [undefined],
    'backup:writeChunk': [
      { fileName: 'clearday-2026-11-22T08-00-00-250Z-encrypted.cdbackup', reason: 'quit', index: 0, chunk: '', final: true },
      { fileName: 'clearday-x.cdbackup', reason: 'manual', index: 0, chunk: '{}', final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: '{', final: false },
      { fileName: 'clearday-before-restore-2026-11-22T08-00-00Z.cdbackup', reason: 'before-restore', index: 1_000_000, chunk: 'x'.repeat(CHUNK_CHARS), final: true },
      { fileName: BACKUP, reason: 'quit', index: 3, chunk: '', final: true },
    ],
    'backup:readChunk': [
      { fileName: BACKUP, offset: 0, length: 1 },
      { fileName: BACKUP, offset: 16 * CHUNK_CHARS, length: CHUNK_CHARS },
    ],
    'backup:chooseFolder': [undefined],
    'backup:resetFolder': [undefined],
    'backup:quitReady': [undefined],
  };

  const bad: { [C in keyof typeof ipcContract]: unknown[] } = {
    'app:getInfo': [null, {}, 'x', 0],
    'app:setLanguage': [undefined, {}, { language: 'fr' }, { language: 'zh-CN', extra: true }, { language: 'zh' }, 'en'],
    'file:save': [
      { suggestedName: '../evil.sh', content: '', extensions: [] },
      { suggestedName: 'C:\\Windows\\x.txt', content: '', extensions: [] },
      { suggestedName: 'a/b.txt', content: '', extensions: [] },
      { suggestedName: 'line\nbreak.txt', content: '', extensions: [] },
      { suggestedName: '', content: '', extensions: [] },
      { suggestedName: 'a.txt', content: 42, extensions: [] },
      { suggestedName: 'a.txt', content: '', extensions: ['.exe'] },
      { suggestedName: 'a.txt', content: '', extensions: ['CSV'] },
      { suggestedName: 'a.txt', content: '', extensions: [], path: '/etc/passwd' },
      { suggestedName: 'a.txt', content: '' },
    ],
    'file:saveBegin': [
      undefined,
      { suggestedName: '../evil.sh', extensions: [] },
      { suggestedName: 'a\\b.txt', extensions: [] },
      { suggestedName: '', extensions: [] },
      { suggestedName: 'a.txt', extensions: ['.exe'] },
      { suggestedName: 'a.txt' },
      { suggestedName: 'a.txt', extensions: [], content: 'x' },
    ],
    'file:saveChunk': [
      undefined,
      { token: TOKEN, index: 0, chunk: 'x'.repeat(CHUNK_CHARS + 1), final: false },
      { token: TOKEN, index: -1, chunk: '', final: false },
      { token: TOKEN, index: 1.5, chunk: '', final: false },
      { token: TOKEN, index: 1_000_001, chunk: '', final: false },
      { token: 'not-a-token', index: 0, chunk: '', final: false },
      { token: TOKEN, index: 0, chunk: '', final: 'yes' },
      { token: TOKEN, index: 0, chunk: '' },
      { token: TOKEN, index: 0, chunk: '', final: true, path: '/etc/passwd' },
    ],
    'file:openBegin': [undefined, {}, { extensions: 'json' }, { extensions: [], defaultPath: '/' }],
    'file:openChunk': [
      undefined,
      { token: TOKEN, offset: -1, length: 1 },
      { token: TOKEN, offset: 0, length: 0 },
      { token: TOKEN, offset: 0, length: CHUNK_CHARS + 1 },
      { token: TOKEN, offset: 0.5, length: 1 },
      { token: TOKEN.toUpperCase(), offset: 0, length: 1 },
      { token: TOKEN, offset: 0, length: 1, extra: true },
    ],
    'notification:show': [
      { title: '', body: '' },
      { title: 'x'.repeat(201), body: '' },
      { title: 'x', body: '', route: 'https://evil.example/' },
      { title: 'x', body: '', route: 'javascript:alert(1)' },
      { title: 'x', body: '', route: 'debts' },
      { title: 'x', body: '', route: '//evil.example/path' },
      { title: 'x', body: '', onClick: 'code' },
      { body: 'no title' },
    ],
    'reminders:setPlan': [
      undefined,
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [], nextDues: [] },
      { generatedAt: '2026-03-02 01:00', reminders: [], nextDues: [], texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00+08:00', reminders: [], nextDues: [], texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [{ ...PLANNED, route: 'https://evil.example/' }], nextDues: [], texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [{ ...PLANNED, fireAt: 'soon' }], nextDues: [], texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [{ ...PLANNED, extra: 1 }], nextDues: [], texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [], nextDues: Array(6).fill({ label: 'x', route: '/' }), texts: TEXTS },
      { generatedAt: '2026-03-02T01:00:00Z', reminders: [], nextDues: [], texts: { ...TEXTS, markPaid: '' } },
    ],
    'reminders:getState': [null, {}],
    'reminders:pause': [undefined, {}, { until: 'tomorrow' }, { until: 1_700_000_000_000 }, { until: null, extra: 1 }],
    'app:setStartAtLogin': [undefined, {}, { enabled: 'yes' }, { enabled: true, path: '/bin/sh' }],
    'backup:list': [null, {}, { folder: '/' }],
    'backup:writeChunk': [
      undefined,
      { fileName: '../x.cdbackup', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'clearday-../x.cdbackup', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'a/b', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'clearday-a/b.cdbackup', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'clearday-a\\b.cdbackup', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'clearday-2026.json', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: 'clearday-2026.cdbackup.exe', reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: `clearday-${'a'.repeat(103)}.cdbackup`, reason: 'daily', index: 0, chunk: '', final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: 1, final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: '', final: true, folder: '/tmp' },
      { fileName: BACKUP, reason: 'hourly', index: 0, chunk: '', final: true },
      { fileName: BACKUP, reason: 'daily', index: -1, chunk: '', final: true },
      { fileName: BACKUP, reason: 'daily', index: 1_000_001, chunk: '', final: true },
      { fileName: BACKUP, reason: 'daily', index: 0.5, chunk: '', final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: 'x'.repeat(CHUNK_CHARS + 1), final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: 1, final: true },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: '' },
      { fileName: BACKUP, reason: 'daily', index: 0, chunk: '', final: true, content: '' },
    ],
    'backup:readChunk': [
      undefined,
      { fileName: BACKUP },
      { fileName: '../x.cdbackup', offset: 0, length: 1 },
      { fileName: '../../etc/passwd', offset: 0, length: 1 },
      { fileName: 'C:\\x.cdbackup', offset: 0, length: 1 },
      { fileName: BACKUP, offset: -1, length: 1 },
      { fileName: BACKUP, offset: 0, length: 0 },
      { fileName: BACKUP, offset: 0, length: CHUNK_CHARS + 1 },
      { fileName: BACKUP, offset: '0', length: 1 },
      { fileName: BACKUP, offset: 0, length: 1, folder: '/tmp' },
    ],
    'backup:chooseFolder': [null, { folder: '/tmp' }],
    'backup:resetFolder': [{}, 'x'],
    'backup:quitReady': [{}, true],
  };

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel}: accepts good payloads`, () => {
      for (const payload of good[channel]) expect(() => parseRequest(channel, payload)).not.toThrow();
    });
    it(`${channel}: refuses bad payloads with IpcValidationError`, () => {
      for (const payload of bad[channel]) {
        expect(() => parseRequest(channel, payload), JSON.stringify(payload)).toThrow(IpcValidationError);
      }
    });
  }

  it('names the channel and the failing field in the error', () => {
    try {
      parseRequest('app:setLanguage', { language: 'fr' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IpcValidationError);
      expect((error as IpcValidationError).channel).toBe('app:setLanguage');
      expect((error as IpcValidationError).message).toContain('language');
    }
  });

  it('refuses content above 64 MiB', () => {
    const content = 'x'.repeat(64 * 1024 * 1024 + 1);
    expect(() => parseRequest('file:save', { suggestedName: 'a.txt', content, extensions: [] })).toThrow(IpcValidationError);
  });
});

describe('IPC contract: responses and events', () => {
  it('validates responses', () => {
    expect(parseResponse('file:save', { saved: true, fileName: 'a.csv' })).toEqual({ saved: true, fileName: 'a.csv' });
    expect(() => parseResponse('file:save', { fileName: 'a.csv' })).toThrow(IpcValidationError);
    expect(() => parseResponse('app:getInfo', { version: '1' })).toThrow(IpcValidationError);
    expect(parseResponse('app:setLanguage', undefined)).toBeUndefined();
  });

  it('validates the chunked channels\' responses strictly', () => {
    expect(parseResponse('backup:writeChunk', { fileName: BACKUP, removed: [], complete: false })).toEqual({ fileName: BACKUP, removed: [], complete: false });
    expect(() => parseResponse('backup:writeChunk', { fileName: BACKUP, removed: [] })).toThrow(IpcValidationError);
    expect(parseResponse('backup:readChunk', { chunk: '', total: 0 })).toEqual({ chunk: '', total: 0 });
    expect(() => parseResponse('backup:readChunk', { chunk: 'x'.repeat(CHUNK_CHARS + 1), total: 1 })).toThrow(IpcValidationError);
    expect(parseResponse('file:saveBegin', { canceled: false, token: TOKEN, fileName: 'a.json' })).toMatchObject({ token: TOKEN });
    expect(() => parseResponse('file:saveBegin', { canceled: false, fileName: 'a.json' })).toThrow(IpcValidationError);
    expect(parseResponse('file:openBegin', { canceled: true })).toEqual({ canceled: true });
    expect(() => parseResponse('file:openBegin', { canceled: false, token: TOKEN, fileName: 'a.json', length: -1 })).toThrow(IpcValidationError);
    expect(parseResponse('file:saveChunk', { saved: true })).toEqual({ saved: true });
    expect(parseResponse('file:openChunk', { chunk: 'x' })).toEqual({ chunk: 'x' });
  });

  it('validates event payloads', () => {
    expect(eventContract['app:navigate'].safeParse({ route: '/debts/1' }).success).toBe(true);
    expect(eventContract['app:navigate'].safeParse({ route: 'https://evil.example' }).success).toBe(false);
    expect(eventContract['app:navigate'].safeParse({ route: '/x', extra: 1 }).success).toBe(false);
    expect(eventContract['reminders:action'].safeParse({ key: 'k', action: 'mark-paid' }).success).toBe(true);
    expect(eventContract['reminders:action'].safeParse({ key: 'k', action: 'delete' }).success).toBe(false);
    expect(eventContract['reminders:changed'].safeParse({}).success).toBe(true);
    expect(eventContract['backup:requested'].safeParse({ reason: 'quit' }).success).toBe(true);
    expect(eventContract['backup:requested'].safeParse({ reason: 'daily' }).success).toBe(false);
    expect(eventContract['backup:requested'].safeParse({}).success).toBe(false);
  });

  it('channel guards accept only the listed names', () => {
    expect(isInvokeChannel('app:getInfo')).toBe(true);
    expect(isInvokeChannel('app:quit')).toBe(false);
    expect(isInvokeChannel(42)).toBe(false);
    expect(isEventChannel('app:navigate')).toBe(true);
    expect(isEventChannel('app:getInfo')).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  const production = [APP_ORIGIN];
  const development = [APP_ORIGIN, DEV_SERVER_ORIGIN];
  it.each([
    ['app://clearday/index.html', production, true],
    ['app://clearday/#/debts', production, true],
    ['APP://CLEARDAY/index.html', production, true],
    ['http://localhost:5273/', development, true],
    ['http://localhost:5273/', production, false],
    ['app://clearday.evil/index.html', production, false],
    ['app://clearday@evil.example/', production, false],
    ['app://other/index.html', production, false],
    ['https://evil.example/', development, false],
    ['file:///home/user/index.html', development, false],
    ['http://localhost:5274/', development, false],
    ['http://127.0.0.1:5273/', development, false],
    ['about:blank', development, false],
    ['', development, false],
    [undefined, development, false],
  ] as const)('%s -> %s', (url, origins, expected) => {
    expect(isTrustedSenderUrl(url, origins)).toBe(expected);
  });
});
