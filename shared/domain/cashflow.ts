import type { Transaction } from './entities';

/**
 * Income and spending of transactions in one currency. Transfers between the user's own
 * accounts are neither: they move money, they do not earn or spend it.
 */
export function incomeAndSpending(transactions: readonly Transaction[], currency: string): { income: number; spending: number } {
  let income = 0;
  let spending = 0;
  for (const row of transactions) {
    if (row.transferId || row.currency !== currency) continue;
    if (row.amount > 0) income += row.amount;
    else spending -= row.amount;
  }
  return { income, spending };
}
