/** The accounts feature's reads that are more than one row: the accounts page with net worth. */
import { accountBalance, latestValuations, netWorth, transactionTotals } from '../../../shared/budget';
import { summarizeDebt } from '../../../shared/debts';
import { AccountKindSchema, firstDayOfMonth, lastDayOfMonth, monthOf } from '../../../shared/domain';
import { minorUnitDigits } from '../../../shared/finance';
import type { ClearDayDatabase } from '../../db/database';
import { loadDueSources } from '../dues';

/**
 * Every account with its balance (open ones first, by kind, then by name), what each open debt
 * still owes, net worth in `baseCurrency`, the foreign currencies held or owed and their rates.
 * Balances sum every transaction and the latest valuations (the balance checkpoints of issue 21
 * will bound that read); what a debt owes comes from the dues of the current month through the
 * one loader (each card's latest statement, each loan's and plan's payments), not whole tables.
 */
export async function loadAccountsOverview(db: ClearDayDatabase, input: { baseCurrency: string; today: string }) {
  const { baseCurrency: base, today } = input;
  const month = monthOf(today);
  const [accounts, transactions, valuations, rates, sources] = await Promise.all([
    db.accounts.toArray(),
    db.transactions.toArray(),
    db.valuations.toArray(),
    db.exchangeRates.toArray(),
    loadDueSources(db, { from: firstDayOfMonth(month), to: lastDayOfMonth(month) }),
  ]);
  const { debts, statements, payments } = sources;
  const kinds = AccountKindSchema.options;
  const totals = transactionTotals(transactions);
  const latest = latestValuations(valuations);
  const rows = accounts
    .map((account) => ({ account, balance: accountBalance(account, totals, latest), valuedOn: account.kind === 'wealth' ? latest.get(account.id)?.date : undefined }))
    .sort((a, b) => Number(a.account.archived) - Number(b.account.archived) || kinds.indexOf(a.account.kind) - kinds.indexOf(b.account.kind) || a.account.name.localeCompare(b.account.name));
  const debtsById = new Map(debts.map((d) => [d.id, d]));
  const owed = debts
    .filter((debt) => !debt.archived)
    .map((debt) => {
      const parent = debt.parentDebtId ? debtsById.get(debt.parentDebtId) : undefined;
      return { debt, amount: summarizeDebt({ debt, statements, payments, ...(parent ? { parent } : {}) }, today).remaining };
    })
    .filter((row) => row.amount > 0);
  const rateMap = new Map(rates.map((r) => [r.currency, r]));
  const worth = netWorth({
    baseCurrency: base,
    assets: rows.filter((row) => !row.account.archived).map((row) => ({ amount: row.balance, currency: row.account.currency })),
    debts: owed.map((row) => ({ amount: row.amount, currency: row.debt.currency })),
    rates: rateMap,
    digits: minorUnitDigits,
  });
  const foreign = [...new Set([...accounts.filter((a) => !a.archived).map((a) => a.currency), ...owed.map((row) => row.debt.currency)])].filter((c) => c !== base).sort();
  return { rows, owed, worth, foreign, rates: new Map(rates.map((r) => [r.currency, r.rateToBase])) };
}

export type AccountsOverview = Awaited<ReturnType<typeof loadAccountsOverview>>;
