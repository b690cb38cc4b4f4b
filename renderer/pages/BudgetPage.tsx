import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonthsToMonth, firstDayOfMonth, lastDayOfMonth, monthOf } from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { categoryName } from '../components/categoryName';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';

/** The month's budget per category: budgeted, spent, left, and what is overspent. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const [month, setMonth] = useState(monthOf(localToday()));
  const currency = settings.baseCurrency;

  const data = useLiveQuery(async () => {
    const [budgets, categories, transactions] = await Promise.all([
      db.budgets.where('month').equals(month).toArray(),
      db.categories.toArray(),
      db.transactions.where('date').between(firstDayOfMonth(month), lastDayOfMonth(month), true, true).toArray(),
    ]);
    const spent = new Map<string, number>();
    for (const row of transactions) {
      if (row.transferId || row.currency !== currency) continue;
      const parts = row.splits && row.splits.length > 0 ? row.splits : row.categoryId ? [{ categoryId: row.categoryId, amount: row.amount }] : [];
      for (const part of parts) spent.set(part.categoryId, (spent.get(part.categoryId) ?? 0) - part.amount);
    }
    const categoriesById = new Map(categories.map((c) => [c.id, c]));
    const rows = budgets
      .filter((b) => b.currency === currency)
      .map((budget) => {
        const used = spent.get(budget.categoryId) ?? 0;
        return { id: budget.id, category: categoriesById.get(budget.categoryId), budgeted: budget.amount, spent: used, left: budget.amount - used };
      })
      .sort((a, b) => (a.category?.order ?? 0) - (b.category?.order ?? 0));
    return { rows, hasCategories: categories.length > 0 };
  }, [db, month, currency]);

  const totals = (data?.rows ?? []).reduce(
    (sum, row) => ({ budgeted: sum.budgeted + row.budgeted, spent: sum.spent + row.spent, left: sum.left + row.left }),
    { budgeted: 0, spent: 0, left: 0 },
  );

  const navigation = (
    <>
      <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, -1))}>
        {t('calendar.previous')}
      </button>
      <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, 1))}>
        {t('calendar.next')}
      </button>
    </>
  );

  if (data && data.rows.length === 0) {
    return <EmptyPage section="budget" subtitle={format.month(month)} headerActions={data.hasCategories ? navigation : undefined} />;
  }

  return (
    <>
      <PageHeader title={t('budget.title')} subtitle={format.month(month)} actions={navigation} />
      <section className="cards" aria-label={t('budget.summary')}>
        <article className="card">
          <h2>{t('budget.budgeted')}</h2>
          <p className="figure">{format.money(totals.budgeted, currency)}</p>
        </article>
        <article className="card">
          <h2>{t('budget.spent')}</h2>
          <p className="figure">{format.money(totals.spent, currency)}</p>
        </article>
        <article className="card">
          <h2>{t('budget.left')}</h2>
          <p className={`figure ${totals.left < 0 ? 'negative' : 'positive'}`}>{format.money(totals.left, currency)}</p>
        </article>
      </section>
      <table className="panel">
        <thead>
          <tr>
            <th scope="col">{t('budget.category')}</th>
            <th scope="col" className="num">
              {t('budget.budgeted')}
            </th>
            <th scope="col" className="num">
              {t('budget.spent')}
            </th>
            <th scope="col" className="num">
              {t('budget.left')}
            </th>
            <th scope="col">{t('budget.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.rows.map((row) => (
            <tr key={row.id} className={row.left < 0 ? 'overspent' : undefined}>
              <td>{categoryName(row.category, t)}</td>
              <td className="num">{format.money(row.budgeted, currency)}</td>
              <td className="num">{format.money(row.spent, currency)}</td>
              <td className="num">
                {format.money(row.left, currency)}
                {row.left < 0 ? <span className="warning-tag">{t('budget.overspent')}</span> : null}
              </td>
              <td>
                <progress max={Math.max(row.budgeted, 1)} value={Math.min(row.spent, Math.max(row.budgeted, 1))} aria-label={categoryName(row.category, t)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
