/**
 * Transactions as CSV for spreadsheets: UTF-8 with a byte-order mark so Excel and WPS show
 * Chinese text correctly, amounts as plain decimals in the currency's own digits, one row per
 * split part so categories add up.
 */
import Papa from 'papaparse';
import type { Transaction } from '../domain/entities';
import { decimalText } from '../finance';

export interface CsvLookups {
  accountName(id: string): string;
  categoryName(id: string | undefined): string;
  headers: { date: string; account: string; payee: string; category: string; amount: string; currency: string; tags: string; note: string };
}

export const BYTE_ORDER_MARK = '\uFEFF';

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (amounts are numbers, never touched). */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function transactionsToCsv(transactions: readonly Transaction[], lookups: CsvLookups): string {
  const h = lookups.headers;
  const rows = transactions.flatMap((t) => {
    const parts = t.splits && t.splits.length > 0 ? t.splits : [{ categoryId: t.categoryId, amount: t.amount, note: t.note }];
    return parts.map((part) => ({
      [h.date]: t.date,
      [h.account]: safeText(lookups.accountName(t.accountId)),
      [h.payee]: safeText(t.payee),
      [h.category]: safeText(lookups.categoryName(part.categoryId)),
      [h.amount]: decimalText(part.amount, t.currency),
      [h.currency]: t.currency,
      [h.tags]: safeText(t.tags.join(' ')),
      [h.note]: safeText(part.note ?? t.note ?? ''),
    }));
  });
  return BYTE_ORDER_MARK + Papa.unparse({ fields: Object.values(h), data: rows.map((row) => Object.values(h).map((key) => row[key])) }, { newline: '\r\n' });
}
