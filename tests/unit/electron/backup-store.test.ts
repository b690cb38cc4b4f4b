import { describe, expect, it, vi } from 'vitest';
import { CHUNK_SESSION_IDLE_MS, createBackupService, type BackupService, type FolderDialog } from '../../../electron/backup-service';
import {
  BackupStorageError,
  beforeRestoreFileName,
  chunkedTemporaryPath,
  createBackupSettingsStore,
  listBackupFiles,
  parseStoredBackupName,
  readBackupText,
} from '../../../electron/backup-store';
import { backupFileName } from '../../../shared/backup/rotation';
import { CHUNK_CHARS, MAX_FILE_TEXT, MAX_STREAMED_BYTES, type BackupReason } from '../../../shared/ipc/contract';
import { ipcErrorCode } from '../../../shared/ipc/errors';
import { MemoryFs, errno } from './memory-fs';
import { FakeTime } from './reminder-fakes';

const USER_DATA = '/data/Clearday';
const DEFAULT_FOLDER = `${USER_DATA}/backups`;
const STATE_FILE = `${USER_DATA}/state/backup.json`;
const NOW = Date.parse('2026-11-22T08:00:01.000Z');

const name = (createdAt: string, encrypted = false) => backupFileName(createdAt, encrypted);

function setup(options: { fs?: MemoryFs; now?: number; timeZone?: string; pick?: string[] | 'cancel' } = {}) {
  const fs = options.fs ?? new MemoryFs([USER_DATA]);
  const log = vi.fn();
  const time = new FakeTime();
  const dialog = {
    showOpenDialog: vi.fn<FolderDialog['showOpenDialog']>(async () =>
      options.pick === 'cancel' || options.pick === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: options.pick },
    ),
  };
  const make = () =>
    createBackupService({
      fs,
      settings: createBackupSettingsStore(STATE_FILE, fs, log),
      defaultFolder: DEFAULT_FOLDER,
      dialog,
      clock: { now: () => options.now ?? NOW, timeZone: () => options.timeZone ?? 'UTC' },
      timers: time.timerApi,
      log,
    });
  return { fs, log, dialog, time, service: make(), restart: make };
}

/** A backup small enough for one message, sent as renderer/platform sends it: one final chunk. */
async function write(service: BackupService, request: { fileName: string; content: string; reason: BackupReason }) {
  const { fileName, removed } = await service.writeChunk({ fileName: request.fileName, reason: request.reason, index: 0, chunk: request.content, final: true });
  return { fileName, removed };
}

/** A backup's whole text, read in chunks as renderer/platform reads it. */
async function read(service: BackupService, fileName: string): Promise<string> {
  let text = '';
  for (;;) {
    const { chunk, total } = await service.readChunk({ fileName, offset: text.length, length: 4 });
    text += chunk;
    if (text.length >= total || chunk.length === 0) return text;
  }
}

async function caught(promise: Promise<unknown>): Promise<BackupStorageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackupStorageError);
    return error as BackupStorageError;
  }
  throw new Error('expected a BackupStorageError');
}

describe('backup file names', () => {
  it('recognises automatic, encrypted and before-restore names', () => {
    expect(parseStoredBackupName('clearday-2026-11-22T08-00-00Z.cdbackup')).toEqual({ createdAt: '2026-11-22T08:00:00.000Z', encrypted: false, beforeRestore: false });
    expect(parseStoredBackupName('clearday-2026-11-22T08-00-00-250Z-encrypted.cdbackup')).toEqual({
      createdAt: '2026-11-22T08:00:00.250Z',
      encrypted: true,
      beforeRestore: false,
    });
    expect(parseStoredBackupName('clearday-before-restore-2026-11-22T08-00-00Z-encrypted.cdbackup')).toEqual({
      createdAt: '2026-11-22T08:00:00.000Z',
      encrypted: true,
      beforeRestore: true,
    });
  });

  it('beforeRestoreFileName gives a name that parses back as a before-restore copy', () => {
    const fileName = beforeRestoreFileName('2026-03-01T10:20:30.000Z', false);
    expect(fileName).toBe('clearday-before-restore-2026-03-01T10-20-30Z.cdbackup');
    expect(parseStoredBackupName(fileName)).toEqual({ createdAt: '2026-03-01T10:20:30.000Z', encrypted: false, beforeRestore: true });
  });

  it.each([
    '../x.cdbackup',
    'clearday-../x.cdbackup',
    'a/b',
    'clearday-2026-11-22T08-00-00Z/x.cdbackup',
    'clearday-2026-11-22T08-00-00Z.cdbackup/..',
    '..\\clearday-2026-11-22T08-00-00Z.cdbackup',
    'clearday-2026-11-22T08-00-00Z.json',
    'clearday-2026-11-22T08-00-00Z.cdbackup.tmp',
    'clearday-2026-11-22T08:00:00Z.cdbackup',
    'clearday-2026-13-01T08-00-00Z.cdbackup',
    'clearday-notes.cdbackup',
    'clearday-before-restore-notes.cdbackup',
    '.clearday-2026-11-22T08-00-00Z.cdbackup.123.tmp',
    `clearday-2026-11-22T08-00-00Z${'-encrypted'.repeat(10)}.cdbackup`,
  ])('refuses %s', (fileName) => {
    expect(parseStoredBackupName(fileName)).toBeUndefined();
  });
});

describe('writing a backup', () => {
  it('a failed rename leaves the earlier file whole and no temporary file behind', async () => {
    const fileName = 'clearday-2026-11-22T08-00-00Z.cdbackup';
    const target = `${DEFAULT_FOLDER}/${fileName}`;
    const { service, fs } = setup({ fs: new MemoryFs([], { [target]: 'old backup' }) });
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(errno('EIO', target));
    const error = await caught(write(service, { fileName, content: 'new backup', reason: 'manual' }));
    expect(error.message).toBe('backup-io-failed: EIO');
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual([fileName]);
    expect(fs.text(target)).toBe('old backup');
  });

  it.each(['../x.cdbackup', 'a/b', 'clearday-2026.json', 'clearday-x/../../y.cdbackup'])('refuses the name %s and writes nothing', async (fileName) => {
    const { service, fs } = setup();
    const error = await caught(write(service, { fileName, content: '{}', reason: 'manual' }));
    expect(error.code).toBe('backup-name-invalid');
    expect(fs.ops).toEqual([]);
    expect(() => chunkedTemporaryPath(DEFAULT_FOLDER, fileName)).toThrow(/^backup-name-invalid: /);
  });

  it('refuses a name the listing would not show, and a before-restore reason under an automatic name', async () => {
    const { service, fs } = setup();
    expect((await caught(write(service, { fileName: 'clearday-notes.cdbackup', content: '{}', reason: 'manual' }))).code).toBe('backup-name-invalid');
    const automatic = name('2026-11-22T08:00:00.000Z');
    expect((await caught(write(service, { fileName: automatic, content: '{}', reason: 'before-restore' }))).code).toBe('backup-name-invalid');
    expect(fs.files.size).toBe(0);
  });

  it('creates the default folder when it is missing', async () => {
    const { service, fs } = setup();
    const fileName = name('2026-11-22T08:00:00.000Z');
    expect(await write(service, { fileName, content: '{}', reason: 'daily' })).toEqual({ fileName, removed: [] });
    expect(fs.ops[0]).toBe(`mkdir ${DEFAULT_FOLDER}`);
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual([fileName]);
  });

  it('rotates a year of daily backups down to 7 daily, 4 weekly and 12 monthly, touching nothing else', async () => {
    const others = {
      [`${DEFAULT_FOLDER}/notes.txt`]: 'mine',
      [`${DEFAULT_FOLDER}/clearday-notes.cdbackup`]: 'not a dated name',
      [`${DEFAULT_FOLDER}/clearday-2025-01-01T08-00-00Z.json`]: 'other extension',
      [`${DEFAULT_FOLDER}/clearday-before-restore-2025-06-01T08-00-00Z.cdbackup`]: 'safety copy',
      [`${DEFAULT_FOLDER}/.clearday-2025-06-02T08-00-00Z.cdbackup.99.tmp`]: 'left by a crash',
      [`${DEFAULT_FOLDER}/old/clearday-2025-01-01T08-00-00Z.cdbackup`]: 'in a subfolder',
    };
    const fs = new MemoryFs([DEFAULT_FOLDER], others);
    const first = Date.parse('2025-11-23T08:00:00.000Z');
    for (let day = 0; day < 364; day += 1) fs.files.set(`${DEFAULT_FOLDER}/${name(new Date(first + day * 86_400_000).toISOString())}`, new Uint8Array([123, 125]));
    const { service } = setup({ fs });

    const fileName = name('2026-11-22T08:00:00.000Z');
    const result = await write(service, { fileName, content: '{}', reason: 'daily' });

    const kept = [
      '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31',
      '2026-09-30', '2026-10-31', '2026-11-01', '2026-11-08', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19',
      '2026-11-20', '2026-11-21', '2026-11-22',
    ].map((day) => name(`${day}T08:00:00.000Z`));
    const remaining = fs.namesIn(DEFAULT_FOLDER).filter((entry) => parseStoredBackupName(entry)?.beforeRestore === false);
    expect(remaining).toEqual(kept.sort());
    expect(result.removed).toHaveLength(365 - 21);
    expect(result.removed).not.toContain(fileName);
    for (const [path, text] of Object.entries(others)) expect(fs.text(path), path).toBe(text);
  });

  it('counts days in the user zone', async () => {
    // 15:00Z is 23:00 on the 21st in Shanghai, 17:00Z already 01:00 on the 22nd.
    const late = name('2026-11-21T15:00:00.000Z');
    const afterMidnight = name('2026-11-21T17:00:00.000Z');
    const written = name('2026-11-22T02:00:00.000Z');
    const run = async (timeZone: string) => {
      const fs = new MemoryFs([DEFAULT_FOLDER]);
      for (const fileName of [late, afterMidnight]) fs.files.set(`${DEFAULT_FOLDER}/${fileName}`, new Uint8Array(1));
      const { service } = setup({ fs, now: Date.parse('2026-11-22T02:00:00.000Z'), timeZone });
      return (await write(service, { fileName: written, content: '{}', reason: 'daily' })).removed;
    };
    // Shanghai: the 22nd keeps only its newest backup, the 21st keeps its own.
    expect(await run('Asia/Shanghai')).toEqual([afterMidnight]);
    // UTC: both older backups fall on the 21st, whose newest stays.
    expect(await run('UTC')).toEqual([late]);
    // An unknown zone counts in UTC rather than failing the backup.
    expect(await run('Mars/Olympus_Mons')).toEqual([late]);
  });

  it('never removes the backup just written, even when its date is far in the past', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    for (let month = 1; month <= 12; month += 1) fs.files.set(`${DEFAULT_FOLDER}/${name(`2026-${String(month).padStart(2, '0')}-01T08:00:00.000Z`)}`, new Uint8Array(1));
    const { service } = setup({ fs });
    const old = name('2020-01-01T08:00:00.000Z');
    const result = await write(service, { fileName: old, content: '{}', reason: 'manual' });
    expect(result.removed).toEqual([]);
    expect(fs.namesIn(DEFAULT_FOLDER)).toContain(old);
  });

  it('a rotation that cannot delete is logged and the write still succeeds', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    for (let day = 1; day <= 9; day += 1) fs.files.set(`${DEFAULT_FOLDER}/${name(`2026-11-1${day - 1}T08:00:00.000Z`)}`, new Uint8Array(1));
    const { service, log } = setup({ fs });
    vi.spyOn(fs, 'rm').mockRejectedValue(errno('EBUSY', 'x'));
    const result = await write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: '{}', reason: 'daily' });
    expect(result.removed).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not removed/));
  });

  it('two writes at once are queued, so they never rotate the folder together', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    for (let day = 10; day <= 20; day += 1) fs.files.set(`${DEFAULT_FOLDER}/${name(`2026-10-${day}T08:00:00.000Z`)}`, new Uint8Array(1));
    const { service } = setup({ fs });
    const [a, b] = await Promise.all([
      write(service, { fileName: name('2026-11-22T07:00:00.000Z'), content: 'a', reason: 'daily' }),
      write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: 'b', reason: 'quit' }),
    ]);
    expect(new Set([...a.removed, ...b.removed]).size).toBe(a.removed.length + b.removed.length);
    expect(b.removed).toContain(name('2026-11-22T07:00:00.000Z'));
  });

  it('before-restore copies are kept whatever their number', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    for (let day = 1; day <= 28; day += 1) {
      fs.files.set(`${DEFAULT_FOLDER}/${beforeRestoreFileName(`2026-02-${String(day).padStart(2, '0')}T08:00:00.000Z`, false)}`, new Uint8Array(1));
    }
    const { service } = setup({ fs });
    const fileName = beforeRestoreFileName('2026-11-22T08:00:00.000Z', true);
    expect(await write(service, { fileName, content: '{}', reason: 'before-restore' })).toEqual({ fileName, removed: [] });
    expect(fs.namesIn(DEFAULT_FOLDER)).toHaveLength(29);
  });

  it('reports a full disk with its code', async () => {
    const { service, fs } = setup({ fs: new MemoryFs([DEFAULT_FOLDER]) });
    fs.diskFull = true;
    expect((await caught(write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: '{}', reason: 'daily' }))).message).toBe(
      `backup-disk-full: ${DEFAULT_FOLDER}`,
    );
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual([]);
  });

  it('reports a default folder that cannot be created as unwritable', async () => {
    const fs = new MemoryFs([USER_DATA]);
    fs.readOnly.add(USER_DATA);
    const { service } = setup({ fs });
    expect((await caught(write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: '{}', reason: 'daily' }))).code).toBe('backup-folder-unwritable');
  });
});

describe('listing and reading backups', () => {
  const files = {
    [`${DEFAULT_FOLDER}/clearday-2026-11-20T08-00-00Z.cdbackup`]: '{"a":1}',
    [`${DEFAULT_FOLDER}/clearday-2026-11-22T08-00-00Z-encrypted.cdbackup`]: '{"encrypted":true}',
    [`${DEFAULT_FOLDER}/clearday-2026-11-22T08-00-00-500Z.cdbackup`]: '{}',
    [`${DEFAULT_FOLDER}/clearday-before-restore-2026-11-21T09-30-00Z.cdbackup`]: '{"before":1}',
    [`${DEFAULT_FOLDER}/notes.txt`]: 'x',
    [`${DEFAULT_FOLDER}/clearday-notes.cdbackup`]: 'x',
    [`${DEFAULT_FOLDER}/clearday-2026-11-23T08-00-00Z.cdbackup/inside.txt`]: 'a folder with a backup name',
  };

  it('lists valid backup names only, newest first, with date, encryption, kind and size', async () => {
    const { service } = setup({ fs: new MemoryFs([], files) });
    expect(await service.list()).toEqual({
      folder: DEFAULT_FOLDER,
      custom: false,
      missing: false,
      backups: [
        { fileName: 'clearday-2026-11-22T08-00-00-500Z.cdbackup', createdAt: '2026-11-22T08:00:00.500Z', encrypted: false, beforeRestore: false, size: 2 },
        { fileName: 'clearday-2026-11-22T08-00-00Z-encrypted.cdbackup', createdAt: '2026-11-22T08:00:00.000Z', encrypted: true, beforeRestore: false, size: 18 },
        { fileName: 'clearday-before-restore-2026-11-21T09-30-00Z.cdbackup', createdAt: '2026-11-21T09:30:00.000Z', encrypted: false, beforeRestore: true, size: 12 },
        { fileName: 'clearday-2026-11-20T08-00-00Z.cdbackup', createdAt: '2026-11-20T08:00:00.000Z', encrypted: false, beforeRestore: false, size: 7 },
      ],
    });
  });

  it('a default folder not made yet has no backups; nothing is created by listing', async () => {
    const { service, fs } = setup();
    expect(await service.list()).toEqual({ folder: DEFAULT_FOLDER, custom: false, missing: false, backups: [] });
    expect(fs.ops).toEqual([]);
  });

  it('a folder that refuses reads gives a typed error', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    vi.spyOn(fs, 'readdir').mockRejectedValue(errno('EACCES', DEFAULT_FOLDER));
    await expect(listBackupFiles(fs, DEFAULT_FOLDER)).rejects.toThrow(`backup-folder-unreadable: ${DEFAULT_FOLDER}`);
  });

  it('reads a backup back, dropping a byte-order mark', async () => {
    const { service } = setup({ fs: new MemoryFs([], { ...files, [`${DEFAULT_FOLDER}/clearday-2026-11-19T08-00-00Z.cdbackup`]: '\uFEFF{"b":"账单"}' }) });
    expect(await read(service, 'clearday-2026-11-20T08-00-00Z.cdbackup')).toBe('{"a":1}');
    expect(await read(service, 'clearday-2026-11-19T08-00-00Z.cdbackup')).toBe('{"b":"账单"}');
    expect(await read(service, 'clearday-before-restore-2026-11-21T09-30-00Z.cdbackup')).toBe('{"before":1}');
  });

  it('refuses a file that grew past the limit after it was measured', async () => {
    const fs = new MemoryFs([], files);
    await expect(readBackupText(fs, DEFAULT_FOLDER, 'clearday-2026-11-20T08-00-00Z.cdbackup', 4)).rejects.toThrow(/^backup-too-large: 7$/);
  });

  it('names a missing backup, a folder with a backup name, and refuses paths', async () => {
    const { service, fs } = setup({ fs: new MemoryFs([], files) });
    expect((await caught(read(service, 'clearday-2026-01-01T00-00-00Z.cdbackup'))).message).toBe('backup-not-found: clearday-2026-01-01T00-00-00Z.cdbackup');
    expect((await caught(read(service, 'clearday-2026-11-23T08-00-00Z.cdbackup'))).code).toBe('backup-not-found');
    for (const fileName of ['../state/backup.json', 'a/b', '/etc/passwd', 'clearday-x.json']) {
      expect((await caught(read(service, fileName))).code).toBe('backup-name-invalid');
    }
    // Only the folder setting was read, never a file by those names.
    expect(fs.readFile.mock.calls).toEqual([[STATE_FILE]]);
  });
});

describe('choosing the backup folder', () => {
  const CHOSEN = '/media/usb/Clearday backups';

  it('remembers the chosen folder across restarts and writes there', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    const { service, restart, dialog } = setup({ fs, pick: [CHOSEN] });
    expect(await service.chooseFolder()).toEqual({ canceled: false, folder: CHOSEN });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ defaultPath: DEFAULT_FOLDER, properties: ['openDirectory', 'createDirectory'] });
    expect(JSON.parse(fs.text(STATE_FILE) ?? '')).toEqual({ folder: CHOSEN });

    const again = restart();
    expect(await again.list()).toEqual({ folder: CHOSEN, custom: true, missing: false, backups: [] });
    const fileName = name('2026-11-22T08:00:00.000Z');
    await write(again, { fileName, content: '{}', reason: 'manual' });
    expect(fs.namesIn(CHOSEN)).toEqual([fileName]);
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual([]);
  });

  it('a backup due while the picker is open is written without waiting for it', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    const { service, dialog } = setup({ fs });
    let answer: (value: { canceled: boolean; filePaths: string[] }) => void = () => undefined;
    dialog.showOpenDialog.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const choosing = service.chooseFolder();
    const fileName = name('2026-11-22T08:00:00.000Z');
    await write(service, { fileName, content: '{}', reason: 'quit' });
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual([fileName]);
    answer({ canceled: false, filePaths: [CHOSEN] });
    expect(await choosing).toEqual({ canceled: false, folder: CHOSEN });
  });

  it('a cancelled picker changes nothing', async () => {
    const { service, fs } = setup({ pick: 'cancel' });
    expect(await service.chooseFolder()).toEqual({ canceled: true });
    expect(fs.files.size).toBe(0);
  });

  it('refuses a folder that cannot be written and keeps the previous one', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    fs.readOnly.add(CHOSEN);
    const { service } = setup({ fs, pick: [CHOSEN] });
    expect((await caught(service.chooseFolder())).message).toBe(`backup-folder-unwritable: ${CHOSEN}`);
    expect(fs.files.has(STATE_FILE)).toBe(false);
    expect((await service.list()).folder).toBe(DEFAULT_FOLDER);
  });

  it('choosing the default folder itself is the default again', async () => {
    const fs = new MemoryFs([DEFAULT_FOLDER]);
    const { service } = setup({ fs, pick: [DEFAULT_FOLDER] });
    expect(await service.chooseFolder()).toEqual({ canceled: false, folder: DEFAULT_FOLDER });
    expect(JSON.parse(fs.text(STATE_FILE) ?? '')).toEqual({ folder: null });
    expect((await service.list()).custom).toBe(false);
  });

  it('resetFolder returns to the default, also after a restart', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    const { service, restart } = setup({ fs, pick: [CHOSEN] });
    await service.chooseFolder();
    expect(await service.resetFolder()).toEqual({ folder: DEFAULT_FOLDER });
    expect(await restart().list()).toMatchObject({ folder: DEFAULT_FOLDER, custom: false });
  });

  it.each([
    ['not JSON', '{"folder": "/media'],
    ['a relative path', '{"folder":"backups"}'],
    ['an unknown field', '{"folder":"/media/usb","extra":1}'],
    ['a wrong type', '{"folder":42}'],
    ['an empty file', ''],
  ])('a state file holding %s means the default folder', async (_label, text) => {
    const { service, log } = setup({ fs: new MemoryFs([USER_DATA], { [STATE_FILE]: text }) });
    expect(await service.list()).toMatchObject({ folder: DEFAULT_FOLDER, custom: false });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/unreadable; using the default folder/));
  });

  it('a chosen folder that is gone gives backup-folder-missing and is not created', async () => {
    const fs = new MemoryFs([USER_DATA], { [STATE_FILE]: JSON.stringify({ folder: CHOSEN }) });
    const { service } = setup({ fs });
    expect(await service.list()).toEqual({ folder: CHOSEN, custom: true, missing: true, backups: [] });
    const error = await caught(write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: '{}', reason: 'daily' }));
    expect(error.message).toBe(`backup-folder-missing: ${CHOSEN}`);
    expect(fs.dirs.has(CHOSEN)).toBe(false);
    expect(fs.ops).toEqual([]);
  });

  it('a chosen folder that became read-only gives backup-folder-unwritable', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN], { [STATE_FILE]: JSON.stringify({ folder: CHOSEN }) });
    fs.readOnly.add(CHOSEN);
    const { service } = setup({ fs });
    const error = await caught(write(service, { fileName: name('2026-11-22T08:00:00.000Z'), content: '{}', reason: 'daily' }));
    expect(error.message).toBe(`backup-folder-unwritable: ${CHOSEN}`);
  });

  it('the renderer finds the code in the message Electron hands it', () => {
    const remote = new Error(`Error invoking remote method 'backup:writeChunk': BackupStorageError: backup-folder-unwritable: ${CHOSEN}`);
    expect(ipcErrorCode(remote)).toBe('backup-folder-unwritable');
    expect(ipcErrorCode(new BackupStorageError('backup-too-large', '99'))).toBe('backup-too-large');
    expect(ipcErrorCode('backup-disk-full: /x')).toBe('backup-disk-full');
    expect(ipcErrorCode(new Error('backup-unknown-thing: x'))).toBeUndefined();
    expect(ipcErrorCode(new Error('EACCES: permission denied'))).toBeUndefined();
    expect(ipcErrorCode(undefined)).toBeUndefined();
  });

  it('the folder choice reaches the disk: a synced temporary backup.json renamed over the old one, then the folder synced', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    const { service } = setup({ fs, pick: [CHOSEN] });
    await service.chooseFolder();
    const temporary = `${STATE_FILE}.${process.pid}.tmp`;
    const stateOps = fs.ops.filter((op) => op.includes('/state'));
    expect(stateOps).toEqual([
      `mkdir ${USER_DATA}/state`,
      `open ${temporary}`,
      `write ${temporary}`,
      `sync ${temporary}`,
      `close ${temporary}`,
      `rename ${temporary} -> ${STATE_FILE}`,
      ...(process.platform === 'win32' ? [] : [`open ${USER_DATA}/state`, `sync ${USER_DATA}/state`, `close ${USER_DATA}/state`]),
    ]);
    if (process.platform !== 'win32') expect(fs.isDurable(STATE_FILE)).toBe(true);
  });

  it('a failed write of backup.json keeps the previous choice on disk and in use, and says backup-io-failed', async () => {
    const fs = new MemoryFs([USER_DATA, CHOSEN]);
    const { service, restart } = setup({ fs, pick: [CHOSEN] });
    await service.chooseFolder();
    fs.fault = (op, path) => (op === 'sync' && path.endsWith('.tmp') ? errno('EIO', path) : undefined);
    expect((await caught(service.resetFolder())).message).toBe('backup-io-failed: EIO');
    expect(JSON.parse(fs.text(STATE_FILE) ?? '')).toEqual({ folder: CHOSEN });
    expect(fs.namesIn(`${USER_DATA}/state`)).toEqual(['backup.json']);
    expect((await service.list()).folder).toBe(CHOSEN);
    fs.fault = undefined;
    expect((await restart().list()).folder).toBe(CHOSEN);
  });
});

describe('chunked backups', () => {
  const fileName = name('2026-11-22T08:00:00.000Z');
  const target = `${DEFAULT_FOLDER}/${fileName}`;
  const TEXT = `{"format":"clearday-backup","note":"账单 💳 ${'x'.repeat(40)}"}`;
  const slices = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const reads = (fs: MemoryFs, path = target) => fs.readFile.mock.calls.filter(([read]) => read === path).length;
  const temporaries = (fs: MemoryFs) => fs.namesIn(DEFAULT_FOLDER).filter((entry) => entry.startsWith('.'));

  it('a multi-chunk write equals a single-chunk write and rotates like it', async () => {
    // Twelve earlier days: rotation keeps seven daily backups and removes some of these.
    const earlier = Object.fromEntries(
      Array.from({ length: 12 }, (_, day) => [`${DEFAULT_FOLDER}/${name(`2026-11-${String(10 + day).padStart(2, '0')}T08:00:00.000Z`)}`, '{}']),
    );
    const oneShot = setup({ fs: new MemoryFs([DEFAULT_FOLDER], earlier) });
    const expected = await write(oneShot.service, { fileName, content: TEXT, reason: 'daily' });

    const { service, fs, time } = setup({ fs: new MemoryFs([DEFAULT_FOLDER], earlier) });
    const parts = slices(TEXT, 7);
    expect(parts.length).toBeGreaterThan(3);
    for (const [index, chunk] of parts.entries()) {
      const final = index === parts.length - 1;
      const result = await service.writeChunk({ fileName, reason: 'daily', index, chunk, final });
      if (!final) {
        expect(result).toEqual({ fileName, removed: [], complete: false });
        // Nothing under the final name until the last chunk.
        expect(fs.files.has(target)).toBe(false);
      } else {
        expect(result).toEqual({ fileName, removed: expected.removed, complete: true });
      }
    }
    expect(expected.removed.length).toBeGreaterThan(0);
    expect(fs.text(target)).toBe(oneShot.fs.text(target));
    expect(fs.namesIn(DEFAULT_FOLDER)).toEqual(oneShot.fs.namesIn(DEFAULT_FOLDER));
    expect(temporaries(fs)).toEqual([]);
    // Only the last chunk is flushed (fsync covers the whole file), then renamed.
    expect(fs.ops.filter((op) => op.endsWith('(flushed)'))).toHaveLength(1);
    const renameAt = fs.ops.findIndex((op) => op.startsWith('rename '));
    expect(fs.ops[renameAt - 1]).toMatch(/^append .*\.chunks\.tmp \(flushed\)$/);
    expect(fs.ops[renameAt]).toMatch(new RegExp(`\\.chunks\\.tmp -> ${target}$`));
    expect(time.pending).toBe(0);
  });

  it('a single final chunk at index 0 writes the backup', async () => {
    const { service, fs } = setup();
    expect(await service.writeChunk({ fileName, reason: 'manual', index: 0, chunk: '{}', final: true })).toEqual({ fileName, removed: [], complete: true });
    expect(fs.text(target)).toBe('{}');
  });

  it('refuses chunks out of order, without a session, or under another reason', async () => {
    const { service, fs } = setup();
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'x', final: false }))).message).toMatch(/^backup-chunk-order: /);
    await service.writeChunk({ fileName, reason: 'daily', index: 0, chunk: 'a', final: false });
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 2, chunk: 'c', final: true }))).message).toMatch(/^backup-chunk-order: /);
    await service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'b', final: false });
    expect((await caught(service.writeChunk({ fileName, reason: 'manual', index: 2, chunk: 'c', final: true }))).message).toMatch(/^backup-chunk-order: /);
    expect(fs.files.has(target)).toBe(false);
    // The session survives a refused chunk: the right next one still completes it.
    await service.writeChunk({ fileName, reason: 'daily', index: 2, chunk: 'c', final: true });
    expect(fs.text(target)).toBe('abc');
  });

  it('index 0 again discards the unfinished session and starts over', async () => {
    const { service, fs } = setup();
    await service.writeChunk({ fileName, reason: 'daily', index: 0, chunk: 'stale-', final: false });
    await service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'half', final: false });
    expect(temporaries(fs)).toHaveLength(1);
    await service.writeChunk({ fileName, reason: 'daily', index: 0, chunk: 'fresh-', final: false });
    // The old session is gone: its next index is refused.
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 2, chunk: 'x', final: true }))).message).toMatch(/^backup-chunk-order: /);
    await service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'whole', final: true });
    expect(fs.text(target)).toBe('fresh-whole');
    expect(temporaries(fs)).toEqual([]);
  });

  it('a session idle for 10 minutes is discarded and its temporary file removed', async () => {
    const { service, fs, time, log } = setup();
    await service.writeChunk({ fileName, reason: 'daily', index: 0, chunk: 'a', final: false });
    await time.advance(CHUNK_SESSION_IDLE_MS - 1);
    await service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'b', final: false });
    // Each chunk restarts the idle clock.
    await time.advance(CHUNK_SESSION_IDLE_MS - 1);
    expect(temporaries(fs)).toHaveLength(1);
    await time.advance(1);
    expect(temporaries(fs)).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/idle .* discarded/));
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 2, chunk: 'c', final: true }))).message).toMatch(/^backup-chunk-order: /);
    expect(fs.files.has(target)).toBe(false);
  });

  it('a failed chunk removes the temporary file and reports the typed error', async () => {
    const { service, fs } = setup();
    await service.writeChunk({ fileName, reason: 'daily', index: 0, chunk: 'a', final: false });
    fs.diskFull = true;
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 1, chunk: 'b', final: false }))).code).toBe('backup-disk-full');
    expect(temporaries(fs)).toEqual([]);
    fs.diskFull = false;
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: 2, chunk: 'c', final: true }))).message).toMatch(/^backup-chunk-order: /);
  });

  it('refuses a stream past MAX_STREAMED_BYTES and drops it', async () => {
    const { service, fs } = setup();
    const chunk = '€'.repeat(CHUNK_CHARS); // 3 bytes each in UTF-8: 24 MiB a chunk
    const perChunk = 3 * CHUNK_CHARS;
    const needed = Math.floor(MAX_STREAMED_BYTES / perChunk);
    vi.spyOn(fs, 'appendFile').mockResolvedValue(undefined);
    vi.spyOn(fs, 'writeFile').mockResolvedValue(undefined);
    for (let index = 0; index < needed; index += 1) await service.writeChunk({ fileName, reason: 'daily', index, chunk, final: false });
    const error = await caught(service.writeChunk({ fileName, reason: 'daily', index: needed, chunk, final: true }));
    expect(error.code).toBe('backup-too-large');
    expect((await caught(service.writeChunk({ fileName, reason: 'daily', index: needed + 1, chunk: '', final: true }))).message).toMatch(/^backup-chunk-order: /);
  });

  it('names and reasons follow the backup name rules', async () => {
    const { service, fs } = setup();
    expect((await caught(service.writeChunk({ fileName: 'clearday-notes.cdbackup', reason: 'daily', index: 0, chunk: '', final: true }))).code).toBe('backup-name-invalid');
    expect((await caught(service.writeChunk({ fileName, reason: 'before-restore', index: 0, chunk: '', final: true }))).code).toBe('backup-name-invalid');
    expect(fs.files.size).toBe(0);
  });

  it('readChunk slices reassemble exactly, with multi-byte text, emoji and a BOM, decoding once', async () => {
    const text = `{"名称":"招商银行信用卡","emoji":"😀👨‍👩‍👧💳","pad":"${'é'.repeat(50)}"}`;
    const fs = new MemoryFs([], { [target]: `\uFEFF${text}` });
    const { service } = setup({ fs });
    for (const size of [1, 3, 7, 64]) {
      let rebuilt = '';
      let total = -1;
      for (let offset = 0; total < 0 || offset < total; offset += size) {
        const result = await service.readChunk({ fileName, offset, length: size });
        total = result.total;
        rebuilt += result.chunk;
      }
      expect(total).toBe(text.length);
      expect(rebuilt).toBe(text);
    }
    expect(reads(fs)).toBe(1);
    expect(await service.readChunk({ fileName, offset: text.length + 10, length: 5 })).toEqual({ chunk: '', total: text.length });
  });

  it('readChunk decodes again after the file changed or another file was read', async () => {
    const other = name('2026-11-21T08:00:00.000Z');
    const fs = new MemoryFs([], { [target]: 'first', [`${DEFAULT_FOLDER}/${other}`]: 'other' });
    const { service } = setup({ fs });
    expect((await service.readChunk({ fileName, offset: 0, length: 10 })).chunk).toBe('first');
    await write(service, { fileName, content: 'again', reason: 'manual' });
    expect((await service.readChunk({ fileName, offset: 0, length: 10 })).chunk).toBe('again');
    expect((await service.readChunk({ fileName: other, offset: 0, length: 10 })).chunk).toBe('other');
    expect(reads(fs)).toBe(2);
    expect(reads(fs, `${DEFAULT_FOLDER}/${other}`)).toBe(1);
  });

  it('the read cache is let go after 10 idle minutes', async () => {
    const fs = new MemoryFs([], { [target]: 'text' });
    const { service, time } = setup({ fs });
    await service.readChunk({ fileName, offset: 0, length: 2 });
    await time.advance(CHUNK_SESSION_IDLE_MS);
    await service.readChunk({ fileName, offset: 2, length: 2 });
    expect(reads(fs)).toBe(2);
  });

  it('readChunk refuses files over MAX_STREAMED_BYTES before reading, and missing names', async () => {
    const fs = new MemoryFs([], { [target]: '{}' });
    const { service } = setup({ fs });
    fs.statSize.set(target, MAX_STREAMED_BYTES + 1);
    expect((await caught(service.readChunk({ fileName, offset: 0, length: 10 }))).code).toBe('backup-too-large');
    expect(reads(fs)).toBe(0);
    // Over the one-message limit (MAX_FILE_TEXT) but within the streamed one: readable in chunks.
    fs.statSize.set(target, MAX_FILE_TEXT + 1);
    expect(await service.readChunk({ fileName, offset: 0, length: 10 })).toEqual({ chunk: '{}', total: 2 });
    expect((await caught(service.readChunk({ fileName: name('2026-01-01T08:00:00.000Z'), offset: 0, length: 10 }))).code).toBe('backup-not-found');
    expect((await caught(service.readChunk({ fileName: '../x.cdbackup', offset: 0, length: 10 }))).code).toBe('backup-name-invalid');
  });
});
