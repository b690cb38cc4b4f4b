/**
 * The one loader of dues: what the dues engine needs for a window of dates, read without walking
 * the whole history (issue 9: the dashboard, calendar and reminders must not slow down as years of
 * statements and payments pile up). The result gives the same duesBetween(from, to) and
 * payoffDebtsFrom as the full tables (tests/unit/db/due-loader.test.ts checks both):
 *  - statements due in the window, plus each card's and credit line's latest statement (its
 *    balance is what is owed now);
 *  - every payment of loans, installment plans and policies (prepayments reshape a loan's
 *    schedule, paid periods give a plan's balance, a policy's premiums decide a lapse); those
 *    are bounded by the contract's length, not by how long the app has been used;
 *  - for cards, credit lines and bills, only payments towards dues in the window or towards the
 *    latest statement.
 */
import Dexie from 'dexie';
import type { Debt, Institution, Payment } from '../../../shared/domain';
import { duesBetween, type DueSources, type DueWindow } from '../../../shared/due-window';
import type { Due } from '../../../shared/dues';
import type { ClearDayDatabase } from '../../db/database';

export interface WindowSources extends DueSources {
  institutions: Institution[];
}

/** The dues of a window as every screen shows them, with what they need beside. */
export interface DuesOfWindow {
  dues: Due[];
  sources: WindowSources;
  institutions: Map<string, Institution>;
  /** Whether anything at all can fall due (debts, bills, deposits or policies exist). */
  hasSources: boolean;
}

const isRevolving = (debt: Debt) => debt.terms.kind === 'credit-card' || debt.terms.kind === 'credit-line';

export async function loadDueSources(db: ClearDayDatabase, window: DueWindow): Promise<WindowSources> {
  const { from, to } = window;
  return db.transaction('r', [db.debts, db.statements, db.payments, db.recurringBills, db.accounts, db.policies, db.familyMembers, db.institutions], async () => {
    const [debts, recurringBills, accounts, policies, familyMembers, institutions, windowStatements] = await Promise.all([
      db.debts.toArray(),
      db.recurringBills.toArray(),
      db.accounts.where('kind').equals('fixed-deposit').toArray(),
      db.policies.toArray(),
      db.familyMembers.toArray(),
      db.institutions.toArray(),
      db.statements.where('dueDate').between(from, to, true, true).toArray(),
    ]);
    const revolving = debts.filter(isRevolving);
    const latest = await Promise.all(revolving.map((debt) => db.statements.where('[debtId+month]').between([debt.id, Dexie.minKey], [debt.id, Dexie.maxKey]).last()));
    const statements = new Map(windowStatements.map((s) => [s.id, s]));
    for (const statement of latest) if (statement) statements.set(statement.id, statement);

    const whole = [...debts.filter((debt) => !isRevolving(debt)).map((debt) => ['debt', debt.id] as const), ...policies.map((policy) => ['policy', policy.id] as const)];
    // [source id, first due date, last due date]: the window, stretched to the latest statement.
    const windowed: [string, string, string][] = [
      ...revolving.map((debt, index): [string, string, string] => {
        const latestDue = latest[index]?.dueDate ?? from;
        return [debt.id, latestDue < from ? latestDue : from, latestDue > to ? latestDue : to];
      }),
      ...recurringBills.map((bill): [string, string, string] => [bill.id, from, to]),
    ];
    const [wholeLists, windowLists] = await Promise.all([
      Promise.all(whole.map(([source, id]) => db.payments.where('[source+sourceId]').equals([source, id]).toArray())),
      Promise.all(windowed.map(([id, start, end]) => db.payments.where('[sourceId+dueDate]').between([id, start], [id, end], true, true).toArray())),
    ]);
    const payments = new Map<string, Payment>();
    for (const list of [...wholeLists, ...windowLists]) for (const payment of list) payments.set(payment.id, payment);
    return { debts, statements: [...statements.values()], payments: [...payments.values()], recurringBills, accounts, policies, familyMembers, institutions };
  });
}

/** Everything due in the window on `today`: the dashboard, calendar, agenda, budget, bell, tray, reminders and .ics read this. */
export async function loadDues(db: ClearDayDatabase, window: DueWindow, today: string): Promise<DuesOfWindow> {
  const sources = await loadDueSources(db, window);
  return {
    dues: duesBetween(sources, window, today),
    sources,
    institutions: new Map(sources.institutions.map((institution) => [institution.id, institution])),
    hasSources: sources.debts.length > 0 || sources.recurringBills.length > 0 || sources.accounts.length > 0 || sources.policies.length > 0,
  };
}
