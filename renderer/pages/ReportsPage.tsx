import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addMonthsToMonth, monthOf } from '../../shared/domain';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SampleDataLink } from '../components/SampleDataLink';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';

const MONTHS_SHOWN = 12;

/** Income against spending for the last twelve months, in the base currency. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const currency = settings.baseCurrency;
  const lastMonth = monthOf(localToday());
  const firstMonth = addMonthsToMonth(lastMonth, -(MONTHS_SHOWN - 1));

  const rows = useLiveQuery(async () => {
    const transactions = await db.transactions.where('date').between(`${firstMonth}-01`, `${lastMonth}-31`, true, true).toArray();
    const byMonth = new Map<string, { income: number; spending: number }>();
    for (let i = 0; i < MONTHS_SHOWN; i += 1) byMonth.set(addMonthsToMonth(firstMonth, i), { income: 0, spending: 0 });
    for (const row of transactions) {
      if (row.transferId || row.currency !== currency) continue;
      const entry = byMonth.get(monthOf(row.date));
      if (!entry) continue;
      if (row.amount > 0) entry.income += row.amount;
      else entry.spending -= row.amount;
    }
    return { months: [...byMonth.entries()].reverse(), count: transactions.length };
  }, [db, firstMonth, lastMonth, currency]);

  if (rows && rows.count === 0) {
    return (
      <>
        <PageHeader title={t('reports.title')} />
        <EmptyState title={t('reports.empty.title')} description={t('reports.empty.description')}>
          <SampleDataLink />
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.incomeVsSpending')} />
      <table className="panel">
        <caption>{t('reports.incomeVsSpendingCaption', { currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.month')}</th>
            <th scope="col" className="num">
              {t('dashboard.income')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.spending')}
            </th>
            <th scope="col" className="num">
              {t('reports.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows?.months.map(([month, entry]) => (
            <tr key={month}>
              <th scope="row">{format.month(month)}</th>
              <td className="num">{format.money(entry.income, currency)}</td>
              <td className="num">{format.money(entry.spending, currency)}</td>
              <td className={`num ${entry.income - entry.spending < 0 ? 'negative' : 'positive'}`}>{format.money(entry.income - entry.spending, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
