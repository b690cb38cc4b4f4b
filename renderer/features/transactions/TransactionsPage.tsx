import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { createTransactionFilter, type TransactionFilter } from '../../../shared/budget';
import type { Transaction } from '../../../shared/domain';
import { EmptyPage } from '../../components/EmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { categoryName } from '../../components/categoryName';
import { SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { VirtualTable } from '../../components/VirtualTable';
import { saveTextFile } from '../../platform';
import { localToday } from '../../app/today';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { PERF_MARKS, useReadyMark } from '../../app/perf';
import { whenIdle } from '../../app/idle';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { QuickEntry, TransactionEditor, type Lookups } from './TransactionForm';
import { formOf, type FormText } from './transaction-draft';
import { loadTransactionsHead } from './queries';

interface FilterText {
  text: string;
  accountId: string;
  categoryId: string;
  from: string;
  to: string;
  min: string;
  max: string;
}

/** Rows read before the page first shows: more than a tall window holds. */
const FIRST_ROWS = 100;

const NO_FILTER: FilterText = { text: '', accountId: '', categoryId: '', from: '', to: '', min: '', max: '' };

/** Every transaction, newest first: quick entry on top, search and filters, a virtualized list. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [filterText, setFilterText] = useState<FilterText>({ ...NO_FILTER, accountId: params.get('account') ?? '' });
  const [editing, setEditing] = useState<FormText | null>(null);
  const [repayment, setRepayment] = useState<Transaction | null>(null);
  const [toast, setToast] = useState<{ message: string } | null>(null);
  const deleteWithUndo = useDeleteWithUndo();
  const today = localToday();

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4_000);
    return () => clearTimeout(timer);
  }, [toast]);

  // The newest rows come first, so the page shows at once however long the history; the rest is
  // read after that first screen is on view (reading 100,000 rows takes over a second).
  const head = useLiveQuery(() => loadTransactionsHead(db, FIRST_ROWS), [db]);
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    if (!head || readAll) return;
    const timer = setTimeout(() => setReadAll(true), 0);
    return () => clearTimeout(timer);
  }, [head, readAll]);
  const everyRow = useLiveQuery(async (): Promise<Transaction[] | undefined> => (readAll ? db.transactions.orderBy('date').reverse().toArray() : undefined), [db, readAll]);
  const complete = everyRow !== undefined || (head !== undefined && head.transactions.length < FIRST_ROWS);
  const data = useMemo(() => (head ? { ...head, transactions: everyRow ?? head.transactions } : undefined), [head, everyRow]);
  useReadyMark(PERF_MARKS.transactionsFirstRows, data !== undefined);
  useReadyMark(PERF_MARKS.transactionsAllRows, everyRow !== undefined);

  const lookups: Lookups | undefined = useMemo(
    () => (data ? { debts: data.debts, accounts: data.accounts, accountsById: new Map(data.accounts.map((a) => [a.id, a])), categories: data.categories } : undefined),
    [data],
  );
  const categoriesById = useMemo(() => new Map((data?.categories ?? []).map((c) => [c.id, c])), [data]);
  const filterRows = useMemo(() => createTransactionFilter((id) => categoryName(categoriesById.get(id), t)), [categoriesById, t]);

  // The rows' search texts are built while the browser is idle, so the first search is as fast as the next.
  useEffect(() => {
    if (!data) return;
    return whenIdle(() => filterRows.prepare(data.transactions));
  }, [data, filterRows]);

  // Typing stays responsive: the list follows the deferred copy of the filter.
  const deferred = useDeferredValue(filterText);
  const filterCurrency = lookups?.accountsById.get(deferred.accountId)?.currency ?? settings.baseCurrency;
  const min = readMoney(deferred.min, filterCurrency, t, t('transactions.minAmount'));
  const max = readMoney(deferred.max, filterCurrency, t, t('transactions.maxAmount'));
  const filter: TransactionFilter = {
    text: deferred.text,
    ...(deferred.accountId ? { accountId: deferred.accountId } : {}),
    ...(deferred.categoryId ? { categoryId: deferred.categoryId } : {}),
    ...(deferred.from ? { from: deferred.from } : {}),
    ...(deferred.to ? { to: deferred.to } : {}),
    ...(min.value !== undefined ? { minAmount: min.value } : {}),
    ...(max.value !== undefined ? { maxAmount: max.value } : {}),
  };
  const filterKey = JSON.stringify(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey is the filter's value.
  const rows = useMemo(() => (data ? filterRows(data.transactions, filter) : []), [data, filterRows, filterKey]);
  const filtered = Object.values(filterText).some(Boolean);
  useEffect(() => {
    if (!everyRow) return;
    // One mark at a time: the timeline would otherwise keep one per keystroke.
    performance.clearMarks(PERF_MARKS.transactionsFiltered);
    performance.mark(PERF_MARKS.transactionsFiltered, { detail: { text: deferred.text } });
  }, [everyRow, rows, deferred.text]);
  const totals = useMemo(() => {
    const byCurrency = new Map<string, { inflow: number; outflow: number }>();
    for (const row of rows) {
      const entry = byCurrency.get(row.currency) ?? { inflow: 0, outflow: 0 };
      if (row.amount > 0) entry.inflow += row.amount;
      else entry.outflow -= row.amount;
      byCurrency.set(row.currency, entry);
    }
    return [...byCurrency.entries()];
  }, [rows]);

  const setFilter = (changes: Partial<FilterText>) => {
    setFilterText({ ...filterText, ...changes });
    if ('accountId' in changes) {
      const next = new URLSearchParams(params);
      if (changes.accountId) next.set('account', changes.accountId);
      else next.delete('account');
      setParams(next, { replace: true });
    }
  };

  // The row last clicked: a slower lookup for an earlier click must not replace its editor.
  const editRequest = useRef('');
  const edit = async (row: Transaction) => {
    editRequest.current = row.id;
    // A repayment belongs to its debt's payment record: it is shown, and can be deleted with it.
    if (row.paymentId) {
      setEditing(null);
      return setRepayment(row);
    }
    setRepayment(null);
    // From the database: the other leg may be older than the rows read so far.
    const partner = row.transferId ? await db.transactions.where('transferId').equals(row.transferId).filter((other) => other.id !== row.id).first() : undefined;
    if (editRequest.current !== row.id) return;
    setEditing(formOf(row, partner));
  };

  // With its transfer's other leg and the payment it recorded; Undo is offered in the app's toast.
  const remove = async (id: string) => {
    setToast(null);
    await deleteWithUndo({ kind: 'transaction', id }, (snapshot) => t('transactions.deleted', { count: snapshot.transactions?.length ?? 0 }));
    setEditing(null);
    setRepayment(null);
  };

  const exportCsv = async () => {
    if (!data) return;
    // Loaded on demand: the CSV writer is not needed to show the list.
    const { transactionsToCsv } = await import('../../../shared/export/transactions-csv');
    const accountNames = new Map(data.accounts.map((a) => [a.id, a.name]));
    const csv = transactionsToCsv(rows, {
      accountName: (id) => accountNames.get(id) ?? '',
      categoryName: (id) => (id ? categoryName(categoriesById.get(id), t) : ''),
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
    await saveTextFile(`clearday-transactions-${today}.csv`, csv, ['csv']);
  };

  const importLink = (
    <Link className="button secondary" to="/transactions/import">
      {t('transactions.import')}
    </Link>
  );

  if (data && data.transactions.length === 0 && data.accounts.length === 0) {
    return (
      <EmptyPage section="transactions">
        <Link className="button" to="/accounts">
          {t('transactions.addAccountFirst')}
        </Link>
      </EmptyPage>
    );
  }

  const categoryCell = (row: Transaction) => {
    if (row.transferId) {
      const other = row.transferAccountId ? lookups?.accountsById.get(row.transferAccountId)?.name : undefined;
      if (row.paymentId) return t('transactions.repaymentCell', { category: categoryName(row.categoryId ? categoriesById.get(row.categoryId) : undefined, t) });
      return other ? t(row.amount < 0 ? 'transactions.transferTo' : 'transactions.transferFrom', { account: other }) : t('transactions.kind.transfer');
    }
    if (row.splits && row.splits.length > 0) return t('transactions.splitCell', { count: row.splits.length });
    return categoryName(row.categoryId ? categoriesById.get(row.categoryId) : undefined, t);
  };

  return (
    <>
      <PageHeader
        title={t('transactions.title')}
        subtitle={!complete ? t('transactions.readingOlder') : filtered ? t('transactions.countFiltered', { count: rows.length, total: data?.transactions.length ?? 0 }) : t('transactions.count', { count: rows.length })}
        actions={
          <>
            {importLink}
            <button type="button" className="secondary" disabled={!complete || rows.length === 0} onClick={() => void exportCsv()}>
              {filtered ? t('transactions.exportFiltered') : t('transactions.exportCsv')}
            </button>
          </>
        }
      />
      {lookups && lookups.accounts.length > 0 && !editing ? (
        <QuickEntry lookups={lookups} defaultAccountId={filterText.accountId || data?.transactions[0]?.accountId || ''} today={today} onSaved={(message) => setToast({ message })} />
      ) : null}
      {editing && lookups ? (
        <TransactionEditor
          key={editing.id ?? 'new'}
          lookups={lookups}
          initial={editing}
          onDone={(message) => {
            setEditing(null);
            if (message) setToast({ message });
          }}
          {...(editing.id ? { onDelete: () => void remove(editing.id ?? '') } : {})}
        />
      ) : null}
      {repayment ? (
        <section className="panel form" aria-label={t('transactions.editTitle')}>
          <h2>{t('transactions.editTitle')}</h2>
          <p>{t('transactions.repaymentInfo', { amount: format.money(Math.abs(repayment.amount), repayment.currency), debt: repayment.payee })}</p>
          <div className="form-actions">
            <button type="button" className="danger" onClick={() => void remove(repayment.id)}>
              {t('common.delete')}
            </button>
            <button type="button" className="secondary" onClick={() => setRepayment(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : null}
      <section role="search" className="filters" aria-label={t('transactions.filters')}>
        <div className="field grow">
          <TextField label={t('transactions.search')} value={filterText.text} onChange={(text) => setFilter({ text })} />
        </div>
        <SelectField
          label={t('transactions.account')}
          value={filterText.accountId}
          options={[{ value: '', label: t('common.all') }, ...(data?.accounts ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          onChange={(accountId) => setFilter({ accountId })}
        />
        <SelectField
          label={t('budget.category')}
          value={filterText.categoryId}
          options={[
            { value: '', label: t('common.all') },
            { value: 'none', label: t('transactions.uncategorized') },
            ...(data?.categories ?? []).sort((a, b) => a.order - b.order).map((c) => ({ value: c.id, label: categoryName(c, t) })),
          ]}
          onChange={(categoryId) => setFilter({ categoryId })}
        />
        <TextField label={t('transactions.from')} type="date" value={filterText.from} onChange={(from) => setFilter({ from })} />
        <TextField label={t('transactions.to')} type="date" value={filterText.to} onChange={(to) => setFilter({ to })} />
        <TextField label={t('transactions.minAmount')} value={filterText.min} inputMode="decimal" onChange={(value) => setFilter({ min: value })} error={min.error} />
        <TextField label={t('transactions.maxAmount')} value={filterText.max} inputMode="decimal" onChange={(value) => setFilter({ max: value })} error={max.error} />
        {filtered ? (
          <button type="button" className="secondary" onClick={() => setFilter({ ...NO_FILTER, accountId: '' })}>
            {t('transactions.clearFilters')}
          </button>
        ) : null}
      </section>
      {filtered && complete && totals.length > 0 ? (
        <p className="muted" role="status">
          {totals.map(([currency, sum]) => t('transactions.filteredTotals', { inflow: format.money(sum.inflow, currency), outflow: format.money(sum.outflow, currency) })).join(' · ')}
        </p>
      ) : null}
      {data && data.transactions.length === 0 ? <p className="muted">{t('transactions.noneYet')}</p> : null}
      {complete && data && data.transactions.length > 0 && rows.length === 0 ? <p className="muted">{t('transactions.noMatch')}</p> : null}
      {rows.length > 0 ? (
        <VirtualTable
          label={t('transactions.title')}
          rows={rows}
          rowKey={(row) => row.id}
          template="120px 1.6fr 1.1fr 1fr 140px"
          columns={[
            { header: t('common.date'), cell: (row) => format.date(row.date) },
            {
              header: t('transactions.payee'),
              cell: (row) => (
                <button type="button" className="link" onClick={() => void edit(row)} aria-label={t('transactions.editNamed', { payee: row.payee || t('transactions.noPayee'), date: format.date(row.date) })} title={row.note}>
                  {row.payee || t('transactions.noPayee')}
                  {row.tags.length > 0 ? <span className="muted"> · {row.tags.join(', ')}</span> : null}
                </button>
              ),
            },
            { header: t('budget.category'), cell: categoryCell },
            { header: t('transactions.account'), cell: (row) => lookups?.accountsById.get(row.accountId)?.name ?? '' },
            {
              header: t('transactions.amount'),
              numeric: true,
              cell: (row) => <span className={row.amount < 0 ? 'negative' : 'positive'}>{format.money(row.amount, row.currency)}</span>,
            },
          ]}
        />
      ) : null}
      {toast ? (
        <div className="toast" role="status">
          <span>{toast.message}</span>
        </div>
      ) : null}
    </>
  );
}
