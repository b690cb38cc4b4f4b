import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError, type Account, type RecurringBill } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { deleteWithSnapshot, restoreSnapshot } from '../../../renderer/db/deletion';
import { saveTransaction } from '../../../renderer/features/transactions/db';
import { copyPreviousBudgets, postRecurringBill, setBudget } from '../../../renderer/features/budget/db';
import { payDebtFromAccount } from '../../../renderer/features/dues/db';
import { recordPayment } from '../../../renderer/features/dues/db';
import { STAMPS } from '../fixtures';
import { fakeClock, freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

function account(id: string, currency = 'CNY'): Account {
  return { id, name: id, kind: 'debit', currency, openingBalance: 0, openedOn: '2026-01-01', archived: false, ...STAMPS };
}

const expense = { kind: 'expense' as const, date: '2026-09-02', accountId: 'debit', amount: 30_000, currency: 'CNY', payee: 'Supermarket', tags: ['family'] };

describe('transactions', () => {
  it('saves an expense as a negative amount and an income as a positive one', async () => {
    db = freshDatabase();
    const clock = fakeClock();
    const out = await saveTransaction(db, { ...expense, categoryId: 'food' }, clock);
    expect(out).toMatchObject({ amount: -30_000, categoryId: 'food', tags: ['family'] });
    const income = await saveTransaction(db, { ...expense, kind: 'income', amount: 500_000, payee: 'Employer' }, clock);
    expect(income.amount).toBe(500_000);
  });

  it('splits across categories only when the parts add up, naming the difference', async () => {
    db = freshDatabase();
    const wrong = saveTransaction(db, { ...expense, splits: [{ categoryId: 'food', amount: 12_000 }, { categoryId: 'home', amount: 17_000 }] }, fakeClock());
    await expect(wrong).rejects.toBeInstanceOf(DomainValidationError);
    await expect(wrong).rejects.toMatchObject({ fieldErrors: [{ field: 'splits', code: 'split_sum', params: { difference: 1_000 } }] });
    expect(await db.transactions.count()).toBe(0);
    const saved = await saveTransaction(db, { ...expense, splits: [{ categoryId: 'food', amount: 12_000 }, { categoryId: 'home', amount: 18_000, note: 'towels' }] }, fakeClock());
    expect(saved.splits).toEqual([{ categoryId: 'food', amount: -12_000 }, { categoryId: 'home', amount: -18_000, note: 'towels' }]);
    expect(saved.categoryId).toBeUndefined();
  });

  it('refuses a zero amount and writes nothing', async () => {
    db = freshDatabase();
    await expect(saveTransaction(db, { ...expense, amount: 0 }, fakeClock())).rejects.toMatchObject({ fieldErrors: [{ field: 'amount', code: 'positive' }] });
    expect(await db.transactions.count()).toBe(0);
  });

  it('writes both legs of a transfer, converts across currencies, and edits both together', async () => {
    db = freshDatabase();
    await db.accounts.bulkAdd([account('debit'), account('savings'), account('usd', 'USD')]);
    const clock = fakeClock();
    const out = await saveTransaction(db, { ...expense, kind: 'transfer', toAccountId: 'savings', payee: 'Save' }, clock);
    const legs = await db.transactions.where('transferId').equals(out.transferId ?? '').toArray();
    expect(legs.map((leg) => [leg.accountId, leg.amount, leg.transferAccountId]).sort()).toEqual([
      ['debit', -30_000, 'savings'],
      ['savings', 30_000, 'debit'],
    ]);
    await saveTransaction(db, { ...expense, id: out.id, kind: 'transfer', toAccountId: 'usd', toAmount: 4_200, amount: 30_000, payee: 'Save' }, clock);
    const edited = await db.transactions.where('transferId').equals(out.transferId ?? '').toArray();
    expect(edited.map((leg) => [leg.accountId, leg.amount, leg.currency]).sort()).toEqual([
      ['debit', -30_000, 'CNY'],
      ['usd', 4_200, 'USD'],
    ]);
    expect(await db.transactions.count()).toBe(2);
    await expect(saveTransaction(db, { ...expense, kind: 'transfer', toAccountId: 'debit' }, clock)).rejects.toMatchObject({ fieldErrors: [{ field: 'toAccountId', code: 'same_account' }] });
    await expect(saveTransaction(db, { ...expense, kind: 'transfer', toAccountId: 'usd' }, clock)).rejects.toMatchObject({ fieldErrors: [{ field: 'toAmount', code: 'positive' }] });
  });

  it('turning a transfer back into an expense removes the other leg', async () => {
    db = freshDatabase();
    await db.accounts.bulkAdd([account('debit'), account('savings')]);
    const clock = fakeClock();
    const out = await saveTransaction(db, { ...expense, kind: 'transfer', toAccountId: 'savings' }, clock);
    await saveTransaction(db, { ...expense, id: out.id, categoryId: 'food' }, clock);
    expect(await db.transactions.count()).toBe(1);
    expect(await db.transactions.get(out.id)).toMatchObject({ amount: -30_000, categoryId: 'food' });
  });

  it('deletes a transfer with its partner, a repayment with its payment, and undo restores them', async () => {
    db = freshDatabase();
    await db.accounts.bulkAdd([account('debit'), account('savings')]);
    const clock = fakeClock();
    const transfer = await saveTransaction(db, { ...expense, kind: 'transfer', toAccountId: 'savings' }, clock);
    const payment = await recordPayment(db, { source: 'debt', sourceId: 'loan', dueDate: '2026-09-15', paidOn: '2026-09-15', amount: 299_260, currency: 'CNY', kind: 'full', accountId: 'debit', payee: 'Loan' }, clock);
    const removed = await deleteWithSnapshot(db, [
      { kind: 'transaction', id: transfer.id },
      { kind: 'transaction', id: payment.transactionId ?? '' },
    ]);
    expect(removed.transactions).toHaveLength(3);
    expect((removed.payments as { id: string }[]).map((p) => p.id)).toEqual([payment.id]);
    expect(await db.transactions.count()).toBe(0);
    expect(await db.payments.count()).toBe(0);
    await restoreSnapshot(db, removed);
    expect(await db.transactions.count()).toBe(3);
    expect(await db.payments.get(payment.id)).toMatchObject({ amount: 299_260 });
  });
});

describe('budgets', () => {
  it('sets, updates and copies budgets without overwriting the target month', async () => {
    db = freshDatabase();
    const clock = fakeClock();
    await setBudget(db, { month: '2026-09', categoryId: 'food', amount: 100_000, currency: 'CNY' }, clock);
    await setBudget(db, { month: '2026-09', categoryId: 'food', amount: 120_000, currency: 'CNY' }, clock);
    await setBudget(db, { month: '2026-09', categoryId: 'fun', amount: 20_000, currency: 'CNY' }, clock);
    await setBudget(db, { month: '2026-10', categoryId: 'fun', amount: 25_000, currency: 'CNY' }, clock);
    expect(await copyPreviousBudgets(db, '2026-09', '2026-10', clock)).toBe(1);
    const october = await db.budgets.where('month').equals('2026-10').toArray();
    expect(october.map((b) => [b.categoryId, b.amount]).sort()).toEqual([
      ['food', 120_000],
      ['fun', 25_000],
    ]);
    await expect(setBudget(db, { month: '2026-13', categoryId: 'food', amount: 1, currency: 'CNY' }, clock)).rejects.toBeInstanceOf(DomainValidationError);
  });
});

describe('recurring bills', () => {
  it('posts a due as a payment and a spending transaction in the bill category', async () => {
    db = freshDatabase();
    const bill: RecurringBill = { id: 'rent', name: 'Rent', amount: 320_000, currency: 'CNY', recurrence: { kind: 'monthly' }, nextDate: '2026-09-06', accountId: 'debit', categoryId: 'housing', archived: false, ...STAMPS };
    await db.accounts.add(account('debit'));
    const transaction = await postRecurringBill(db, bill, '2026-10-06', '2026-10-05', fakeClock());
    expect(transaction).toMatchObject({ date: '2026-10-05', amount: -320_000, categoryId: 'housing', payee: 'Rent', accountId: 'debit' });
    expect(await db.payments.toArray()).toMatchObject([{ source: 'bill', sourceId: 'rent', dueDate: '2026-10-06', amount: 320_000, transactionId: transaction?.id }]);
  });

  it('posts no spending into an account that can no longer pay it (archived, or in another currency)', async () => {
    db = freshDatabase();
    const clock = fakeClock();
    const bill: RecurringBill = { id: 'rent', name: 'Rent', amount: 320_000, currency: 'CNY', recurrence: { kind: 'monthly' }, nextDate: '2026-09-06', accountId: 'debit', archived: false, ...STAMPS };
    await db.accounts.add({ ...account('debit'), archived: true });
    expect(await postRecurringBill(db, bill, '2026-10-06', '2026-10-05', clock)).toBeUndefined();
    await db.accounts.put({ ...account('debit'), currency: 'USD' });
    expect(await postRecurringBill(db, bill, '2026-11-06', '2026-11-05', clock)).toBeUndefined();
    expect((await db.payments.toArray()).map((p) => [p.dueDate, p.accountId])).toEqual([['2026-10-06', undefined], ['2026-11-06', undefined]]);
    expect(await db.transactions.count()).toBe(0);
  });
});

describe('paying a debt from an account', () => {
  it('is a transfer that marks the oldest open due paid, in full or in part', async () => {
    db = freshDatabase();
    const { LOAN_TERMS } = await import('../fixtures');
    await db.accounts.add(account('debit'));
    await db.debts.add({ id: 'loan', name: 'Car loan', institutionId: 'i', currency: 'CNY', terms: LOAN_TERMS, archived: false, ...STAMPS });
    const clock = fakeClock();
    const partial = await payDebtFromAccount(db, { debtId: 'loan', accountId: 'debit', date: '2026-02-14', amount: 100_000, payee: '' }, clock);
    expect(partial).toMatchObject({ dueDate: '2026-02-15', kind: 'partial', amount: 100_000 });
    const rest = await payDebtFromAccount(db, { debtId: 'loan', accountId: 'debit', date: '2026-02-15', amount: 199_260, payee: '' }, clock);
    expect(rest).toMatchObject({ dueDate: '2026-02-15', kind: 'full' });
    const next = await payDebtFromAccount(db, { debtId: 'loan', accountId: 'debit', date: '2026-03-10', amount: 299_260, payee: '' }, clock);
    expect(next).toMatchObject({ dueDate: '2026-03-15', kind: 'full' });
    const legs = await db.transactions.toArray();
    expect(legs.every((row) => row.transferId === row.paymentId && row.accountId === 'debit' && row.payee === 'Car loan')).toBe(true);
    expect(legs.map((row) => row.amount).sort()).toEqual([-100_000, -199_260, -299_260]);
  });

  it('refuses a debt in another currency and writes nothing', async () => {
    db = freshDatabase();
    const { LOAN_TERMS } = await import('../fixtures');
    await db.accounts.add(account('usd', 'USD'));
    await db.debts.add({ id: 'loan', name: 'Car loan', institutionId: 'i', currency: 'CNY', terms: LOAN_TERMS, archived: false, ...STAMPS });
    await expect(payDebtFromAccount(db, { debtId: 'loan', accountId: 'usd', date: '2026-02-14', amount: 100, payee: '' }, fakeClock())).rejects.toMatchObject({ fieldErrors: [{ code: 'currency_mismatch' }] });
    expect(await db.payments.count()).toBe(0);
  });
});
