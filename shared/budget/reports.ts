/**
 * The figures behind the reports. Every series is computed here from stored rows, so the chart
 * and its table show the same numbers, and tests check them without a browser.
 */
import { addMonthsToMonth, lastDayOfMonth, monthOf } from '../domain/calendar';
import { incomeAndSpending } from '../domain/cashflow';
import type { Account, Debt, ExchangeRate, Payment, Statement, Transaction, Valuation } from '../domain/entities';
import { owedOn } from './debt-history';
import { accountBalance, latestValuations, netWorth, transactionTotals } from './net-worth';
import { spendingByCategory } from './spending';

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonthsToMonth(last, i - count + 1));
}

/** Spending per category in [from, to], largest first; refunds can make a category negative. */
export function categoryBreakdown(transactions: readonly Transaction[], from: string, to: string, currency: string): { categoryId: string; amount: number }[] {
  const inPeriod = transactions.filter((row) => row.date >= from && row.date <= to);
  return [...spendingByCategory(inPeriod, currency).entries()]
    .map(([categoryId, amount]) => ({ categoryId, amount }))
    .filter((row) => row.amount !== 0)
    .sort((a, b) => b.amount - a.amount || a.categoryId.localeCompare(b.categoryId));
}

export interface MonthFlow {
  month: string;
  income: number;
  spending: number;
  net: number;
}

export function monthlyFlows(transactions: readonly Transaction[], months: readonly string[], currency: string): MonthFlow[] {
  const byMonth = new Map<string, Transaction[]>(months.map((m) => [m, []]));
  for (const row of transactions) byMonth.get(monthOf(row.date))?.push(row);
  return months.map((month) => {
    const { income, spending } = incomeAndSpending(byMonth.get(month) ?? [], currency);
    return { month, income, spending, net: income - spending };
  });
}

export interface WorthPoint {
  month: string;
  /** The last day of the month, or today for the current month. */
  date: string;
  assets: number;
  debts: number;
  net: number;
  missingRates: string[];
}

/** Assets, debts and net worth at the end of each month, in the base currency. */
export function netWorthSeries(input: {
  months: readonly string[];
  today: string;
  baseCurrency: string;
  accounts: readonly Account[];
  transactions: readonly Pick<Transaction, 'accountId' | 'amount' | 'date'>[];
  valuations: readonly Valuation[];
  debts: readonly Debt[];
  statements: readonly Statement[];
  payments: readonly Payment[];
  rates: readonly ExchangeRate[];
  digits: (currency: string) => number;
}): WorthPoint[] {
  const rates = new Map(input.rates.map((r) => [r.currency, r]));
  const accounts = input.accounts.filter((a) => !a.archived);
  const debts = input.debts.filter((d) => !d.archived);
  return input.months.map((month) => {
    const end = lastDayOfMonth(month);
    const date = end > input.today ? input.today : end;
    const totals = transactionTotals(input.transactions, date);
    const valuations = latestValuations(input.valuations, date);
    const worth = netWorth({
      baseCurrency: input.baseCurrency,
      assets: accounts.map((a) => ({ amount: accountBalance(a, totals, valuations, date), currency: a.currency })),
      debts: owedOn(debts, input.statements, input.payments, date),
      rates,
      digits: input.digits,
    });
    return { month, date, ...worth };
  });
}
