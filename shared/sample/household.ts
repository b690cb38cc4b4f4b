/**
 * The sample household: a deterministic, realistic family with two credit cards (CMB, ICBC),
 * JD Baitiao and Jintiao, Alipay Huabei with an installment plan, a mortgage, a car loan,
 * insurance policies and months of everyday spending. Seeded, so the same options always
 * produce the same rows; `months` and `transactionsPerMonth` scale it up for benchmarks.
 * Each kind of row has its builder in this folder; this file puts them together.
 */
import type {
  Account,
  Budget,
  Category,
  Claim,
  Debt,
  FamilyMember,
  Institution,
  Payment,
  Policy,
  RecurringBill,
  Statement,
  Transaction,
} from '../domain/entities';
import { addMonthsToMonth, monthOf } from '../domain/calendar';
import { buildAccounts } from './accounts';
import { buildRecurringBills } from './bills';
import { buildCategories, buildMonthBudgets } from './categories';
import { lastGeneratedDay, type SampleContext } from './context';
import { buildDebts, buildMonthStatements } from './debts';
import { buildFamilyMembers } from './family';
import { buildInstitutions } from './institutions';
import { payPastDues } from './payments';
import { buildClaims, buildPolicies } from './policies';
import { createRandom } from './random';
import { SAMPLE_TEXT, type SampleLanguage } from './text';
import { addMonthTransactions, createTransactionLedger } from './transactions';

export interface SampleOptions {
  /** The household's "today": the last generated day. */
  today: string;
  /** Stamp for createdAt/updatedAt. */
  now: string;
  language: SampleLanguage;
  seed?: number;
  months?: number;
  transactionsPerMonth?: number;
}

export interface SampleHousehold {
  institutions: Institution[];
  accounts: Account[];
  debts: Debt[];
  statements: Statement[];
  payments: Payment[];
  categories: Category[];
  transactions: Transaction[];
  budgets: Budget[];
  recurringBills: RecurringBill[];
  familyMembers: FamilyMember[];
  policies: Policy[];
  claims: Claim[];
}

export function generateSampleHousehold(options: SampleOptions): SampleHousehold {
  const random = createRandom(options.seed ?? 20261122);
  const months = options.months ?? 12;
  const perMonth = options.transactionsPerMonth ?? 90;
  const context: SampleContext = {
    text: SAMPLE_TEXT[options.language],
    stamps: { createdAt: options.now, updatedAt: options.now },
    today: options.today,
    firstMonth: addMonthsToMonth(monthOf(options.today), -(months - 1)),
  };

  const institutions = buildInstitutions(context);
  const accounts = buildAccounts(context);
  const debts = buildDebts(context);
  const categories = buildCategories(context);
  const familyMembers = buildFamilyMembers(context);
  const policies = buildPolicies(context);
  const claims = buildClaims(context);
  const recurringBills = buildRecurringBills(context);

  const ledger = createTransactionLedger(context);
  const budgets: Budget[] = [];
  const statements: Statement[] = [];
  for (let m = 0; m < months; m += 1) {
    const month = addMonthsToMonth(context.firstMonth, m);
    const lastDay = lastGeneratedDay(month, options.today);
    // One random stream runs through the months, each month's spending before its statements:
    // keeping that order keeps a seed's household the same.
    addMonthTransactions(ledger, context, random, month, lastDay, perMonth);
    budgets.push(...buildMonthBudgets(context, month));
    statements.push(...buildMonthStatements(context, random, month, lastDay));
  }
  // The household pays every due on time up to today, from the ICBC debit card; so nothing in
  // the sample is overdue, and the repayments show in the budget.
  const paid = payPastDues({ debts, statements }, `${context.firstMonth}-01`, options.today, context.stamps);
  const payments = paid.payments;
  const transactions = ledger.transactions;
  transactions.push(...paid.transactions);

  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return { institutions, accounts, debts, statements, payments, categories, transactions, budgets, recurringBills, familyMembers, policies, claims };
}
