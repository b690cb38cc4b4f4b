/**
 * Tray texts come from the same translation files as the UI (shared/i18n/locales), so the two
 * never drift apart. Open, Quit and the tooltip are read here; the reminder texts the renderer
 * sends with each plan take precedence, and the locale's own reminder texts stand in until the
 * first plan arrives.
 */
import en from '../shared/i18n/locales/en.json';
import zhCN from '../shared/i18n/locales/zh-CN.json';
import type { Language, ReminderTextsSchema } from '../shared/ipc/contract';
import type { z } from 'zod';

export type ReminderTexts = z.output<typeof ReminderTextsSchema>;

export interface TrayLabels {
  readonly open: string;
  readonly quit: string;
  readonly tooltip: string;
}

const LABELS: Readonly<Record<Language, TrayLabels>> = {
  en: { open: en.tray.open, quit: en.tray.quit, tooltip: en.tray.tooltip },
  'zh-CN': { open: zhCN.tray.open, quit: zhCN.tray.quit, tooltip: zhCN.tray.tooltip },
};

function pickReminderTexts(source: typeof en.reminders): ReminderTexts {
  return {
    digestTitle: source.digestTitle,
    markPaid: source.markPaid,
    remindTomorrow: source.remindTomorrow,
    nextDue: source.nextDue,
    nothingDue: source.nothingDue,
    pauseHour: source.pauseHour,
    pauseTomorrow: source.pauseTomorrow,
    resume: source.resume,
    startAtLogin: source.startAtLogin,
  };
}

const REMINDER_TEXTS: Readonly<Record<Language, ReminderTexts>> = {
  en: pickReminderTexts(en.reminders),
  'zh-CN': pickReminderTexts(zhCN.reminders),
};

export function trayLabels(language: Language): TrayLabels {
  return LABELS[language];
}

/** The reminder texts in a language, for the tray before the renderer has sent its own. */
export function fallbackReminderTexts(language: Language): ReminderTexts {
  return REMINDER_TEXTS[language];
}

/** The language before the renderer reports the user's choice: zh* means Chinese, else English. */
export function languageFromLocale(locale: string): Language {
  return locale.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
