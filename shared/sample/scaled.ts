/**
 * The sample household at benchmark scale (issue 9). Scale 1 is a decade of one heavily indebted
 * household: 10 years, 100,000 transactions over 12 accounts, 30 debts at 12 institutions,
 * 20 policies and 60 categories. Smaller scales shorten the history (scale 0.1 = one year and
 * 10,000 transactions) and keep everything else: a month looks the same at every scale, so a
 * screen that depends only on the month shown must take the same time at every scale.
 */
import type { Account, Category, Debt, Institution, Policy, Statement, Transaction } from '../domain/entities';
import { INSTITUTION_PRESET_DETAILS } from '../domain/presets';
import { addDays, addMonths, addMonthsToMonth, monthOf } from '../domain/calendar';
import { lastGeneratedDay } from './context';
import { generateSampleHousehold, type SampleHousehold } from './household';
import { payPastDues } from './payments';
import { createRandom } from './random';

export interface ScaledOptions {
  /** 1 = ten years and 100,000 transactions; 0.1 = one year and 10,000. */
  scale: number;
  today: string;
  now: string;
  language: 'zh-CN' | 'en';
  seed?: number;
}

/** What scale 1 holds. Counts other than years and transactions do not change with the scale. */
export const SCALE_ONE = { years: 10, transactions: 100_000, accounts: 12, debts: 30, institutions: 12, policies: 20, categories: 60 } as const;

const TEXT = {
  'zh-CN': {
    institutions: { abc: '农业银行', bocom: '交通银行', zhaolian: '招联消费金融' },
    accounts: ['农业银行储蓄卡', '交通银行储蓄卡', '建设银行工资卡', '支付宝余额', '招商银行朝朝宝', '余额宝'],
    card: '信用卡',
    loan: '消费贷',
    installment: '分期',
    line: '信用付',
    policy: '保险',
    categories: ['早餐', '午餐', '晚餐', '零食', '水果', '咖啡', '地铁', '公交', '打车', '加油', '停车', '高速', '服装', '鞋包', '数码', '家电', '家具', '日用品', '化妆品', '书籍', '电影', '游戏', '旅游', '健身', '门诊', '药品', '体检', '学费', '培训', '文具', '宠物', '礼物', '红包', '捐赠', '维修', '快递', '理发', '洗衣', '保姆', '育儿', '父母', '会员', '年费', '罚款'],
  },
  en: {
    institutions: { abc: 'Agricultural Bank of China', bocom: 'Bank of Communications', zhaolian: 'Zhaolian Consumer Finance' },
    accounts: ['ABC debit card', 'BOCOM debit card', 'CCB payroll card', 'Alipay balance', 'CMB day-to-day wealth', "Yu'e Bao"],
    card: 'credit card',
    loan: 'consumer loan',
    installment: 'installments',
    line: 'credit line',
    policy: 'insurance',
    categories: ['Breakfast', 'Lunch', 'Dinner', 'Snacks', 'Fruit', 'Coffee', 'Metro', 'Bus', 'Taxi', 'Fuel', 'Parking', 'Tolls', 'Clothes', 'Shoes and bags', 'Gadgets', 'Appliances', 'Furniture', 'Household goods', 'Cosmetics', 'Books', 'Cinema', 'Games', 'Travel', 'Gym', 'Clinic visits', 'Medicine', 'Check-ups', 'Tuition', 'Courses', 'Stationery', 'Pets', 'Gifts', 'Red envelopes', 'Donations', 'Repairs', 'Delivery', 'Haircuts', 'Laundry', 'Housekeeper', 'Childcare', 'Parents', 'Memberships', 'Annual fees', 'Fines'],
  },
} as const;

const EXTRA_PAYEES = ['Store 1', 'Store 2', 'Market', 'Online shop', 'Restaurant', 'Pharmacy', 'Service'];

export function generateScaledHousehold(options: ScaledOptions): SampleHousehold {
  if (!(options.scale > 0 && options.scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${options.scale}`);
  const months = Math.max(1, Math.round(SCALE_ONE.years * 12 * options.scale));
  const target = Math.round(SCALE_ONE.transactions * options.scale);
  const random = createRandom((options.seed ?? 20261122) + 1);
  const text = TEXT[options.language];
  const stamps = { createdAt: options.now, updatedAt: options.now };
  const firstMonth = addMonthsToMonth(monthOf(options.today), -(months - 1));
  const firstDay = `${firstMonth}-01`;
  // The base household brings its own everyday spending; the rest of the volume is added below,
  // spread over every account and category.
  const base = generateSampleHousehold({ today: options.today, now: options.now, language: options.language, months, transactionsPerMonth: Math.floor((0.6 * target) / months), ...(options.seed === undefined ? {} : { seed: options.seed }) });

  const institution = (id: string, preset: 'abc' | 'bocom' | 'other', name: string, kind?: Institution['kind']): Institution => ({
    id,
    name,
    preset,
    kind: kind ?? INSTITUTION_PRESET_DETAILS[preset].kind,
    color: INSTITUTION_PRESET_DETAILS[preset].color,
    archived: false,
    ...stamps,
  });
  const institutions = [
    ...base.institutions,
    institution('inst-abc', 'abc', text.institutions.abc),
    institution('inst-bocom', 'bocom', text.institutions.bocom),
    institution('inst-zhaolian', 'other', text.institutions.zhaolian, 'consumer-finance'),
  ];
  const lenders = ['inst-cmb', 'inst-icbc', 'inst-ccb', 'inst-boc', 'inst-abc', 'inst-bocom', 'inst-jd', 'inst-alipay', 'inst-zhaolian', 'inst-wechat'];
  const cardBanks = ['inst-cmb', 'inst-icbc', 'inst-ccb', 'inst-boc', 'inst-abc', 'inst-bocom'];

  const openedOn = addDays(firstDay, -1);
  const extraAccounts: Account[] = text.accounts.map((name, index) => ({
    id: `acct-extra-${index + 1}`,
    name,
    kind: index < 3 ? 'debit' : index === 3 ? 'cash' : 'wealth',
    currency: 'CNY',
    openingBalance: 500_000 + index * 250_000,
    openedOn,
    archived: false,
    institutionId: ['inst-abc', 'inst-bocom', 'inst-ccb', 'inst-alipay', 'inst-cmb', 'inst-alipay'][index] ?? 'inst-abc',
    ...stamps,
  }));
  const accounts = [...base.accounts, ...extraAccounts];

  // 22 more debts: 8 cards, 6 consumer loans (some long paid off), 6 installment plans, 2 lines.
  const extraDebts: Debt[] = [];
  const debt = (id: string, name: string, institutionId: string, terms: Debt['terms']): void => {
    extraDebts.push({ id, name, institutionId, currency: 'CNY', archived: false, terms, ...stamps });
  };
  const institutionName = (id: string) => institutions.find((i) => i.id === id)?.name ?? id;
  for (let i = 0; i < 8; i += 1) {
    const bank = cardBanks[i % cardBanks.length] ?? 'inst-cmb';
    debt(`debt-x-card-${i + 1}`, `${institutionName(bank)} ${text.card} ${i + 1}`, bank, {
      kind: 'credit-card',
      creditLimit: 2_000_000 + i * 500_000,
      statementDay: 3 + i * 3,
      due: { kind: 'days-after-statement', days: 20 },
      minimumPayment: { percentOfPurchases: 0.1, floor: 1_000 },
      revolvingDailyRate: 0.0005,
      interestMethod: i % 2 === 0 ? 'whole-statement' : 'unpaid-part',
      lateCharge: { percentOfUnpaidMinimum: 0.05, floor: 1_000 },
      graceDays: 3,
      tolerance: 1_000,
      countBothEnds: false,
    });
  }
  for (let i = 0; i < 6; i += 1) {
    const lender = lenders[(i * 3) % lenders.length] ?? 'inst-zhaolian';
    // Loans start at points across the history; the early ones are paid off by today.
    const startMonth = addMonthsToMonth(firstMonth, Math.floor(((months - 1) * i) / 6));
    debt(`debt-x-loan-${i + 1}`, `${institutionName(lender)} ${text.loan} ${i + 1}`, lender, {
      kind: 'loan',
      principal: 3_000_000 + i * 1_000_000,
      rate: 0.06 + i * 0.02,
      rateBasis: 'annual',
      termMonths: 24 + i * 12,
      method: i % 2 === 0 ? 'annuity' : 'equal-principal',
      startDate: `${startMonth}-${String(5 + i).padStart(2, '0')}`,
      dueDay: 5 + i,
      prepaymentFeeRate: 0.01,
      penaltyMultiplier: 1.5,
      dayBasis: 360,
    });
  }
  for (let i = 0; i < 6; i += 1) {
    const lender = ['inst-jd', 'inst-alipay', 'inst-cmb', 'inst-icbc', 'inst-zhaolian', 'inst-ccb'][i] ?? 'inst-jd';
    const firstDue = addMonths(options.today, -(2 + i * 3), 12 + i);
    debt(`debt-x-plan-${i + 1}`, `${institutionName(lender)} ${text.installment} ${i + 1}`, lender, {
      kind: 'installment',
      principal: 300_000 + i * 150_000,
      periods: [6, 12, 12, 24, 24, 36][i] ?? 12,
      feeRate: 0.006,
      feeMode: 'per-period-on-principal',
      firstDueDate: firstDue,
    });
  }
  for (let i = 0; i < 2; i += 1) {
    const lender = i === 0 ? 'inst-wechat' : 'inst-zhaolian';
    debt(`debt-x-line-${i + 1}`, `${institutionName(lender)} ${text.line}`, lender, { kind: 'credit-line', creditLimit: 1_000_000, billDay: 2 + i, dueDay: 12 + i, overdueDailyRate: 0.0005 });
  }

  // Statements for the extra cards and lines, as printed on each month's bill.
  const extraStatements: Statement[] = [];
  for (let m = 0; m < months; m += 1) {
    const month = addMonthsToMonth(firstMonth, m);
    const lastDay = lastGeneratedDay(month, options.today);
    for (const item of extraDebts) {
      const terms = item.terms;
      const statementDay = terms.kind === 'credit-card' ? terms.statementDay : terms.kind === 'credit-line' ? terms.billDay : 0;
      if (statementDay === 0 || statementDay > lastDay) continue;
      const statementDate = `${month}-${String(statementDay).padStart(2, '0')}`;
      const dueDate = terms.kind === 'credit-card' ? addDays(statementDate, 20) : `${month}-${String(terms.kind === 'credit-line' ? terms.dueDay : 1).padStart(2, '0')}`;
      const balance = random.int(300, 6_000) * 100 + random.int(0, 99);
      extraStatements.push({ id: `stmt-${item.id}-${month}`, debtId: item.id, month, statementDate, dueDate, balance, minimumDue: Math.max(1_000, Math.round(balance / 10)), ...stamps });
    }
  }
  const paid = payPastDues({ debts: extraDebts, statements: extraStatements }, firstDay, options.today, stamps);

  const extraCategories: Category[] = text.categories.map((name, index) => ({
    id: `cat-x-${String(index + 1).padStart(2, '0')}`,
    name,
    kind: 'expense',
    group: 'living',
    rollover: false,
    order: base.categories.length + index,
    archived: false,
    ...stamps,
  }));
  const categories = [...base.categories, ...extraCategories];

  const policyTypes: Policy['type'][] = ['critical-illness', 'medical', 'term-life', 'accident', 'whole-life', 'endowment', 'property', 'auto-commercial'];
  const extraPolicies: Policy[] = Array.from({ length: SCALE_ONE.policies - base.policies.length }, (_, index) => {
    const type = policyTypes[index % policyTypes.length] ?? 'accident';
    const member = (['member-self', 'member-spouse', 'member-child'] as const)[index % 3] ?? 'member-self';
    const asset = type === 'property' || type === 'auto-commercial';
    return {
      id: `policy-x-${index + 1}`,
      insurerId: index % 2 === 0 ? 'inst-pingan' : 'inst-chinalife',
      productName: `${text.policy} ${index + 1}`,
      policyNumber: `X-${String(100_000 + index * 7_919)}`,
      type,
      policyholderId: 'member-self',
      insured: asset ? { kind: 'asset', description: `${text.policy} ${index + 1}` } : { kind: 'member', memberId: member },
      beneficiaries: { kind: 'legal-heirs' },
      sumAssured: 10_000_000 + index * 5_000_000,
      subLimits: [],
      premium: 20_000 + index * 15_000,
      currency: 'CNY',
      frequency: index % 4 === 0 ? 'monthly' : 'annual',
      paymentTerm: { kind: 'years', years: 10 + (index % 3) * 5 },
      coverageTerm: type === 'whole-life' ? { kind: 'lifetime' } : { kind: 'years', years: 20 },
      effectiveDate: addMonths(options.today, -(3 + index * 5), 1 + (index % 28)),
      coolingOffDays: 15,
      waitingPeriodDays: 90,
      gracePeriodDays: 60,
      guaranteedRenewal: false,
      premiumWaiver: false,
      payingAccountId: 'acct-icbc-debit',
      archived: false,
      ...stamps,
    };
  });

  // Top up everyday spending to the target count, over all 12 accounts and every expense category.
  const transactions: Transaction[] = [...base.transactions, ...paid.transactions];
  const spendingAccounts = accounts.filter((a) => a.kind !== 'fixed-deposit').map((a) => a.id);
  const expenseCategories = categories.filter((c) => c.kind === 'expense' && c.id !== 'cat-repayment').map((c) => c.id);
  const missing = target - transactions.length;
  if (missing < 0) throw new RangeError(`scale ${options.scale} is too small for the household's fixed rows`);
  for (let i = 0; i < missing; i += 1) {
    // Evenly over the history, so each month carries the same share.
    const month = addMonthsToMonth(firstMonth, Math.floor((i * months) / missing));
    const monthEnd = lastGeneratedDay(month, options.today);
    transactions.push({
      id: `tx-x-${String(i + 1).padStart(7, '0')}`,
      date: `${month}-${String(random.int(1, monthEnd)).padStart(2, '0')}`,
      accountId: random.pick(spendingAccounts),
      amount: -(random.int(5, 400) * 100 + random.int(0, 99)),
      currency: 'CNY',
      payee: `${random.pick(EXTRA_PAYEES)} ${random.int(1, 300)}`,
      categoryId: random.pick(expenseCategories),
      tags: random.chance(0.05) ? ['family'] : [],
      ...stamps,
    });
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return {
    ...base,
    institutions,
    accounts,
    debts: [...base.debts, ...extraDebts],
    statements: [...base.statements, ...extraStatements],
    payments: [...base.payments, ...paid.payments],
    categories,
    transactions,
    policies: [...base.policies, ...extraPolicies],
  };
}
