import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { SETTINGS, SETTING_FAMILIES, defaultSettings, loadSettings, readSetting, saveSettings, writeSetting, type SettingValue } from '../../../renderer/db/settings';
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

/** A value other than the default for every declared key: a new key without one fails to compile. */
const SAMPLES: { [K in keyof typeof SETTINGS]: SettingValue<K> } = {
  language: 'zh-CN',
  baseCurrency: 'HKD',
  theme: 'dark',
  formatLocale: 'en-GB',
  onboarded: true,
  planner: { monthlyBudget: 500_000, strategy: 'custom', customOrder: ['debt-1', 'debt-2'], extraPayments: [{ month: '2026-12', amount: 100_000 }] },
  'import.categoryRules': [{ payee: 'Starbucks', categoryId: 'cat-food' }],
  'import.csvMappings': { 'Date|Amount': { delimiter: ',', encoding: 'utf-8', headerLine: 1, dateFormat: 'YYYY-MM-DD', columns: { date: 'Date', amount: 'Amount' }, negateAmount: false, decimalComma: false } },
  'insurance.coverageRules': { lifeMultiple: 8, criticalIllnessMultiple: 3, requireMedical: false, requireAccident: true },
  reminderSnoozes: [{ dueKey: 'debt:loan:2026-12-15', date: '2026-12-14' }],
  'backup.autoPassphrase': 'a long passphrase',
  'backup.lastAutomatic': { at: '2026-11-22T08:00:00.000Z', ok: false, error: 'disk full' },
};
const FIXED_KEYS = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];
const MAPPING_KEY = 'import.csvMapping:0123456789abcdef';
const MAPPING_ENTRY = { layout: 'Datum|Betrag', mapping: { delimiter: ';' as const, encoding: 'utf-8' as const, headerLine: 1, dateFormat: 'DD.MM.YYYY' as const, columns: { date: 'Datum', amount: 'Betrag' }, negateAmount: false, decimalComma: true } };

describe('readSetting / writeSetting', () => {
  it('every declared key reads its default before anything is stored, and round-trips a value', async () => {
    db = freshDatabase();
    for (const key of FIXED_KEYS) {
      expect(await readSetting(db, key), key).toEqual(SETTINGS[key].default);
      expect(SAMPLES[key], key).not.toEqual(SETTINGS[key].default);
      expect(await writeSetting(db, key, SAMPLES[key]), key).toEqual(SAMPLES[key]);
      expect(await readSetting(db, key), key).toEqual(SAMPLES[key]);
    }
    for (const prefix of Object.keys(SETTING_FAMILIES)) expect(MAPPING_KEY.startsWith(prefix)).toBe(true);
    expect(await readSetting(db, MAPPING_KEY)).toBeNull();
    await writeSetting(db, MAPPING_KEY, MAPPING_ENTRY);
    expect(await readSetting(db, MAPPING_KEY)).toEqual(MAPPING_ENTRY);
    expect(await db.settings.count()).toBe(FIXED_KEYS.length + 1);
  });

  it('an invalid write throws a DomainValidationError and writes nothing', async () => {
    db = freshDatabase();
    await writeSetting(db, 'planner', SAMPLES.planner);
    const bad: { [K in keyof typeof SETTINGS]?: unknown } = {
      language: 'fr',
      baseCurrency: 'yuan',
      theme: 'purple',
      formatLocale: 'xx',
      onboarded: 'yes',
      planner: { ...SAMPLES.planner, monthlyBudget: -1 },
      'import.categoryRules': [{ payee: '', categoryId: 'cat-food' }],
      'import.csvMappings': { layout: { delimiter: 'x' } },
      'insurance.coverageRules': { ...SAMPLES['insurance.coverageRules'], lifeMultiple: 2.5 },
      reminderSnoozes: [{ dueKey: 'debt:loan', date: 'tomorrow' }],
      'backup.autoPassphrase': 42,
      'backup.lastAutomatic': { at: 'yesterday', ok: true },
    };
    for (const key of FIXED_KEYS) {
      await expect(writeSetting(db, key, bad[key] as never), key).rejects.toBeInstanceOf(DomainValidationError);
    }
    await expect(writeSetting(db, MAPPING_KEY, { layout: 'x', mapping: {} } as never)).rejects.toBeInstanceOf(DomainValidationError);
    // A family key too long for the table's key column is refused the same way.
    await expect(writeSetting(db, `import.csvMapping:${'x'.repeat(60)}`, MAPPING_ENTRY)).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.settings.toArray()).toEqual([{ key: 'planner', value: SAMPLES.planner }]);
  });

  it('names the field of a plain value by its key', async () => {
    db = freshDatabase();
    await expect(writeSetting(db, 'baseCurrency', 'yuan')).rejects.toMatchObject({ fieldErrors: [{ field: 'baseCurrency' }] });
    await expect(writeSetting(db, 'planner', { ...SAMPLES.planner, monthlyBudget: -1 })).rejects.toMatchObject({ fieldErrors: [{ field: 'monthlyBudget' }] });
  });

  it('a stored row that no longer validates reads as its default', async () => {
    db = freshDatabase();
    await db.settings.bulkPut([...FIXED_KEYS, MAPPING_KEY].map((key) => ({ key, value: { nonsense: 1 } })));
    for (const key of FIXED_KEYS) expect(await readSetting(db, key), key).toEqual(SETTINGS[key].default);
    expect(await readSetting(db, MAPPING_KEY)).toBeNull();
  });

  it('a default read is a copy: changing it changes no later read', async () => {
    db = freshDatabase();
    const planner = await readSetting(db, 'planner');
    planner.customOrder.push('debt-1');
    expect((await readSetting(db, 'planner')).customOrder).toEqual([]);
  });

  it('reads snoozes earlier builds stored as { obligationKey, date } as the same snooze', async () => {
    db = freshDatabase();
    await db.settings.put({
      key: 'reminderSnoozes',
      value: [
        { obligationKey: 'debt:loan:2026-12-15', date: '2026-12-14' },
        { dueKey: 'policy:p1:2026-12-01', date: '2026-11-30' },
      ],
    });
    expect(await readSetting(db, 'reminderSnoozes')).toEqual([
      { dueKey: 'debt:loan:2026-12-15', date: '2026-12-14' },
      { dueKey: 'policy:p1:2026-12-01', date: '2026-11-30' },
    ]);
    // Written back in today's shape.
    await writeSetting(db, 'reminderSnoozes', await readSetting(db, 'reminderSnoozes'));
    expect((await db.settings.get('reminderSnoozes'))?.value).toEqual([
      { dueKey: 'debt:loan:2026-12-15', date: '2026-12-14' },
      { dueKey: 'policy:p1:2026-12-01', date: '2026-11-30' },
    ]);
  });

  it('saveSettings writes all the changes or none', async () => {
    db = freshDatabase();
    const initial = await loadSettings(db, 'en-US');
    await expect(saveSettings(db, initial, { theme: 'dark', baseCurrency: 'yuan' })).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.settings.count()).toBe(0);
  });

  it('keeps what still validates of a stored list, map or record: one bad item never loses the others', async () => {
    db = freshDatabase();
    await db.settings.put({ key: 'import.categoryRules', value: [{ payee: 'Metro', categoryId: 'cat-transport' }, { payee: '', categoryId: 'cat-food' }, { payee: 'Cafe', categoryId: 'cat-food' }] });
    expect(await readSetting(db, 'import.categoryRules')).toEqual([
      { payee: 'Metro', categoryId: 'cat-transport' },
      { payee: 'Cafe', categoryId: 'cat-food' },
    ]);
    await db.settings.put({ key: 'insurance.coverageRules', value: { lifeMultiple: 8, criticalIllnessMultiple: 2.5, requireMedical: false } });
    expect(await readSetting(db, 'insurance.coverageRules')).toEqual({ ...SETTINGS['insurance.coverageRules'].default, lifeMultiple: 8, requireMedical: false });
    await db.settings.put({ key: 'reminderSnoozes', value: [{ dueKey: 'debt:a:2026-12-01', date: '2026-12-02' }, { dueKey: 'x', date: 'tomorrow' }] });
    expect(await readSetting(db, 'reminderSnoozes')).toEqual([{ dueKey: 'debt:a:2026-12-01', date: '2026-12-02' }]);
  });
});
