/**
 * Runs in Chromium (bundled by tests/bench/browser.ts): the import and search benchmarks on real
 * IndexedDB. Exposes `window.clearDayBench`; every figure is a list of per-run milliseconds.
 */
import { createTransactionFilter } from '../../../shared/budget';
import type { Transaction } from '../../../shared/domain';
import { parseAlipay } from '../../../shared/import';
import { ClearDayDatabase } from '../../../renderer/db/database';
import { commitImport, previewImport } from '../../../renderer/db/imports';
import { alipayBill, householdTransactions } from '../bills';

async function freshDatabase(name: string): Promise<ClearDayDatabase> {
  const db = new ClearDayDatabase(name);
  await db.delete();
  const fresh = new ClearDayDatabase(name);
  await fresh.open();
  return fresh;
}

/** The whole import of a bill (parse, compare with the account, write), as the import page does it. */
async function importBill(db: ClearDayDatabase, text: string): Promise<number> {
  const bill = parseAlipay(text);
  const prepared = await previewImport(db, bill, 'acct-alipay', { neutral: 'transfer', categories: [] });
  const batch = await commitImport(db, { format: 'alipay', fileName: 'alipay.csv', accountId: 'acct-alipay', currency: 'CNY', choices: prepared.map((row) => ({ prepared: row, include: row.action === 'import' })) });
  return batch.imported;
}

async function importVsBulkAdd(rows: number, runs: number): Promise<{ importMs: number[]; bulkAddMs: number[]; imported: number }> {
  const text = alipayBill(rows);
  const importMs: number[] = [];
  const bulkAddMs: number[] = [];
  let imported = 0;
  for (let run = 0; run < runs; run += 1) {
    const target = await freshDatabase('bench-import');
    let start = performance.now();
    imported = await importBill(target, text);
    importMs.push(performance.now() - start);
    // The baseline writes exactly the rows the import wrote, in one bulkAdd.
    const written = await target.transactions.toArray();
    target.close();
    const raw = await freshDatabase('bench-raw');
    start = performance.now();
    await raw.transaction('rw', raw.transactions, () => raw.transactions.bulkAdd(written));
    bulkAddMs.push(performance.now() - start);
    raw.close();
  }
  return { importMs, bulkAddMs, imported };
}

async function search(count: number, runs: number): Promise<{ loadMs: number[]; coldSearchMs: number; prepareMs: number; searchMs: number[]; matches: number }> {
  const db = await freshDatabase('bench-search');
  await db.transaction('rw', db.transactions, () => db.transactions.bulkAdd(householdTransactions(count)));
  const loadMs: number[] = [];
  let rows: Transaction[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    rows = await db.transactions.orderBy('date').reverse().toArray();
    loadMs.push(performance.now() - start);
  }
  db.close();
  // Without preparation the first search builds every row's folded text; the page prepares them
  // while idle after loading, so what the user meets is the prepared search.
  let start = performance.now();
  let matches = createTransactionFilter((id) => `Category ${id}`)(rows, { text: 'starbucks' }).length;
  const coldSearchMs = performance.now() - start;
  const filter = createTransactionFilter((id) => `Category ${id}`);
  start = performance.now();
  filter.prepare(rows);
  const prepareMs = performance.now() - start;
  const searchMs: number[] = [];
  const queries = ['星巴克', 'subway', 'receipt 99', 'category cat-7', 'travel'];
  for (let run = 0; run < runs; run += 1) {
    start = performance.now();
    matches = filter(rows, { text: queries[run % queries.length] ?? '' }).length;
    searchMs.push(performance.now() - start);
  }
  return { loadMs, coldSearchMs, prepareMs, searchMs, matches };
}

declare global {
  interface Window {
    clearDayBench: { importVsBulkAdd: typeof importVsBulkAdd; search: typeof search };
  }
}
window.clearDayBench = { importVsBulkAdd, search };
