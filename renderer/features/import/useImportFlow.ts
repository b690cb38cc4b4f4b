/**
 * The import flow as state: choose a file -> read and parse it (and map the columns of a generic
 * CSV) -> preview the rows against the account -> commit with progress -> done, with undo. Each
 * step's result is kept with what it was made for, so a stale result never shows for a newer
 * file, option or account. Errors of every step come out as one translated message.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Category, ImportBatch } from '../../../shared/domain';
import { ImportParseError, previewCsv, suggestMapping, type CategoryChoice, type CsvMapping, type ImportFormat, type ParsedBill, type PreparedRow } from '../../../shared/import';
import { useSettings } from '../../app/settings-context';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { writeFailure } from '../../app/write-failure';
import { categoryName } from '../../components/categoryName';
import { commitImport, learnRules, loadCsvMapping, previewImport, saveCsvMapping, type ImportChoice } from './db';
import type { TextEncodingName } from './decode';
import { readBillFile, readGenericCsv, type ReadResult } from './pipeline';
import { loadImportLookups } from './queries';

export interface ImportOptions {
  format: ImportFormat | 'auto';
  encoding: TextEncodingName | 'auto';
  qifDateOrder: 'mdy' | 'dmy' | 'auto';
  neutral: 'transfer' | 'skip';
}

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

interface ReadRequest {
  file: ChosenFile;
  format: ImportOptions['format'];
  encoding: ImportOptions['encoding'];
  qifDateOrder: ImportOptions['qifDateOrder'];
}

export interface ImportPreviewState {
  /** What the preview was made for: it is shown only while these still hold. */
  bill: ParsedBill;
  accountId: string;
  neutral: ImportOptions['neutral'];
  prepared: PreparedRow[];
  choices: ImportChoice[];
  /** The category each row was suggested, to learn from what the user changed. */
  suggested: (string | undefined)[];
}

export interface ImportLookups {
  /** Accounts not archived, to import into. */
  accounts: Account[];
  categories: Category[];
  /** Earlier imports, newest first. */
  batches: ImportBatch[];
  /** Every account, archived too, to name the account of an earlier import. */
  accountsById: Map<string, Account>;
}

export interface ImportProgress {
  written: number;
  total: number;
}

export interface ImportDone {
  batch: ImportBatch;
  /** How many transactions undoing the import removed, once it was undone. */
  undone?: number;
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

export function useImportFlow() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const errorMessage = useErrorMessage();
  const remove = useDeleteWithUndo();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [accountId, setAccountId] = useState('');
  const [options, setOptions] = useState<ImportOptions>({ format: 'auto', encoding: 'auto', qifDateOrder: 'auto', neutral: 'transfer' });
  const [readState, setReadState] = useState<{ request: ReadRequest; read?: ReadResult; error?: string } | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [previewState, setPreview] = useState<ImportPreviewState | null>(null);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [done, setDone] = useState<ImportDone | null>(null);

  const lookups: ImportLookups | undefined = useLiveQuery(() => loadImportLookups(db), [db]);
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

  // Step 3: write the chosen rows, reporting progress.
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
      setDone({ batch });
      setPreview(null);
      setFile(null);
      // The rows are in: remembering the corrections is a bonus, and its failure says so apart.
      try {
        await learnRules(db, learned);
        // Saved under the header the file is recognised by next time (the automatic guess), whatever
        // the user changed in the mapping.
        if (read?.kind === 'csv' && mapping) await saveCsvMapping(db, read.preview.rows[Math.max(0, read.preview.headerLineGuess - 1)] ?? [], mapping);
      } catch (caught) {
        setError(writeFailure(t, caught, (message) => t('import.learnFailed', { count: batch.imported, message })));
      }
    } catch (caught) {
      setError(writeFailure(t, caught, (message) => t('import.failed', { message })));
    } finally {
      setProgress(null);
    }
  };

  // Taking an import back can itself be undone, from the toast, for a few seconds.
  const undo = async (batchId: string) => {
    const batch = lookups?.batches.find((b) => b.id === batchId);
    const snapshot = await remove({ kind: 'import', id: batchId }, (taken) => t('undo.removedImport', { count: taken.transactions?.length ?? 0, file: batch?.fileName ?? '' }));
    if (done?.batch.id === batchId) setDone({ ...done, undone: snapshot.transactions?.length ?? 0 });
  };

  return {
    lookups,
    /** The account the file goes into. */
    account,
    setAccountId,
    file,
    choose,
    options,
    setOptions,
    read,
    mapping,
    setMapping,
    csvPreview,
    preview,
    setChoice,
    progress,
    commit,
    done,
    undo,
    /** What went wrong, of the write, the read, the currency or the mapping; '' when nothing did. */
    alert: error || currentRead?.error || currencyError || parsed.error || '',
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
