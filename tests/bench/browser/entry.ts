/**
 * Runs in Chromium (bundled by tests/bench/browser.ts): the import benchmark on real
 * IndexedDB. Exposes `window.clearDayBench`; every figure is a list of per-run milliseconds.
 */
import { parseAlipay } from '../../../shared/import';
import { ClearDayDatabase } from '../../../renderer/db/database';
import { commitImport, previewImport } from '../../../renderer/features/import/db';
import { alipayBill } from '../bills';

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

declare global {
  interface Window {
    clearDayBench: { importVsBulkAdd: typeof importVsBulkAdd };
  }
}
window.clearDayBench = { importVsBulkAdd };
