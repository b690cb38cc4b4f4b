import { afterEach, describe, expect, it } from 'vitest';
import type { Debt, Payment, Statement } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { loadLatePayments } from '../../../renderer/features/debts/queries';
import { CARD_TERMS, STAMPS } from '../fixtures';
import { freshDatabase } from './helpers';

const today = '2026-11-22';
const card: Debt = { id: 'card', name: 'CMB card', institutionId: 'cmb', currency: 'CNY', archived: false, terms: { ...CARD_TERMS, graceDays: 0 }, ...STAMPS };
const statement = (month: string, balance: number): Statement => ({ id: `s-${month}`, debtId: 'card', month, statementDate: `${month}-05`, dueDate: `${month}-23`, balance, minimumDue: balance / 10, ...STAMPS });
const paid = (s: Statement, amount: number): Payment => ({ id: `p-${s.month}`, source: 'debt', sourceId: 'card', dueDate: s.dueDate, paidOn: s.dueDate, amount, currency: 'CNY', kind: 'full', ...STAMPS });

describe('the late-payment page', () => {
  let db: ClearDayDatabase;
  afterEach(() => db?.close());

  it('counts a bill late for more than a year, back to the last bill that was not late', async () => {
    db = freshDatabase();
    await db.debts.add(card);
    // December 2024 paid; the bills of May and June 2025 never paid; nothing since. Without the walk
    // back, only June (the latest statement) would count.
    const settled = statement('2024-12', 50_000);
    const may = statement('2025-05', 30_000);
    const june = statement('2025-06', 20_000);
    await db.statements.bulkAdd([statement('2024-11', 10_000), settled, may, june]);
    await db.payments.bulkAdd([paid(settled, 50_000)]);
    const { late } = await loadLatePayments(db, today);
    expect(late).toHaveLength(1);
    expect(late[0]?.overdue).toMatchObject({ amount: 50_000, days: 548 });
  });
});
