/**
 * Budgeting writes that touch more than one row: transactions with splits, transfers (both legs
 * together), deletes that can be undone, budgets copied from last month, recurring bills posted
 * as transactions, valuations and exchange rates. Each runs in one Dexie transaction.
 */
import {
  DomainValidationError,
  CATEGORY_PRESETS,
  ExchangeRateSchema,
  TransactionSchema,
  validateEntity,
  type Budget,
  type ExchangeRate,
  type Payment,
  type RecurringBill,
  type Transaction,
} from '../../shared/domain';
import { copyBudgets, splitRemainder } from '../../shared/budget';
import { addDays } from '../../shared/finance/dates';
import { obligationsBetween } from '../../shared/obligations';
import { recordPayment } from './payments';
import type { ClearDayDatabase } from './database';
import { createRepositories } from './repositories';
import { systemClock, type Clock } from './repository';

export interface SplitDraft {
  categoryId: string;
  /** Positive minor units; the sign follows the transaction's kind. */
  amount: number;
  note?: string;
}

export interface TransactionDraft {
  /** Set when editing; for a transfer, either leg's id. */
  id?: string;
  kind: 'expense' | 'income' | 'transfer';
  date: string;
  accountId: string;
  /** Positive minor units. */
  amount: number;
  currency: string;
  payee: string;
  categoryId?: string;
  splits?: SplitDraft[];
  /** Transfers: the receiving account and, when its currency differs, what arrived there. */
  toAccountId?: string;
  toAmount?: number;
  tags: string[];
  note?: string;
}

function fail(field: string, code: 'positive' | 'split_sum' | 'same_account' | 'required' | 'nothing_due', params?: Record<string, string | number>): never {
  throw new DomainValidationError('transaction', [{ field, code, ...(params ? { params } : {}) }]);
}

/** Saves a new or edited transaction; a transfer writes (or rewrites) both legs. */
export async function saveTransaction(db: ClearDayDatabase, draft: TransactionDraft, clock: Clock = systemClock): Promise<Transaction> {
  if (!(draft.amount > 0)) fail('amount', 'positive');
  const sign = draft.kind === 'income' ? 1 : -1;
  const splits = draft.kind === 'transfer' ? [] : (draft.splits ?? []).filter((split) => split.categoryId && split.amount !== 0);
  if (splits.length > 0) {
    const remainder = splitRemainder(draft.amount, splits);
    if (remainder !== 0) fail('splits', 'split_sum', { difference: remainder });
  }
  if (draft.kind === 'transfer') {
    if (!draft.toAccountId) fail('toAccountId', 'required');
    if (draft.toAccountId === draft.accountId) fail('toAccountId', 'same_account');
  }
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.transactions, db.accounts, async () => {
    const existing = draft.id ? await db.transactions.get(draft.id) : undefined;
    // Editing one leg of a transfer edits the transfer: drop the old partner, write both anew.
    const oldPartner = existing?.transferId && !existing.paymentId ? await db.transactions.where('transferId').equals(existing.transferId).filter((row) => row.id !== existing.id).first() : undefined;
    const base = {
      date: draft.date,
      accountId: draft.accountId,
      amount: sign * draft.amount,
      currency: draft.currency,
      payee: draft.payee.trim(),
      tags: [...new Set(draft.tags.map((tag) => tag.trim()).filter(Boolean))],
      ...(draft.note?.trim() ? { note: draft.note.trim() } : {}),
      ...(existing?.importKey ? { importKey: existing.importKey } : {}),
      ...(existing?.importBatchId ? { importBatchId: existing.importBatchId } : {}),
      ...(existing?.paymentId ? { paymentId: existing.paymentId, transferId: existing.transferId } : {}),
    };
    if (draft.kind !== 'transfer') {
      if (oldPartner) await db.transactions.delete(oldPartner.id);
      const row = {
        ...base,
        ...(splits.length > 0
          ? { splits: splits.map((split) => ({ categoryId: split.categoryId, amount: sign * split.amount, ...(split.note ? { note: split.note } : {}) })) }
          : draft.categoryId
            ? { categoryId: draft.categoryId }
            : {}),
      };
      if (existing) {
        const replaced = validateTransaction({ ...row, id: existing.id, createdAt: existing.createdAt, updatedAt: clock.nowInstant() });
        await db.transactions.put(replaced);
        return replaced;
      }
      return repositories.transactions.add(row);
    }
    const toAccount = await db.accounts.get(draft.toAccountId ?? '');
    if (!toAccount) fail('toAccountId', 'required');
    const transferId = existing?.transferId ?? clock.newId();
    const now = clock.nowInstant();
    const outLeg = validateTransaction({
      ...base,
      id: existing?.id ?? clock.newId(),
      transferId,
      transferAccountId: toAccount.id,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    const inAmount = toAccount.currency === draft.currency ? draft.amount : (draft.toAmount ?? 0);
    if (!(inAmount > 0)) fail('toAmount', 'positive');
    const inLeg = validateTransaction({
      date: draft.date,
      accountId: toAccount.id,
      amount: inAmount,
      currency: toAccount.currency,
      payee: draft.payee.trim(),
      tags: outLeg.tags,
      ...(outLeg.note ? { note: outLeg.note } : {}),
      id: oldPartner?.id ?? clock.newId(),
      transferId,
      transferAccountId: draft.accountId,
      createdAt: oldPartner?.createdAt ?? now,
      updatedAt: now,
    });
    await db.transactions.bulkPut([outLeg, inLeg]);
    return outLeg;
  });
}

function validateTransaction(row: unknown): Transaction {
  return validateEntity('transaction', TransactionSchema, row);
}

/** What a delete took away, so "Undo" can put back exactly that. */
export interface RemovedRows {
  transactions: Transaction[];
  payments: Payment[];
}

/** Deletes a transaction with its transfer partner and the debt payment it recorded. */
export async function deleteTransactions(db: ClearDayDatabase, ids: readonly string[]): Promise<RemovedRows> {
  return db.transaction('rw', db.transactions, db.payments, async () => {
    const removed: RemovedRows = { transactions: [], payments: [] };
    const seen = new Set<string>();
    for (const id of ids) {
      const row = await db.transactions.get(id);
      if (!row || seen.has(row.id)) continue;
      const group = row.transferId ? await db.transactions.where('transferId').equals(row.transferId).toArray() : [row];
      for (const member of group) {
        if (seen.has(member.id)) continue;
        seen.add(member.id);
        removed.transactions.push(member);
        if (member.paymentId) {
          const payment = await db.payments.get(member.paymentId);
          if (payment) removed.payments.push(payment);
        }
      }
    }
    await db.transactions.bulkDelete(removed.transactions.map((row) => row.id));
    await db.payments.bulkDelete(removed.payments.map((row) => row.id));
    return removed;
  });
}

export async function restoreRows(db: ClearDayDatabase, removed: RemovedRows): Promise<void> {
  await db.transaction('rw', db.transactions, db.payments, async () => {
    await db.transactions.bulkPut(removed.transactions);
    await db.payments.bulkPut(removed.payments);
  });
}

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
 * Posts one occurrence of a recurring bill as paid: a payment for that due and, when the bill
 * has an account, the spending transaction. The bill's own dates stay: the payment is what
 * marks that due paid, so the calendar keeps showing it as paid.
 */
export async function postRecurringBill(db: ClearDayDatabase, bill: RecurringBill, dueDate: string, paidOn: string, clock: Clock = systemClock): Promise<Transaction | undefined> {
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.payments, db.transactions, async () => {
    const paymentId = clock.newId();
    const transactionId = bill.accountId ? clock.newId() : undefined;
    await repositories.payments.add({
      id: paymentId,
      source: 'bill',
      sourceId: bill.id,
      dueDate,
      paidOn,
      amount: bill.amount,
      currency: bill.currency,
      kind: 'full',
      ...(bill.accountId ? { accountId: bill.accountId } : {}),
      ...(transactionId ? { transactionId } : {}),
    });
    let transaction: Transaction | undefined;
    if (bill.accountId && transactionId) {
      transaction = await repositories.transactions.add({
        id: transactionId,
        date: paidOn,
        accountId: bill.accountId,
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

export async function saveExchangeRate(db: ClearDayDatabase, rate: ExchangeRate): Promise<void> {
  await db.exchangeRates.put(validateEntity('exchange rate', ExchangeRateSchema, rate));
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

/**
 * A card or loan paid from an account: a transfer out of the account that also marks the
 * debt's oldest open due paid (in full or in part, by the amount). With nothing open, a loan
 * takes it as an extra payment that shortens the term; a card or line cannot.
 */
export async function payDebtFromAccount(
  db: ClearDayDatabase,
  input: { debtId: string; accountId: string; date: string; amount: number; payee: string },
  clock: Clock = systemClock,
): Promise<Payment> {
  const [debt, account] = await Promise.all([db.debts.get(input.debtId), db.accounts.get(input.accountId)]);
  if (!debt) fail('toAccountId', 'required');
  if (!account) fail('accountId', 'required');
  if (!(input.amount > 0)) fail('amount', 'positive');
  if (debt.currency !== account.currency) throw new DomainValidationError('transaction', [{ field: 'toAccountId', code: 'currency_mismatch' }]);
  const [statements, payments] = await Promise.all([db.statements.where('debtId').equals(debt.id).toArray(), db.payments.where('[source+sourceId]').equals(['debt', debt.id]).toArray()]);
  const dues = obligationsBetween({ debts: [debt], statements, payments }, addDays(input.date, -366), addDays(input.date, 62), input.date);
  const open = dues.find((due) => due.status !== 'paid' && due.status !== 'info');
  if (!open && !(debt.terms.kind === 'loan' && debt.terms.method !== 'bullet')) fail('toAccountId', 'nothing_due');
  return recordPayment(
    db,
    {
      source: 'debt',
      sourceId: debt.id,
      ...(open ? { dueDate: open.dueDate } : {}),
      paidOn: input.date,
      amount: input.amount,
      currency: debt.currency,
      kind: open ? (input.amount >= open.amount - open.paid ? 'full' : 'partial') : 'extra',
      ...(open ? {} : { prepaymentMode: 'keep-payment' as const }),
      accountId: account.id,
      payee: input.payee.trim() || debt.name,
    },
    clock,
  );
}
