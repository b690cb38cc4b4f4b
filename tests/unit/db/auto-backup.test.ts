import { afterEach, describe, expect, it } from 'vitest';
import { localDateOf, needsDailyBackup } from '../../../renderer/features/backup/auto-backup';
import { BACKUP_PASSPHRASE_KEY, LAST_AUTOMATIC_KEY, checkBackup, makeBackup, readAllTables, replaceAllData } from '../../../renderer/features/backup/db';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

const entry = (createdAt: string, beforeRestore = false) => ({ fileName: `clearday-${createdAt}.cdbackup`, createdAt, encrypted: false, beforeRestore, size: 10 });

describe('automatic backups', () => {
  it('a day needs its backup until one was made that day, in the user’s time zone', () => {
    expect(localDateOf('2026-11-22T17:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDateOf('2026-11-22T17:30:00.000Z', 'UTC')).toBe('2026-11-22');
    const list = { missing: false, backups: [entry('2026-11-22T17:30:00.000Z'), entry('2026-11-21T09:00:00.000Z')] };
    expect(needsDailyBackup(list, '2026-11-23', 'Asia/Shanghai')).toBe(false);
    expect(needsDailyBackup(list, '2026-11-23', 'UTC')).toBe(true);
    // A copy taken before a restore is not the day's backup; a missing folder cannot take one.
    expect(needsDailyBackup({ missing: false, backups: [entry('2026-11-23T01:00:00.000Z', true)] }, '2026-11-23', 'UTC')).toBe(true);
    expect(needsDailyBackup({ missing: true, backups: [] }, '2026-11-23', 'UTC')).toBe(false);
  });

  it('this computer’s backup settings (passphrase, last result) never go into a backup and survive a restore', async () => {
    db = freshDatabase();
    await db.settings.bulkPut([
      { key: BACKUP_PASSPHRASE_KEY, value: 'local secret' },
      { key: LAST_AUTOMATIC_KEY, value: { at: '2026-11-22T07:00:00.000Z', ok: true } },
      { key: 'app', value: { language: 'en' } },
    ]);
    expect((await readAllTables(db)).settings).toEqual([{ key: 'app', value: { language: 'en' } }]);
    const text = await makeBackup(db, { appVersion: '0.1.0', now: '2026-11-22T08:00:00.000Z' });
    expect(text).not.toContain('local secret');
    await db.settings.put({ key: 'app', value: { language: 'zh-CN' } });
    await replaceAllData(db, await checkBackup(text));
    expect(await db.settings.toArray()).toEqual(
      expect.arrayContaining([{ key: BACKUP_PASSPHRASE_KEY, value: 'local secret' }, { key: LAST_AUTOMATIC_KEY, value: { at: '2026-11-22T07:00:00.000Z', ok: true } }, { key: 'app', value: { language: 'en' } }]),
    );
  });

  it('a file never sets this computer\'s backup settings, even when it carries them', async () => {
    db = freshDatabase();
    await db.settings.put({ key: BACKUP_PASSPHRASE_KEY, value: 'mine' });
    const text = await makeBackup(db, { appVersion: '0.1.0', now: '2026-11-22T08:00:00.000Z' });
    const checked = await checkBackup(text);
    // A crafted or foreign file with a passphrase row of its own.
    checked.tables.settings.push({ key: BACKUP_PASSPHRASE_KEY, value: 'a stranger\'s' }, { key: LAST_AUTOMATIC_KEY, value: { at: '2020-01-01T00:00:00.000Z', ok: false } });
    await replaceAllData(db, checked);
    expect(await db.settings.get(BACKUP_PASSPHRASE_KEY)).toEqual({ key: BACKUP_PASSPHRASE_KEY, value: 'mine' });
    expect(await db.settings.get(LAST_AUTOMATIC_KEY)).toBeUndefined();
    // The start-up restore rebuilds an empty database: the passphrase that opened the file is kept.
    db.close();
    db = freshDatabase();
    await replaceAllData(db, checked, { backupPassphrase: 'the one that opened it' });
    expect(await db.settings.get(BACKUP_PASSPHRASE_KEY)).toEqual({ key: BACKUP_PASSPHRASE_KEY, value: 'the one that opened it' });
  });
});
