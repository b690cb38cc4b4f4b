/** The dashboard's reads that are more than one row: the month at a glance. */
import { firstDayOfMonth, incomeAndSpending, lastDayOfMonth } from '../../../shared/domain';
import { planPayoff } from '../../../shared/finance';
import { amountToPay } from '../../../shared/dues';
import { payoffDebtsFrom } from '../../../shared/debts';
import type { ClearDayDatabase } from '../../db/database';
import { loadPlanner } from '../planner';
import { loadDues } from '../dues';

/**
 * The month's figures in `currency`: how many open debts, institutions and policies there are, the
 * month's income and spending, what is owed in all, the payoff plan, and the month's debt
 * repayments against the planner's budget. Reads the month's transactions and the month's dues
 * through the one loader.
 */
export async function loadDashboardMonth(db: ClearDayDatabase, input: { month: string; today: string; currency: string }) {
  const { month, today, currency } = input;
  // Only the month's rows and what the month's dues need: the time does not grow with history.
  const [monthDues, monthTransactions, planner] = await Promise.all([
    loadDues(db, { from: firstDayOfMonth(month), to: lastDayOfMonth(month) }, today),
    db.transactions.where('date').between(firstDayOfMonth(month), lastDayOfMonth(month), true, true).toArray(),
    loadPlanner(db),
  ]);
  const { statements, payments } = monthDues.sources;
  const debts = monthDues.sources.debts.filter((d) => !d.archived);
  const policies = monthDues.sources.policies.filter((p) => !p.archived).length;
  const { income, spending } = incomeAndSpending(monthTransactions, currency);
  const planned = payoffDebtsFrom({ debts, statements, payments }, currency, today);
  const plan = planner.monthlyBudget > 0 && planned.length > 0 ? planPayoff({ debts: planned, monthlyBudget: planner.monthlyBudget, strategy: planner.strategy, customOrder: planner.customOrder }) : null;
  // The month's debt repayments, against the planner's budget for debts (premiums and bills are the budget page's).
  const repayments = monthDues.dues.filter((due) => due.source === 'debt' && due.currency === currency);
  return {
    debts: debts.length,
    institutions: new Set(debts.map((d) => d.institutionId)).size,
    policies,
    income,
    spending,
    totalDebt: planned.reduce((sum, d) => sum + d.balance, 0),
    plan,
    budget: planner.monthlyBudget,
    requiredThisMonth: repayments.reduce((sum, due) => sum + due.minimum, 0),
    stillToPayThisMonth: repayments.reduce((sum, due) => sum + amountToPay(due), 0),
  };
}
