import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../../shared/domain';
import { BYTE_ORDER_MARK, transactionsToCsv } from '../../../shared/export/transactions-csv';

const base: Transaction = {
  id: 't1',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  date: '2026-11-02',
  accountId: 'cash',
  amount: -4_580,
  currency: 'CNY',
  payee: '楼下面馆, "老王"',
  categoryId: 'food',
  tags: ['lunch', 'work'],
};

const lookups = {
  accountName: (id: string) => ({ cash: '现金' })[id] ?? id,
  categoryName: (id: string | undefined) => (id ? { food: '餐饮', transport: '交通' }[id] ?? id : ''),
  headers: { date: '日期', account: '账户', payee: '交易对方', category: '分类', amount: '金额', currency: '币种', tags: '标签', note: '备注' },
};

describe('transactionsToCsv', () => {
  it('starts with a BOM, quotes what needs quoting, and reads back with the same values', () => {
    const csv = transactionsToCsv([base, { ...base, id: 't2', amount: 1_850_000, payee: '=HYPERLINK("x")', categoryId: undefined, tags: [], note: 'salary' }], lookups);
    expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['日期', '账户', '交易对方', '分类', '金额', '币种', '标签', '备注']);
    expect(parsed[1]).toEqual(['2026-11-02', '现金', '楼下面馆, "老王"', '餐饮', '-45.80', 'CNY', 'lunch work', '']);
    // A formula-looking payee is neutralised for spreadsheets.
    expect(parsed[2]?.[2]).toBe(`'=HYPERLINK("x")`);
    expect(parsed[2]?.[4]).toBe('18500.00');
  });

  it('writes one row per split part', () => {
    const split = { ...base, amount: -10_000, splits: [{ categoryId: 'food', amount: -6_000 }, { categoryId: 'transport', amount: -4_000, note: 'taxi' }] };
    const parsed = Papa.parse<string[]>(transactionsToCsv([split], lookups).slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1).map((r) => [r[3], r[4], r[7]])).toEqual([
      ['餐饮', '-60.00', ''],
      ['交通', '-40.00', 'taxi'],
    ]);
  });
});
