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
  await page.getByLabel('Passphrase for this file (optional)').fill('correct horse battery');
  await page.getByLabel('Repeat the passphrase', { exact: true }).fill('correct horse battery');
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
  // Nothing of an encrypted file is shown before it is decrypted and checked: no date, no counts.
  await expect(preview).toContainText('backup.cdbackup is encrypted. Enter its passphrase');
  await expect(preview.getByRole('row')).toHaveCount(0);
  await preview.getByLabel('Passphrase of this backup').fill('wrong passphrase');
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The passphrase does not open this backup.' })).toBeVisible();
  await expect(preview.getByRole('row')).toHaveCount(0);
  await preview.getByLabel('Passphrase of this backup').fill('correct horse battery');
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  await expect(preview.getByRole('row', { name: /Debts/ })).toContainText(String(original.debts?.length));
  const safety = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Replace all your data with this backup?' }).getByRole('button', { name: 'Replace my data' }).click();
  expect((await safety).suggestedFilename()).toMatch(/^clearday-before-restore-/);
  await expect(page.getByRole('status').filter({ hasText: /^Restored \d+ records from the backup of/ })).toBeVisible();

  expect(await dumpDatabase(page)).toEqual(original);

  // The browser also kept the replaced data (empty here): it can be gone back to.
  await page.getByRole('button', { name: /Go back to the data from before the last restore/ }).click();
  await expect(page.getByRole('region', { name: 'Backup to restore' })).toContainText('clearday-before-restore-');
});

/** Every database of the page's origin, each with every row of every store, as text. */
function dumpAllDatabases(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const parts: string[] = [];
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${store}: ${JSON.stringify(rows, (_, value: unknown) => (value instanceof Uint8Array ? Array.from(value) : value))}`);
      }
      db.close();
      out[name] = parts.join('\n');
    }
    return out;
  });
}

test('with a backup passphrase the copy taken before a restore is encrypted in the browser database and in the download', async ({ page }, testInfo) => {
  // The backup to restore later: this browser before any data, saved plain.
  await page.goto('/#/settings');
  const empty = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const emptyFile = testInfo.outputPath('empty.cdbackup');
  await (await empty).saveAs(emptyFile);
  await expect(page.getByRole('status').filter({ hasText: 'It is not encrypted: keep the file where nobody else can read it.' })).toBeVisible();

  await loadSampleWithDocument(page);
  await page.goto('/#/settings');
  const secret = page.getByRole('region', { name: 'Backup passphrase' });
  // Without a passphrase the page says plainly what that means.
  await expect(secret).toContainText('No backup passphrase is set: backups and the copy taken before a restore are plain text. Anyone who has one of these files can read all your data.');
  await secret.getByLabel('New backup passphrase').fill('short');
  await secret.getByLabel('Repeat the backup passphrase').fill('short');
  await secret.getByRole('button', { name: 'Save the backup passphrase' }).click();
  await expect(secret.getByRole('alert')).toHaveText('Use at least 8 characters for the passphrase.');
  await secret.getByLabel('New backup passphrase').fill('household secret 2026');
  await secret.getByLabel('Repeat the backup passphrase').fill('household secret 2026');
  await secret.getByRole('button', { name: 'Save the backup passphrase' }).click();
  await expect(secret.getByRole('status')).toHaveText(/^Backups are encrypted with this passphrase from now on\. Files saved before stay as they were/);
  await expect(secret).toContainText('A backup passphrase is set');

  // A backup saved without a passphrase of its own is encrypted with the backup passphrase.
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  expect((await saved).suggestedFilename()).toMatch(/-encrypted\.cdbackup$/);
  await expect(page.getByRole('status').filter({ hasText: 'The backup is saved, encrypted.' })).toBeVisible();

  // Restore the empty one; the sample household must end up nowhere readable.
  await chooseBackup(page, emptyFile);
  const preview = page.getByRole('region', { name: 'Backup to restore' });
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  const safety = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Replace all your data with this backup?' }).getByRole('button', { name: 'Replace my data' }).click();
  const copy = testInfo.outputPath('safety.cdbackup');
  await (await safety).saveAs(copy);
  expect((await safety).suggestedFilename()).toMatch(/^clearday-before-restore-.*-encrypted\.cdbackup$/);
  await expect(page.getByRole('status').filter({ hasText: /^Restored \d+ records? from the backup of/ })).toBeVisible();

  const sampleTexts = ['Ping An', '平安', 'policy-ci', 'debt-mortgage', 'policy.png'];
  const copyText = readFileSync(copy, 'utf8');
  expect(copyText.startsWith('{"format":"clearday-backup","formatVersion":2,"encryption":')).toBe(true);
  for (const text of sampleTexts) expect(copyText, `the downloaded copy holds ${text}`).not.toContain(text);
  // Every database of the origin, found by listing them.
  const databases = await dumpAllDatabases(page);
  expect(Object.keys(databases).sort()).toEqual(['clearday', 'clearday-safety']);
  for (const [name, content] of Object.entries(databases)) {
    for (const text of sampleTexts) expect(content, `database ${name} holds ${text}`).not.toContain(text);
  }
  expect(databases['clearday-safety']).toContain('\\"formatVersion\\":2,\\"encryption\\"');

  // Going back asks for the passphrase and shows what the copy holds only once it is decrypted.
  await page.getByRole('button', { name: /Go back to the data from before the last restore/ }).click();
  await expect(preview).toContainText('is encrypted. Enter its passphrase');
  await expect(preview.getByRole('row')).toHaveCount(0);
  await preview.getByLabel('Passphrase of this backup').fill('household secret 2026');
  await preview.getByRole('button', { name: 'Check and restore…' }).click();
  await expect(preview.getByRole('row', { name: /Policies/ })).toBeVisible();
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

/**
 * The first opens of the database fail as Chromium reports a damaged store (Dexie retries an
 * UnknownError up to three times, so four fail).
 */
async function failFirstOpens(page: Page) {
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
}

test('a damaged database at start-up says so, and a backup file brings the data back', async ({ page }) => {
  await failFirstOpens(page);
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

test('an encrypted backup restored at start-up keeps its passphrase as the backup passphrase', async ({ page }) => {
  await failFirstOpens(page);
  await page.goto('/#/settings');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The database on this computer is damaged and cannot be opened.');
  const chooser = page.waitForEvent('filechooser');
  await alert.getByRole('button', { name: 'Restore from a backup file…' }).click();
  await (await chooser).setFiles(fileURLToPath(new URL('../fixtures/backup/schema-v1-format-1-encrypted.cdbackup', import.meta.url)));
  await alert.getByLabel('Passphrase of this backup').fill('correct horse battery staple');
  await alert.getByRole('button', { name: 'Restore' }).click();
  await expect(alert).toContainText('The backup of 2026-11-22 (21 records) passed every check.');
  await expect(alert).toContainText('Its passphrase becomes the backup passphrase of this computer again');
  await alert.getByRole('button', { name: 'Replace the damaged database' }).click();
  // The restored household is in Chinese.
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('region', { name: '备份密码' })).toContainText('已设置备份密码');
});
