import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addMonthsToMonth, incomeAndSpending, monthOf, type Transaction } from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
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
    const byMonth = new Map<string, Transaction[]>();
    for (let i = 0; i < MONTHS_SHOWN; i += 1) byMonth.set(addMonthsToMonth(firstMonth, i), []);
    for (const row of transactions) byMonth.get(monthOf(row.date))?.push(row);
    const months = [...byMonth.entries()].reverse().map(([month, rows]) => [month, incomeAndSpending(rows, currency)] as const);
    return { months, count: transactions.length };
  }, [db, firstMonth, lastMonth, currency]);

  if (rows && rows.count === 0) {
    return <EmptyPage section="reports" />;
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
