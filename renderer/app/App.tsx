/** The shell: hash routing (works under the app:// scheme and in a browser) and the navigation. */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, NavLink, Navigate, Route, Routes, useNavigate } from 'react-router';
import { addDays } from '../../shared/domain';
import { onNavigate } from '../platform';
import { useReminders } from './reminders-context';
import { useAutomaticBackups } from './auto-backup';
import { StorageProblem } from './StorageProblem';
import { useSettings } from './settings-context';
import { localToday } from './today';
import { CalendarPage } from '../pages/CalendarPage';
import { DashboardPage } from '../pages/DashboardPage';
import { DebtsPage } from '../pages/DebtsPage';
import { InsurancePage } from '../pages/InsurancePage';
import { InstitutionsPage } from '../pages/InstitutionsPage';
import { DebtDetailPage } from '../pages/debts/DebtDetailPage';
import { DebtFormPage } from '../pages/debts/DebtFormPage';
import { RemindersPage } from '../pages/RemindersPage';
import { SettingsPage } from '../pages/SettingsPage';

// Pages beyond the first screens load when first opened, so start-up parses only what the
// dashboard and the debt list need; the import page brings its parsers and the xlsx reader.
const AccountsPage = lazy(() => import('../pages/AccountsPage').then((module) => ({ default: module.AccountsPage })));
const BillsPage = lazy(() => import('../pages/BillsPage').then((module) => ({ default: module.BillsPage })));
const BudgetPage = lazy(() => import('../pages/BudgetPage').then((module) => ({ default: module.BudgetPage })));
const CategoriesPage = lazy(() => import('../pages/CategoriesPage').then((module) => ({ default: module.CategoriesPage })));
const ImportPage = lazy(() => import('../pages/ImportPage').then((module) => ({ default: module.ImportPage })));
const LatePaymentPage = lazy(() => import('../pages/debts/LatePaymentPage').then((module) => ({ default: module.LatePaymentPage })));
const PlannerPage = lazy(() => import('../pages/planner/PlannerPage').then((module) => ({ default: module.PlannerPage })));
const ReportsPage = lazy(() => import('../pages/ReportsPage').then((module) => ({ default: module.ReportsPage })));
const ClaimsPage = lazy(() => import('../pages/insurance/ClaimsPage').then((module) => ({ default: module.ClaimsPage })));
const CoveragePage = lazy(() => import('../pages/insurance/CoveragePage').then((module) => ({ default: module.CoveragePage })));
const FamilyPage = lazy(() => import('../pages/insurance/FamilyPage').then((module) => ({ default: module.FamilyPage })));
const PolicyDetailPage = lazy(() => import('../pages/insurance/PolicyDetailPage').then((module) => ({ default: module.PolicyDetailPage })));
const PolicyFormPage = lazy(() => import('../pages/insurance/PolicyFormPage').then((module) => ({ default: module.PolicyFormPage })));
const TransactionsPage = lazy(() => import('../pages/TransactionsPage').then((module) => ({ default: module.TransactionsPage })));

export const NAVIGATION = [
  { path: '/dashboard', key: 'nav.dashboard', icon: '◎', element: <DashboardPage /> },
  { path: '/debts', key: 'nav.debts', icon: '≡', element: <DebtsPage /> },
  { path: '/calendar', key: 'nav.calendar', icon: '▦', element: <CalendarPage /> },
  { path: '/budget', key: 'nav.budget', icon: '◔', element: <BudgetPage /> },
  { path: '/accounts', key: 'nav.accounts', icon: '▣', element: <AccountsPage /> },
  { path: '/transactions', key: 'nav.transactions', icon: '⇄', element: <TransactionsPage /> },
  { path: '/insurance', key: 'nav.insurance', icon: '◈', element: <InsurancePage /> },
  { path: '/reports', key: 'nav.reports', icon: '▤', element: <ReportsPage /> },
  { path: '/reminders', key: 'nav.reminders', icon: <BellIcon />, element: <RemindersPage /> },
  { path: '/settings', key: 'nav.settings', icon: '⚙', element: <SettingsPage /> },
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
          <Suspense fallback={<p className="hint">{t('app.loadingPage')}</p>}>
            <Routes>
            <Route path="/" element={<Navigate to="/dashboard" replace />} />
            {NAVIGATION.map((item) => (
              <Route key={item.path} path={item.path} element={item.element} />
            ))}
            <Route path="/debts/institutions" element={<InstitutionsPage />} />
            <Route path="/budget/categories" element={<CategoriesPage />} />
            <Route path="/budget/bills" element={<BillsPage />} />
            <Route path="/transactions/import" element={<ImportPage />} />
            <Route path="/insurance/family" element={<FamilyPage />} />
            <Route path="/insurance/coverage" element={<CoveragePage />} />
            <Route path="/insurance/claims" element={<ClaimsPage />} />
            <Route path="/insurance/new" element={<PolicyFormPage />} />
            <Route path="/insurance/:policyId" element={<PolicyDetailPage />} />
            <Route path="/insurance/:policyId/edit" element={<PolicyFormPage />} />
            <Route path="/debts/new" element={<DebtFormPage />} />
            <Route path="/debts/planner" element={<PlannerPage />} />
            <Route path="/debts/late" element={<LatePaymentPage />} />
            <Route path="/debts/:debtId" element={<DebtDetailPage />} />
            <Route path="/debts/:debtId/edit" element={<DebtFormPage />} />
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Suspense>
        </main>
      </div>
    </HashRouter>
  );
}
