/** The sample household's debts (two cards, JD Baitiao and Jintiao, Huabei with a plan, a mortgage, a car loan) and their monthly statements. */
import type { Debt, Statement } from '../domain/entities';
import { addDays, addMonths } from '../domain/calendar';
import { CNY, type SampleContext } from './context';
import type { Random } from './random';

export function buildDebts({ text, stamps, today }: SampleContext): Debt[] {
  return [
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
        startDate: addMonths(today, -4, 8),
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
        firstDueDate: addMonths(today, -2, 10),
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
}

/** Card and credit-line statements of `month` up to its `lastDay`, as printed on the bill: a plausible balance and a 10 % minimum. */
export function buildMonthStatements({ stamps }: SampleContext, random: Random, month: string, lastDay: number): Statement[] {
  const statements: Statement[] = [];
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
  return statements;
}
