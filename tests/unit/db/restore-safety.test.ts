/**
 * "Encryption means everything encrypted": with a backup passphrase set, the restore path leaves
 * no readable copy of the user's data anywhere. Every file and every database the path writes is
 * listed and read back: the browser's safety database and the download, or on the desktop every
 * file the main process's backup service wrote (temporary chunk files included), and the app's
 * own database afterwards (which must hold the restored data, not the old).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/backup-service';
import { createBackupSettingsStore } from '../../../electron/backup-store';
import { BACKUP_PASSPHRASE_KEY, checkBackup, makeBackup, restoreWithSafetyCopy } from '../../../renderer/features/backup/db';
import { ClearDayDatabase, allTables, type TableName } from '../../../renderer/db/database';
import { keepSafetyCopy } from '../../../renderer/features/backup/safety-copy';
import { chunksOf } from '../../../renderer/platform/chunks';
import { inspectBackup } from '../../../shared/backup';
import { SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';
import { MemoryFs } from '../electron/memory-fs';
import { FakeTime } from '../electron/reminder-fakes';

/** Text of the household before the restore: none of it may be readable after it. */
const SECRETS = ['招商银行', 'Loan repayment', 'inst-cmb', 'txn-1'];
const NOW = '2026-11-22T08:00:00.000Z';
const FAST = 1_000;

let db: ClearDayDatabase | undefined;
afterEach(() => db?.close());

async function householdDatabase(factory: IDBFactory, passphrase: string | null): Promise<ClearDayDatabase> {
  const opened = new ClearDayDatabase('clearday', { indexedDB: factory, IDBKeyRange });
  await opened.open();
  for (const table of allTables(opened)) {
    const rows = SCHEMA_V1_ROWS[table.name as TableName];
    if (rows.length > 0) await table.bulkAdd(rows as never[]);
  }
  if (passphrase) await opened.settings.put({ key: BACKUP_PASSPHRASE_KEY, value: passphrase });
  return opened;
}

/** The backup being restored: another household entirely (one account, one settings row). */
async function otherBackup(): Promise<string> {
  const other = new ClearDayDatabase('other', { indexedDB: new IDBFactory(), IDBKeyRange });
  await other.open();
  await other.accounts.add({ ...(SCHEMA_V1_ROWS.accounts[0] as object), id: 'acc-new', name: 'Savings after the restore', institutionId: undefined } as never);
  await other.settings.put({ key: 'app', value: { language: 'en' } });
  const text = await makeBackup(other, { appVersion: '0.1.0', now: '2026-10-01T08:00:00.000Z' });
  other.close();
  return text;
}

/** Every row of every object store of a database, as text (bytes as their numbers). */
async function dumpDatabase(factory: IDBFactory, name: string): Promise<string> {
  const opened = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const parts: string[] = [];
  for (const store of [...opened.objectStoreNames]) {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = opened.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
    parts.push(`${store}: ${JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value))}`);
  }
  opened.close();
  return parts.join('\n');
}

function expectNoSecret(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} holds "${secret}" in the clear`).toBe(false);
}

describe('the restore path with a backup passphrase leaves nothing readable', () => {
  it('in a browser: the safety database, the download and the app database, each read back', async () => {
    const factory = new IDBFactory();
    db = await householdDatabase(factory, 'a long backup passphrase');
    const downloads: { fileName: string; text: string }[] = [];
    const checked = await checkBackup(await otherBackup());
    const outcome = await restoreWithSafetyCopy(db, checked, {
      appVersion: '0.1.0',
      now: NOW,
      iterations: FAST,
      targets: {
        keepInBrowser: (text, createdAt) => keepSafetyCopy(text, createdAt, { indexedDB: factory, IDBKeyRange }),
        download: async (fileName, text) => void downloads.push({ fileName, text }),
      },
    });
    expect(outcome).toBe('restored');

    // Every database the path wrote, found by listing them, not by knowing their names.
    const databases = (await factory.databases()).map((info) => info.name ?? '').sort();
    expect(databases).toEqual(['clearday', 'clearday-safety']);
    for (const name of databases) expectNoSecret(await dumpDatabase(factory, name), `database ${name}`);
    const safety = (await dumpDatabase(factory, 'clearday-safety')).split('\n');
    expect(safety).toHaveLength(1);
    const kept = JSON.parse(safety[0]!.replace(/^copies: /, '')) as { text: string }[];
    expect(kept).toHaveLength(1);
    expect(inspectBackup(kept[0]!.text)).toEqual({ encrypted: true, formatVersion: 2 });
    // The app database holds the restored household.
    expect(await db.accounts.toArray()).toEqual([expect.objectContaining({ id: 'acc-new' })]);

    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toMatch(/^clearday-before-restore-.*-encrypted\.cdbackup$/);
    expect(inspectBackup(downloads[0]!.text)).toEqual({ encrypted: true, formatVersion: 2 });
    expectNoSecret(downloads[0]!.text, 'the download');
    // The copy opens with the passphrase and holds the old household.
    const reopened = await checkBackup(downloads[0]!.text, 'a long backup passphrase');
    expect(reopened.tables.transactions).toEqual(SCHEMA_V1_ROWS.transactions);
  });

  it('on the desktop: every file the backup service wrote, temporary chunk files included', async () => {
    const factory = new IDBFactory();
    db = await householdDatabase(factory, 'a long backup passphrase');
    const fs = new MemoryFs(['/data/Clearday']);
    const written: { path: string; data: string }[] = [];
    const record = (path: string, data: string) => void written.push({ path, data });
    const writeFile = fs.writeFile.bind(fs);
    const appendFile = fs.appendFile.bind(fs);
    vi.spyOn(fs, 'writeFile').mockImplementation(async (path, data, options) => (record(path, data), writeFile(path, data, options)));
    vi.spyOn(fs, 'appendFile').mockImplementation(async (path, data, options) => (record(path, data), appendFile(path, data, options)));
    const service = createBackupService({
      fs,
      settings: createBackupSettingsStore('/data/Clearday/state/backup.json', fs, () => undefined),
      defaultFolder: '/data/Clearday/backups',
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      clock: { now: () => Date.parse(NOW), timeZone: () => 'UTC' },
      timers: new FakeTime().timerApi,
      log: () => undefined,
    });
    const checked = await checkBackup(await otherBackup());
    const outcome = await restoreWithSafetyCopy(db, checked, {
      appVersion: '0.1.0',
      now: NOW,
      iterations: FAST,
      targets: {
        // As renderer/platform's writeBackupStreamed sends it, in small chunks so several are written.
        writeToBackupFolder: async (fileName, text) => {
          const chunks = chunksOf(text, 1_000);
          let complete = false;
          for (const [index, chunk] of chunks.entries()) {
            ({ complete } = await service.writeChunk({ fileName, reason: 'before-restore', index, chunk, final: index === chunks.length - 1 }));
          }
          return complete;
        },
      },
    });
    expect(outcome).toBe('restored');

    expect(written.length).toBeGreaterThan(2);
    for (const { path, data } of written) expectNoSecret(data, path);
    const files = [...fs.files.keys()].sort();
    expect(files).toEqual([expect.stringMatching(/^\/data\/Clearday\/backups\/clearday-before-restore-.*-encrypted\.cdbackup$/)]);
    for (const path of files) {
      expectNoSecret(fs.text(path) ?? '', path);
      expect(inspectBackup(fs.text(path) ?? '')).toEqual({ encrypted: true, formatVersion: 2 });
    }
    expect((await factory.databases()).map((info) => info.name)).toEqual(['clearday']);
    expectNoSecret(await dumpDatabase(factory, 'clearday'), 'database clearday');
  });

  it('without a passphrase the copy is plain, as Settings then says', async () => {
    const factory = new IDBFactory();
    db = await householdDatabase(factory, null);
    const downloads: string[] = [];
    await restoreWithSafetyCopy(db, await checkBackup(await otherBackup()), {
      appVersion: '0.1.0',
      now: NOW,
      targets: { keepInBrowser: (text, createdAt) => keepSafetyCopy(text, createdAt, { indexedDB: factory, IDBKeyRange }), download: async (_name, text) => void downloads.push(text) },
    });
    expect(downloads[0]).toContain('招商银行');
    expect(inspectBackup(downloads[0]!).encrypted).toBe(false);
  });

  it('replaces nothing when the copy could not be saved', async () => {
    const factory = new IDBFactory();
    db = await householdDatabase(factory, 'a long backup passphrase');
    const outcome = await restoreWithSafetyCopy(db, await checkBackup(await otherBackup()), {
      appVersion: '0.1.0',
      now: NOW,
      iterations: FAST,
      targets: { writeToBackupFolder: async () => false },
    });
    expect(outcome).toBe('safety-not-saved');
    expect(await db.transactions.count()).toBe(1);
  });
});
