import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, addMonthsToMonth, monthOf } from '../../../shared/domain';
import { needsAttention, remaining } from '../../../shared/dues';
import { useDues } from '../dues';
import { holdsUserData } from '../../db/user-data';
import { EmptyPage } from '../../components/EmptyPage';
import { SampleDataLink } from '../../components/SampleDataLink';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { PERF_MARKS, useReadyMark } from '../../app/perf';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { PolicyWarnings } from '../insurance';
import { WelcomePage } from '../onboarding';
import { loadDashboardMonth } from './queries';

/** Days ahead the dashboard lists what comes due. */
const UPCOMING_DAYS = 7;

/** The month at a glance: what is owed where, what comes due soon, this month's cash flow. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { db, settings, updateSettings } = useSettings();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, settings.baseCurrency);
  const today = localToday();
  const month = monthOf(today);

  const data = useLiveQuery(() => loadDashboardMonth(db, { month, today, currency: settings.baseCurrency }), [db, month, today, settings.baseCurrency]);
  // Late items from the last 90 days stay on the dashboard until they are paid.
  const dues = useDues({ from: addDays(today, -90), to: addDays(today, UPCOMING_DAYS) }, today);
  // Each due once: a grace-period end is shown with its premium (overdue), not as a second line.
  const upcoming = (dues?.dues ?? []).filter((due) => needsAttention(due, today, addDays(today, UPCOMING_DAYS)));

  useReadyMark(PERF_MARKS.dashboardReady, data !== undefined && dues !== undefined);
  // The first-run screen is for an empty database only. Data from before it existed, or from an
  // older backup restored, means the user is past it: the flag is set without asking.
  const holdsData = useLiveQuery(async () => (settings.onboarded ? true : holdsUserData(db)), [db, settings.onboarded]);
  useEffect(() => {
    if (holdsData && !settings.onboarded) void updateSettings({ onboarded: true });
  }, [holdsData, settings.onboarded, updateSettings]);

  if (!data) return <PageHeader title={t('dashboard.title')} />;

  const empty = data.debts === 0 && data.policies === 0 && data.income === 0 && data.spending === 0;
  if (!settings.onboarded && holdsData === undefined) return <PageHeader title={t('dashboard.title')} />;
  if (!settings.onboarded && holdsData === false) {
    return (
      <>
        <PageHeader title={t('dashboard.title')} />
        <WelcomePage />
      </>
    );
  }
  if (empty) {
    return (
      <EmptyPage section="dashboard">
        <Link className="button" to="/debts/new">
          {t('debts.add')}
        </Link>
        <SampleDataLink />
      </EmptyPage>
    );
  }

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={format.month(month)} />
      <PolicyWarnings />
      <section className="cards" aria-label={t('dashboard.summary')}>
        <article className="card">
          <h2>{t('dashboard.totalDebt')}</h2>
          <p className="figure">{money(data.totalDebt)}</p>
          <p className="hint">{t('dashboard.debtsAcross', { debts: data.debts, count: data.institutions })}</p>
        </article>
        <article className="card">
          <h2>{t('dashboard.debtFree')}</h2>
          {data.plan?.feasible ? (
            <>
              <p className="figure">{format.month(addMonthsToMonth(month, data.plan.months - 1))}</p>
              <p className="hint">{t('dashboard.debtFreeHint', { strategy: t(`planner.strategies.${data.plan.strategy}`) })}</p>
            </>
          ) : (
            <p className="hint">
              <Link to="/debts/planner">{data.plan ? t('dashboard.budgetTooSmall') : t('dashboard.setBudget')}</Link>
            </p>
          )}
        </article>
        <article className="card">
          <h2>{t('dashboard.thisMonth')}</h2>
          <p className="figure">{money(data.requiredThisMonth)}</p>
          <p className={`hint ${data.budget > 0 && data.requiredThisMonth > data.budget ? 'negative' : ''}`}>
            {data.budget > 0 ? t('dashboard.againstBudget', { budget: money(data.budget) }) : t('dashboard.noBudget')}
          </p>
          <p className="hint">{t('dashboard.stillToPay', { amount: money(data.stillToPayThisMonth) })}</p>
        </article>
        <article className="card">
          <h2>{t('dashboard.income')}</h2>
          <p className="figure positive">{format.money(data.income, settings.baseCurrency)}</p>
        </article>
        <article className="card">
          <h2>{t('dashboard.spending')}</h2>
          <p className="figure negative">{format.money(data.spending, settings.baseCurrency)}</p>
        </article>
        <article className="card">
          <h2>{t('dashboard.policies')}</h2>
          <p className="figure">{format.integer(data.policies)}</p>
        </article>
      </section>
      <section className="panel" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('dashboard.upcoming')}</h2>
        {upcoming.length === 0 ? (
          <p className="hint">{t('dashboard.noUpcoming')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.dueDate')}</th>
                <th scope="col">{t('dashboard.institution')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('dashboard.kind')}</th>
                <th scope="col" className="num">
                  {t('dashboard.toPay')}
                </th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((due) => (
                <tr key={due.key} className={due.status === 'overdue' ? 'overdue' : undefined}>
                  <td>
                    {format.date(due.dueDate)}
                    {due.status === 'overdue' ? <span className="warning-tag">{t('calendar.status.overdue')}</span> : null}
                  </td>
                  <td>
                    <InstitutionBadge institution={dues?.institutions.get(due.institutionId ?? '')} />
                  </td>
                  <td>
                    <Link to={due.route}>{due.title}</Link>
                  </td>
                  <td>{t(`calendar.kind.${due.kind}`)}</td>
                  <td className="num">{format.money(remaining(due), due.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
