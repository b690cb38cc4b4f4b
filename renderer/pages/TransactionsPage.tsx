import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { categoryName } from '../components/categoryName';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';

const ROW_HEIGHT = 40;

/** Every transaction, newest first, in a virtualized list so long histories stay fast. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = useLiveQuery(async () => {
    const [transactions, categories, accounts] = await Promise.all([
      db.transactions.orderBy('date').reverse().toArray(),
      db.categories.toArray(),
      db.accounts.toArray(),
    ]);
    return { transactions, categories: new Map(categories.map((c) => [c.id, c])), accounts: new Map(accounts.map((a) => [a.id, a.name])) };
  }, [db]);
  const rows = data?.transactions ?? [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is not memoizable by design.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  if (data && rows.length === 0) {
    return <EmptyPage section="transactions" />;
  }

  return (
    <>
      <PageHeader title={t('transactions.title')} subtitle={t('transactions.count', { count: rows.length })} />
      <div className="virtual-table" role="table" aria-label={t('transactions.title')} aria-rowcount={rows.length + 1}>
        <div role="row" className="virtual-row header">
          <span role="columnheader">{t('common.date')}</span>
          <span role="columnheader">{t('transactions.payee')}</span>
          <span role="columnheader">{t('budget.category')}</span>
          <span role="columnheader">{t('transactions.account')}</span>
          <span role="columnheader" className="num">
            {t('transactions.amount')}
          </span>
        </div>
        <div ref={scrollRef} className="virtual-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 2}
                  key={row.id}
                  className="virtual-row"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell">{format.date(row.date)}</span>
                  <span role="cell">{row.payee}</span>
                  <span role="cell">{categoryName(row.categoryId ? data?.categories.get(row.categoryId) : undefined, t)}</span>
                  <span role="cell">{data?.accounts.get(row.accountId) ?? ''}</span>
                  <span role="cell" className={`num ${row.amount < 0 ? 'negative' : 'positive'}`}>
                    {format.money(row.amount, row.currency)}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
