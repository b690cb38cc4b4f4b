/**
 * The budget feature's reads that are more than one row: one month of the budget, and the
 * recurring bills with their next dues.
 */
import { accountBalance, latestValuations, monthBudget, spendingByMonthAndCategory, transactionTotals } from '../../../shared/budget';
import { addDays, addMonthsToMonth, firstDayOfMonth, lastDayOfMonth, monthOf, type RecurringBill } from '../../../shared/domain';
import { amountToPay, countsTowardsTotals, isOpen, isOutstanding, type Due } from '../../../shared/dues';
import { divRoundHalfUp } from '../../../shared/finance';
import type { ClearDayDatabase } from '../../db/database';
import { loadDues } from '../dues';
import { loadPlanner } from '../planner';

/** Accounts whose money can be spent this month: not deposits locked to a date, not funds. */
const SPENDABLE = new Set(['cash', 'debit', 'savings']);

/**
 * One month of the budget: each category's line (budgeted, carried over, spent, left), the debt
 * repayment line, and for the current month what is still free to spend. Reads the month's
 * window: its transactions (from the first rollover budget on), payments and dues.
 */
export async function loadBudgetMonth(db: ClearDayDatabase, input: { month: string; currency: string; today: string }) {
  const { month, currency, today } = input;
    const [categories, budgets] = await Promise.all([db.categories.toArray(), db.budgets.toArray()]);
    const earlierBudgets = budgets.filter((b) => b.currency === currency && b.month <= month);
    const rolloverIds = new Set(categories.filter((c) => c.rollover).map((c) => c.id));
    // Rollover needs the spending of every month since that category's first budget.
    const firstMonth = earlierBudgets.filter((b) => rolloverIds.has(b.categoryId)).reduce((first, b) => (b.month < first ? b.month : first), month);
    const [transactions, payments, monthDues, accounts, valuations, planner] = await Promise.all([
      db.transactions.where('date').between(firstDayOfMonth(firstMonth), lastDayOfMonth(month), true, true).toArray(),
      db.payments.where('paidOn').between(firstDayOfMonth(month), lastDayOfMonth(month), true, true).toArray(),
      loadDues(db, { from: firstDayOfMonth(month), to: lastDayOfMonth(month) }, today),
      db.accounts.toArray(),
      db.valuations.toArray(),
      loadPlanner(db),
    ]);
    const result = monthBudget({ month, categories, budgets: earlierBudgets, spending: spendingByMonthAndCategory(transactions, currency) });
    const activeDebts = monthDues.sources.debts.filter((d) => !d.archived);
    // Premiums and bills are dues too; a grace-period end restates its premium and is not counted again.
    const dues = monthDues.dues.filter((due) => due.currency === currency && countsTowardsTotals(due));
    const debtDues = dues.filter((o) => o.source === 'debt');
    const paidToDebts = payments.filter((p) => p.source === 'debt' && p.currency === currency).reduce((sum, p) => sum + p.amount, 0);
    // Without a plan, the line expects what falls due this month in full (a card's whole statement).
    const dueThisMonth = debtDues.reduce((sum, o) => sum + o.amount, 0);
    const debtLine = activeDebts.length > 0 ? { planned: planner.monthlyBudget > 0 ? planner.monthlyBudget : dueThisMonth, fromPlanner: planner.monthlyBudget > 0, paid: paidToDebts } : null;

    let available: { liquid: number; unpaidDues: number; unspentBudget: number } | null = null;
    if (month === monthOf(today)) {
      const spendable = accounts.filter((a) => !a.archived && SPENDABLE.has(a.kind) && a.currency === currency);
      // Balances of the spendable accounts only (the balance checkpoints of issue 21 will bound this read too).
      const totals = transactionTotals(await db.transactions.where('accountId').anyOf(spendable.map((a) => a.id)).toArray());
      const latest = latestValuations(valuations);
      const liquid = spendable.reduce((sum, a) => sum + accountBalance(a, totals, latest), 0);
      const unpaidDues = dues.filter((due) => isOutstanding(due, today)).reduce((sum, due) => sum + amountToPay(due), 0);
      const unspentBudget = result.lines.reduce((sum, line) => sum + Math.max(0, line.left), 0);
      available = { liquid, unpaidDues, unspentBudget };
    }
    const budgetAmounts = new Map(budgets.filter((b) => b.month === month && b.currency === currency).map((b) => [b.categoryId, b.amount]));
    const lines = new Map(result.lines.map((line) => [line.categoryId, line]));
    const expenseCategories = categories.filter((c) => c.kind === 'expense' && (!c.archived || lines.has(c.id))).sort((a, b) => a.order - b.order);
    const hasPrevious = budgets.some((b) => b.month === addMonthsToMonth(month, -1));
    return { result, lines, budgetAmounts, expenseCategories, debtLine, available, hasCategories: categories.length > 0, hasPrevious };
}

export type BudgetMonth = Awaited<ReturnType<typeof loadBudgetMonth>>;

/** What a bill costs per month on average, rounded once per bill to the minor unit. */
function monthlyEquivalent(bill: RecurringBill): number {
  const r = bill.recurrence;
  const [perYear, per] = r.kind === 'monthly' ? [12, 1] : r.kind === 'quarterly' ? [4, 1] : r.kind === 'yearly' ? [1, 1] : [52, r.weeks];
  return divRoundHalfUp(bill.amount * perYear, 12 * per);
}

/**
 * The bills page: every recurring bill (open ones first, by next due date), each one's next open
 * due, and what the open bills in `currency` cost per month. Reads the dues of two months back to
 * about a year ahead through the one loader, and the accounts and categories for their names.
 */
export async function loadBills(db: ClearDayDatabase, input: { today: string; currency: string }) {
  const { today, currency } = input;
  const [window, accounts, categories] = await Promise.all([loadDues(db, { from: addDays(today, -62), to: addDays(today, 400) }, today), db.accounts.toArray(), db.categories.toArray()]);
  const bills = [...window.sources.recurringBills];
  const nextDue = new Map<string, Due>();
  for (const due of window.dues) {
    if (due.source !== 'bill' || !isOpen(due) || nextDue.has(due.sourceId)) continue;
    nextDue.set(due.sourceId, due);
  }
  bills.sort((a, b) => Number(a.archived) - Number(b.archived) || (nextDue.get(a.id)?.dueDate ?? '9').localeCompare(nextDue.get(b.id)?.dueDate ?? '9'));
  const monthlyTotal = bills
    .filter((b) => !b.archived && b.currency === currency)
    .reduce((sum, b) => sum + monthlyEquivalent(b), 0);
  return { bills, nextDue, accounts: new Map(accounts.map((a) => [a.id, a.name])), categories: new Map(categories.map((c) => [c.id, c])), monthlyTotal };
}

/** What the bill form offers: every account and every category in the user's order. */
export async function loadBillLookups(db: ClearDayDatabase) {
  return { accounts: await db.accounts.toArray(), categories: await db.categories.orderBy('order').toArray() };
}
