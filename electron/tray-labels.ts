/**
 * Tray texts come from the same translation files as the UI (shared/i18n/locales), so the two
 * never drift apart; only the three `tray.*` keys are read here.
 */
import en from '../shared/i18n/locales/en.json';
import zhCN from '../shared/i18n/locales/zh-CN.json';
import type { Language } from '../shared/ipc/contract';

export interface TrayLabels {
  readonly open: string;
  readonly quit: string;
  readonly tooltip: string;
}

const LABELS: Readonly<Record<Language, TrayLabels>> = {
  en: { open: en.tray.open, quit: en.tray.quit, tooltip: en.tray.tooltip },
  'zh-CN': { open: zhCN.tray.open, quit: zhCN.tray.quit, tooltip: zhCN.tray.tooltip },
};

export function trayLabels(language: Language): TrayLabels {
  return LABELS[language];
}

/** The language before the renderer reports the user's choice: zh* means Chinese, else English. */
export function languageFromLocale(locale: string): Language {
  return locale.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
