import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { commitImport, existingForImport, learnRules, loadCsvMapping, loadRules, noteOf, saveCsvMapping, type ImportChoice } from '../../../renderer/features/import/db';
import { deleteWithSnapshot, restoreSnapshot } from '../../../renderer/db/deletion';
import type { BillRow, CsvMapping, PreparedRow } from '../../../shared/import/types';
import { STAMPS } from '../fixtures';
import { fakeClock, freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

function billRow(line: number, partial: Partial<BillRow> = {}): BillRow {
  return { line, date: '2026-09-01', amount: -1_250, direction: 'out', payee: '楼下早餐店', description: '早餐', sourceCategory: '餐饮美食', closed: false, refund: false, orderId: `order-${line}`, ...partial };
}

function prepared(row: BillRow, partial: Partial<PreparedRow> = {}): PreparedRow {
  return { row, importKey: `alipay:${row.orderId}`, action: 'import', kind: row.amount < 0 ? 'expense' : 'income', amount: row.amount, categorySource: 'none', ...partial };
}

const input = (choices: ImportChoice[]) => ({ format: 'alipay' as const, fileName: 'alipay.csv', accountId: 'alipay', currency: 'CNY', choices });

describe('imports', () => {
  it('writes the chosen rows and the batch together, with notes, categories and transfers', async () => {
    db = freshDatabase();
    const progress: [number, number][] = [];
    const batch = await commitImport(
      db,
      input([
        { prepared: prepared(billRow(26)), include: true, categoryId: 'food' },
        { prepared: prepared(billRow(27, { note: '9月电费', description: '电费', payee: '某电力公司' })), include: false },
        { prepared: prepared(billRow(28, { direction: 'neutral', amount: -128_000, payee: '花呗', description: '花呗主动还款' }), { kind: 'transfer' }), include: true },
        { prepared: prepared(billRow(29), { action: 'duplicate' }), include: false },
      ]),
      (written, total) => progress.push([written, total]),
      fakeClock(),
    );
    expect(batch).toMatchObject({ format: 'alipay', fileName: 'alipay.csv', accountId: 'alipay', imported: 2, skippedDuplicates: 1 });
    const rows = await db.transactions.where('importBatchId').equals(batch.id).sortBy('importKey');
    expect(rows.map((row) => [row.importKey, row.amount, row.categoryId, Boolean(row.transferId), row.note])).toEqual([
      ['alipay:order-26', -1_250, 'food', false, '早餐'],
      ['alipay:order-28', -128_000, undefined, true, '花呗主动还款'],
    ]);
    expect(progress.at(-1)).toEqual([2, 2]);
  });

  it('writes nothing when a row is invalid', async () => {
    db = freshDatabase();
    const bad = prepared(billRow(26, { date: '2026-02-30' }));
    await expect(commitImport(db, input([{ prepared: prepared(billRow(25)), include: true }, { prepared: bad, include: true }]), undefined, fakeClock())).rejects.toThrow();
    expect(await db.transactions.count()).toBe(0);
    expect(await db.importBatches.count()).toBe(0);
  });

  it('undoes a whole import and nothing else', async () => {
    db = freshDatabase();
    await db.transactions.add({ id: 'mine', date: '2026-09-01', accountId: 'alipay', amount: -500, currency: 'CNY', payee: 'typed', tags: [], ...STAMPS });
    const batch = await commitImport(db, input([{ prepared: prepared(billRow(26)), include: true }, { prepared: prepared(billRow(27)), include: true }]), undefined, fakeClock());
    const snapshot = await deleteWithSnapshot(db, { kind: 'import', id: batch.id });
    expect(snapshot.transactions).toHaveLength(2);
    expect((await db.transactions.toArray()).map((row) => row.id)).toEqual(['mine']);
    expect(await db.importBatches.count()).toBe(0);
    // And taking it back can be undone.
    await restoreSnapshot(db, snapshot);
    expect(await db.transactions.count()).toBe(3);
    expect(await db.importBatches.get(batch.id)).toBeDefined();
  });

  it('finds existing rows of the account in the date range and rows with the same keys anywhere', async () => {
    db = freshDatabase();
    await db.transactions.bulkAdd([
      { id: 'a', date: '2026-09-02', accountId: 'alipay', amount: -500, currency: 'CNY', payee: 'x', tags: [], ...STAMPS },
      { id: 'b', date: '2026-10-02', accountId: 'alipay', amount: -500, currency: 'CNY', payee: 'x', tags: [], ...STAMPS },
      { id: 'c', date: '2025-01-01', accountId: 'other', amount: -500, currency: 'CNY', payee: 'x', tags: [], importKey: 'alipay:1', ...STAMPS },
    ]);
    const found = await existingForImport(db, 'alipay', '2026-09-01', '2026-09-30', ['alipay:1']);
    expect(found.map((row) => row.id).sort()).toEqual(['a', 'c']);
  });

  it('learns counterparty rules, newest first, and keeps saved CSV mappings per header', async () => {
    db = freshDatabase();
    await learnRules(db, [{ payee: ' Starbucks ', categoryId: 'food' }, { payee: 'Didi', categoryId: 'transport' }]);
    await learnRules(db, [{ payee: 'Starbucks', categoryId: 'fun' }]);
    expect(await loadRules(db)).toEqual([
      { payee: 'Didi', categoryId: 'transport' },
      { payee: 'Starbucks', categoryId: 'fun' },
    ]);
    const mapping: CsvMapping = { delimiter: ';', encoding: 'utf-8', headerLine: 1, dateFormat: 'DD.MM.YYYY', columns: { date: 'Datum', amount: 'Betrag' }, negateAmount: false, decimalComma: true };
    await saveCsvMapping(db, ['Datum', 'Betrag'], mapping);
    expect(await loadCsvMapping(db, ['Datum', 'Betrag'])).toEqual(mapping);
    expect(await loadCsvMapping(db, ['Date', 'Amount'])).toBeUndefined();
  });

  it('keeps each CSV mapping in a row of its own, under a short key, and still reads the one row earlier builds wrote', async () => {
    db = freshDatabase();
    const mapping: CsvMapping = { delimiter: ',', encoding: 'gb18030', headerLine: 2, dateFormat: 'YYYY/MM/DD', columns: { date: '日期', inflow: '收入', outflow: '支出' }, negateAmount: false, decimalComma: false };
    const long = Array.from({ length: 80 }, (_, i) => `Column number ${i}`);
    await saveCsvMapping(db, long, mapping);
    await saveCsvMapping(db, ['Datum', 'Betrag'], { ...mapping, delimiter: ';' });
    const rows = await db.settings.toArray();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.key).toMatch(/^import\.csvMapping:[0-9a-f]{16}$/);
    expect(await loadCsvMapping(db, long)).toEqual(mapping);
    expect(await loadCsvMapping(db, ['Datum', 'Betrag'])).toEqual({ ...mapping, delimiter: ';' });
    // Earlier builds: every mapping in one row, by layout; a row of its own wins over it.
    await db.settings.put({ key: 'import.csvMappings', value: { 'Date|Amount': mapping, 'Datum|Betrag': mapping } });
    expect(await loadCsvMapping(db, ['Date', 'Amount'])).toEqual(mapping);
    expect(await loadCsvMapping(db, ['Datum', 'Betrag'])).toEqual({ ...mapping, delimiter: ';' });
    expect(await loadCsvMapping(db, ['constructor'])).toBeUndefined();
    // A mapping that is not one is refused before anything is written.
    await expect(saveCsvMapping(db, ['X'], { ...mapping, delimiter: 'x' as ',' })).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.settings.count()).toBe(3);
  });

  it('keeps what the bill says beyond the counterparty as the note', () => {
    expect(noteOf(prepared(billRow(1, { description: '电费', note: '9月电费' })))).toBe('电费 · 9月电费');
    expect(noteOf(prepared(billRow(1, { description: '楼下早餐店', payee: '楼下早餐店', note: '/' })))).toBeUndefined();
  });
});
