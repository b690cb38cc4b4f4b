/** The shell: hash routing (works under the app:// scheme and in a browser) and the navigation. */
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, matchPath, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { lazyComponent, type LazyComponent } from '../app/lazy-component';
import { whenIdle } from '../app/idle';
import { attentionCount } from '../../shared/dues';
import { onNavigate } from '../platform';
import { StorageProblem } from './StorageProblem';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';
import type { FeatureRoute } from '../app/routes';
import * as accounts from '../features/accounts';
import * as backup from '../features/backup';
import * as budget from '../features/budget';
import * as calendar from '../features/calendar';
import * as dashboard from '../features/dashboard';
import * as debts from '../features/debts';
import * as duesFeature from '../features/dues';
import * as importing from '../features/import';
import * as insurance from '../features/insurance';
import * as onboarding from '../features/onboarding';
import * as planner from '../features/planner';
import * as reminders from '../features/reminders';
import * as reports from '../features/reports';
import * as settingsFeature from '../features/settings';
import * as transactions from '../features/transactions';

const FEATURE_ROUTES: FeatureRoute[] = [
  accounts, backup, budget, calendar, dashboard, debts, duesFeature, importing, insurance, onboarding, planner, reminders, reports, settingsFeature, transactions,
].flatMap((feature) => feature.routes);

/**
 * Every route but the dashboard's, with its lazily loaded page (issue 9: start-up parses only what
 * the dashboard needs). The router ranks routes itself; preloadRoute must find the most specific
 * match, so routes with fewer parameters and more segments come first.
 */
const specificity = (path: string) => path.split('/').reduce((score, part) => score + (part.startsWith(':') ? 1 : 10), 0);
const LAZY_ROUTES: [string, LazyComponent][] = [...FEATURE_ROUTES]
  .sort((a, b) => specificity(b.path) - specificity(a.path))
  .map((route) => [route.path, lazyComponent(route.load)]);

/** Loads the page a hash route ("#/calendar?month=…") shows, so the first render need not wait for it. */
export async function preloadRoute(hash: string): Promise<void> {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  await LAZY_ROUTES.find(([pattern]) => matchPath(pattern, path))?.[1].preload();
}

/** Pages start preloading this long after start-up, once the first screen has its data. */
const PRELOAD_AFTER_MS = 3_000;

/**
 * After start-up, the other pages load one by one while the browser is idle: navigation never
 * waits. Not at once: the main thread is idle whenever the first screen waits on IndexedDB, and
 * compiling page chunks then would delay that screen.
 */
function usePreloadPagesWhenIdle() {
  useEffect(() => {
    let cancel = () => {};
    let index = 0;
    const next = () => {
      const entry = LAZY_ROUTES[index];
      index += 1;
      if (!entry) return;
      entry[1]
        .preload()
        .catch(() => undefined)
        .finally(() => {
          cancel = whenIdle(next);
        });
    };
    const start = setTimeout(() => {
      cancel = whenIdle(next);
    }, PRELOAD_AFTER_MS);
    return () => {
      index = LAZY_ROUTES.length;
      clearTimeout(start);
      cancel();
    };
  }, []);
}

export const NAVIGATION = [
  { path: '/dashboard', key: 'nav.dashboard', icon: '◎' },
  { path: '/debts', key: 'nav.debts', icon: '≡' },
  { path: '/calendar', key: 'nav.calendar', icon: '▦' },
  { path: '/budget', key: 'nav.budget', icon: '◔' },
  { path: '/accounts', key: 'nav.accounts', icon: '▣' },
  { path: '/transactions', key: 'nav.transactions', icon: '⇄' },
  { path: '/insurance', key: 'nav.insurance', icon: '◈' },
  { path: '/reports', key: 'nav.reports', icon: '▤' },
  { path: '/reminders', key: 'nav.reminders', icon: <BellIcon /> },
  { path: '/settings', key: 'nav.settings', icon: '⚙' },
] as const;

function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}

/** How many dues are late or come due within three days, each once: the bell's count. */
function ReminderBadge() {
  const { t } = useTranslation();
  const { dues } = reminders.useReminders();
  const count = attentionCount(dues, localToday());
  if (count === 0) return null;
  return (
    <span className="badge" aria-label={t('reminderCentre.badge', { count })}>
      {count}
    </span>
  );
}

/** The reminder plan did not reach the desktop app's scheduler: said on every page, since dues could pass unnoticed. */
function ReminderHandOverProblem() {
  const { t } = useTranslation();
  const { handOverProblem } = reminders.useReminders();
  if (!handOverProblem) return null;
  return (
    <div className="panel alert" role="alert">
      <p>{t('reminders.handOverFailed')}</p>
      {/* The main process's own words are not translated: kept out of the sentence, for a bug report. */}
      <details>
        <summary>{t('reminders.handOverDetails')}</summary>
        <code>{handOverProblem}</code>
      </details>
    </div>
  );
}

function NavigationEvents() {
  const navigate = useNavigate();
  // A clicked notification asks the window to open at its item.
  useEffect(() => onNavigate((route) => void navigate(route)), [navigate]);
  return null;
}

export function App() {
  const { t } = useTranslation();
  const { db } = useSettings();
  backup.useAutomaticBackups(db, localToday);
  usePreloadPagesWhenIdle();
  return (
    <HashRouter>
      <NavigationEvents />
      <div className="shell">
        <nav className="sidebar" aria-label={t('nav.label')}>
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◐
            </span>
            <span>{t('app.name')}</span>
          </div>
          <ul>
            {NAVIGATION.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                  <span className="nav-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  {t(item.key)}
                  {item.path === '/reminders' ? <ReminderBadge /> : null}
                </NavLink>
              </li>
            ))}
          </ul>
          <p className="privacy-note">{t('app.privacy')}</p>
        </nav>
        <main className="content">
          <StorageProblem />
          <ReminderHandOverProblem />
          <Suspense fallback={<p className="hint">{t('app.loadingPage')}</p>}>
            <Routes>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            <Route path="/dashboard" element={<dashboard.DashboardPage />} />
            {LAZY_ROUTES.map(([path, Page]) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Suspense>
        </main>
      </div>
    </HashRouter>
  );
}
