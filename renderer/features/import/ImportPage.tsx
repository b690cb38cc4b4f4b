import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account, ImportBatch } from '../../../shared/domain';
import { ImportParseError, previewCsv, suggestMapping, type CategoryChoice, type CsvMapping, type ImportFormat, type ParsedBill, type PreparedRow } from '../../../shared/import';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable } from '../../components/VirtualTable';
import { categoryName } from '../../components/categoryName';
import { SelectField } from '../../components/form/fields';
import { deleteWithSnapshot, restoreSnapshot } from '../../db/deletion';
import { commitImport, learnRules, loadCsvMapping, previewImport, saveCsvMapping, type ImportChoice } from './db';
import { useUndo } from '../../app/undo-context';
import { writeFailure } from '../../app/write-failure';
import type { TextEncodingName } from './decode';
import { readBillFile, readGenericCsv, type ReadResult } from './pipeline';
import { CsvMappingForm } from './CsvMappingForm';

const FORMATS: ImportFormat[] = ['alipay', 'wechat', 'jd', 'csv', 'ofx', 'qif'];
const ENCODINGS: TextEncodingName[] = ['utf-8', 'gb18030', 'utf-16le', 'windows-1252'];

interface Options {
  format: ImportFormat | 'auto';
  encoding: TextEncodingName | 'auto';
  qifDateOrder: 'mdy' | 'dmy' | 'auto';
  neutral: 'transfer' | 'skip';
}

interface ReadRequest {
  file: { name: string; bytes: Uint8Array };
  format: Options['format'];
  encoding: Options['encoding'];
  qifDateOrder: Options['qifDateOrder'];
}

interface Preview {
  /** What the preview was made for: it is shown only while these still hold. */
  bill: ParsedBill;
  accountId: string;
  neutral: Options['neutral'];
  prepared: PreparedRow[];
  choices: ImportChoice[];
  /** The category each row was suggested, to learn from what the user changed. */
  suggested: (string | undefined)[];
}

/** Translated message for a parser error, naming the line where there is one. */
function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ImportParseError) {
      const message = t(`import.errors.${error.code}`, { detail: error.detail ?? '' });
      return error.line !== undefined ? t('import.errors.atLine', { line: error.line, message }) : message;
    }
    throw error;
  };
}

/** Import bills from Alipay, WeChat Pay, JD, bank CSV, OFX or QIF: preview, then write. */
export function ImportPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { offer } = useUndo();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [accountId, setAccountId] = useState('');
  const [options, setOptions] = useState<Options>({ format: 'auto', encoding: 'auto', qifDateOrder: 'auto', neutral: 'transfer' });
  const [readState, setReadState] = useState<{ request: ReadRequest; read?: ReadResult; error?: string } | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [previewState, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);
  const [done, setDone] = useState<{ batch: ImportBatch; undone?: number } | null>(null);

  const lookups = useLiveQuery(async () => {
    const [accounts, categories, batches] = await Promise.all([db.accounts.toArray(), db.categories.orderBy('order').toArray(), db.importBatches.orderBy('createdAt').reverse().toArray()]);
    return { accounts: accounts.filter((a) => !a.archived), categories, batches, accountsById: new Map(accounts.map((a) => [a.id, a])) };
  }, [db]);
  // Until the user picks one: the account of the latest import, else the first everyday account
  // (a bill is rarely paid from a fixed deposit or a fund).
  const account: Account | undefined =
    lookups?.accountsById.get(accountId) ??
    lookups?.accounts.find((a) => a.id === lookups.batches[0]?.accountId) ??
    lookups?.accounts.find((a) => a.kind === 'cash' || a.kind === 'debit') ??
    lookups?.accounts[0];

  const categoryChoices: CategoryChoice[] = useMemo(
    () => (lookups?.categories ?? []).filter((c) => !c.archived).map((c) => ({ id: c.id, kind: c.kind, ...(c.preset ? { preset: c.preset } : {}), names: [categoryName(c, t), c.name].filter(Boolean) })),
    [lookups, t],
  );

  // Step 1: read and parse the file whenever it or a reading option changes. Results are kept with the
  // request they answer, so a stale read never shows for a newer file or option.
  const readRequest: ReadRequest | null = useMemo(
    () => (file ? { file, format: options.format, encoding: options.encoding, qifDateOrder: options.qifDateOrder } : null),
    [file, options.format, options.encoding, options.qifDateOrder],
  );
  const currentRead = readState && readState.request === readRequest ? readState : null;
  const read = currentRead?.read ?? null;
  useEffect(() => {
    if (!readRequest) return;
    let cancelled = false;
    readBillFile(readRequest.file.bytes, {
      ...(readRequest.format !== 'auto' ? { format: readRequest.format } : {}),
      ...(readRequest.encoding !== 'auto' ? { encoding: readRequest.encoding } : {}),
      ...(readRequest.qifDateOrder !== 'auto' ? { qifDateOrder: readRequest.qifDateOrder } : {}),
    })
      .then(async (result) => {
        let initialMapping: CsvMapping | null = null;
        if (result.kind === 'csv') {
          const headers = result.preview.rows[Math.max(0, result.preview.headerLineGuess - 1)] ?? [];
          const saved = await loadCsvMapping(db, headers);
          initialMapping = saved ?? { ...suggestMapping(headers), delimiter: result.preview.delimiter, encoding: result.encoding === 'windows-1252' ? 'utf-8' : result.encoding, headerLine: result.preview.headerLineGuess };
        }
        if (cancelled) return;
        setMapping(initialMapping);
        setReadState({ request: readRequest, read: result });
      })
      .catch((caught: unknown) => {
        if (!cancelled) setReadState({ request: readRequest, error: errorMessage(caught) });
      });
    return () => {
      cancelled = true;
    };
    // errorMessage and db are stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readRequest]);

  // A generic CSV is parsed again whenever its mapping changes; a mapping that does not fit says why.
  const parsed: { bill: ParsedBill | null; error?: string } = useMemo(() => {
    if (!read) return { bill: null };
    if (read.kind === 'bill') return { bill: read.bill };
    if (!mapping) return { bill: null };
    try {
      return { bill: readGenericCsv(read.text, mapping) };
    } catch (caught) {
      return { bill: null, error: errorMessage(caught) };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read, mapping]);
  const bill = parsed.bill;
  // The mapping form shows the file split by the delimiter the user chose.
  const csvPreview = useMemo(() => {
    if (read?.kind !== 'csv' || !mapping) return null;
    return mapping.delimiter === read.preview.delimiter ? read.preview : previewCsv(read.text, mapping.delimiter);
  }, [read, mapping]);

  // Step 2: compare with what the account already holds and suggest categories. A bill in another
  // currency than the account is refused before anything is compared.
  const currencyError = bill && account && bill.currency && bill.currency !== account.currency ? t('import.currencyMismatch', { file: bill.currency, account: account.currency, name: account.name }) : '';
  const preview = previewState && bill && account && previewState.bill === bill && previewState.accountId === account.id && previewState.neutral === options.neutral && !currencyError ? previewState : null;
  useEffect(() => {
    if (!bill || !account || currencyError) return;
    let cancelled = false;
    void (async () => {
      const prepared = await previewImport(db, bill, account.id, { neutral: options.neutral, categories: categoryChoices });
      if (cancelled) return;
      setPreview({
        bill,
        accountId: account.id,
        neutral: options.neutral,
        prepared,
        choices: prepared.map((row) => ({ prepared: row, include: row.action === 'import', ...(row.categoryId ? { categoryId: row.categoryId } : {}) })),
        suggested: prepared.map((row) => row.categoryId),
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [bill, account, currencyError, options.neutral, categoryChoices, db]);

  const choose = async (list: FileList | null) => {
    const picked = list?.[0];
    if (!picked) return;
    setError('');
    setDone(null);
    setFile({ name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) });
  };

  const setChoice = (index: number, change: Partial<ImportChoice>) => {
    if (!preview) return;
    setPreview({ ...preview, choices: preview.choices.map((choice, i) => (i === index ? { ...choice, ...change } : choice)) });
  };

  const commit = async () => {
    if (!preview || !account || !file) return;
    setProgress({ written: 0, total: preview.choices.filter((c) => c.include).length });
    try {
      const batch = await commitImport(db, { format: preview.bill.format, fileName: file.name, accountId: account.id, currency: account.currency, choices: preview.choices }, (written, total) => setProgress({ written, total }));
      // What the user corrected becomes a rule for the next import from the same counterparty.
      const learned = preview.choices
        .map((choice, index) => ({ choice, suggested: preview.suggested[index] }))
        .filter(({ choice, suggested }) => choice.include && choice.categoryId && choice.categoryId !== suggested && choice.prepared.row.payee)
        .map(({ choice }) => ({ payee: choice.prepared.row.payee, categoryId: choice.categoryId ?? '' }));
      await learnRules(db, learned);
      // Saved under the header the file is recognised by next time (the automatic guess), whatever
      // the user changed in the mapping.
      if (read?.kind === 'csv' && mapping) await saveCsvMapping(db, read.preview.rows[Math.max(0, read.preview.headerLineGuess - 1)] ?? [], mapping);
      setDone({ batch });
      setPreview(null);
      setFile(null);
    } catch (caught) {
      setError(writeFailure(t, caught, (message) => t('import.failed', { message })));
    } finally {
      setProgress(null);
    }
  };

  // Taking an import back can itself be undone, from the toast, for a few seconds.
  const undo = async (batchId: string) => {
    const batch = lookups?.batches.find((b) => b.id === batchId);
    const snapshot = await deleteWithSnapshot(db, { kind: 'import', id: batchId });
    const count = snapshot.transactions?.length ?? 0;
    if (done?.batch.id === batchId) setDone({ ...done, undone: count });
    offer(t('undo.removedImport', { count, file: batch?.fileName ?? '' }), () => restoreSnapshot(db, snapshot));
  };

  if (lookups && lookups.accounts.length === 0) {
    return (
      <>
        <PageHeader title={t('import.title')} />
        <EmptyState title={t('import.noAccount.title')} description={t('import.noAccount.description')}>
          <Link className="button" to="/accounts">
            {t('accounts.add')}
          </Link>
        </EmptyState>
      </>
    );
  }

  const counts = preview ? countActions(preview) : null;
  const included = preview?.choices.filter((c) => c.include) ?? [];
  const inflow = included.reduce((sum, c) => sum + Math.max(0, c.prepared.amount), 0);
  const outflow = included.reduce((sum, c) => sum + Math.max(0, -c.prepared.amount), 0);
  const currency = account?.currency ?? 'CNY';
  const expenseOptions = categoryOptionsFor('expense');
  const incomeOptions = categoryOptionsFor('income');

  function categoryOptionsFor(kind: 'expense' | 'income') {
    return [{ value: '', label: t('transactions.uncategorized') }, ...(lookups?.categories ?? []).filter((c) => c.kind === kind && !c.archived).map((c) => ({ value: c.id, label: categoryName(c, t) }))];
  }

  const statusOf = (row: PreparedRow): string => {
    switch (row.action) {
      case 'duplicate':
        return t('import.status.duplicate');
      case 'closed':
        return t('import.status.closed');
      case 'neutral-skipped':
        return t('import.status.neutralSkipped');
      case 'refund-of-closed':
        return t('import.status.refundOfClosed');
      default:
        if (row.kind === 'refund') return row.refundOfLine !== undefined ? t('import.status.refundOf', { line: row.refundOfLine }) : t('import.status.refund');
        if (row.kind === 'transfer') return t('import.status.transfer');
        return t('import.status.new');
    }
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <Link className="button secondary" to="/transactions">
            {t('import.backToTransactions')}
          </Link>
        }
      />
      <section className="panel form wide" aria-label={t('import.chooseTitle')}>
        <h2>{t('import.chooseTitle')}</h2>
        <p className="muted">{t('import.howTo')}</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="bill-file">{t('import.file')}</label>
            {/* The native control's own texts follow the browser, not the app's language: it is
                hidden, and a translated label opens it. */}
            <div className="file-picker">
              <input id="bill-file" className="file-input" type="file" accept=".csv,.xlsx,.ofx,.qfx,.qif,.txt" onChange={(event) => void choose(event.target.files)} />
              <label htmlFor="bill-file" className="button secondary">
                {t('import.chooseFile')}
              </label>
              <span className="field-hint">{file ? t('import.fileChosen', { name: file.name, size: format.integer(file.bytes.length) }) : t('import.noFile')}</span>
            </div>
          </div>
          <SelectField label={t('import.account')} value={account?.id ?? ''} options={(lookups?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))} onChange={setAccountId} />
          <SelectField
            label={t('import.format')}
            value={options.format}
            options={[{ value: 'auto' as const, label: read?.kind === 'bill' ? t('import.detected', { format: t(`import.formats.${read.bill.format}`) }) : t('import.auto') }, ...FORMATS.map((f) => ({ value: f, label: t(`import.formats.${f}`) }))]}
            onChange={(value) => setOptions({ ...options, format: value })}
          />
          <SelectField
            label={t('import.encoding')}
            value={options.encoding}
            options={[{ value: 'auto' as const, label: read && read.encoding !== 'xlsx' ? t('import.detected', { format: read.encoding.toUpperCase() }) : t('import.auto') }, ...ENCODINGS.map((e) => ({ value: e, label: e.toUpperCase() }))]}
            onChange={(value) => setOptions({ ...options, encoding: value })}
          />
          <SelectField
            label={t('import.neutral')}
            value={options.neutral}
            options={[
              { value: 'transfer' as const, label: t('import.neutralTransfer') },
              { value: 'skip' as const, label: t('import.neutralSkip') },
            ]}
            onChange={(value) => setOptions({ ...options, neutral: value })}
            hint={t('import.neutralHint')}
          />
          {read?.kind === 'bill' && read.bill.format === 'qif' ? (
            <SelectField
              label={t('import.qifDateOrder')}
              value={options.qifDateOrder}
              options={[
                { value: 'auto' as const, label: read.qifOrder === 'ambiguous' ? t('import.qifAmbiguous') : t('import.auto') },
                { value: 'mdy' as const, label: t('import.mdy') },
                { value: 'dmy' as const, label: t('import.dmy') },
              ]}
              onChange={(value) => setOptions({ ...options, qifDateOrder: value })}
            />
          ) : null}
        </div>
      </section>

      {error || currentRead?.error || currencyError || parsed.error ? (
        <p className="panel alert" role="alert">
          {error || currentRead?.error || currencyError || parsed.error}
        </p>
      ) : null}

      {read?.kind === 'csv' && mapping && csvPreview ? <CsvMappingForm preview={csvPreview} mapping={mapping} onChange={setMapping} /> : null}

      {done ? (
        <section className="panel" role="status" aria-label={t('import.doneTitle')}>
          <h2>{t('import.doneTitle')}</h2>
          <p>
            {done.undone !== undefined
              ? t('import.undone', { count: done.undone })
              : t('import.done', { count: done.batch.imported, skipped: done.batch.skippedDuplicates, file: done.batch.fileName })}
          </p>
          {done.undone === undefined ? (
            <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
              <Link className="button" to={`/transactions?account=${encodeURIComponent(done.batch.accountId)}`}>
                {t('import.seeTransactions')}
              </Link>
              <button type="button" className="secondary" onClick={() => void undo(done.batch.id)}>
                {t('import.undo')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {preview && counts ? (
        <section aria-label={t('import.previewTitle')}>
          <div className="page-header" style={{ marginBottom: 10 }}>
            <div>
              <h2 className="section-title">{t('import.previewTitle')}</h2>
              <p className="muted" role="status">
                {t('import.summary', { total: preview.prepared.length, add: included.length, duplicates: counts.duplicate, skipped: counts.skipped })}
                {' · '}
                {t('transactions.filteredTotals', { inflow: format.money(inflow, currency), outflow: format.money(outflow, currency) })}
              </p>
            </div>
            <div className="page-actions">
              <button type="button" disabled={included.length === 0 || progress !== null} onClick={() => void commit()}>
                {t('import.commit', { count: included.length })}
              </button>
            </div>
          </div>
          {progress ? <progress max={Math.max(1, progress.total)} value={progress.written} aria-label={t('import.progress', { written: progress.written, total: progress.total })} /> : null}
          <VirtualTable
            label={t('import.previewTitle')}
            rows={preview.choices.map((choice, index) => ({ choice, index }))}
            rowKey={({ index }) => String(index)}
            rowClassName={({ choice }) => (choice.include ? undefined : 'excluded')}
            template="56px 132px 1.6fr 130px 1.2fr 1.2fr"
            height="min(60vh, 640px)"
            columns={[
              {
                header: t('import.include'),
                cell: ({ choice, index }) => (
                  <input
                    type="checkbox"
                    checked={choice.include}
                    onChange={(event) => setChoice(index, { include: event.target.checked })}
                    aria-label={t('import.includeRow', { line: choice.prepared.row.line, payee: choice.prepared.row.payee })}
                  />
                ),
              },
              { header: t('common.date'), cell: ({ choice }) => format.date(choice.prepared.row.date) },
              {
                header: t('transactions.payee'),
                cell: ({ choice }) => (
                  <span title={choice.prepared.row.description}>
                    {choice.prepared.row.payee || choice.prepared.row.description}
                    {choice.prepared.row.description && choice.prepared.row.description !== choice.prepared.row.payee ? <span className="muted"> · {choice.prepared.row.description}</span> : null}
                  </span>
                ),
              },
              {
                header: t('transactions.amount'),
                numeric: true,
                cell: ({ choice }) => <span className={choice.prepared.amount < 0 ? 'negative' : 'positive'}>{format.money(choice.prepared.amount, currency)}</span>,
              },
              {
                header: t('budget.category'),
                cell: ({ choice, index }) =>
                  choice.prepared.kind === 'transfer' ? (
                    t('transactions.kind.transfer')
                  ) : (
                    <select
                      value={choice.categoryId ?? ''}
                      onChange={(event) => setChoice(index, event.target.value ? { categoryId: event.target.value } : { categoryId: undefined })}
                      aria-label={t('import.categoryOf', { line: choice.prepared.row.line, payee: choice.prepared.row.payee })}
                    >
                      {(choice.prepared.amount > 0 && choice.prepared.kind !== 'refund' ? incomeOptions : expenseOptions).map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ),
              },
              {
                header: t('import.statusColumn'),
                cell: ({ choice }) => <span className={`import-status ${choice.prepared.action}`}>{statusOf(choice.prepared)}</span>,
              },
            ]}
          />
        </section>
      ) : null}

      {lookups && lookups.batches.length > 0 ? (
        <table className="panel">
          <caption>{t('import.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.when')}</th>
              <th scope="col">{t('import.file')}</th>
              <th scope="col">{t('import.account')}</th>
              <th scope="col" className="num">
                {t('import.imported')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lookups.batches.map((batch) => (
              <tr key={batch.id}>
                <td>{format.date(batch.createdAt.slice(0, 10))}</td>
                <td>
                  {batch.fileName} <span className="muted">· {t(`import.formats.${batch.format}`)}</span>
                </td>
                <td>{lookups.accountsById.get(batch.accountId)?.name ?? ''}</td>
                <td className="num">{format.integer(batch.imported)}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => void undo(batch.id)} aria-label={t('import.undoNamed', { file: batch.fileName })}>
                    {t('import.undo')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function countActions(preview: Preview) {
  let duplicate = 0;
  let skipped = 0;
  for (const row of preview.prepared) {
    if (row.action === 'duplicate') duplicate += 1;
    else if (row.action !== 'import') skipped += 1;
  }
  return { duplicate, skipped };
}
