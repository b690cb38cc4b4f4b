/**
 * The budget's writes: a category's budget for a month, last month's budgets copied forward,
 * the preset categories, and a recurring bill posted as paid. Each runs in one Dexie transaction.
 */
import { CATEGORY_PRESETS, type Budget, type RecurringBill, type Transaction } from '../../../shared/domain';
import { copyBudgets } from '../../../shared/budget';
import { defaultPayingAccount } from '../../../shared/dues';
import type { ClearDayDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import { systemClock, type Clock } from '../../db/repository';

/** Sets (or, with 0 and no row needed, clears) one category's budget for a month. */
export async function setBudget(db: ClearDayDatabase, input: { month: string; categoryId: string; amount: number; currency: string }, clock: Clock = systemClock): Promise<void> {
  const repositories = createRepositories(db, clock);
  await db.transaction('rw', db.budgets, async () => {
    const existing = await db.budgets.where('[month+categoryId]').equals([input.month, input.categoryId]).first();
    if (existing) await repositories.budgets.update(existing.id, { amount: input.amount, currency: input.currency });
    else await repositories.budgets.add(input);
  });
}

/** Copies last month's budgets into `month` for every category not budgeted there yet. */
export async function copyPreviousBudgets(db: ClearDayDatabase, fromMonth: string, month: string, clock: Clock = systemClock): Promise<number> {
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.budgets, async () => {
    const [from, target] = await Promise.all([db.budgets.where('month').equals(fromMonth).toArray(), db.budgets.where('month').equals(month).toArray()]);
    const rows: Omit<Budget, 'id' | 'createdAt' | 'updatedAt'>[] = copyBudgets(from, target, month);
    for (const row of rows) await repositories.budgets.add(row);
    return rows.length;
  });
}

/**
 * Posts one occurrence of a recurring bill as paid: a payment for that due and, when the bill's
 * account can pay it (open, in the bill's currency: defaultPayingAccount), the spending
 * transaction. The bill's own dates stay: the payment is what marks that due paid, so the
 * calendar keeps showing it as paid.
 */
export async function postRecurringBill(db: ClearDayDatabase, bill: RecurringBill, dueDate: string, paidOn: string, clock: Clock = systemClock): Promise<Transaction | undefined> {
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.payments, db.transactions, db.accounts, async () => {
    const named = bill.accountId ? await db.accounts.get(bill.accountId) : undefined;
    const accountId = defaultPayingAccount(bill.accountId, named ? [named] : [], bill.currency)?.id;
    const paymentId = clock.newId();
    const transactionId = accountId ? clock.newId() : undefined;
    await repositories.payments.add({
      id: paymentId,
      source: 'bill',
      sourceId: bill.id,
      dueDate,
      paidOn,
      amount: bill.amount,
      currency: bill.currency,
      kind: 'full',
      ...(accountId ? { accountId } : {}),
      ...(transactionId ? { transactionId } : {}),
    });
    let transaction: Transaction | undefined;
    if (accountId && transactionId) {
      transaction = await repositories.transactions.add({
        id: transactionId,
        date: paidOn,
        accountId,
        amount: -bill.amount,
        currency: bill.currency,
        payee: bill.name,
        ...(bill.categoryId ? { categoryId: bill.categoryId } : {}),
        paymentId,
        tags: [],
      });
    }
    return transaction;
  });
}

/** The preset categories (names come from the translations), added once for a new user. */
export async function addPresetCategories(db: ClearDayDatabase, clock: Clock = systemClock): Promise<number> {
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.categories, async () => {
    const existing = await db.categories.toArray();
    const taken = new Set(existing.map((c) => c.preset).filter(Boolean));
    let order = existing.reduce((max, c) => Math.max(max, c.order), 0);
    let added = 0;
    for (const preset of CATEGORY_PRESETS) {
      if (taken.has(preset.preset)) continue;
      order += 1;
      await repositories.categories.add({ preset: preset.preset, name: '', kind: preset.kind, group: preset.group, rollover: false, order, archived: false });
      added += 1;
    }
    return added;
  });
}
