/**
 * The debts feature's reads that are more than one row: what is late now (the late-payment page),
 * the debts by institution, one debt with what the engine makes of it, the debt form's choices and
 * the institutions with their debt counts.
 */
import { debtDues, summarizeDebt } from '../../../shared/debts';
import Dexie from 'dexie';
import { addDays, monthOf, type Debt, type Payment, type Statement } from '../../../shared/domain';
import { bestCardFor } from '../../../shared/finance';
import type { ClearDayDatabase } from '../../db/database';
import { loadDueSources } from '../dues';

/** How far back the late-payment page looks for a late due (a card's latest statement is always read). */
export const LATE_LOOKBACK_DAYS = 366;

/**
 * Each debt that is late today, with what it costs, and the user's log of collection contacts.
 * Reads the dues' window (a year back to today) through the one loader, not whole tables, and
 * for cards and lines the bills late since before it (lateStatementsBefore).
 */
export async function loadLatePayments(db: ClearDayDatabase, today: string) {
  const from = addDays(today, -LATE_LOOKBACK_DAYS);
  const [sources, contacts] = await Promise.all([loadDueSources(db, { from, to: today }), db.collectionContacts.toArray()]);
  const debts = sources.debts.filter((debt) => !debt.archived);
  const byId = new Map(debts.map((debt) => [debt.id, debt]));
  // Bills late for longer than the window: each card and line walks back to its last bill that is not late.
  const revolving = debts.filter((debt) => debt.terms.kind === 'credit-card' || debt.terms.kind === 'credit-line');
  const older = await Promise.all(revolving.map((debt) => lateStatementsBefore(db, debt, from, today)));
  const statements = new Map(sources.statements.map((statement) => [statement.id, statement]));
  const payments = new Map(sources.payments.map((payment) => [payment.id, payment]));
  for (const part of older) {
    for (const statement of part.statements) statements.set(statement.id, statement);
    for (const payment of part.payments) payments.set(payment.id, payment);
  }
  const late = debts.flatMap((debt) => {
    const parent = debt.parentDebtId ? byId.get(debt.parentDebtId) : undefined;
    const overdue = summarizeDebt({ debt, statements: [...statements.values()], payments: [...payments.values()], ...(parent ? { parent } : {}) }, today).overdue;
    return overdue ? [{ debt, overdue }] : [];
  });
  contacts.sort((a, b) => `${b.date}${b.time ?? ''}`.localeCompare(`${a.date}${a.time ?? ''}`));
  return { debts, late, contacts, names: new Map(debts.map((debt) => [debt.id, debt.name])) };
}

/** Statements read per step when walking back from the late page's window. */
const WALK_STEP = 12;

/**
 * A card's or credit line's statements due before `from` that are late, with the payments
 * towards them: walked back from the window's start, newest first, up to the first statement
 * that is not late (paid, or its minimum paid). So a bill late for more than a year still counts,
 * and the read stops at the last bill that is not late instead of running through the history.
 */
async function lateStatementsBefore(db: ClearDayDatabase, debt: Debt, from: string, today: string): Promise<{ statements: Statement[]; payments: Payment[] }> {
  const statements: Statement[] = [];
  const payments: Payment[] = [];
  // The month before the window's first: a due date before `from` belongs to a month up to it.
  const lastMonth = monthOf(from);
  // One bill first: most cards' last bill before the window is not late, and the walk ends there.
  for (let offset = 0, step = 1; ; offset += step, step = WALK_STEP) {
    const page = await db.statements.where('[debtId+month]').between([debt.id, Dexie.minKey], [debt.id, lastMonth], true, true).reverse().offset(offset).limit(step).toArray();
    const before = page.filter((statement) => statement.dueDate < from);
    const paid = before.length === 0 ? [] : await db.payments.where('[sourceId+dueDate]').anyOf(before.map((statement) => [debt.id, statement.dueDate])).toArray();
    for (const statement of before) {
      const towards = paid.filter((payment) => payment.source === 'debt' && payment.dueDate === statement.dueDate);
      const [due] = debtDues(debt, [statement], towards, statement.dueDate, statement.dueDate, today);
      if (due?.status !== 'overdue') return { statements, payments };
      statements.push(statement);
      payments.push(...towards);
    }
    if (page.length < step) return { statements, payments };
  }
}

/**
 * The debts page: the open debts grouped by institution (in the institutions' order), and which
 * card to use for a purchase today. Reads institutions and open debts.
 */
export async function loadDebtsOverview(db: ClearDayDatabase, today: string) {
  const [institutions, debts] = await Promise.all([db.institutions.toArray(), db.debts.filter((d) => !d.archived).toArray()]);
  const byInstitution = new Map<string, Debt[]>();
  for (const debt of debts) byInstitution.set(debt.institutionId, [...(byInstitution.get(debt.institutionId) ?? []), debt]);
  const groups = institutions.filter((i) => byInstitution.has(i.id)).map((institution) => ({ institution, debts: byInstitution.get(institution.id) ?? [] }));
  // Which card to use for a purchase today: the longest interest-free period first.
  const cards = debts.flatMap((debt) => (debt.terms.kind === 'credit-card' ? [{ id: debt.id, card: debt.terms }] : []));
  const names = new Map(debts.map((d) => [d.id, d.name]));
  return { groups, ranking: bestCardFor(today, cards).map((choice) => ({ ...choice, name: names.get(choice.id) ?? choice.id })) };
}

/**
 * One debt's page: the debt, its parent card and its installment plans, its institution, all its
 * statements and payments (payments by date), what the engine makes of them and its dues.
 * `{ debt: undefined }` when there is no such debt.
 */
export async function loadDebtDetail(db: ClearDayDatabase, debtId: string, today: string) {
  const debt = await db.debts.get(debtId);
  if (!debt) return { debt: undefined };
  const [institution, statements, payments, parent, children] = await Promise.all([
    db.institutions.get(debt.institutionId),
    db.statements.where('debtId').equals(debt.id).toArray(),
    db.payments.where('[source+sourceId]').equals(['debt', debt.id]).sortBy('paidOn'),
    debt.parentDebtId ? db.debts.get(debt.parentDebtId) : Promise.resolve(undefined),
    db.debts.where('parentDebtId').equals(debt.id).toArray(),
  ]);
  return {
    debt,
    parent,
    children,
    institution,
    statements,
    payments,
    summary: summarizeDebt({ debt, statements, payments, ...(parent ? { parent } : {}) }, today),
    dues: debtDues(debt, statements, payments, '0000-01-01', '9999-12-31', today),
  };
}

/** What the debt form offers: the open institutions by name, the open cards and credit lines a plan can belong to, and the debt being edited. */
export async function loadDebtForm(db: ClearDayDatabase, debtId: string | undefined) {
  const [institutions, debts, existing] = await Promise.all([
    db.institutions.filter((i) => !i.archived).toArray(),
    db.debts.filter((d) => !d.archived && (d.terms.kind === 'credit-card' || d.terms.kind === 'credit-line')).toArray(),
    debtId ? db.debts.get(debtId) : Promise.resolve(undefined),
  ]);
  return { institutions: institutions.sort((a, b) => a.name.localeCompare(b.name)), parents: debts, existing };
}

/** The institutions page: every institution (open ones first, by name) and how many debts each holds. Reads institutions and debts whole. */
export async function loadInstitutions(db: ClearDayDatabase) {
  const [institutions, debts] = await Promise.all([db.institutions.toArray(), db.debts.toArray()]);
  const debtCount = new Map<string, number>();
  for (const debt of debts) debtCount.set(debt.institutionId, (debtCount.get(debt.institutionId) ?? 0) + 1);
  institutions.sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
  return { institutions, debtCount };
}
