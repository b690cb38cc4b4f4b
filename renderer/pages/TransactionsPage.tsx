import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { categoryName } from '../components/categoryName';
import { VirtualTable } from '../components/VirtualTable';
import { saveTextFile } from '../platform';
import { localToday } from '../app/today';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';

/** Every transaction, newest first, in a virtualized list so long histories stay fast. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const data = useLiveQuery(async () => {
    const [transactions, categories, accounts] = await Promise.all([
      db.transactions.orderBy('date').reverse().toArray(),
      db.categories.toArray(),
      db.accounts.toArray(),
    ]);
    return { transactions, categories: new Map(categories.map((c) => [c.id, c])), accounts: new Map(accounts.map((a) => [a.id, a.name])) };
  }, [db]);
  const rows = data?.transactions ?? [];

  const exportCsv = async () => {
    if (!data) return;
    // Loaded on demand: the CSV writer is not needed to show the list.
    const { transactionsToCsv } = await import('../../shared/export/transactions-csv');
    const csv = transactionsToCsv(rows, {
      accountName: (id) => data.accounts.get(id) ?? '',
      categoryName: (id) => (id ? categoryName(data.categories.get(id), t) : ''),
      headers: {
        date: t('common.date'),
        account: t('transactions.account'),
        payee: t('transactions.payee'),
        category: t('budget.category'),
        amount: t('transactions.amount'),
        currency: t('transactions.currency'),
        tags: t('transactions.tags'),
        note: t('transactions.note'),
      },
    });
    await saveTextFile(`clearday-transactions-${localToday()}.csv`, csv, ['csv']);
  };

  if (data && rows.length === 0) {
    return <EmptyPage section="transactions" />;
  }

  return (
    <>
      <PageHeader
        title={t('transactions.title')}
        subtitle={t('transactions.count', { count: rows.length })}
        actions={
          <button type="button" className="secondary" disabled={!data} onClick={() => void exportCsv()}>
            {t('transactions.exportCsv')}
          </button>
        }
      />
      <VirtualTable
        label={t('transactions.title')}
        rows={rows}
        rowKey={(row) => row.id}
        template="130px 1.4fr 1fr 1.2fr 140px"
        columns={[
          { header: t('common.date'), cell: (row) => format.date(row.date) },
          { header: t('transactions.payee'), cell: (row) => row.payee },
          { header: t('budget.category'), cell: (row) => categoryName(row.categoryId ? data?.categories.get(row.categoryId) : undefined, t) },
          { header: t('transactions.account'), cell: (row) => data?.accounts.get(row.accountId) ?? '' },
          {
            header: t('transactions.amount'),
            numeric: true,
            cell: (row) => <span className={row.amount < 0 ? 'negative' : 'positive'}>{format.money(row.amount, row.currency)}</span>,
          },
        ]}
      />
    </>
  );
}
