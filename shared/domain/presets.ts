/** Preset institutions and categories; their display names live in the translation files. */
import type { INSTITUTION_PRESETS } from './entities';

type InstitutionPreset = (typeof INSTITUTION_PRESETS)[number];

export const INSTITUTION_PRESET_DETAILS: Record<
  InstitutionPreset,
  { kind: 'bank' | 'consumer-finance' | 'payment' | 'insurer' | 'other'; color: string }
> = {
  icbc: { kind: 'bank', color: '#c7000b' },
  ccb: { kind: 'bank', color: '#0f4c9a' },
  abc: { kind: 'bank', color: '#009a7a' },
  boc: { kind: 'bank', color: '#a71e32' },
  bocom: { kind: 'bank', color: '#1d3f8c' },
  cmb: { kind: 'bank', color: '#d6001c' },
  'jd-finance': { kind: 'consumer-finance', color: '#e1251b' },
  alipay: { kind: 'payment', color: '#1677ff' },
  'wechat-pay': { kind: 'payment', color: '#07c160' },
  other: { kind: 'other', color: '#6b7280' },
};

export interface CategoryPreset {
  preset: string;
  kind: 'expense' | 'income';
  group: string;
}

/** Preset keys double as translation keys under `category.`. */
export const CATEGORY_PRESETS: CategoryPreset[] = [
  { preset: 'food', kind: 'expense', group: 'living' },
  { preset: 'transport', kind: 'expense', group: 'living' },
  { preset: 'shopping', kind: 'expense', group: 'living' },
  { preset: 'housing', kind: 'expense', group: 'home' },
  { preset: 'utilities', kind: 'expense', group: 'home' },
  { preset: 'communication', kind: 'expense', group: 'home' },
  { preset: 'medical', kind: 'expense', group: 'health' },
  { preset: 'education', kind: 'expense', group: 'family' },
  { preset: 'entertainment', kind: 'expense', group: 'leisure' },
  { preset: 'insurance', kind: 'expense', group: 'finance' },
  { preset: 'repayment', kind: 'expense', group: 'finance' },
  { preset: 'other-expense', kind: 'expense', group: 'other' },
  { preset: 'salary', kind: 'income', group: 'income' },
  { preset: 'bonus', kind: 'income', group: 'income' },
  { preset: 'interest-income', kind: 'income', group: 'income' },
  { preset: 'other-income', kind: 'income', group: 'income' },
];
