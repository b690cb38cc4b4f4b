/** Settings and the database, shared with every page; applies language and theme as they change. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppSettings } from '../../shared/domain';
import type { ClearDayDatabase } from '../db/database';
import { createRepositories, type Repositories } from '../db/repositories';
import { saveSettings } from '../db/settings';
import { changeLanguage } from '../i18n';
import { setLanguage } from '../platform';

interface SettingsContextValue {
  db: ClearDayDatabase;
  repositories: Repositories;
  settings: AppSettings;
  updateSettings(changes: Partial<AppSettings>): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function applyTheme(theme: AppSettings['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function SettingsProvider(props: { db: ClearDayDatabase; initialSettings: AppSettings; children: ReactNode }) {
  const { db } = props;
  const [settings, setSettings] = useState(props.initialSettings);
  const repositories = useMemo(() => createRepositories(db), [db]);

  useEffect(() => {
    applyTheme(settings.theme);
    if (settings.theme !== 'system') return undefined;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [settings.theme]);

  useEffect(() => {
    void changeLanguage(settings.language);
    void setLanguage(settings.language);
  }, [settings.language]);

  const updateSettings = useCallback(
    async (changes: Partial<AppSettings>) => {
      const next = await saveSettings(db, settings, changes);
      setSettings(next);
    },
    [db, settings],
  );

  const value = useMemo(() => ({ db, repositories, settings, updateSettings }), [db, repositories, settings, updateSettings]);
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
