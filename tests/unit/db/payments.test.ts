import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { lastPayment, recordPayment } from '../../../renderer/features/dues/db';
import { deleteWithSnapshot } from '../../../renderer/db/deletion';
import { fakeClock, freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

const base = { source: 'debt' as const, sourceId: 'loan', dueDate: '2026-02-15', paidOn: '2026-02-14', amount: 299_260, currency: 'CNY', kind: 'full' as const, payee: 'Car loan' };

describe('payments', () => {
  it('records a payment with its account transaction under the repayment category', async () => {
    db = freshDatabase();
    const clock = fakeClock();
    await db.categories.add({ id: 'cat-repayment', preset: 'repayment', name: '', kind: 'expense', group: 'finance', rollover: false, order: 0, archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    const payment = await recordPayment(db, { ...base, accountId: 'debit' }, clock);
    expect(payment).toMatchObject({ id: 'id-1', transactionId: 'id-2', amount: 299_260, kind: 'full' });
    expect(await db.transactions.get('id-2')).toMatchObject({ accountId: 'debit', amount: -299_260, categoryId: 'cat-repayment', paymentId: 'id-1', transferId: 'id-1', date: '2026-02-14', payee: 'Car loan' });
  });

  it('records a premium as spending in the insurance category, not as a transfer', async () => {
    db = freshDatabase();
    const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    await db.categories.bulkAdd([
      { id: 'cat-repayment', preset: 'repayment', name: '', kind: 'expense', group: 'finance', rollover: false, order: 0, archived: false, ...stamps },
      { id: 'cat-insurance', preset: 'insurance', name: '', kind: 'expense', group: 'finance', rollover: false, order: 1, archived: false, ...stamps },
    ]);
    await recordPayment(db, { ...base, source: 'policy', sourceId: 'policy-ci', amount: 520_000, payee: 'Critical illness', accountId: 'debit' }, fakeClock());
    const row = await db.transactions.get('id-2');
    expect(row).toMatchObject({ amount: -520_000, categoryId: 'cat-insurance', paymentId: 'id-1' });
    expect(row?.transferId).toBeUndefined();
  });

  it('records a payment without a transaction when no account is named', async () => {
    db = freshDatabase();
    const payment = await recordPayment(db, base, fakeClock());
    expect(payment.transactionId).toBeUndefined();
    expect(await db.transactions.count()).toBe(0);
  });

  it('writes nothing when the payment is invalid', async () => {
    db = freshDatabase();
    await expect(recordPayment(db, { ...base, amount: -5, accountId: 'debit' }, fakeClock())).rejects.toBeInstanceOf(DomainValidationError);
    await expect(recordPayment(db, { ...base, paidOn: '2026-02-30', accountId: 'debit' }, fakeClock())).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.payments.count()).toBe(0);
    expect(await db.transactions.count()).toBe(0);
  });

  it('writes neither row when the account transaction fails after the payment was valid', async () => {
    db = freshDatabase();
    // The payee is only checked on the transaction (at most 200 characters): the payment is written first.
    await expect(recordPayment(db, { ...base, payee: 'x'.repeat(201), accountId: 'debit' }, fakeClock())).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.payments.count()).toBe(0);
    expect(await db.transactions.count()).toBe(0);
  });

  it('undoes the last payment together with its transaction', async () => {
    db = freshDatabase();
    const clock = fakeClock();
    const first = await recordPayment(db, { ...base, accountId: 'debit' }, clock);
    const second = await recordPayment(db, { ...base, dueDate: '2026-03-15', paidOn: '2026-03-15', accountId: 'debit' }, clock);
    expect((await lastPayment(db, 'debt', 'loan'))?.id).toBe(second.id);
    // Pages take a payment back through the one deletion path (useDeleteWithUndo).
    await deleteWithSnapshot(db, { kind: 'payment', id: second.id });
    expect(await db.payments.toArray()).toEqual([first]);
    expect((await db.transactions.toArray()).map((t) => t.paymentId)).toEqual([first.id]);
    expect((await lastPayment(db, 'debt', 'loan'))?.id).toBe(first.id);
  });
});
