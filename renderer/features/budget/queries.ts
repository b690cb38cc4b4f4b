/**
 * One month of the budget: each category's line (budgeted, carried over, spent, left), the debt
 * repayment line, and for the current month what is still free to spend. Reads the month's
 * window: its transactions (from the first rollover budget on), payments and dues.
 */
import { accountBalance, latestValuations, monthBudget, spendingByMonthAndCategory, transactionTotals } from '../../../shared/budget';
import { addMonthsToMonth, firstDayOfMonth, lastDayOfMonth, monthOf } from '../../../shared/domain';
import { amountToPay, countsTowardsTotals, isOutstanding } from '../../../shared/dues';
import type { ClearDayDatabase } from '../../db/database';
import { loadDues } from '../dues';
import { loadPlanner } from '../planner';

/** Accounts whose money can be spent this month: not deposits locked to a date, not funds. */
const SPENDABLE = new Set(['cash', 'debit', 'savings']);

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
