/** Start-up: open the database, read settings, start i18n, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './shell/App';
import { SettingsProvider, applyTheme } from './app/settings-context';
import { RemindersProvider } from './features/reminders';
import { UndoProvider } from './app/undo-context';
import { startupProblemOf } from './db/storage-problem';
import { PERF_MARKS } from './app/perf';
import { ClearDayDatabase } from './db/database';
import { loadSettings } from './db/settings';
import { initI18n } from './i18n';
import { getAppInfo, onBackupRequested, quitBackupDone, requestPersistentStorage } from './platform';
import './styles.css';

async function start() {
  performance.mark(PERF_MARKS.bootStart);
  const db = new ClearDayDatabase();
  const [info] = await Promise.all([getAppInfo(), db.open(), preloadRoute(window.location.hash)]);
  performance.mark(PERF_MARKS.bootDatabaseOpen);
  const settings = await loadSettings(db, info.systemLocale);
  applyTheme(settings.theme);
  await initI18n(settings.language);
  performance.mark(PERF_MARKS.bootRender);
  void requestPersistentStorage();
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <SettingsProvider db={db} initialSettings={settings}>
        <RemindersProvider>
          <UndoProvider>
            <App />
          </UndoProvider>
        </RemindersProvider>
      </SettingsProvider>
    </StrictMode>,
  );
}

start().catch(async (error: unknown) => {
  // Nothing can be backed up from here: the app need not wait for a backup when it quits.
  onBackupRequested(() => void quitBackupDone());
  await initI18n(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  const root = document.getElementById('root');
  // Loaded only when needed: the recovery screen brings the backup reader with it.
  const { StartupError } = await import('./shell/StartupError');
  if (root) createRoot(root).render(<StartupError problem={startupProblemOf(error)} message={error instanceof Error ? `${error.name}: ${error.message}` : String(error)} />);
});
