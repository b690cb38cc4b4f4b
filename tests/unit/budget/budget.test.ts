import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accountBalance, categoryBreakdown, copyBudgets, createTransactionFilter, foldText, monthlyFlows, monthsEnding, netWorthSeries, latestValuations, monthBudget, netWorth, owedOn, spendingByCategory, spendingByMonthAndCategory, splitRemainder, toBase, transactionTotals } from '../../../shared/budget';
import type { Debt, Transaction, Valuation } from '../../../shared/domain';
import { minorUnitDigits } from '../../../shared/finance/money';
import { LOAN_TERMS, STAMPS } from '../fixtures';

function tx(partial: Partial<Transaction> & Pick<Transaction, 'date' | 'amount'>): Transaction {
  return { id: `t-${partial.date}-${partial.amount}`, accountId: 'a1', currency: 'CNY', payee: '', tags: [], ...STAMPS, ...partial };
}

const CATEGORIES = [
  { id: 'food', kind: 'expense' as const, rollover: false, order: 1, archived: false },
  { id: 'fun', kind: 'expense' as const, rollover: true, order: 2, archived: false },
  { id: 'salary', kind: 'income' as const, rollover: false, order: 3, archived: false },
  { id: 'medical', kind: 'expense' as const, rollover: false, order: 4, archived: false },
];

describe('spending', () => {
  it('counts splits per category, refunds lower spending, transfers and other currencies do not count', () => {
    const rows = [
      tx({ date: '2026-09-01', amount: -10_000, categoryId: 'food' }),
      tx({ date: '2026-09-02', amount: -30_000, splits: [{ categoryId: 'food', amount: -12_000 }, { categoryId: 'fun', amount: -18_000 }] }),
      tx({ date: '2026-09-03', amount: 2_000, categoryId: 'food' }),
      tx({ date: '2026-09-04', amount: -50_000, categoryId: 'food', transferId: 'x' }),
      tx({ date: '2026-09-05', amount: -7_000, categoryId: 'food', currency: 'USD' }),
    ];
    expect(Object.fromEntries(spendingByCategory(rows, 'CNY'))).toEqual({ food: 20_000, fun: 18_000 });
    const byMonth = spendingByMonthAndCategory([...rows, tx({ date: '2026-10-01', amount: -500, categoryId: 'fun' })], 'CNY');
    expect(byMonth.get('2026-10')?.get('fun')).toBe(500);
    expect(byMonth.get('2026-09')?.get('fun')).toBe(18_000);
  });

  it('names what a split leaves unassigned', () => {
    expect(splitRemainder(-30_000, [{ amount: -12_000 }, { amount: -17_000 }])).toBe(-1_000);
    expect(splitRemainder(-30_000, [{ amount: -12_000 }, { amount: -18_000 }])).toBe(0);
  });
});

describe('monthBudget', () => {
  const budgets = [
    { month: '2026-08', categoryId: 'food', amount: 100_000 },
    { month: '2026-08', categoryId: 'fun', amount: 20_000 },
    { month: '2026-09', categoryId: 'food', amount: 100_000 },
    { month: '2026-09', categoryId: 'fun', amount: 20_000 },
  ];
  const spending = new Map([
    ['2026-08', new Map([['food', 80_000], ['fun', 5_000]])],
    ['2026-09', new Map([['food', 120_000], ['fun', 30_000], ['medical', 4_000]])],
  ]);

  it('carries what is left only for rollover categories and flags overspending', () => {
    const result = monthBudget({ month: '2026-09', categories: CATEGORIES, budgets, spending });
    // food: no rollover, 100,000 - 120,000 = -20,000 overspent.
    // fun: carries 20,000 - 5,000 = 15,000 from August; 15,000 + 20,000 - 30,000 = 5,000 left.
    // medical: no budget but 4,000 spent: shown with 0 budgeted, overspent.
    expect(result.lines).toEqual([
      { categoryId: 'food', budgeted: 100_000, carried: 0, spent: 120_000, left: -20_000, overspent: true },
      { categoryId: 'fun', budgeted: 20_000, carried: 15_000, spent: 30_000, left: 5_000, overspent: false },
      { categoryId: 'medical', budgeted: 0, carried: 0, spent: 4_000, left: -4_000, overspent: true },
    ]);
    expect(result.totals).toEqual({ budgeted: 120_000, carried: 15_000, spent: 154_000, left: -19_000 });
    expect(result.unbudgetedSpent).toBe(4_000);
  });

  it('carries overspending forward too, and across a month without a budget row', () => {
    const overspent = new Map([['2026-08', new Map([['fun', 26_000]])]]);
    const result = monthBudget({ month: '2026-10', categories: CATEGORIES, budgets: budgets.filter((b) => b.month === '2026-08' || b.categoryId === 'food'), spending: overspent });
    // August: 20,000 - 26,000 = -6,000; September: no budget, no spending: still -6,000.
    expect(result.lines.find((line) => line.categoryId === 'fun')).toEqual({ categoryId: 'fun', budgeted: 0, carried: -6_000, spent: 0, left: -6_000, overspent: true });
  });

  it('ignores budgets of later months', () => {
    const result = monthBudget({ month: '2026-08', categories: CATEGORIES, budgets, spending });
    expect(result.totals.budgeted).toBe(120_000);
  });

  it('copies only categories the target month lacks', () => {
    const from = budgets.filter((b) => b.month === '2026-09').map((b) => ({ ...b, currency: 'CNY' }));
    expect(copyBudgets(from, [{ categoryId: 'food' }], '2026-10')).toEqual([{ month: '2026-10', categoryId: 'fun', amount: 20_000, currency: 'CNY' }]);
  });
});

describe('balances and net worth', () => {
  const rows = [tx({ date: '2026-09-01', amount: -1_000 }), tx({ date: '2026-09-10', amount: 5_000 }), tx({ date: '2026-09-03', amount: 700, accountId: 'a2' })];
  it('adds transactions to the opening balance, up to a date', () => {
    const all = transactionTotals(rows);
    expect(accountBalance({ id: 'a1', kind: 'debit', openingBalance: 10_000, openedOn: '2026-01-01' }, all, new Map())).toBe(14_000);
    const early = transactionTotals(rows, '2026-09-05');
    expect(accountBalance({ id: 'a1', kind: 'debit', openingBalance: 10_000, openedOn: '2026-01-01' }, early, new Map())).toBe(9_000);
    expect(accountBalance({ id: 'a1', kind: 'debit', openingBalance: 10_000, openedOn: '2026-10-01' }, early, new Map(), '2026-09-05')).toBe(0);
  });

  it('values wealth products at the latest valuation on or before the date', () => {
    const valuations: Valuation[] = [
      { id: 'v1', accountId: 'w', date: '2026-07-01', value: 100_000, ...STAMPS },
      { id: 'v2', accountId: 'w', date: '2026-09-01', value: 98_000, ...STAMPS },
    ];
    const fund = { id: 'w', kind: 'wealth' as const, openingBalance: 90_000, openedOn: '2026-01-01' };
    expect(accountBalance(fund, new Map(), latestValuations(valuations))).toBe(98_000);
    expect(accountBalance(fund, new Map(), latestValuations(valuations, '2026-08-15'))).toBe(100_000);
    expect(accountBalance(fund, new Map(), latestValuations(valuations, '2026-06-01'))).toBe(90_000);
  });

  it('converts with the user rate and names currencies without one', () => {
    const rates = new Map([['USD', { rateToBase: 7.1 }], ['JPY', { rateToBase: 0.047 }]]);
    expect(toBase(12_345, 'USD', 'CNY', rates, minorUnitDigits)).toBe(87_650); // 123.45 x 7.1 = 876.495 -> 876.50
    expect(toBase(10_000, 'JPY', 'CNY', rates, minorUnitDigits)).toBe(47_000); // JPY has no minor unit: 10,000 yen = 470.00 yuan
    const result = netWorth({
      baseCurrency: 'CNY',
      assets: [{ amount: 500_000, currency: 'CNY' }, { amount: 10_000, currency: 'USD' }, { amount: 100, currency: 'EUR' }],
      debts: [{ amount: 200_000, currency: 'CNY' }],
      rates,
      digits: minorUnitDigits,
    });
    expect(result).toEqual({ assets: 571_000, debts: 200_000, net: 371_000, missingRates: ['EUR'] });
  });

  it('owes the full principal before any payment and nothing before the loan starts', () => {
    const loan: Debt = { id: 'd1', name: 'Loan', institutionId: 'i', currency: 'CNY', terms: LOAN_TERMS, archived: false, ...STAMPS };
    expect(owedOn([loan], [], [], '2026-01-01')).toEqual([]);
    expect(owedOn([loan], [], [], '2026-03-01')).toEqual([{ amount: 10_000_000, currency: 'CNY' }]);
    // Paying the first due (2,992.60, of which 408.33 interest) leaves 100,000 - 2,584.27.
    const payment = { id: 'p1', source: 'debt' as const, sourceId: 'd1', dueDate: '2026-02-15', paidOn: '2026-02-15', amount: 299_260, currency: 'CNY', kind: 'full' as const, ...STAMPS };
    expect(owedOn([loan], [], [payment], '2026-03-01')).toEqual([{ amount: 10_000_000 - 258_427, currency: 'CNY' }]);
    expect(owedOn([loan], [], [payment], '2026-02-14')).toEqual([{ amount: 10_000_000, currency: 'CNY' }]);
  });
});

describe('transaction filter', () => {
  const rows = [
    tx({ id: 'a', date: '2026-09-01', amount: -3_500, payee: 'Starbucks 星巴克', categoryId: 'food', tags: ['work'] }),
    tx({ id: 'b', date: '2026-09-05', amount: -120_000, payee: 'Landlord', categoryId: 'housing', note: 'September rent' }),
    tx({ id: 'c', date: '2026-09-09', amount: 500_000, payee: 'ACME', accountId: 'a2', categoryId: 'salary' }),
    tx({ id: 'd', date: '2026-09-12', amount: -30_000, payee: 'Supermarket', splits: [{ categoryId: 'food', amount: -10_000 }, { categoryId: 'housing', amount: -20_000, note: 'towels' }] }),
    tx({ id: 'e', date: '2026-09-15', amount: -8_000, payee: 'Mystery' }),
  ];
  const labels: Record<string, string> = { food: 'Food & dining', housing: 'Housing', salary: 'Salary' };
  const filter = createTransactionFilter((id) => labels[id] ?? '');
  const ids = (f: Parameters<typeof filter>[1]) => filter(rows, f).map((row) => row.id);

  it('matches every word across payee, note, tags, category names and split notes, width- and case-insensitively', () => {
    expect(ids({ text: '星巴克' })).toEqual(['a']);
    expect(ids({ text: 'ＳＴＡＲ work' })).toEqual(['a']);
    expect(ids({ text: 'rent' })).toEqual(['b']);
    expect(ids({ text: 'towels' })).toEqual(['d']);
    expect(ids({ text: 'food' })).toEqual(['a', 'd']);
  });

  it('filters by account, category (incl. splits and uncategorized), dates and amount range', () => {
    expect(ids({ text: '', accountId: 'a2' })).toEqual(['c']);
    expect(ids({ text: '', categoryId: 'housing' })).toEqual(['b', 'd']);
    expect(ids({ text: '', categoryId: 'none' })).toEqual(['e']);
    expect(ids({ text: '', from: '2026-09-05', to: '2026-09-12' })).toEqual(['b', 'c', 'd']);
    expect(ids({ text: '', minAmount: 8_000, maxAmount: 120_000 })).toEqual(['b', 'd', 'e']);
  });
});

describe('reports', () => {
  it('lists months oldest first', () => {
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('breaks spending down by category for a period, largest first', () => {
    const rows = [
      tx({ id: '1', date: '2026-08-31', amount: -9_000, categoryId: 'food' }),
      tx({ id: '2', date: '2026-09-01', amount: -1_000, categoryId: 'food' }),
      tx({ id: '3', date: '2026-09-02', amount: -5_000, categoryId: 'fun' }),
      tx({ id: '4', date: '2026-09-30', amount: 500_000, categoryId: 'salary' }),
    ];
    // Income categories show as negative spending and are dropped by the page, not here.
    expect(categoryBreakdown(rows, '2026-09-01', '2026-09-30', 'CNY')).toEqual([
      { categoryId: 'fun', amount: 5_000 },
      { categoryId: 'food', amount: 1_000 },
      { categoryId: 'salary', amount: -500_000 },
    ]);
  });

  it('sums income and spending per month, without transfers', () => {
    const rows = [
      tx({ id: '1', date: '2026-08-10', amount: 500_000 }),
      tx({ id: '2', date: '2026-08-11', amount: -120_000 }),
      tx({ id: '3', date: '2026-09-11', amount: -20_000 }),
      tx({ id: '4', date: '2026-09-12', amount: -70_000, transferId: 'x' }),
    ];
    expect(monthlyFlows(rows, ['2026-08', '2026-09'], 'CNY')).toEqual([
      { month: '2026-08', income: 500_000, spending: 120_000, net: 380_000 },
      { month: '2026-09', income: 0, spending: 20_000, net: -20_000 },
    ]);
  });

  it('tracks net worth at each month end and stops at today', () => {
    const loan: Debt = { id: 'd1', name: 'Loan', institutionId: 'i', currency: 'CNY', terms: LOAN_TERMS, archived: false, ...STAMPS };
    const accounts = [{ id: 'a1', name: 'Debit', kind: 'debit' as const, currency: 'CNY', openingBalance: 20_000_000, openedOn: '2026-01-01', archived: false, ...STAMPS }];
    const payment = { id: 'p1', source: 'debt' as const, sourceId: 'd1', dueDate: '2026-02-15', paidOn: '2026-02-15', amount: 299_260, currency: 'CNY', kind: 'full' as const, ...STAMPS };
    const series = netWorthSeries({
      months: ['2026-01', '2026-02', '2026-03'],
      today: '2026-03-10',
      baseCurrency: 'CNY',
      accounts,
      transactions: [{ accountId: 'a1', amount: -299_260, date: '2026-02-15' }],
      valuations: [],
      debts: [loan],
      statements: [],
      payments: [payment],
      rates: [],
      digits: minorUnitDigits,
    });
    expect(series.map((p) => [p.date, p.assets, p.debts, p.net])).toEqual([
      ['2026-01-31', 20_000_000, 10_000_000, 10_000_000],
      ['2026-02-28', 19_700_740, 9_741_573, 9_959_167],
      ['2026-03-10', 19_700_740, 9_741_573, 9_959_167],
    ]);
  });
});

describe('foldText', () => {
  it('folds width and case, and its fast path for ASCII and CJK gives what NFKC gives', () => {
    expect(foldText('ＳＴＡＲＢＵＣＫＳ 星巴克')).toBe('starbucks 星巴克');
    expect(foldText('Café ①')).toBe('café 1');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9 一-龥ｱ-ﾝＡ-Ｚ]*$/)), (text) => {
        expect(foldText(text)).toBe(text.normalize('NFKC').toLowerCase());
      }),
    );
  });
});
