import { describe, expect, it } from 'vitest';
import { allSources } from '../fixtures';
import { AccountSchema, CategorySchema, DebtSchema, InstitutionSchema, PaymentSchema, PolicySchema, StatementSchema, TransactionSchema } from '../../../shared/domain';
import { duesBetween } from '../../../shared/due-window';
import { generateScaledHousehold, SCALE_ONE } from '../../../shared/sample';

const options = { today: '2026-11-22', now: '2026-11-22T08:00:00.000Z', language: 'en' as const };

describe('sample household at benchmark scale', () => {
  const one = generateScaledHousehold({ ...options, scale: 1 });
  const tenth = generateScaledHousehold({ ...options, scale: 0.1 });

  it('holds at scale 1 what the issue asks: 10 years, 100,000 transactions, 12 accounts, 30 debts, 12 institutions, 20 policies, 60 categories', () => {
    expect(one.transactions).toHaveLength(100_000);
    expect(new Set(one.transactions.map((t) => t.date.slice(0, 7))).size).toBe(120);
    expect(one.transactions[0]?.date).toBe('2016-12-01');
    expect(one.transactions.at(-1)?.date).toBe('2026-11-22');
    expect(one.accounts).toHaveLength(SCALE_ONE.accounts);
    expect(one.debts).toHaveLength(30);
    expect(one.institutions).toHaveLength(12);
    expect(one.policies).toHaveLength(20);
    expect(one.categories).toHaveLength(60);
    // Transactions really use all accounts and categories, not just the base household's.
    expect(new Set(one.transactions.map((t) => t.accountId)).size).toBe(11);
    expect(new Set(one.transactions.map((t) => t.categoryId)).size).toBeGreaterThanOrEqual(55);
  });

  it('keeps the household at scale 0.1 and shortens the history to one year of 10,000 transactions', () => {
    expect(tenth.transactions).toHaveLength(10_000);
    expect(new Set(tenth.transactions.map((t) => t.date.slice(0, 7))).size).toBe(12);
    expect(tenth.debts).toHaveLength(30);
    expect(tenth.policies).toHaveLength(20);
    expect(tenth.categories).toHaveLength(60);
    // A month looks alike at both scales: within 15 % in transaction count.
    const inMonth = (rows: typeof one.transactions) => rows.filter((t) => t.date.startsWith('2026-10')).length;
    expect(Math.abs(inMonth(one.transactions) - inMonth(tenth.transactions)) / inMonth(one.transactions)).toBeLessThan(0.15);
  });

  it('is deterministic and its rows pass the stored schemas, with unique ids and references that resolve', () => {
    expect(generateScaledHousehold({ ...options, scale: 0.1 })).toEqual(tenth);
    const checks = [
      [InstitutionSchema, tenth.institutions],
      [AccountSchema, tenth.accounts],
      [DebtSchema, tenth.debts],
      [StatementSchema, tenth.statements],
      [PaymentSchema, tenth.payments],
      [CategorySchema, tenth.categories],
      [TransactionSchema, tenth.transactions],
      [PolicySchema, tenth.policies],
    ] as const;
    for (const [schema, rows] of checks) {
      for (const row of rows) expect(schema.safeParse(row).error?.issues ?? []).toEqual([]);
    }
    for (const rows of [one.transactions, one.payments, one.statements, one.debts]) expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const accountIds = new Set(one.accounts.map((a) => a.id));
    const categoryIds = new Set(one.categories.map((c) => c.id));
    const institutionIds = new Set(one.institutions.map((i) => i.id));
    expect(one.transactions.every((t) => accountIds.has(t.accountId) && (!t.categoryId || categoryIds.has(t.categoryId)))).toBe(true);
    expect(one.debts.every((d) => institutionIds.has(d.institutionId))).toBe(true);
    expect(one.accounts.every((a) => !a.institutionId || institutionIds.has(a.institutionId))).toBe(true);
  });

  it('pays every past due, so a decade of debts leaves nothing overdue', () => {
    const dues = duesBetween(allSources(one), { from: '2000-01-01', to: '2027-12-31' }, options.today);
    expect(dues.filter((due) => due.status === 'overdue')).toEqual([]);
    expect(dues.filter((due) => due.source === 'debt').length).toBeGreaterThan(2_000);
  });

  it('refuses a scale it cannot honour', () => {
    expect(() => generateScaledHousehold({ ...options, scale: 0 })).toThrow(RangeError);
    expect(() => generateScaledHousehold({ ...options, scale: 2 })).toThrow(RangeError);
  });
});
