/**
 * i18next with the two shipped languages; every visible string comes from these files. Only the
 * language in use is loaded (each file is about 21 KB gzip); the other loads when chosen.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/ipc';

// As text, parsed here: imported as JSON modules they would be shared with the reminder engine's
// static imports (shared/reminders/plan.ts) and so load whole with the first screen.
const LOCALES: Record<Language, () => Promise<{ default: string }>> = {
  en: () => import('../../shared/i18n/locales/en.json?raw'),
  'zh-CN': () => import('../../shared/i18n/locales/zh-CN.json?raw'),
};

async function translationOf(language: Language): Promise<Record<string, unknown>> {
  const { default: text } = await LOCALES[language]();
  return JSON.parse(text) as Record<string, unknown>;
}

async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await translationOf(language));
}

export async function initI18n(language: Language) {
  const translation = await translationOf(language);
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** The latest language asked for: a slower load of an earlier choice must not win. */
let requested: Language | undefined;

export async function changeLanguage(language: Language) {
  requested = language;
  await loadLanguage(language);
  if (requested !== language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
