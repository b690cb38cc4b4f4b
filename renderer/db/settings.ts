/** App settings, stored one row per key so later settings need no schema change. */
import { AppSettingsSchema, type AppSettings } from '../../shared/domain';
import { validateEntity } from '../../shared/domain';
import type { ClearDayDatabase } from './database';

/** The number and date format that goes with a language until the user picks another. */
export function formatLocaleFor(language: AppSettings['language']): AppSettings['formatLocale'] {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export function defaultSettings(systemLocale: string): AppSettings {
  const language = systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  return {
    language,
    baseCurrency: 'CNY',
    theme: 'system',
    formatLocale: formatLocaleFor(language),
    onboarded: false,
  };
}

export async function loadSettings(db: ClearDayDatabase, systemLocale: string): Promise<AppSettings> {
  const defaults = defaultSettings(systemLocale);
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  // A stored value that no longer validates falls back to its default instead of breaking start-up.
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof AppSettings)[]) {
    if (!(key in stored)) continue;
    const candidate = { ...defaults, [key]: stored[key] };
    if (AppSettingsSchema.safeParse(candidate).success) merged[key] = stored[key];
  }
  return AppSettingsSchema.parse(merged);
}

export async function saveSettings(db: ClearDayDatabase, current: AppSettings, changes: Partial<AppSettings>): Promise<AppSettings> {
  const next = validateEntity('settings', AppSettingsSchema, { ...current, ...changes });
  await db.settings.bulkPut(Object.entries(changes).map(([key]) => ({ key, value: next[key as keyof AppSettings] })));
  return next;
}
