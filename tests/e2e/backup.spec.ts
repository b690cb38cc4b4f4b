import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './fixtures';

/** Every row of every table, read straight from IndexedDB (bytes as arrays, so they compare). */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clearday');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(JSON.parse(JSON.stringify(request.result, (_, value: unknown) => (value instanceof Uint8Array ? Array.from(value) : value))) as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return out;
  });
}

function clearDatabase(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clearday');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = Array.from(db.objectStoreNames);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readwrite');
      for (const name of names) tx.objectStore(name).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

async function loadSampleWithDocument(page: Page) {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');
  // A document too, so bytes go through the backup.
  await page.goto('/#/insurance/policy-ci');
  await page.getByLabel('Add documents…').setInputFiles({ name: 'policy.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
  await expect(page.getByRole('region', { name: 'Documents' })).toContainText('policy.png');
}

async function chooseBackup(page: Page, path: string) {
  await page.goto('/#/settings');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await (await chooser).setFiles(path);
}

test('an encrypted backup is saved, the data cleared, and the restore brings back every row of every table', async ({ page }, testInfo) => {
  await loadSampleWithDocument(page);
  const original = await dumpDatabase(page);
  expect(original.attachments).toHaveLength(1);

  await page.goto('/#/settings');
  await page.getByLabel('Passphrase (optional)').fill('correct horse battery');
  await page.getByLabel('Repeat the passphrase').fill('correct horse battery');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const file = testInfo.outputPath('backup.cdbackup');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toMatch(/^clearday-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{3})?Z-encrypted\.cdbackup$/);
  expect(readFileSync(file, 'utf8')).not.toContain('Ping An');

  await clearDatabase(page);
  await page.reload();
  expect((await dumpDatabase(page)).debts).toEqual([]);

  await chooseBackup(page, file);
  const preview = page.getByRole('region', { name: 'Backup to restore' });
  await expect(preview).toContainText('backup.cdbackup');
  await expect(preview.getByRole('row', { name: /Debts/ })).toContainText(String(original.debts?.length));
  await preview.getByLabel('Passphrase of this backup').fill('wrong passphrase');
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The passphrase does not open this backup.' })).toBeVisible();
  await preview.getByLabel('Passphrase of this backup').fill('correct horse battery');
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  const safety = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Replace all your data with this backup?' }).getByRole('button', { name: 'Replace my data' }).click();
  expect((await safety).suggestedFilename()).toMatch(/^clearday-before-restore-/);
  await expect(page.getByRole('status').filter({ hasText: /^Restored \d+ records from the backup of/ })).toBeVisible();

  expect(await dumpDatabase(page)).toEqual(original);

  // The browser also kept the replaced data (empty here): it can be gone back to.
  await page.getByRole('button', { name: /Go back to the data from before the last restore/ }).click();
  await expect(page.getByRole('region', { name: 'Backup to restore' })).toContainText('clearday-before-restore-');
});

test('a damaged backup is refused with a message, and the data stays exactly as it was', async ({ page }, testInfo) => {
  await loadSampleWithDocument(page);
  await page.goto('/#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const file = testInfo.outputPath('plain.cdbackup');
  await (await download).saveAs(file);
  const before = await dumpDatabase(page);

  // One amount changed by hand: the checksum gives it away.
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/"amount":(\d)/, (_, digit: string) => `"amount":${digit === '9' ? '8' : '9'}`);
  expect(edited).not.toEqual(text);
  const damaged = testInfo.outputPath('edited.cdbackup');
  writeFileSync(damaged, edited);
  await chooseBackup(page, damaged);
  await page.getByRole('region', { name: 'Backup to restore' }).getByRole('button', { name: 'Check and restore…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'checksum does not match its content' })).toBeVisible();

  // A file cut short is not even a backup.
  const cut = testInfo.outputPath('cut.cdbackup');
  writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
  await chooseBackup(page, cut);
  await expect(page.getByRole('alert')).toContainText(/not a Clearday backup|damaged/);

  expect(await dumpDatabase(page)).toEqual(before);
});

test('a damaged database at start-up says so, and a backup file brings the data back', async ({ page }) => {
  // The first opens of the database fail as Chromium reports a damaged store (Dexie retries an
  // UnknownError up to three times, so four fail).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('failOpens') === null) sessionStorage.setItem('failOpens', '4');
    const realOpen = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      const left = Number(sessionStorage.getItem('failOpens'));
      if (name !== 'clearday' || left <= 0) return realOpen.call(this, name, version);
      sessionStorage.setItem('failOpens', String(left - 1));
      const failed = { error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'), result: undefined, readyState: 'done', onerror: null as null | ((event: unknown) => void), onsuccess: null, onblocked: null, onupgradeneeded: null, addEventListener() {}, removeEventListener() {} };
      setTimeout(() => failed.onerror?.({ target: failed, type: 'error', preventDefault() {}, stopPropagation() {} }), 0);
      return failed as unknown as IDBOpenDBRequest;
    };
  });
  await page.goto('/#/dashboard');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The database on this computer is damaged and cannot be opened.');
  const chooser = page.waitForEvent('filechooser');
  await alert.getByRole('button', { name: 'Restore from a backup file…' }).click();
  await (await chooser).setFiles(fileURLToPath(new URL('../fixtures/backup/schema-v1.cdbackup', import.meta.url)));
  await expect(alert).toContainText('The backup of 2026-11-22 (21 records) passed every check.');
  await alert.getByRole('button', { name: 'Replace the damaged database' }).click();
  // The backup's own settings come back with it: this one is in Chinese.
  await expect(page.getByRole('heading', { level: 1, name: '概览' })).toBeVisible();
  await page.goto('/#/insurance');
  await expect(page.getByRole('link', { name: '重疾险 Plus' })).toBeVisible();
});
