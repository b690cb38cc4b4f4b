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

/** Totals per currency, never mixing currencies; sorted by currency code. */
export function sumByCurrency<T extends { currency: string }>(items: readonly T[], amountOf: (item: T) => number): [string, number][] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + amountOf(item));
  return [...totals.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}
