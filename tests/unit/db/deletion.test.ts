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

/** The sample household plus the rows it has none of: a valuation, a collection contact, documents. */
async function householdWithEverything(database: ClearDayDatabase) {
  await loadSampleHousehold(database, sample);
  const stamps = { createdAt: '2026-11-22T08:00:00.000Z', updatedAt: '2026-11-22T08:00:00.000Z' };
  const document = (id: string, ownerKind: 'policy' | 'claim' | 'transaction' | 'debt', ownerId: string) => ({ id, ownerKind, ownerId, fileName: `${id}.pdf`, mimeType: 'application/pdf' as const, size: 3, data: new Uint8Array([1, 2, 3]), ...stamps });
  const repayment = await database.transactions.filter((row) => Boolean(row.paymentId)).first();
  const transfer = await database.transactions.filter((row) => Boolean(row.transferId) && !row.paymentId).first();
  if (!repayment?.paymentId || !transfer) throw new Error('the sample household has a repayment and a transfer');
  await database.valuations.add({ id: 'value-1', accountId: 'acct-boc-deposit', date: '2026-11-01', value: 10_100_000, ...stamps });
  await database.collectionContacts.add({ id: 'contact-1', debtId: 'debt-cmb-card', date: '2026-11-20', who: 'CMB', channel: 'phone', summary: 'Asked when', ...stamps });
  await database.attachments.bulkAdd([document('doc-claim', 'claim', 'claim-1'), document('doc-policy', 'policy', 'policy-medical'), document('doc-transfer', 'transaction', transfer.id)]);
  await database.settings.put({ key: 'theme', value: 'dark' });
  return { repayment, transfer };
}

describe('every delete the UI offers: one snapshot, one transaction, one undo', () => {
  const targets: [string, (rows: Awaited<ReturnType<typeof householdWithEverything>>) => DeletionTarget][] = [
    ['a transfer', ({ transfer }) => ({ kind: 'transaction', id: transfer.id })],
    ['a repayment', ({ repayment }) => ({ kind: 'transaction', id: repayment.id })],
    ['a payment', ({ repayment }) => ({ kind: 'payment', id: repayment.paymentId ?? '' })],
    ['a claim', () => ({ kind: 'claim', id: 'claim-1' })],
    ['a family member', () => ({ kind: 'familyMember', id: 'member-child' })],
    ['a collection contact', () => ({ kind: 'collectionContact', id: 'contact-1' })],
    ['a valuation', () => ({ kind: 'valuation', id: 'value-1' })],
    ['an attachment', () => ({ kind: 'attachment', id: 'doc-policy' })],
  ];
  it.each(targets)('%s: removed with what depends on it, then restored to identical tables', async (_, targetOf) => {
    db = freshDatabase();
    const target = targetOf(await householdWithEverything(db));
    const before = await everything(db);
    const counts = await deletionCounts(db, target);
    const snapshot = await deleteWithSnapshot(db, target);
    const after = await everything(db);
    for (const [table, count] of Object.entries(counts)) expect(after[table]?.length, table).toBe((before[table]?.length ?? 0) - (count ?? 0));
    expect(Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0)).toBeGreaterThan(0);
    await restoreSnapshot(db, snapshot);
    expect(await everything(db)).toEqual(before);
  });

  it('a transfer takes both legs and its documents; a repayment takes the payment it recorded', async () => {
    db = freshDatabase();
    const { repayment, transfer } = await householdWithEverything(db);
    const legs = await db.transactions.where('transferId').equals(transfer.transferId ?? '').primaryKeys();
    expect(legs).toHaveLength(2);
    const gone = await deleteWithSnapshot(db, { kind: 'transaction', id: transfer.id });
    expect((gone.transactions as { id: string }[]).map((row) => row.id).sort()).toEqual([...legs].sort());
    expect(await db.attachments.get('doc-transfer')).toBeUndefined();
    await deleteWithSnapshot(db, { kind: 'transaction', id: repayment.id });
    expect(await db.payments.get(repayment.paymentId ?? '')).toBeUndefined();
  });

  it('a payment takes the account transaction recorded with it', async () => {
    db = freshDatabase();
    const { repayment } = await householdWithEverything(db);
    await deleteWithSnapshot(db, { kind: 'payment', id: repayment.paymentId ?? '' });
    expect(await db.transactions.get(repayment.id)).toBeUndefined();
  });

  it('a claim takes its documents and leaves its policy', async () => {
    db = freshDatabase();
    await householdWithEverything(db);
    await deleteWithSnapshot(db, { kind: 'claim', id: 'claim-1' });
    expect(await db.attachments.get('doc-claim')).toBeUndefined();
    expect(await db.attachments.get('doc-policy')).toBeDefined();
    expect(await db.policies.get('policy-medical')).toBeDefined();
  });

  it('several targets are one deletion: one snapshot undoes them all', async () => {
    db = freshDatabase();
    const { transfer } = await householdWithEverything(db);
    const before = await everything(db);
    const snapshot = await deleteWithSnapshot(db, [
      { kind: 'transaction', id: transfer.id },
      { kind: 'valuation', id: 'value-1' },
      { kind: 'claim', id: 'claim-1' },
    ]);
    expect(await db.valuations.count()).toBe(0);
    expect(await db.claims.count()).toBe(0);
    await restoreSnapshot(db, snapshot);
    expect(await everything(db)).toEqual(before);
  });

  it('a target already gone deletes nothing and its undo writes nothing', async () => {
    db = freshDatabase();
    await householdWithEverything(db);
    const before = await everything(db);
    const snapshot = await deleteWithSnapshot(db, { kind: 'transaction', id: 'no-such-row' });
    expect(snapshot).toEqual({});
    await restoreSnapshot(db, snapshot);
    expect(await everything(db)).toEqual(before);
  });
});
