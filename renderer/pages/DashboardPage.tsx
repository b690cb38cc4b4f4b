import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, monthOf } from '../../shared/domain';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SampleDataLink } from '../components/SampleDataLink';
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
    let income = 0;
    let spending = 0;
    for (const row of monthTransactions) {
      if (row.transferId || row.currency !== settings.baseCurrency) continue;
      if (row.amount > 0) income += row.amount;
      else spending -= row.amount;
    }
    const debtsById = new Map(debts.map((d) => [d.id, d]));
    return { debts: debts.length, institutions: new Set(debts.map((d) => d.institutionId)).size, policies, income, spending, upcoming: upcomingStatements, debtsById };
  }, [db, month, today, settings.baseCurrency]);

  if (!data) return <PageHeader title={t('dashboard.title')} />;

  if (data.debts === 0 && data.policies === 0 && data.income === 0 && data.spending === 0) {
    return (
      <>
        <PageHeader title={t('dashboard.title')} />
        <EmptyState title={t('dashboard.empty.title')} description={t('dashboard.empty.description')}>
          <SampleDataLink />
        </EmptyState>
      </>
    );
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
