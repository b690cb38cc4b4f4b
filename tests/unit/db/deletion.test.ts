import { afterEach, describe, expect, it } from 'vitest';
import { allTables, type ClearDayDatabase } from '../../../renderer/db/database';
import { deleteWithSnapshot, deletionCounts, restoreSnapshot, type DeletionTarget } from '../../../renderer/db/deletion';
import { loadSampleHousehold } from '../../../renderer/features/onboarding/db';
import { freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

async function everything(database: ClearDayDatabase) {
  const tables = allTables(database);
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table.name, await table.toArray()] as const)));
}

const sample = { today: '2026-11-22', now: '2026-11-22T08:00:00.000Z', language: 'en' as const };

describe('deleting with everything that belongs to it, and undoing it', () => {
  it.each<DeletionTarget>([
    { kind: 'debt', id: 'debt-cmb-card' },
    { kind: 'policy', id: 'policy-medical' },
    { kind: 'account', id: 'acct-icbc-debit' },
    { kind: 'institution', id: 'inst-cmb' },
  ])('$kind $id: removed with its rows, then restored exactly', async (target) => {
    db = freshDatabase();
    await loadSampleHousehold(db, sample);
    const before = await everything(db);
    const counts = await deletionCounts(db, target);
    const snapshot = await deleteWithSnapshot(db, target);
    const after = await everything(db);
    for (const [table, count] of Object.entries(counts)) expect(after[table]?.length, table).toBe((before[table]?.length ?? 0) - (count ?? 0));
    await restoreSnapshot(db, snapshot);
    expect(await everything(db)).toEqual(before);
  });

  it('a debt takes its statements, payments and their transactions, and the billed installment plans', async () => {
    db = freshDatabase();
    await loadSampleHousehold(db, sample);
    const paymentIds = (await db.payments.where('[source+sourceId]').equals(['debt', 'debt-cmb-card']).primaryKeys()) as string[];
    expect(paymentIds.length).toBeGreaterThan(0);
    await deleteWithSnapshot(db, { kind: 'debt', id: 'debt-cmb-card' });
    expect(await db.debts.get('debt-cmb-card')).toBeUndefined();
    expect(await db.statements.where('debtId').equals('debt-cmb-card').count()).toBe(0);
    expect(await db.transactions.where('paymentId').anyOf(paymentIds).count()).toBe(0);
    expect(await db.debts.where('parentDebtId').equals('debt-cmb-card').count()).toBe(0);
  });

  it('an account keeps the other leg of its transfers in the other account, no longer as a transfer', async () => {
    db = freshDatabase();
    await loadSampleHousehold(db, sample);
    const legs = await db.transactions.where('accountId').equals('acct-wechat').filter((row) => Boolean(row.transferId)).toArray();
    expect(legs.length).toBeGreaterThan(0);
    await db.importBatches.add({ id: 'batch-1', format: 'alipay', fileName: 'a.csv', accountId: 'acct-icbc-debit', imported: 0, skippedDuplicates: 0, createdAt: '2026-11-22T08:00:00.000Z', updatedAt: '2026-11-22T08:00:00.000Z' });
    await deleteWithSnapshot(db, { kind: 'account', id: 'acct-icbc-debit' });
    expect(await db.importBatches.get('batch-1')).toBeUndefined();
    const partner = await db.transactions.get(legs[0]?.id ?? '');
    expect(partner).toBeDefined();
    expect(partner?.transferId).toBeUndefined();
    expect(await db.transactions.where('accountId').equals('acct-icbc-debit').count()).toBe(0);
  });
});
