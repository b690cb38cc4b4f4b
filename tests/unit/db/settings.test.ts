import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { defaultSettings, loadSettings, saveSettings } from '../../../renderer/db/settings';
import { freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

describe('settings', () => {
  it('defaults from the OS locale: Chinese systems get zh-CN, others English; CNY base currency', () => {
    expect(defaultSettings('zh-CN')).toMatchObject({ language: 'zh-CN', baseCurrency: 'CNY', theme: 'system', formatLocale: 'zh-CN' });
    expect(defaultSettings('zh-TW')).toMatchObject({ language: 'zh-CN' });
    expect(defaultSettings('en-GB')).toMatchObject({ language: 'en', baseCurrency: 'CNY', formatLocale: 'en-US' });
  });

  it('persists changes and reads them back', async () => {
    db = freshDatabase();
    const initial = await loadSettings(db, 'en-US');
    const saved = await saveSettings(db, initial, { language: 'zh-CN', baseCurrency: 'JPY', theme: 'dark' });
    expect(saved).toMatchObject({ language: 'zh-CN', baseCurrency: 'JPY', theme: 'dark' });
    expect(await loadSettings(db, 'en-US')).toEqual(saved);
  });

  it('refuses an invalid currency and keeps the stored value', async () => {
    db = freshDatabase();
    const initial = await loadSettings(db, 'en-US');
    await expect(saveSettings(db, initial, { baseCurrency: 'yuan' })).rejects.toBeInstanceOf(DomainValidationError);
    expect((await loadSettings(db, 'en-US')).baseCurrency).toBe('CNY');
  });

  it('falls back to the default for a stored value that no longer validates', async () => {
    db = freshDatabase();
    await db.settings.bulkPut([
      { key: 'theme', value: 'purple' },
      { key: 'language', value: 'zh-CN' },
    ]);
    expect(await loadSettings(db, 'en-US')).toMatchObject({ theme: 'system', language: 'zh-CN' });
  });
});
