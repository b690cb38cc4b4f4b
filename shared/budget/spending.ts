/**
 * Spending per category from transactions. A transaction counts once per split; transfers
 * between the user's own accounts are not spending. Amounts are positive for money spent,
 * so a refund into an expense category lowers what that category spent.
 */
import { monthOf } from '../domain/calendar';
import type { Transaction } from '../domain/entities';

/** Category id -> spent (positive = money out) for the given transactions in one currency. */
export function spendingByCategory(transactions: readonly Transaction[], currency: string): Map<string, number> {
  const spent = new Map<string, number>();
  for (const row of transactions) {
    if (row.transferId || row.currency !== currency) continue;
    for (const part of partsOf(row)) spent.set(part.categoryId, (spent.get(part.categoryId) ?? 0) - part.amount);
  }
  return spent;
}

/** Month -> category id -> spent, for rollover over several months in one pass. */
export function spendingByMonthAndCategory(transactions: readonly Transaction[], currency: string): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const row of transactions) {
    if (row.transferId || row.currency !== currency) continue;
    const month = monthOf(row.date);
    let spent = result.get(month);
    if (!spent) {
      spent = new Map();
      result.set(month, spent);
    }
    for (const part of partsOf(row)) spent.set(part.categoryId, (spent.get(part.categoryId) ?? 0) - part.amount);
  }
  return result;
}

/** The category parts of a transaction: its splits, or the whole amount under its category. */
export function partsOf(row: Pick<Transaction, 'amount' | 'categoryId' | 'splits'>): { categoryId: string; amount: number }[] {
  if (row.splits && row.splits.length > 0) return row.splits;
  return row.categoryId ? [{ categoryId: row.categoryId, amount: row.amount }] : [];
}

/** Sum of split amounts must equal the transaction: the message names the difference. */
export function splitRemainder(amount: number, splits: readonly { amount: number }[]): number {
  return amount - splits.reduce((sum, split) => sum + split.amount, 0);
}
