import { afterEach, describe, expect, it } from 'vitest';
import { allSources } from '../fixtures';
import { addDays } from '../../../shared/domain';
import { duesBetween } from '../../../shared/due-window';
import { payoffDebtsFrom, summarizeDebt } from '../../../shared/debts';
import { generateScaledHousehold, generateSampleHousehold, type SampleHousehold } from '../../../shared/sample';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { loadDueSources } from '../../../renderer/features/dues/loader';
import { loadAccountsOverview } from '../../../renderer/features/accounts/queries';
import { loadPlannerView } from '../../../renderer/features/planner/queries';
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

describe('due sources read for a window', () => {
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
      // Bill payments inside and outside the window, an archived card, a card in dollars, and a
      // card whose terms changed so that an earlier month's statement is due after a later one's.
      const bill = household.recurringBills[0]!;
      household.payments.push(
        { id: 'pay-bill-now', source: 'bill', sourceId: bill.id, dueDate: bill.nextDate, paidOn: today, amount: bill.amount, currency: 'CNY', kind: 'full', createdAt: today, updatedAt: today },
        { id: 'pay-bill-old', source: 'bill', sourceId: bill.id, dueDate: '2026-01-01', paidOn: '2026-01-01', amount: bill.amount, currency: 'CNY', kind: 'full', createdAt: today, updatedAt: today },
      );
      const cmbCard = household.debts.find((d) => d.id === 'debt-cmb-card')!;
      household.debts.push(
        { ...cmbCard, id: 'debt-archived-card', archived: true },
        { ...cmbCard, id: 'debt-usd-card', currency: 'USD', name: 'Visa in dollars' },
        { ...cmbCard, id: 'debt-moved-card', name: 'Card whose statement day moved' },
      );
      household.statements.push(
        { id: 'stmt-archived', debtId: 'debt-archived-card', month: '2026-11', statementDate: '2026-11-05', dueDate: '2026-11-23', balance: 50_000, minimumDue: 5_000, createdAt: today, updatedAt: today },
        { id: 'stmt-usd', debtId: 'debt-usd-card', month: '2026-11', statementDate: '2026-11-05', dueDate: '2026-11-23', balance: 70_000, minimumDue: 7_000, createdAt: today, updatedAt: today },
        { id: 'stmt-moved-oct', debtId: 'debt-moved-card', month: '2026-10', statementDate: '2026-10-28', dueDate: '2026-11-22', balance: 12_345, minimumDue: 1_235, createdAt: today, updatedAt: today },
        { id: 'stmt-moved-nov', debtId: 'debt-moved-card', month: '2026-11', statementDate: '2026-11-01', dueDate: '2026-11-10', balance: 67_890, minimumDue: 6_789, createdAt: today, updatedAt: today },
      );
      household.payments.push({ id: 'pay-usd', source: 'debt', sourceId: 'debt-usd-card', dueDate: '2026-11-23', paidOn: today, amount: 20_000, currency: 'USD', kind: 'partial', createdAt: today, updatedAt: today });
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
        // A month wholly in the past, and one wholly ahead.
        ['2026-06-01', '2026-06-30'],
        ['2027-02-01', '2027-02-28'],
      ] as const) {
        const sources = await loadDueSources(db, { from: from, to: to });
        expect(sources.payments.length).toBeLessThanOrEqual(household.payments.length);
        expect(duesBetween(allSources(sources), { from: from, to: to }, today)).toEqual(duesBetween(allSources(full), { from: from, to: to }, today));
        for (const currency of ['CNY', 'USD']) expect(payoffDebtsFrom(sources, currency, today)).toEqual(payoffDebtsFrom(full, currency, today));
      }
      // The planner and the accounts page read the current month's sources: the planner's debts are
      // payoffDebtsFrom's, and what the accounts page says each debt owes (summarizeDebt's
      // remaining, in every currency) is what the whole tables give.
      for (const currency of ['CNY', 'USD']) expect((await loadPlannerView(db, { currency, today })).debts).toEqual(payoffDebtsFrom(full, currency, today));
      const byDebt = new Map(full.debts.map((debt) => [debt.id, debt]));
      const owedByWholeTables = full.debts
        .filter((debt) => !debt.archived)
        .map((debt) => {
          const parent = debt.parentDebtId ? byDebt.get(debt.parentDebtId) : undefined;
          return { id: debt.id, amount: summarizeDebt({ debt, statements: full.statements, payments: full.payments, ...(parent ? { parent } : {}) }, today).remaining };
        })
        .filter((row) => row.amount > 0);
      const owed = (await loadAccountsOverview(db, { baseCurrency: 'CNY', today })).owed.map((row) => ({ id: row.debt.id, amount: row.amount }));
      expect(owed).toEqual(owedByWholeTables);
      expect(owed.some((row) => row.id === 'debt-usd-card' && row.amount === 50_000)).toBe(true);
      // The moved card owes its latest month's balance; the dollar card what is left after the payment.
      const planned = payoffDebtsFrom(await loadDueSources(db, { from: '2026-11-01', to: '2026-11-30' }), 'CNY', today);
      expect(planned.find((d) => d.id === 'debt-moved-card')?.balance).toBe(67_890);
      expect(payoffDebtsFrom(await loadDueSources(db, { from: '2026-11-01', to: '2026-11-30' }), 'USD', today).find((d) => d.id === 'debt-usd-card')?.balance).toBe(50_000);
      // The bill paid ahead marks its next due paid.
      const ahead = addDays(today, 60);
      const billDues = duesBetween(allSources(await loadDueSources(db, { from: today, to: ahead })), { from: today, to: ahead }, today).filter((o) => o.sourceId === bill.id);
      expect(billDues.find((o) => o.dueDate === bill.nextDate)?.paid).toBe(bill.amount);
      // Two months either side read far less than the history holds.
      const reminderWindow = await loadDueSources(db, { from: addDays(today, -60), to: addDays(today, 60) });
      expect(reminderWindow.payments.length).toBeLessThan(household.payments.length * 0.8);
      expect(reminderWindow.statements.length).toBeLessThan(household.statements.length * 0.5);
    });
  }
});
