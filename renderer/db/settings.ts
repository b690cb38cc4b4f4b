/**
 * Every setting, declared once: its key, the schema of its value and its default. The settings
 * table holds one row per key, so a new setting needs no schema change; every read and write
 * goes through readSetting/writeSetting, typed by the key. Only this module and the backup's
 * whole-table copy touch `db.settings` directly.
 */
import { z } from 'zod';
import {
  AppSettingsSchema,
  AutomaticResultSchema,
  CategoryRulesSchema,
  CoverageRulesSchema,
  CsvMappingEntrySchema,
  CsvMappingSchema,
  DEFAULT_COVERAGE_RULES,
  DomainValidationError,
  PlannerSettingsSchema,
  ReminderSnoozesSchema,
  SettingRowSchema,
  toFieldErrors,
  type AppSettings,
  type PlannerSettings,
} from '../../shared/domain';
import type { ClearDayDatabase } from './database';

interface SettingDefinition<S extends z.ZodType> {
  readonly schema: S;
  /** What a read gives when the row is missing or no longer validates. */
  readonly default: z.output<S>;
}

function setting<S extends z.ZodType>(schema: S, defaultValue: z.output<S>): SettingDefinition<S> {
  return { schema, default: defaultValue };
}

export const DEFAULT_PLANNER: PlannerSettings = { monthlyBudget: 0, strategy: 'avalanche', customOrder: [], extraPayments: [] };

/** Settings of this computer's backups start with this: never written into a backup, kept by a restore. */
export const LOCAL_SETTING_PREFIX = 'backup.';

/** Every single-row setting. */
export const SETTINGS = {
  // The app settings; language and number format default to the system's (loadSettings).
  language: setting(AppSettingsSchema.shape.language, 'en'),
  baseCurrency: setting(AppSettingsSchema.shape.baseCurrency, 'CNY'),
  theme: setting(AppSettingsSchema.shape.theme, 'system'),
  formatLocale: setting(AppSettingsSchema.shape.formatLocale, 'en-US'),
  onboarded: setting(AppSettingsSchema.shape.onboarded, false),
  /** The payoff plan. */
  planner: setting(PlannerSettingsSchema, DEFAULT_PLANNER),
  /** Counterparty -> category, learned from what the user corrected in imports. */
  'import.categoryRules': setting(CategoryRulesSchema, []),
  /** Earlier builds' CSV mappings, all in one row by layout: read only, new ones go one row each. */
  'import.csvMappings': setting(z.record(z.string(), CsvMappingSchema), {}),
  /** The coverage page's rules of thumb. */
  'insurance.coverageRules': setting(CoverageRulesSchema, DEFAULT_COVERAGE_RULES),
  /** "Remind me tomorrow" per due. */
  reminderSnoozes: setting(ReminderSnoozesSchema, []),
  /**
   * The backup passphrase ('' for none): it encrypts automatic backups, the copy taken before a
   * restore, and saved backups not given one of their own. The key keeps its first name so
   * earlier settings still count; any string is kept (a stored one must never read as none).
   */
  'backup.autoPassphrase': setting(z.string(), ''),
  /** How the last automatic backup went; null before the first. */
  'backup.lastAutomatic': setting(AutomaticResultSchema.nullable(), null),
};

/** Settings of which there is one row per something: the key is the prefix and that something's id. */
export const SETTING_FAMILIES = {
  /** A generic CSV mapping per file layout (the suffix is a hash of the layout; see import/db). */
  'import.csvMapping:': setting(CsvMappingEntrySchema.nullable(), null),
};

type FixedKey = keyof typeof SETTINGS;
type FamilyPrefix = keyof typeof SETTING_FAMILIES;
export type SettingKey = FixedKey | `${FamilyPrefix}${string}`;
type DefinitionOf<K extends SettingKey> = K extends FixedKey ? (typeof SETTINGS)[K] : { [P in FamilyPrefix]: K extends `${P}${string}` ? (typeof SETTING_FAMILIES)[P] : never }[FamilyPrefix];
/** The value type of a key, as reads return it and writes take it. */
export type SettingValue<K extends SettingKey> = DefinitionOf<K>['default'];

function definitionOf(key: string): SettingDefinition<z.ZodType> {
  if (Object.hasOwn(SETTINGS, key)) return SETTINGS[key as FixedKey] as SettingDefinition<z.ZodType>;
  for (const prefix of Object.keys(SETTING_FAMILIES) as FamilyPrefix[]) {
    if (key.startsWith(prefix) && key.length > prefix.length) return SETTING_FAMILIES[prefix] as SettingDefinition<z.ZodType>;
  }
  // Only reachable with a key built at run time: the types allow declared keys only.
  throw new Error(`undeclared setting ${key}`);
}

/**
 * A setting's value: the stored one when it validates, else the default (a value an earlier
 * build stored, or one edited by hand, must not break start-up). `fallback` replaces the declared
 * default where that depends on the computer (the system language).
 */
export async function readSetting<K extends SettingKey>(db: ClearDayDatabase, key: K, fallback?: SettingValue<K>): Promise<SettingValue<K>> {
  const definition = definitionOf(key);
  const row = await db.settings.get(key);
  const parsed = row ? definition.schema.safeParse(row.value) : undefined;
  if (parsed?.success) return parsed.data as SettingValue<K>;
  // A copy: callers may change what they read without changing the declared default.
  const otherwise = structuredClone(fallback !== undefined ? fallback : (definition.default as SettingValue<K>));
  return row ? (salvaged(definition.schema, row.value, otherwise) as SettingValue<K>) : otherwise;
}

/**
 * What can be kept of a stored value that no longer validates as a whole: a list keeps its valid
 * items, a map its valid entries, a record its valid fields (the others from the default). One
 * bad learned rule or CSV mapping must not lose all the others, nor be written over with none.
 */
function salvaged(schema: z.ZodType, value: unknown, otherwise: unknown): unknown {
  let candidate: unknown = otherwise;
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const item = schema.element as z.ZodType;
    candidate = value.flatMap((entry: unknown) => {
      const result = item.safeParse(entry);
      return result.success ? [result.data] : [];
    });
  } else if (schema instanceof z.ZodRecord && isPlainObject(value)) {
    const item = schema.valueType as z.ZodType;
    candidate = Object.fromEntries(Object.entries(value).flatMap(([key, entry]) => {
      const result = item.safeParse(entry);
      return result.success ? [[key, result.data]] : [];
    }));
  } else if (schema instanceof z.ZodObject && isPlainObject(value) && isPlainObject(otherwise)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    candidate = Object.fromEntries(Object.entries(shape).map(([key, field]) => {
      const result = field.safeParse(value[key]);
      return [key, result.success ? result.data : otherwise[key]];
    }));
  }
  const result = schema.safeParse(candidate);
  return result.success ? result.data : otherwise;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates and stores a setting; a bad value throws a DomainValidationError and nothing is written. */
export async function writeSetting<K extends SettingKey>(db: ClearDayDatabase, key: K, value: SettingValue<K>): Promise<SettingValue<K>> {
  const definition = definitionOf(key);
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    // A plain value has no field of its own: it is named by its key, as forms name their fields.
    throw new DomainValidationError(key, toFieldErrors(parsed.error).map((error) => (error.field === '(value)' ? { ...error, field: key } : error)));
  }
  const row = SettingRowSchema.safeParse({ key, value: parsed.data });
  if (!row.success) throw new DomainValidationError(key, toFieldErrors(row.error));
  await db.settings.put({ key, value: parsed.data });
  return parsed.data as SettingValue<K>;
}

// ---------------------------------------------------------------- the app settings

const APP_KEYS = Object.keys(AppSettingsSchema.shape) as (keyof AppSettings)[];

/** The number and date format that goes with a language until the user picks another. */
export function formatLocaleFor(language: AppSettings['language']): AppSettings['formatLocale'] {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export function defaultSettings(systemLocale: string): AppSettings {
  const language = systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  return {
    language,
    baseCurrency: SETTINGS.baseCurrency.default,
    theme: SETTINGS.theme.default,
    formatLocale: formatLocaleFor(language),
    onboarded: SETTINGS.onboarded.default,
  };
}

export async function loadSettings(db: ClearDayDatabase, systemLocale: string): Promise<AppSettings> {
  const defaults = defaultSettings(systemLocale);
  // One read transaction for every key: start-up waits for this.
  const values = await db.transaction('r', db.settings, () => Promise.all(APP_KEYS.map(async (key) => [key, await readSetting(db, key, defaults[key])] as const)));
  return AppSettingsSchema.parse(Object.fromEntries(values));
}

/** Writes the changed app settings together: all of them or, when one is invalid, none. */
export async function saveSettings(db: ClearDayDatabase, current: AppSettings, changes: Partial<AppSettings>): Promise<AppSettings> {
  const next: AppSettings = { ...current, ...changes };
  await db.transaction('rw', db.settings, async () => {
    for (const key of APP_KEYS) if (key in changes) await writeSetting(db, key, next[key]);
  });
  return next;
}
