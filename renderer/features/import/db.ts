/**
 * Writing an import: every chosen row in one Dexie transaction (a failure writes nothing), with
 * the batch recorded so the whole import can be undone (renderer/db/deletion.ts); category rules learned from what the
 * user corrected; saved column mappings for generic CSV files.
 */
import { ImportBatchSchema, MAX_CATEGORY_RULES, TransactionSchema, validateEntity, type ImportBatch, type Transaction } from '../../../shared/domain';
import { importKeyOf, prepareImport } from '../../../shared/import';
import type { CategoryChoice, CategoryRule, CsvMapping, ExistingTransaction, ImportFormat, ParsedBill, PreparedRow, PrepareOptions } from '../../../shared/import/types';
import type { ClearDayDatabase } from '../../db/database';
import { systemClock, type Clock } from '../../db/repository';
import { readSetting, writeSetting } from '../../db/settings';

const CHUNK = 500;

/** Transactions already in the account around the file's dates: what duplicates are checked against. */
export async function existingForImport(db: ClearDayDatabase, accountId: string, from: string, to: string, importKeys: readonly string[]): Promise<ExistingTransaction[]> {
  // The same bill imported into another account is still the same bill: keys are checked everywhere.
  const [inAccount, sameKeys] = await Promise.all([
    db.transactions.where('[accountId+date]').between([accountId, from], [accountId, to], true, true).toArray(),
    importKeys.length > 0 ? db.transactions.where('importKey').anyOf([...importKeys]).toArray() : Promise.resolve([]),
  ]);
  const byId = new Map([...inAccount, ...sameKeys].map((row) => [row.id, row]));
  return [...byId.values()].map((row) => ({ id: row.id, date: row.date, amount: row.amount, payee: row.payee, ...(row.importKey ? { importKey: row.importKey } : {}) }));
}

/**
 * The preview of a parsed bill for one account: what each row would become, compared with what the
 * account already holds, with categories from the file and from the learned rules.
 */
export async function previewImport(db: ClearDayDatabase, bill: ParsedBill, accountId: string, options: { neutral: PrepareOptions['neutral']; categories: readonly CategoryChoice[] }): Promise<PreparedRow[]> {
  const dates = bill.rows.map((row) => row.date).sort();
  const keys = bill.rows.map((row) => importKeyOf(bill.format, row));
  const [existing, rules] = await Promise.all([existingForImport(db, accountId, dates[0] ?? '0000-01-01', dates.at(-1) ?? '9999-12-31', keys), loadRules(db)]);
  return prepareImport(bill, { format: bill.format, neutral: options.neutral, existing, categories: options.categories, rules });
}

export interface ImportChoice {
  prepared: PreparedRow;
  include: boolean;
  categoryId?: string;
}

export interface CommitInput {
  format: ImportFormat;
  fileName: string;
  accountId: string;
  currency: string;
  choices: readonly ImportChoice[];
}

/** The note of an imported transaction: what the bill said beyond the counterparty. */
export function noteOf(prepared: PreparedRow): string | undefined {
  const row = prepared.row;
  const parts = [row.description && row.description !== row.payee ? row.description : '', row.note ?? ''].map((part) => part.trim()).filter((part) => part && part !== '/');
  return parts.length > 0 ? parts.join(' · ').slice(0, 2000) : undefined;
}

export function transactionOf(choice: ImportChoice, input: CommitInput, batchId: string, ids: { id: string; transferId: string }, now: string): Transaction {
  const { prepared } = choice;
  const note = noteOf(prepared);
  return validateEntity('transaction', TransactionSchema, {
    id: ids.id,
    date: prepared.row.date,
    accountId: input.accountId,
    amount: prepared.amount,
    currency: input.currency,
    payee: (prepared.row.payee || prepared.row.description).slice(0, 200),
    ...(prepared.kind === 'transfer' ? { transferId: ids.transferId } : choice.categoryId ? { categoryId: choice.categoryId } : {}),
    tags: [],
    ...(note ? { note } : {}),
    importKey: prepared.importKey.slice(0, 200),
    importBatchId: batchId,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Writes the chosen rows and the batch in one transaction; `onProgress` reports rows written.
 * Rows are validated before the transaction opens, so bad data fails before anything is written.
 */
export async function commitImport(db: ClearDayDatabase, input: CommitInput, onProgress: (written: number, total: number) => void = () => {}, clock: Clock = systemClock): Promise<ImportBatch> {
  const now = clock.nowInstant();
  const batchId = clock.newId();
  // The preview decides: a duplicate the user ticks is imported, a new row left unticked is not.
  const chosen = input.choices.filter((choice) => choice.include);
  const rows = chosen.map((choice) => transactionOf(choice, input, batchId, { id: clock.newId(), transferId: clock.newId() }, now));
  const batch = validateEntity('import batch', ImportBatchSchema, {
    id: batchId,
    format: input.format,
    fileName: input.fileName.slice(0, 260),
    accountId: input.accountId,
    imported: rows.length,
    skippedDuplicates: input.choices.filter((choice) => choice.prepared.action === 'duplicate' && !choice.include).length,
    createdAt: now,
    updatedAt: now,
  });
  await db.transaction('rw', db.transactions, db.importBatches, async () => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await db.transactions.bulkAdd(rows.slice(start, start + CHUNK));
      onProgress(Math.min(rows.length, start + CHUNK), rows.length);
    }
    await db.importBatches.add(batch);
  });
  onProgress(rows.length, rows.length);
  return batch;
}

export function loadRules(db: ClearDayDatabase): Promise<CategoryRule[]> {
  return readSetting(db, 'import.categoryRules');
}

/** Remembers counterparty -> category; a newer rule for the same counterparty replaces the old one. */
export async function learnRules(db: ClearDayDatabase, learned: readonly CategoryRule[]): Promise<void> {
  if (learned.length === 0) return;
  await db.transaction('rw', db.settings, async () => {
    const current = await loadRules(db);
    const byPayee = new Map(current.map((rule) => [rule.payee, rule]));
    for (const rule of learned) {
      const payee = rule.payee.trim();
      if (!payee) continue;
      byPayee.delete(payee);
      byPayee.set(payee, { payee, categoryId: rule.categoryId });
    }
    // Newest rules win; old ones fall off so the row stays small.
    await writeSetting(db, 'import.categoryRules', [...byPayee.values()].slice(-MAX_CATEGORY_RULES));
  });
}

/** A file layout is known by its header row. */
export function layoutKey(headers: readonly string[]): string {
  return headers.map((header) => header.trim()).join('|').slice(0, 500);
}

/** 64-bit FNV-1a of a layout, as 16 hex digits: a setting key is at most 60 characters, a layout up to 500. */
function layoutHash(layout: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const unit of new TextEncoder().encode(layout)) hash = BigInt.asUintN(64, (hash ^ BigInt(unit)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const mappingKey = (layout: string) => `import.csvMapping:${layoutHash(layout)}` as const;

export async function loadCsvMapping(db: ClearDayDatabase, headers: readonly string[]): Promise<CsvMapping | undefined> {
  const layout = layoutKey(headers);
  const entry = await readSetting(db, mappingKey(layout));
  if (entry?.layout === layout) return entry.mapping;
  // Earlier builds kept every mapping in one row.
  const legacy = await readSetting(db, 'import.csvMappings');
  return Object.hasOwn(legacy, layout) ? legacy[layout] : undefined;
}

/** Saves the mapping of a layout in a row of its own. */
export async function saveCsvMapping(db: ClearDayDatabase, headers: readonly string[], mapping: CsvMapping): Promise<void> {
  const layout = layoutKey(headers);
  await writeSetting(db, mappingKey(layout), { layout, mapping });
}
