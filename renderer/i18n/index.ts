/** i18next with the two shipped languages; every visible string comes from these files. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/locales/en.json';
import zhCN from '../../shared/i18n/locales/zh-CN.json';
import type { Language } from '../../shared/ipc';

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

export async function initI18n(language: Language) {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
