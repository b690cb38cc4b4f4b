/**
 * The sample household: a deterministic, realistic family with two credit cards (CMB, ICBC),
 * JD Baitiao and Jintiao, Alipay Huabei with an installment plan, a mortgage, a car loan,
 * insurance policies and months of everyday spending. Seeded, so the same options always
 * produce the same rows; `months` and `transactionsPerMonth` scale it up for benchmarks.
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
import { CATEGORY_PRESETS, INSTITUTION_PRESET_DETAILS } from '../domain/presets';
import { addDays, addMonths, addMonthsToMonth, daysInMonthOf, monthOf } from '../domain/calendar';
import { debtDues } from '../debts';
import { byUrgency } from '../dues';
import { createRandom } from './random';

export interface SampleOptions {
  /** The household's "today": the last generated day. */
  today: string;
  /** Stamp for createdAt/updatedAt. */
  now: string;
  language: 'zh-CN' | 'en';
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

const CNY = 'CNY';

/** Text in the household's language; data is user data, so it is not in the UI translation files. */
const TEXT = {
  'zh-CN': {
    institutions: { cmb: '招商银行', icbc: '工商银行', ccb: '建设银行', boc: '中国银行', jd: '京东金融', alipay: '支付宝', wechat: '微信支付' },
    pingAn: '中国平安',
    chinaLife: '中国人寿',
    cash: '现金',
    icbcDebit: '工商银行储蓄卡',
    cmbSavings: '招商银行储蓄卡',
    wechatChange: '微信零钱',
    bocDeposit: '中国银行三年定期',
    fund: '易方达沪深300基金',
    cmbCard: '招行经典白金卡',
    icbcCard: '工行宇宙星座卡',
    baitiao: '京东白条',
    jintiao: '京东金条',
    huabei: '支付宝花呗',
    phonePlan: '花呗分期 · 手机',
    mortgage: '建行房贷',
    carLoan: '中行车贷',
    self: '李伟',
    spouse: '王芳',
    child: '李小雨',
    ciProduct: '平安福重疾险',
    medicalProduct: '尊享e生百万医疗',
    termProduct: '国寿定期寿险',
    propertyAsset: '自住房（朝阳区）',
    homeProduct: '家财险',
    rent: '物业费',
    phone: '手机话费',
    streaming: '视频会员',
    payees: {
      food: ['美团外卖', '盒马鲜生', '肯德基', '楼下面馆', '星巴克', '永辉超市'],
      transport: ['北京地铁', '滴滴出行', '中石化加油站', '停车费'],
      shopping: ['京东商城', '淘宝', '优衣库', '拼多多'],
      entertainment: ['万达影城', '腾讯视频', 'KTV'],
      medical: ['同仁堂药店', '社区医院'],
      education: ['少儿英语', '书店'],
      utilities: ['国家电网', '自来水公司', '燃气公司'],
    },
    salary: '工资',
    topUpWechat: '微信零钱充值',
    atm: 'ATM 取现',
    toDebit: '转入工行卡',
    employer: '某科技有限公司',
  },
  en: {
    institutions: { cmb: 'China Merchants Bank', icbc: 'ICBC', ccb: 'China Construction Bank', boc: 'Bank of China', jd: 'JD Finance', alipay: 'Alipay', wechat: 'WeChat Pay' },
    pingAn: 'Ping An',
    chinaLife: 'China Life',
    cash: 'Cash',
    icbcDebit: 'ICBC debit card',
    cmbSavings: 'CMB savings',
    wechatChange: 'WeChat balance',
    bocDeposit: 'BOC 3-year deposit',
    fund: 'CSI 300 index fund',
    cmbCard: 'CMB Platinum card',
    icbcCard: 'ICBC Constellation card',
    baitiao: 'JD Baitiao',
    jintiao: 'JD Jintiao',
    huabei: 'Alipay Huabei',
    phonePlan: 'Huabei installments · phone',
    mortgage: 'CCB mortgage',
    carLoan: 'BOC car loan',
    self: 'Li Wei',
    spouse: 'Wang Fang',
    child: 'Li Xiaoyu',
    ciProduct: 'Ping An Fu critical illness',
    medicalProduct: 'Zunxiang e-Sheng medical',
    termProduct: 'China Life term life',
    propertyAsset: 'Home (Chaoyang district)',
    homeProduct: 'Home contents',
    rent: 'Property management fee',
    phone: 'Mobile phone plan',
    streaming: 'Video membership',
    payees: {
      food: ['Meituan delivery', 'Hema Fresh', 'KFC', 'Noodle shop', 'Starbucks', 'Yonghui supermarket'],
      transport: ['Beijing Subway', 'DiDi', 'Sinopec station', 'Parking'],
      shopping: ['JD.com', 'Taobao', 'Uniqlo', 'Pinduoduo'],
      entertainment: ['Wanda Cinema', 'Tencent Video', 'KTV'],
      medical: ['Tongrentang pharmacy', 'Community clinic'],
      education: ['Kids English class', 'Bookshop'],
      utilities: ['State Grid', 'Water company', 'Gas company'],
    },
    salary: 'Salary',
    topUpWechat: 'WeChat balance top-up',
    atm: 'ATM withdrawal',
    toDebit: 'To ICBC debit card',
    employer: 'Tech Co., Ltd.',
  },
} as const;

/** Spending mix: category preset, share of transactions, typical amount range in yuan. */
const SPENDING: { category: keyof (typeof TEXT)['en']['payees']; weight: number; min: number; max: number }[] = [
  { category: 'food', weight: 50, min: 15, max: 180 },
  { category: 'transport', weight: 20, min: 4, max: 90 },
  { category: 'shopping', weight: 15, min: 20, max: 520 },
  { category: 'entertainment', weight: 7, min: 30, max: 300 },
  { category: 'medical', weight: 3, min: 20, max: 380 },
  { category: 'education', weight: 4, min: 50, max: 800 },
];

/** The last day of `month` the household has lived: today in the current month, else its last day. */
export function lastGeneratedDay(month: string, today: string): number {
  return month === monthOf(today) ? Number(today.slice(8, 10)) : daysInMonthOf(month);
}

export function generateSampleHousehold(options: SampleOptions): SampleHousehold {
  const random = createRandom(options.seed ?? 20261122);
  const months = options.months ?? 12;
  const perMonth = options.transactionsPerMonth ?? 90;
  const text = TEXT[options.language];
  const stamps = { createdAt: options.now, updatedAt: options.now };
  const firstMonth = addMonthsToMonth(monthOf(options.today), -(months - 1));

  const institution = (id: string, preset: keyof typeof INSTITUTION_PRESET_DETAILS, name: string): Institution => ({
    id,
    name,
    preset,
    kind: INSTITUTION_PRESET_DETAILS[preset].kind,
    color: INSTITUTION_PRESET_DETAILS[preset].color,
    archived: false,
    ...stamps,
  });
  const institutions: Institution[] = [
    institution('inst-cmb', 'cmb', text.institutions.cmb),
    institution('inst-icbc', 'icbc', text.institutions.icbc),
    institution('inst-ccb', 'ccb', text.institutions.ccb),
    institution('inst-boc', 'boc', text.institutions.boc),
    institution('inst-jd', 'jd-finance', text.institutions.jd),
    institution('inst-alipay', 'alipay', text.institutions.alipay),
    institution('inst-wechat', 'wechat-pay', text.institutions.wechat),
    { id: 'inst-pingan', name: text.pingAn, kind: 'insurer', color: '#f05a23', archived: false, ...stamps },
    { id: 'inst-chinalife', name: text.chinaLife, kind: 'insurer', color: '#0a6e3c', archived: false, ...stamps },
  ];

  const openedOn = addDays(`${firstMonth}-01`, -1);
  const account = (id: string, name: string, kind: Account['kind'], openingBalance: number, institutionId?: string): Account => ({
    id,
    name,
    kind,
    currency: CNY,
    openingBalance,
    openedOn,
    archived: false,
    ...(institutionId ? { institutionId } : {}),
    ...stamps,
  });
  const accounts: Account[] = [
    account('acct-cash', text.cash, 'cash', 80_000),
    account('acct-icbc-debit', text.icbcDebit, 'debit', 2_350_000, 'inst-icbc'),
    account('acct-cmb-savings', text.cmbSavings, 'savings', 6_800_000, 'inst-cmb'),
    account('acct-wechat', text.wechatChange, 'cash', 45_000, 'inst-wechat'),
    {
      ...account('acct-boc-deposit', text.bocDeposit, 'fixed-deposit', 10_000_000, 'inst-boc'),
      fixedDeposit: { maturityDate: addMonths(options.today, 7), annualRate: 0.0175 },
    },
    account('acct-fund', text.fund, 'wealth', 3_000_000),
  ];

  const debts: Debt[] = [
    {
      id: 'debt-cmb-card',
      name: text.cmbCard,
      institutionId: 'inst-cmb',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'credit-card',
        creditLimit: 5_000_000,
        statementDay: 5,
        due: { kind: 'days-after-statement', days: 18 },
        minimumPayment: { percentOfPurchases: 0.1, floor: 1_000 },
        revolvingDailyRate: 0.0005,
        interestMethod: 'whole-statement',
        lateCharge: { percentOfUnpaidMinimum: 0.05, floor: 1_000 },
        graceDays: 3,
        tolerance: 1_000,
        countBothEnds: false,
      },
      ...stamps,
    },
    {
      id: 'debt-icbc-card',
      name: text.icbcCard,
      institutionId: 'inst-icbc',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'credit-card',
        creditLimit: 3_000_000,
        statementDay: 20,
        due: { kind: 'day-of-month', day: 15 },
        minimumPayment: { percentOfPurchases: 0.1, floor: 1_000 },
        revolvingDailyRate: 0.0005,
        interestMethod: 'unpaid-part',
        lateCharge: { percentOfUnpaidMinimum: 0.05, floor: 1_000 },
        graceDays: 3,
        tolerance: 1_000,
        countBothEnds: true,
      },
      ...stamps,
    },
    {
      id: 'debt-baitiao',
      name: text.baitiao,
      institutionId: 'inst-jd',
      currency: CNY,
      archived: false,
      terms: { kind: 'credit-line', creditLimit: 1_500_000, billDay: 1, dueDay: 10, overdueDailyRate: 0.0005 },
      ...stamps,
    },
    {
      id: 'debt-jintiao',
      name: text.jintiao,
      institutionId: 'inst-jd',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'loan',
        principal: 2_000_000,
        rate: 0.1095,
        rateBasis: 'annual',
        termMonths: 12,
        method: 'annuity',
        startDate: addMonths(options.today, -4, 8),
        dueDay: 8,
        prepaymentFeeRate: 0,
        penaltyMultiplier: 1.5,
        dayBasis: 360,
      },
      ...stamps,
    },
    {
      id: 'debt-huabei',
      name: text.huabei,
      institutionId: 'inst-alipay',
      currency: CNY,
      archived: false,
      terms: { kind: 'credit-line', creditLimit: 800_000, billDay: 1, dueDay: 10, overdueDailyRate: 0.0005 },
      ...stamps,
    },
    {
      id: 'debt-huabei-phone',
      name: text.phonePlan,
      institutionId: 'inst-alipay',
      parentDebtId: 'debt-huabei',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'installment',
        principal: 599_900,
        periods: 12,
        feeRate: 0.00625,
        feeMode: 'per-period-on-principal',
        firstDueDate: addMonths(options.today, -2, 10),
      },
      ...stamps,
    },
    {
      id: 'debt-mortgage',
      name: text.mortgage,
      institutionId: 'inst-ccb',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'loan',
        principal: 120_000_000,
        rate: 0.031,
        rateBasis: 'annual',
        termMonths: 360,
        method: 'annuity',
        startDate: '2022-06-15',
        dueDay: 15,
        prepaymentFeeRate: 0.01,
        penaltyMultiplier: 1.5,
        dayBasis: 360,
      },
      ...stamps,
    },
    {
      id: 'debt-car',
      name: text.carLoan,
      institutionId: 'inst-boc',
      currency: CNY,
      archived: false,
      terms: {
        kind: 'loan',
        principal: 15_000_000,
        rate: 0.036,
        rateBasis: 'annual',
        termMonths: 36,
        method: 'equal-principal',
        startDate: '2025-03-20',
        dueDay: 20,
        prepaymentFeeRate: 0.02,
        penaltyMultiplier: 1.5,
        dayBasis: 360,
      },
      ...stamps,
    },
  ];

  const categories: Category[] = CATEGORY_PRESETS.map((preset, index) => ({
    id: `cat-${preset.preset}`,
    preset: preset.preset,
    name: '',
    kind: preset.kind,
    group: preset.group,
    rollover: preset.preset === 'education' || preset.preset === 'medical',
    order: index,
    archived: false,
    ...stamps,
  }));

  const familyMembers: FamilyMember[] = [
    { id: 'member-self', name: text.self, relation: 'self', birthDate: '1988-04-12', annualIncome: 26_000_000, currency: CNY, ...stamps },
    { id: 'member-spouse', name: text.spouse, relation: 'spouse', birthDate: '1990-09-03', annualIncome: 18_000_000, currency: CNY, ...stamps },
    { id: 'member-child', name: text.child, relation: 'child', birthDate: '2016-06-01', ...stamps },
  ];

  const policyBase = {
    currency: CNY,
    subLimits: [],
    archived: false,
    premiumWaiver: false,
    guaranteedRenewal: false,
    payingAccountId: 'acct-icbc-debit',
    policyholderId: 'member-self',
    ...stamps,
  };
  const policies: Policy[] = [
    {
      ...policyBase,
      id: 'policy-ci',
      insurerId: 'inst-pingan',
      productName: text.ciProduct,
      policyNumber: 'P1020-3344-5566',
      type: 'critical-illness',
      insured: { kind: 'member', memberId: 'member-self' },
      beneficiaries: { kind: 'named', list: [{ name: text.spouse, sharePercent: 100, order: 1 }] },
      sumAssured: 50_000_000,
      premium: 860_000,
      frequency: 'annual',
      paymentTerm: { kind: 'years', years: 20 },
      coverageTerm: { kind: 'lifetime' },
      effectiveDate: '2021-03-18',
      coolingOffDays: 15,
      waitingPeriodDays: 90,
      gracePeriodDays: 60,
      premiumWaiver: true,
    },
    {
      ...policyBase,
      id: 'policy-medical',
      insurerId: 'inst-pingan',
      productName: text.medicalProduct,
      policyNumber: 'M8876-2025-0413',
      type: 'medical',
      policyholderId: 'member-spouse',
      insured: { kind: 'member', memberId: 'member-spouse' },
      beneficiaries: { kind: 'legal-heirs' },
      sumAssured: 400_000_000,
      subLimits: [{ name: text.medicalProduct, amount: 600_000 }],
      premium: 36_800,
      frequency: 'annual',
      paymentTerm: { kind: 'years', years: 1 },
      coverageTerm: { kind: 'years', years: 1 },
      effectiveDate: addMonths(options.today, -10),
      renewalDate: addMonths(options.today, 2),
      coolingOffDays: 15,
      waitingPeriodDays: 30,
      gracePeriodDays: 60,
    },
    {
      ...policyBase,
      id: 'policy-term',
      insurerId: 'inst-chinalife',
      productName: text.termProduct,
      policyNumber: 'CL-7712-0098',
      type: 'term-life',
      insured: { kind: 'member', memberId: 'member-self' },
      beneficiaries: {
        kind: 'named',
        list: [
          { name: text.spouse, sharePercent: 60, order: 1 },
          { name: text.child, sharePercent: 40, order: 1 },
        ],
      },
      sumAssured: 200_000_000,
      premium: 31_500,
      frequency: 'monthly',
      paymentTerm: { kind: 'years', years: 30 },
      coverageTerm: { kind: 'to-age', age: 65 },
      effectiveDate: '2023-01-05',
      coolingOffDays: 15,
      waitingPeriodDays: 180,
      gracePeriodDays: 60,
    },
    {
      ...policyBase,
      id: 'policy-home',
      insurerId: 'inst-pingan',
      productName: text.homeProduct,
      policyNumber: 'H-2026-55120',
      type: 'property',
      insured: { kind: 'asset', description: text.propertyAsset },
      beneficiaries: { kind: 'legal-heirs' },
      sumAssured: 100_000_000,
      premium: 29_900,
      frequency: 'annual',
      paymentTerm: { kind: 'years', years: 1 },
      coverageTerm: { kind: 'years', years: 1 },
      effectiveDate: addMonths(options.today, -5),
      coolingOffDays: 0,
      waitingPeriodDays: 0,
      gracePeriodDays: 30,
    },
  ];

  const claims: Claim[] = [
    {
      id: 'claim-1',
      policyId: 'policy-medical',
      memberId: 'member-spouse',
      incidentDate: addMonths(options.today, -3),
      filedOn: addDays(addMonths(options.today, -3), 6),
      claimed: 1_245_000,
      paid: 1_085_000,
      currency: CNY,
      status: 'paid',
      ...stamps,
    },
  ];

  const recurringBills: RecurringBill[] = [
    { id: 'bill-property', name: text.rent, amount: 45_000, currency: CNY, recurrence: { kind: 'quarterly' }, nextDate: addMonths(options.today, 1, 1), accountId: 'acct-icbc-debit', categoryId: 'cat-housing', archived: false, ...stamps },
    { id: 'bill-phone', name: text.phone, amount: 12_800, currency: CNY, recurrence: { kind: 'monthly' }, nextDate: addMonths(options.today, 1, 3), accountId: 'acct-wechat', categoryId: 'cat-communication', archived: false, ...stamps },
    { id: 'bill-streaming', name: text.streaming, amount: 2_500, currency: CNY, recurrence: { kind: 'monthly' }, nextDate: addDays(options.today, 9), accountId: 'acct-wechat', categoryId: 'cat-entertainment', archived: false, ...stamps },
  ];

  // Everyday spending goes mostly on the cards and credit lines, some from cash and WeChat.
  const spendingAccounts = ['acct-cash', 'acct-wechat', 'acct-icbc-debit', 'acct-icbc-debit'];
  const totalWeight = SPENDING.reduce((sum, s) => sum + s.weight, 0);
  const transactions: Transaction[] = [];
  const budgets: Budget[] = [];
  const statements: Statement[] = [];
  let serial = 0;
  const addTransaction = (row: Omit<Transaction, 'id' | 'createdAt' | 'updatedAt' | 'currency' | 'tags'> & { tags?: string[] }): void => {
    serial += 1;
    transactions.push({ id: `tx-${String(serial).padStart(7, '0')}`, currency: CNY, tags: [], ...stamps, ...row });
  };

  const addTransfer = (date: string, from: string, to: string, amount: number, payee: string): void => {
    const transferId = `tr-${String(serial + 1).padStart(7, '0')}`;
    addTransaction({ date, accountId: from, amount: -amount, payee, transferId, transferAccountId: to });
    addTransaction({ date, accountId: to, amount, payee, transferId, transferAccountId: from });
  };

  for (let m = 0; m < months; m += 1) {
    const month = addMonthsToMonth(firstMonth, m);
    const lastDay = lastGeneratedDay(month, options.today);
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

    for (const [categoryId, amount] of [
      ['cat-food', 420_000],
      ['cat-transport', 110_000],
      ['cat-shopping', 300_000],
      ['cat-entertainment', 70_000],
      ['cat-medical', 50_000],
      ['cat-education', 180_000],
      ['cat-utilities', 90_000],
    ] as const) {
      budgets.push({ id: `budget-${month}-${categoryId}`, month, categoryId, amount, currency: CNY, ...stamps });
    }

    // Card statements as printed on the bill: a plausible balance and a 10 % minimum.
    for (const card of [
      { debtId: 'debt-cmb-card', statementDay: 5, due: (d: string) => addDays(d, 18) },
      { debtId: 'debt-icbc-card', statementDay: 20, due: (d: string) => addMonths(d, 1, 15) },
      { debtId: 'debt-baitiao', statementDay: 1, due: (d: string) => addDays(d, 9) },
      { debtId: 'debt-huabei', statementDay: 1, due: (d: string) => addDays(d, 9) },
    ]) {
      if (card.statementDay > lastDay) continue;
      const statementDate = `${month}-${String(card.statementDay).padStart(2, '0')}`;
      const balance = random.int(800, 9_000) * 100 + random.int(0, 99);
      statements.push({
        id: `stmt-${card.debtId}-${month}`,
        debtId: card.debtId,
        month,
        statementDate,
        dueDate: card.due(statementDate),
        balance,
        minimumDue: Math.max(1_000, Math.round(balance / 10)),
        ...stamps,
      });
    }
  }
  // The household pays every due on time up to today, from the ICBC debit card; so nothing in
  // the sample is overdue, and the repayments show in the budget.
  const paid = payPastDues({ debts, statements }, `${firstMonth}-01`, options.today, stamps);
  const payments = paid.payments;
  transactions.push(...paid.transactions);

  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return { institutions, accounts, debts, statements, payments, categories, transactions, budgets, recurringBills, familyMembers, policies, claims };
}

/**
 * A payment, on its due date from the ICBC debit card, for every due of `debts` before `today`;
 * dues from `firstDay` on also get their repayment transaction (a transfer to the lender).
 */
export function payPastDues(
  sources: { debts: readonly Debt[]; statements: readonly Statement[] },
  firstDay: string,
  today: string,
  stamps: { createdAt: string; updatedAt: string },
): { payments: Payment[]; transactions: Transaction[] } {
  const payments: Payment[] = [];
  const transactions: Transaction[] = [];
  const pastDues = sources.debts.flatMap((debt) => debtDues(debt, sources.statements, [], '2000-01-01', addDays(today, -1), today)).sort(byUrgency);
  for (const due of pastDues) {
    const paymentId = `pay-${due.sourceId}-${due.dueDate}`;
    const inWindow = due.dueDate >= firstDay;
    payments.push({
      id: paymentId,
      source: 'debt',
      sourceId: due.sourceId,
      dueDate: due.dueDate,
      paidOn: due.dueDate,
      amount: due.amount,
      currency: due.currency,
      kind: 'full',
      accountId: 'acct-icbc-debit',
      ...(inWindow ? { transactionId: `tx-${paymentId}` } : {}),
      ...stamps,
    });
    if (inWindow) {
      transactions.push({
        id: `tx-${paymentId}`,
        date: due.dueDate,
        accountId: 'acct-icbc-debit',
        amount: -due.amount,
        currency: due.currency,
        payee: due.title,
        categoryId: 'cat-repayment',
        paymentId,
        // A repayment moves money to a lender: a transfer, shown on the budget's debt line.
        transferId: paymentId,
        tags: [],
        ...stamps,
      });
    }
  }
  return { payments, transactions };
}
