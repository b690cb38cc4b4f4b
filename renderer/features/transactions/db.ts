/**
 * Transactions' writes that touch more than one row: a transaction with splits, a transfer (both
 * legs together). Each runs in one Dexie transaction. Deleting one (with its other leg and the
 * payment it recorded) is renderer/db/deletion.ts's 'transaction' target.
 */
import {
  DomainValidationError,
  TransactionSchema,
  validateEntity,
  type Transaction,
} from '../../../shared/domain';
import { splitRemainder } from '../../../shared/budget';
import type { ClearDayDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import { systemClock, type Clock } from '../../db/repository';

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
