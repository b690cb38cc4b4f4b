/**
 * Account balances and net worth. Cash, debit, savings and deposits are the opening balance plus
 * their transactions; wealth products (funds, gold) are worth what the user last entered. Net
 * worth converts every currency into the base currency with the user's own rates and says which
 * currencies have no rate instead of guessing.
 */
import type { Account, ExchangeRate, Transaction, Valuation } from '../domain/entities';
import { mulRound } from '../finance/rounding';

/** Account id -> sum of its transactions up to and including `onOrBefore` (all when absent). */
export function transactionTotals(transactions: readonly Pick<Transaction, 'accountId' | 'amount' | 'date'>[], onOrBefore?: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of transactions) {
    if (onOrBefore !== undefined && row.date > onOrBefore) continue;
    totals.set(row.accountId, (totals.get(row.accountId) ?? 0) + row.amount);
  }
  return totals;
}

/** The latest valuation of each account on or before the date. */
export function latestValuations(valuations: readonly Valuation[], onOrBefore?: string): Map<string, Valuation> {
  const latest = new Map<string, Valuation>();
  for (const row of valuations) {
    if (onOrBefore !== undefined && row.date > onOrBefore) continue;
    const current = latest.get(row.accountId);
    if (!current || row.date > current.date || (row.date === current.date && row.updatedAt > current.updatedAt)) latest.set(row.accountId, row);
  }
  return latest;
}

export function accountBalance(account: Pick<Account, 'id' | 'kind' | 'openingBalance' | 'openedOn'>, totals: ReadonlyMap<string, number>, valuations: ReadonlyMap<string, Valuation>, onOrBefore?: string): number {
  if (onOrBefore !== undefined && account.openedOn > onOrBefore) return 0;
  if (account.kind === 'wealth') {
    const valuation = valuations.get(account.id);
    if (valuation) return valuation.value;
  }
  return account.openingBalance + (totals.get(account.id) ?? 0);
}

/** Minor units of `currency` in base minor units; undefined when the user has entered no rate. */
export function toBase(amount: number, currency: string, baseCurrency: string, rates: ReadonlyMap<string, Pick<ExchangeRate, 'rateToBase'>>, digits: (currency: string) => number): number | undefined {
  if (currency === baseCurrency) return amount;
  const rate = rates.get(currency);
  if (!rate) return undefined;
  const shift = digits(baseCurrency) - digits(currency);
  // Exact decimal product of the typed rate, so 0.1 + 0.2 style float noise never shows.
  return shift >= 0 ? mulRound(amount, [rate.rateToBase], 10 ** shift) : mulRound(amount, [rate.rateToBase], 1, 10 ** -shift);
}

export interface NetWorth {
  assets: number;
  debts: number;
  net: number;
  /** Currencies that could not be converted, so were left out: the UI asks for a rate. */
  missingRates: string[];
}

export function netWorth(input: {
  baseCurrency: string;
  assets: readonly { amount: number; currency: string }[];
  debts: readonly { amount: number; currency: string }[];
  rates: ReadonlyMap<string, Pick<ExchangeRate, 'rateToBase'>>;
  digits: (currency: string) => number;
}): NetWorth {
  const missing = new Set<string>();
  const total = (items: readonly { amount: number; currency: string }[]) => {
    let sum = 0;
    for (const item of items) {
      const converted = toBase(item.amount, item.currency, input.baseCurrency, input.rates, input.digits);
      if (converted === undefined) missing.add(item.currency);
      else sum += converted;
    }
    return sum;
  };
  const assets = total(input.assets);
  const debts = total(input.debts);
  return { assets, debts, net: assets - debts, missingRates: [...missing].sort() };
}
