/**
 * One month of the budget: per category what was budgeted, carried over from earlier months,
 * spent and what is left. Rollover is chosen per category: when on, whatever is left at the end
 * of a month (or overspent: it is a debt to yourself) carries into the next month.
 */
import { addMonthsToMonth } from '../domain/calendar';
import type { Budget, Category } from '../domain/entities';

export interface BudgetLine {
  categoryId: string;
  budgeted: number;
  /** Left over (positive) or overspent (negative) from earlier months; 0 without rollover. */
  carried: number;
  spent: number;
  /** carried + budgeted - spent */
  left: number;
  overspent: boolean;
}

export interface MonthBudget {
  month: string;
  lines: BudgetLine[];
  totals: { budgeted: number; carried: number; spent: number; left: number };
  /** Categories with spending and no budget this month: shown so nothing spent goes unseen. */
  unbudgetedSpent: number;
}

export interface MonthBudgetInput {
  month: string;
  categories: readonly Pick<Category, 'id' | 'kind' | 'rollover' | 'order' | 'archived'>[];
  /** Budgets of this month and, for rollover, of every earlier month. */
  budgets: readonly Pick<Budget, 'month' | 'categoryId' | 'amount'>[];
  /** Month -> category -> spent, for this month and every earlier month with a budget. */
  spending: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function monthBudget(input: MonthBudgetInput): MonthBudget {
  const { month } = input;
  const budgetOf = new Map<string, number>();
  const firstMonthOf = new Map<string, string>();
  for (const budget of input.budgets) {
    if (budget.month > month) continue;
    budgetOf.set(`${budget.month}|${budget.categoryId}`, budget.amount);
    const first = firstMonthOf.get(budget.categoryId);
    if (first === undefined || budget.month < first) firstMonthOf.set(budget.categoryId, budget.month);
  }
  const spentIn = (m: string, categoryId: string) => input.spending.get(m)?.get(categoryId) ?? 0;

  const lines: BudgetLine[] = [];
  let unbudgetedSpent = 0;
  const sorted = [...input.categories].sort((a, b) => a.order - b.order);
  for (const category of sorted) {
    if (category.kind !== 'expense') continue;
    const budgeted = budgetOf.get(`${month}|${category.id}`);
    const spent = spentIn(month, category.id);
    let carried = 0;
    const first = firstMonthOf.get(category.id);
    if (category.rollover && first !== undefined && first < month) {
      for (let m = first; m < month; m = addMonthsToMonth(m, 1)) {
        carried += (budgetOf.get(`${m}|${category.id}`) ?? 0) - spentIn(m, category.id);
      }
    }
    if (budgeted === undefined && carried === 0) {
      if (spent !== 0) unbudgetedSpent += spent;
      if (spent === 0 || category.archived) continue;
    }
    const left = carried + (budgeted ?? 0) - spent;
    lines.push({ categoryId: category.id, budgeted: budgeted ?? 0, carried, spent, left, overspent: left < 0 });
  }
  const totals = lines.reduce(
    (sum, line) => ({ budgeted: sum.budgeted + line.budgeted, carried: sum.carried + line.carried, spent: sum.spent + line.spent, left: sum.left + line.left }),
    { budgeted: 0, carried: 0, spent: 0, left: 0 },
  );
  return { month, lines, totals, unbudgetedSpent };
}

/** Next month's budget rows copied from this month's: only categories not yet budgeted there. */
export function copyBudgets<T extends Pick<Budget, 'month' | 'categoryId' | 'amount' | 'currency'>>(from: readonly T[], target: readonly Pick<Budget, 'categoryId'>[], toMonth: string) {
  const taken = new Set(target.map((row) => row.categoryId));
  return from.filter((row) => !taken.has(row.categoryId)).map((row) => ({ month: toMonth, categoryId: row.categoryId, amount: row.amount, currency: row.currency }));
}
