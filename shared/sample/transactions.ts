/** The sample household's everyday money: salaries, top-ups, utilities and spending, month by month. */
import type { Transaction } from '../domain/entities';
import { daysInMonthOf } from '../domain/calendar';
import { CNY, type SampleContext } from './context';
import type { Random } from './random';
import type { SampleText } from './text';

/** Spending mix: category preset, share of transactions, typical amount range in yuan. */
const SPENDING: { category: keyof SampleText['payees']; weight: number; min: number; max: number }[] = [
  { category: 'food', weight: 50, min: 15, max: 180 },
  { category: 'transport', weight: 20, min: 4, max: 90 },
  { category: 'shopping', weight: 15, min: 20, max: 520 },
  { category: 'entertainment', weight: 7, min: 30, max: 300 },
  { category: 'medical', weight: 3, min: 20, max: 380 },
  { category: 'education', weight: 4, min: 50, max: 800 },
];
const totalWeight = SPENDING.reduce((sum, s) => sum + s.weight, 0);
// Everyday spending goes mostly on the cards and credit lines, some from cash and WeChat.
const spendingAccounts = ['acct-cash', 'acct-wechat', 'acct-icbc-debit', 'acct-icbc-debit'];

/** Transactions in date-free serial order: ids count up as rows are added, transfers take two. */
export interface TransactionLedger {
  transactions: Transaction[];
  add(row: Omit<Transaction, 'id' | 'createdAt' | 'updatedAt' | 'currency' | 'tags'> & { tags?: string[] }): void;
  addTransfer(date: string, from: string, to: string, amount: number, payee: string): void;
}

export function createTransactionLedger({ stamps }: SampleContext): TransactionLedger {
  const transactions: Transaction[] = [];
  let serial = 0;
  const addTransaction: TransactionLedger['add'] = (row) => {
    serial += 1;
    transactions.push({ id: `tx-${String(serial).padStart(7, '0')}`, currency: CNY, tags: [], ...stamps, ...row });
  };

  const addTransfer: TransactionLedger['addTransfer'] = (date, from, to, amount, payee) => {
    const transferId = `tr-${String(serial + 1).padStart(7, '0')}`;
    addTransaction({ date, accountId: from, amount: -amount, payee, transferId, transferAccountId: to });
    addTransaction({ date, accountId: to, amount, payee, transferId, transferAccountId: from });
  };
  return { transactions, add: addTransaction, addTransfer };
}

/** `month`'s income, top-ups, utilities and about `perMonth` purchases (fewer in a month lived only up to `lastDay`). */
export function addMonthTransactions(ledger: TransactionLedger, { text }: SampleContext, random: Random, month: string, lastDay: number, perMonth: number): void {
  const { add: addTransaction, addTransfer } = ledger;
  if (lastDay >= 10) {
    addTransaction({ date: `${month}-10`, accountId: 'acct-icbc-debit', amount: 1_850_000, payee: text.employer, categoryId: 'cat-salary' });
  }
  if (lastDay >= 15) {
    addTransaction({ date: `${month}-15`, accountId: 'acct-cmb-savings', amount: 2_300_000, payee: text.salary, categoryId: 'cat-salary' });
    addTransfer(`${month}-16`, 'acct-cmb-savings', 'acct-icbc-debit', 2_200_000, text.toDebit);
  }
  // Everyday money is topped up from the debit card, as households do: WeChat balance and cash.
  addTransfer(`${month}-01`, 'acct-icbc-debit', 'acct-wechat', 380_000, text.topUpWechat);
  addTransfer(`${month}-01`, 'acct-icbc-debit', 'acct-cash', 310_000, text.atm);
  const utilitiesDay = Math.min(lastDay, 12);
  for (const payee of text.payees.utilities) {
    addTransaction({
      date: `${month}-${String(utilitiesDay).padStart(2, '0')}`,
      accountId: 'acct-wechat',
      amount: -random.int(60, 320) * 100 - random.int(0, 99),
      payee,
      categoryId: 'cat-utilities',
    });
  }
  const count = Math.round((perMonth * lastDay) / daysInMonthOf(month));
  for (let i = 0; i < count; i += 1) {
    let pick = random.next() * totalWeight;
    let spending = SPENDING[0]!;
    for (const candidate of SPENDING) {
      pick -= candidate.weight;
      if (pick <= 0) {
        spending = candidate;
        break;
      }
    }
    const day = random.int(1, lastDay);
    const yuan = random.int(spending.min, spending.max);
    addTransaction({
      date: `${month}-${String(day).padStart(2, '0')}`,
      accountId: random.pick(spendingAccounts),
      amount: -(yuan * 100 + random.int(0, 99)),
      payee: random.pick(text.payees[spending.category]),
      categoryId: `cat-${spending.category}`,
      tags: spending.category === 'education' ? ['family'] : [],
    });
  }
}
