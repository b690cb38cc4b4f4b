/** The shell: hash routing (works under the app:// scheme and in a browser) and the navigation. */
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, matchPath, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { lazyPage, type LazyPage } from './lazy-page';
import { whenIdle } from './idle';
import { addDays } from '../../shared/domain';
import { onNavigate } from '../platform';
import { useReminders } from './reminders-context';
import { useAutomaticBackups } from './auto-backup';
import { StorageProblem } from './StorageProblem';
import { useSettings } from './settings-context';
import { localToday } from './today';
import { DashboardPage } from '../pages/DashboardPage';

// Every page but the dashboard loads when first opened, so start-up parses only what the
// dashboard needs (issue 9: initial JS <= 250 KB gzip); the import page brings its parsers.
const CalendarPage = lazyPage(() => import('../pages/CalendarPage').then((module) => module.CalendarPage));
const DebtsPage = lazyPage(() => import('../pages/DebtsPage').then((module) => module.DebtsPage));
const InsurancePage = lazyPage(() => import('../pages/InsurancePage').then((module) => module.InsurancePage));
const InstitutionsPage = lazyPage(() => import('../pages/InstitutionsPage').then((module) => module.InstitutionsPage));
const DebtDetailPage = lazyPage(() => import('../pages/debts/DebtDetailPage').then((module) => module.DebtDetailPage));
const DebtFormPage = lazyPage(() => import('../pages/debts/DebtFormPage').then((module) => module.DebtFormPage));
const RemindersPage = lazyPage(() => import('../pages/RemindersPage').then((module) => module.RemindersPage));
const SettingsPage = lazyPage(() => import('../pages/SettingsPage').then((module) => module.SettingsPage));
const AccountsPage = lazyPage(() => import('../pages/AccountsPage').then((module) => module.AccountsPage));
const BillsPage = lazyPage(() => import('../pages/BillsPage').then((module) => module.BillsPage));
const BudgetPage = lazyPage(() => import('../pages/BudgetPage').then((module) => module.BudgetPage));
const CategoriesPage = lazyPage(() => import('../pages/CategoriesPage').then((module) => module.CategoriesPage));
const ImportPage = lazyPage(() => import('../pages/ImportPage').then((module) => module.ImportPage));
const LatePaymentPage = lazyPage(() => import('../pages/debts/LatePaymentPage').then((module) => module.LatePaymentPage));
const PlannerPage = lazyPage(() => import('../pages/planner/PlannerPage').then((module) => module.PlannerPage));
const ReportsPage = lazyPage(() => import('../pages/ReportsPage').then((module) => module.ReportsPage));
const ClaimsPage = lazyPage(() => import('../pages/insurance/ClaimsPage').then((module) => module.ClaimsPage));
const CoveragePage = lazyPage(() => import('../pages/insurance/CoveragePage').then((module) => module.CoveragePage));
const FamilyPage = lazyPage(() => import('../pages/insurance/FamilyPage').then((module) => module.FamilyPage));
const PolicyDetailPage = lazyPage(() => import('../pages/insurance/PolicyDetailPage').then((module) => module.PolicyDetailPage));
const PolicyFormPage = lazyPage(() => import('../pages/insurance/PolicyFormPage').then((module) => module.PolicyFormPage));
const TransactionsPage = lazyPage(() => import('../pages/TransactionsPage').then((module) => module.TransactionsPage));

/**
 * Every route but the dashboard's, with its lazily loaded page: the router renders from it and
 * preloadRoute matches against it, so the specific come before the general.
 */
const LAZY_ROUTES: [string, LazyPage][] = [
  ['/debts/institutions', InstitutionsPage],
  ['/debts/new', DebtFormPage],
  ['/debts/planner', PlannerPage],
  ['/debts/late', LatePaymentPage],
  ['/debts/:debtId/edit', DebtFormPage],
  ['/debts/:debtId', DebtDetailPage],
  ['/debts', DebtsPage],
  ['/calendar', CalendarPage],
  ['/budget/categories', CategoriesPage],
  ['/budget/bills', BillsPage],
  ['/budget', BudgetPage],
  ['/accounts', AccountsPage],
  ['/transactions/import', ImportPage],
  ['/transactions', TransactionsPage],
  ['/insurance/family', FamilyPage],
  ['/insurance/coverage', CoveragePage],
  ['/insurance/claims', ClaimsPage],
  ['/insurance/new', PolicyFormPage],
  ['/insurance/:policyId/edit', PolicyFormPage],
  ['/insurance/:policyId', PolicyDetailPage],
  ['/insurance', InsurancePage],
  ['/reports', ReportsPage],
  ['/reminders', RemindersPage],
  ['/settings', SettingsPage],
];

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

/** How many dues are late or come due within three days: the bell's count. */
function ReminderBadge() {
  const { t } = useTranslation();
  const { obligations } = useReminders();
  const soon = addDays(localToday(), 3);
  const count = obligations.filter((o) => o.status === 'overdue' || ((o.status === 'due' || o.status === 'partly-paid') && o.dueDate <= soon && o.dueDate >= localToday())).length;
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
  const { handOverProblem } = useReminders();
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
  useAutomaticBackups(db, localToday);
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
            <Route path="/dashboard" element={<DashboardPage />} />
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
