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
  // ASCII and CJK unified ideographs are unchanged by NFKC: most payees skip the costly normalize.
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC').toLowerCase() : text.toLowerCase();
}
// Any character outside printable-and-control ASCII and the CJK unified block.
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose.
const NEEDS_NFKC = /[^\u0000-\u007f\u4e00-\u9fff]/;

/**
 * A filter function over transaction lists. The folded search texts of a list are built once, in
 * an array beside it, and reused while the same list is filtered again (every keystroke);
 * `prepare` builds them ahead, so a page can do it while idle and the first search is as fast as
 * the next.
 */
export function createTransactionFilter(categoryLabel: (id: string) => string) {
  let cachedRows: readonly Transaction[] | null = null;
  let cachedTexts: string[] = [];
  const searchTextOf = (row: Transaction): string => {
    const categories = row.splits && row.splits.length > 0 ? row.splits.map((split) => `${categoryLabel(split.categoryId)} ${split.note ?? ''}`) : row.categoryId ? [categoryLabel(row.categoryId)] : [];
    return foldText([row.payee, row.note ?? '', row.tags.join(' '), ...categories].join('\u0001'));
  };
  const textsOf = (rows: readonly Transaction[]): string[] => {
    if (rows !== cachedRows) {
      cachedRows = rows;
      cachedTexts = rows.map(searchTextOf);
    }
    return cachedTexts;
  };
  const filter = (rows: readonly Transaction[], filter: TransactionFilter): Transaction[] => {
    const words = foldText(filter.text).split(/\s+/).filter(Boolean);
    const texts = words.length > 0 ? textsOf(rows) : [];
    const result: Transaction[] = [];
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index] as Transaction;
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
        const text = texts[index] ?? '';
        if (!words.every((word) => text.includes(word))) continue;
      }
      result.push(row);
    }
    return result;
  };
  return Object.assign(filter, { prepare: (rows: readonly Transaction[]): void => void textsOf(rows) });
}
