import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, incomeAndSpending, monthOf } from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';
import { useObligations } from '../app/useObligations';
import { InstitutionBadge } from '../components/InstitutionBadge';

/** The month at a glance: what is owed where, what comes due soon, this month's cash flow. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const today = localToday();
  const month = monthOf(today);

  const data = useLiveQuery(async () => {
    const [debts, policies, monthTransactions] = await Promise.all([
      db.debts.filter((d) => !d.archived).toArray(),
      db.policies.filter((p) => !p.archived).count(),
      db.transactions.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray(),
    ]);
    const { income, spending } = incomeAndSpending(monthTransactions, settings.baseCurrency);
    return { debts: debts.length, institutions: new Set(debts.map((d) => d.institutionId)).size, policies, income, spending, };
  }, [db, month, settings.baseCurrency]);
  // Late items from the last 90 days stay on the dashboard until they are paid.
  const dues = useObligations(addDays(today, -90), addDays(today, 30), today);
  const upcoming = (dues?.obligations ?? []).filter((o) => o.status === 'overdue' || (o.dueDate >= today && (o.status === 'due' || o.status === 'partly-paid')));

  if (!data) return <PageHeader title={t('dashboard.title')} />;

  if (data.debts === 0 && data.policies === 0 && data.income === 0 && data.spending === 0) {
    return <EmptyPage section="dashboard" />;
  }

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={format.month(month)} />
      <section className="cards" aria-label={t('dashboard.summary')}>
        <article className="card">
          <h2>{t('dashboard.debts')}</h2>
          <p className="figure">{format.integer(data.debts)}</p>
          <p className="hint">{t('dashboard.acrossInstitutions', { count: data.institutions })}</p>
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
                  <td className="num">{format.money(due.amount - due.paid, due.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
