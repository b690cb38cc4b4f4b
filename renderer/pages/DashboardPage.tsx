import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, incomeAndSpending, monthOf } from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';

/** The month at a glance: what is owed where, what comes due soon, this month's cash flow. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const today = localToday();
  const month = monthOf(today);

  const data = useLiveQuery(async () => {
    const [debts, policies, monthTransactions, upcomingStatements] = await Promise.all([
      db.debts.filter((d) => !d.archived).toArray(),
      db.policies.filter((p) => !p.archived).count(),
      db.transactions.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray(),
      db.statements.where('dueDate').between(today, addDays(today, 30), true, true).sortBy('dueDate'),
    ]);
    const { income, spending } = incomeAndSpending(monthTransactions, settings.baseCurrency);
    const debtsById = new Map(debts.map((d) => [d.id, d]));
    return { debts: debts.length, institutions: new Set(debts.map((d) => d.institutionId)).size, policies, income, spending, upcoming: upcomingStatements, debtsById };
  }, [db, month, today, settings.baseCurrency]);

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
        {data.upcoming.length === 0 ? (
          <p className="hint">{t('dashboard.noUpcoming')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.dueDate')}</th>
                <th scope="col">{t('common.debt')}</th>
                <th scope="col" className="num">
                  {t('dashboard.statementBalance')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.minimumDue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.upcoming.map((statement) => {
                const debt = data.debtsById.get(statement.debtId);
                const currency = debt?.currency ?? settings.baseCurrency;
                return (
                <tr key={statement.id}>
                  <td>{format.date(statement.dueDate)}</td>
                  <td>
                    <Link to="/debts">{debt?.name ?? statement.debtId}</Link>
                  </td>
                  <td className="num">{format.money(statement.balance, currency)}</td>
                  <td className="num">{format.money(statement.minimumDue, currency)}</td>
                </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
