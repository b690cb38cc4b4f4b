import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain';
import { obligationsBetween, payoffDebtsFrom } from '../../../shared/obligations';
import { generateScaledHousehold, generateSampleHousehold, type SampleHousehold } from '../../../shared/sample';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { loadObligationSources } from '../../../renderer/db/obligation-sources';
import { freshDatabase } from './helpers';

const today = '2026-11-22';

async function store(db: ClearDayDatabase, household: SampleHousehold): Promise<void> {
  await db.debts.bulkAdd(household.debts);
  await db.statements.bulkAdd(household.statements);
  await db.payments.bulkAdd(household.payments);
  await db.recurringBills.bulkAdd(household.recurringBills);
  await db.accounts.bulkAdd(household.accounts);
  await db.policies.bulkAdd(household.policies);
  await db.familyMembers.bulkAdd(household.familyMembers);
  await db.institutions.bulkAdd(household.institutions);
}

describe('obligation sources read for a window', () => {
  let db: ClearDayDatabase;
  afterEach(() => db?.close());

  const households: [string, () => SampleHousehold][] = [
    ['the sample household', () => generateSampleHousehold({ today, now: `${today}T08:00:00.000Z`, language: 'en' })],
    ['two years at bench scale', () => generateScaledHousehold({ scale: 0.2, today, now: `${today}T08:00:00.000Z`, language: 'en' })],
  ];

  for (const [name, make] of households) {
    it(`give the same dues and payoff balances as the whole tables, for ${name}`, async () => {
      db = await freshDatabase();
      const household = make();
      // Late, partial and extra payments too, so windowing is tested where it can go wrong.
      household.payments = household.payments.filter((p) => !(p.sourceId === 'debt-cmb-card' && p.dueDate && p.dueDate > addDays(today, -40)));
      household.payments.push(
        { id: 'pay-late', source: 'debt', sourceId: 'debt-icbc-card', dueDate: household.statements.filter((s) => s.debtId === 'debt-icbc-card').at(-1)?.dueDate ?? today, paidOn: today, amount: 1_000, currency: 'CNY', kind: 'partial', createdAt: today, updatedAt: today },
        { id: 'pay-extra', source: 'debt', sourceId: 'debt-mortgage', paidOn: addDays(today, -200), amount: 5_000_000, currency: 'CNY', kind: 'extra', prepaymentMode: 'keep-term', createdAt: today, updatedAt: today },
        { id: 'pay-premium', source: 'policy', sourceId: 'policy-term', dueDate: '2026-12-05', paidOn: today, amount: 31_500, currency: 'CNY', kind: 'full', createdAt: today, updatedAt: today },
      );
      await store(db, household);
      const fixedDeposits = household.accounts.filter((a) => a.kind === 'fixed-deposit');
      // In the database's order (by id), as the app reads the whole tables.
      const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      const full = { ...household, debts: byId(household.debts), policies: byId(household.policies), recurringBills: byId(household.recurringBills), accounts: byId(fixedDeposits), statements: byId(household.statements), payments: byId(household.payments) };
      for (const [from, to] of [
        [addDays(today, -60), addDays(today, 60)],
        [addDays(today, -90), addDays(today, 7)],
        ['2026-11-01', '2026-11-30'],
        [addDays(today, -365), '2026-12-31'],
      ] as const) {
        const sources = await loadObligationSources(db, from, to);
        expect(sources.payments.length).toBeLessThanOrEqual(household.payments.length);
        expect(obligationsBetween(sources, from, to, today)).toEqual(obligationsBetween(full, from, to, today));
        expect(payoffDebtsFrom(sources, 'CNY', today)).toEqual(payoffDebtsFrom(full, 'CNY', today));
      }
      // Two months either side read far less than the history holds.
      const reminderWindow = await loadObligationSources(db, addDays(today, -60), addDays(today, 60));
      expect(reminderWindow.payments.length).toBeLessThan(household.payments.length * 0.8);
      expect(reminderWindow.statements.length).toBeLessThan(household.statements.length * 0.5);
    });
  }
});
