import { describe, expect, it } from 'vitest';
import { incomeAndSpending, type Transaction } from '../../../shared/domain';

const row = (amount: number, extra: Partial<Transaction> = {}): Transaction => ({
  id: String(amount),
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  date: '2026-11-01',
  accountId: 'a',
  amount,
  currency: 'CNY',
  payee: '',
  tags: [],
  ...extra,
});

describe('incomeAndSpending', () => {
  it('adds money in and money out separately, leaving out transfers and other currencies', () => {
    const rows = [row(1_850_000), row(-4_550), row(-120_000, { transferId: 't1' }), row(120_000, { transferId: 't1' }), row(-999, { currency: 'USD' }), row(-1)];
    expect(incomeAndSpending(rows, 'CNY')).toEqual({ income: 1_850_000, spending: 4_551 });
    expect(incomeAndSpending(rows, 'USD')).toEqual({ income: 0, spending: 999 });
    expect(incomeAndSpending([], 'CNY')).toEqual({ income: 0, spending: 0 });
  });
});
