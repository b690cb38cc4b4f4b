/** The reports' reads: each report's figures, reading only what that report needs. */
import { categoryBreakdown, monthlyFlows, monthsEnding, netWorthSeries } from '../../../shared/budget';
import { firstDayOfMonth, lastDayOfMonth, monthOf } from '../../../shared/domain';
import { minorUnitDigits } from '../../../shared/finance';
import type { ClearDayDatabase } from '../../db/database';

export const REPORTS = ['categories', 'trend', 'income-expense', 'net-worth', 'debt'] as const;
export type Report = (typeof REPORTS)[number];

/**
 * One report's figures in `currency`, or `{ empty: true }` when there are neither transactions
 * nor debts. Every report reads the categories; spending by category reads the transactions of
 * the range; the trend and income against spending those of the twelve months to today; net
 * worth and debt over the twelve months read accounts, transactions, valuations, debts,
 * statements, payments and rates whole.
 */
export async function loadReport(db: ClearDayDatabase, input: { report: Report; range: { from: string; to: string }; currency: string; today: string }) {
  const { report, range, currency, today } = input;
  const months = monthsEnding(monthOf(today), 12);
  const count = await db.transactions.count();
  const hasDebts = (await db.debts.count()) > 0;
  if (count === 0 && !hasDebts) return { empty: true as const };
  const categories = new Map((await db.categories.toArray()).map((c) => [c.id, c]));
  if (report === 'categories') {
    const rows = await db.transactions.where('date').between(range.from, range.to, true, true).toArray();
    const breakdown = categoryBreakdown(rows, range.from, range.to, currency).filter((row) => categories.get(row.categoryId)?.kind !== 'income');
    return { empty: false as const, breakdown, categories };
  }
  if (report === 'trend' || report === 'income-expense') {
    const first = months[0] ?? monthOf(today);
    const rows = await db.transactions.where('date').between(firstDayOfMonth(first), lastDayOfMonth(monthOf(today)), true, true).toArray();
    return { empty: false as const, flows: monthlyFlows(rows, months, currency), categories };
  }
  const [accounts, transactions, valuations, debts, statements, payments, rates] = await Promise.all([
    db.accounts.toArray(),
    db.transactions.toArray(),
    db.valuations.toArray(),
    db.debts.toArray(),
    db.statements.toArray(),
    db.payments.toArray(),
    db.exchangeRates.toArray(),
  ]);
  const series = netWorthSeries({ months, today, baseCurrency: currency, accounts, transactions, valuations, debts, statements, payments, rates, digits: minorUnitDigits });
  return { empty: false as const, series, categories };
}
