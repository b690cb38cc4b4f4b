/**
 * Filtering the transaction list. Runs over rows already in memory, so a search across 100,000
 * transactions costs one pass of string comparisons; each row's search text is built once and
 * cached, since the same rows are filtered again on every keystroke.
 */
import type { Transaction } from '../domain/entities';

export interface TransactionFilter {
  text: string;
  accountId?: string;
  /** A category id, or 'none' for uncategorized spending and income. */
  categoryId?: string;
  from?: string;
  to?: string;
  /** Absolute amounts in minor units, inclusive. */
  minAmount?: number;
  maxAmount?: number;
}

/** Lowercased, width-folded text, so "ＡＢＣ" finds "abc" and "星巴克" finds itself. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function createTransactionFilter(categoryLabel: (id: string) => string) {
  const cache = new WeakMap<Transaction, string>();
  const searchTextOf = (row: Transaction) => {
    let text = cache.get(row);
    if (text === undefined) {
      const categories = row.splits && row.splits.length > 0 ? row.splits.map((split) => `${categoryLabel(split.categoryId)} ${split.note ?? ''}`) : row.categoryId ? [categoryLabel(row.categoryId)] : [];
      text = foldText([row.payee, row.note ?? '', row.tags.join(' '), ...categories].join('\u0001'));
      cache.set(row, text);
    }
    return text;
  };
  return (rows: readonly Transaction[], filter: TransactionFilter): Transaction[] => {
    const words = foldText(filter.text).split(/\s+/).filter(Boolean);
    const result: Transaction[] = [];
    for (const row of rows) {
      if (filter.accountId && row.accountId !== filter.accountId) continue;
      if (filter.from && row.date < filter.from) continue;
      if (filter.to && row.date > filter.to) continue;
      const magnitude = Math.abs(row.amount);
      if (filter.minAmount !== undefined && magnitude < filter.minAmount) continue;
      if (filter.maxAmount !== undefined && magnitude > filter.maxAmount) continue;
      if (filter.categoryId) {
        const ids = row.splits && row.splits.length > 0 ? row.splits.map((split) => split.categoryId) : row.categoryId ? [row.categoryId] : [];
        if (filter.categoryId === 'none' ? ids.length > 0 || Boolean(row.transferId) : !ids.includes(filter.categoryId)) continue;
      }
      if (words.length > 0) {
        const text = searchTextOf(row);
        if (!words.every((word) => text.includes(word))) continue;
      }
      result.push(row);
    }
    return result;
  };
}
