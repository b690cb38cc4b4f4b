import { afterEach, describe, expect, it } from 'vitest';
import { allSources } from '../fixtures';
import {
  AccountSchema,
  BudgetSchema,
  CategorySchema,
  ClaimSchema,
  DebtSchema,
  FamilyMemberSchema,
  InstitutionSchema,
  PaymentSchema,
  PolicySchema,
  RecurringBillSchema,
  StatementSchema,
  TransactionSchema,
} from '../../../shared/domain';
import { generateSampleHousehold } from '../../../shared/sample';
import { duesBetween } from '../../../shared/due-window';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { loadSampleHousehold, NotEmptyError } from '../../../renderer/features/onboarding/db';
import { holdsUserData } from '../../../renderer/db/user-data';
import { freshDatabase } from '../db/helpers';

const options = { today: '2026-11-22', now: '2026-11-22T08:00:00.000Z', language: 'en' as const };

describe('sample household generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleHousehold(options)).toEqual(generateSampleHousehold(options));
    expect(generateSampleHousehold({ ...options, seed: 7 }).transactions).not.toEqual(generateSampleHousehold(options).transactions);
  });

  it('produces rows that all pass the stored schemas', () => {
    const household = generateSampleHousehold(options);
    const checks = [
      [InstitutionSchema, household.institutions],
      [AccountSchema, household.accounts],
      [DebtSchema, household.debts],
      [StatementSchema, household.statements],
      [PaymentSchema, household.payments],
      [CategorySchema, household.categories],
      [TransactionSchema, household.transactions],
      [BudgetSchema, household.budgets],
      [RecurringBillSchema, household.recurringBills],
      [FamilyMemberSchema, household.familyMembers],
      [PolicySchema, household.policies],
      [ClaimSchema, household.claims],
    ] as const;
    for (const [schema, rows] of checks) {
      for (const row of rows) expect(schema.safeParse(row).error?.issues ?? []).toEqual([]);
    }
  });

  it('holds the household the issue describes: CMB and ICBC cards, Baitiao, Jintiao, Huabei, mortgage, car loan, three or more policies, a year of transactions', () => {
    const household = generateSampleHousehold(options);
    const byId = new Map(household.debts.map((d) => [d.id, d]));
    expect(byId.get('debt-cmb-card')?.terms.kind).toBe('credit-card');
    expect(byId.get('debt-icbc-card')?.terms.kind).toBe('credit-card');
    expect(byId.get('debt-baitiao')?.terms.kind).toBe('credit-line');
    expect(byId.get('debt-jintiao')?.terms.kind).toBe('loan');
    expect(byId.get('debt-huabei')?.terms.kind).toBe('credit-line');
    expect(byId.get('debt-mortgage')?.terms).toMatchObject({ kind: 'loan', termMonths: 360 });
    expect(byId.get('debt-car')?.terms.kind).toBe('loan');
    expect(household.policies.length).toBeGreaterThanOrEqual(3);
    const months = new Set(household.transactions.map((t) => t.date.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(household.transactions.every((t) => t.date <= options.today)).toBe(true);
    expect(household.transactions.every((t) => Number.isSafeInteger(t.amount))).toBe(true);
    // Every reference points at a row that exists.
    const institutionIds = new Set(household.institutions.map((i) => i.id));
    const accountIds = new Set(household.accounts.map((a) => a.id));
    const categoryIds = new Set(household.categories.map((c) => c.id));
    expect(household.debts.every((d) => institutionIds.has(d.institutionId))).toBe(true);
    expect(household.transactions.every((t) => accountIds.has(t.accountId) && (!t.categoryId || categoryIds.has(t.categoryId)))).toBe(true);
    expect(household.policies.every((p) => institutionIds.has(p.insurerId))).toBe(true);
  });

  it('pays every past due on time, so nothing in the sample is overdue, and records the repayments as transactions', () => {
    const household = generateSampleHousehold(options);
    const dues = duesBetween(allSources(household), { from: '2000-01-01', to: '2027-12-31' }, options.today);
    expect(dues.filter((due) => due.status === 'overdue')).toEqual([]);
    expect(dues.filter((due) => due.dueDate < options.today).every((due) => due.status === 'paid')).toBe(true);
    expect(dues.some((due) => due.dueDate >= options.today && due.status === 'due')).toBe(true);
    const repayments = household.transactions.filter((t) => t.categoryId === 'cat-repayment');
    expect(repayments.length).toBeGreaterThan(12);
    expect(repayments.every((t) => household.payments.some((p) => p.id === t.paymentId && p.amount === -t.amount))).toBe(true);
  });

  it('scales by months and transactions per month for benchmarks', () => {
    const large = generateSampleHousehold({ ...options, months: 120, transactionsPerMonth: 800 });
    expect(large.transactions.length).toBeGreaterThan(90_000);
    expect(new Set(large.transactions.map((t) => t.id)).size).toBe(large.transactions.length);
  });

  it('writes names in the chosen language', () => {
    const zh = generateSampleHousehold({ ...options, language: 'zh-CN' });
    expect(zh.debts.find((d) => d.id === 'debt-baitiao')?.name).toBe('京东白条');
  });
});

describe('loading the sample household', () => {
  let db: ClearDayDatabase;
  afterEach(() => db?.close());

  it('replaces the data in one transaction and keeps the settings', async () => {
    db = freshDatabase();
    await db.settings.put({ key: 'language', value: 'zh-CN' });
    await db.debts.put({ ...generateSampleHousehold(options).debts[0]!, id: 'old-debt' });
    await loadSampleHousehold(db, options);
    expect(await db.debts.get('old-debt')).toBeUndefined();
    expect(await db.debts.count()).toBe(8);
    expect(await db.transactions.count()).toBe(generateSampleHousehold(options).transactions.length);
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'zh-CN' });
  });

  it('from the first-run screen, refuses to replace data that is already there, and writes nothing', async () => {
    db = freshDatabase();
    expect(await holdsUserData(db)).toBe(false);
    await db.accounts.put({ ...generateSampleHousehold(options).accounts[0]!, id: 'my-account' });
    expect(await holdsUserData(db)).toBe(true);
    await expect(loadSampleHousehold(db, options, { onlyIfEmpty: true })).rejects.toBeInstanceOf(NotEmptyError);
    expect(await db.accounts.toArray()).toHaveLength(1);
    expect(await db.debts.count()).toBe(0);

    await db.accounts.clear();
    expect(await holdsUserData(db)).toBe(false);
    await loadSampleHousehold(db, options, { onlyIfEmpty: true });
    expect(await db.debts.count()).toBe(8);
  });

  it('counts settings and reminder logs as no data of the user', async () => {
    db = freshDatabase();
    await db.settings.put({ key: 'language', value: 'en' });
    await db.reminderLog.put({ key: 'r1', fireAt: '2026-11-22T01:00:00.000Z', deliveredAt: '2026-11-22T01:00:00.000Z', title: 'Due tomorrow', route: '/debts/d1', digest: false });
    expect(await holdsUserData(db)).toBe(false);
  });
});
