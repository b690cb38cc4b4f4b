/**
 * Everything the debt page shows about one debt, computed by the engine from the stored terms,
 * statements and payments: the schedule with what is paid, the true annual cost, the total
 * cost, what is still owed, the next due and, when something is late, what it costs.
 */
import { daysBetween } from '../domain/calendar';
import type { Debt, Payment, Statement } from '../domain/entities';
import { amortize, installmentPlan, irr, annualizeMonthly, lateCharge, overdueCost } from '../finance';
import { isOpen, remaining as remainingOf, type Due, type DueStatus } from '../dues';
import { debtDues } from './dues';
import { annualRateOf } from './rates';
import { effectiveLoanSchedule, loanInputOf } from './loan-schedule';

export interface ScheduleLine {
  period: number;
  dueDate: string;
  payment: number;
  principal: number;
  /** Interest for loans, the fee for installment plans. */
  charge: number;
  balance: number;
  paid: number;
  status: DueStatus;
}

export interface OverdueSummary {
  /** What is late and unpaid. */
  amount: number;
  /** Days since the oldest late due. */
  days: number;
  /** Penalty interest, compound interest, daily-rate charges and late charges so far. */
  costSoFar: number;
  /** What one more day adds. */
  costPerDay: number;
}

export interface DebtSummary {
  schedule: ScheduleLine[];
  /** True annualized cost including fees (12 x periodic IRR); for revolving credit, daily rate x 365. */
  apr: number | null;
  /** Effective annual rate (1 + i)^12 - 1. */
  ear: number | null;
  /** The rate the contract quotes, on its own basis, to show beside the true cost. */
  quoted: { rate: number; basis: 'annual' | 'monthly' | 'daily' | 'per-period' } | null;
  /** Interest and fees over the whole life of a schedule. */
  totalCost: number;
  /** Principal (schedules) or latest statement balance (cards, lines) still owed. */
  remaining: number;
  nextDue: Due | null;
  paymentsCount: number;
  paymentsTotal: number;
  overdue: OverdueSummary | null;
}

interface ScheduleFigures {
  lines: Omit<ScheduleLine, 'paid' | 'status'>[];
  apr: number | null;
  ear: number | null;
  totalCost: number;
  /** Principal repaid by extra payments. */
  prepaid: number;
}

function scheduleOf(debt: Debt, payments: readonly Payment[]): ScheduleFigures {
  const terms = debt.terms;
  if (terms.kind === 'loan') {
    const annualRate = annualRateOf(terms.rate, terms.rateBasis);
    const schedule = effectiveLoanSchedule(terms, payments);
    const lines = schedule.rows.map((row) => ({ period: row.period, dueDate: row.dueDate, payment: row.payment, principal: row.principal, charge: row.interest, balance: row.balance }));
    let apr: number | null = null;
    let ear: number | null = null;
    if (terms.principal > 0 && schedule.totalInterest > 0 && terms.method !== 'bullet') {
      // Monthly cash flows, the disclosure basis of PBoC announcement 2021 No. 3.
      // The contract's own schedule: prepaying changes what is paid, not what the loan costs.
      const contract = amortize(loanInputOf(terms));
      const annualized = annualizeMonthly(irr([-terms.principal, ...contract.rows.map((row) => row.payment)]));
      apr = annualized.apr;
      ear = annualized.ear;
    } else if (terms.principal > 0) {
      apr = annualRate;
      ear = annualRate;
    }
    const fees = schedule.prepayments.reduce((total, p) => total + p.fee, 0);
    const prepaid = schedule.prepayments.reduce((total, p) => total + p.amount, 0);
    return { lines, apr, ear, totalCost: schedule.totalInterest + fees, prepaid };
  }
  if (terms.kind === 'installment') {
    const plan = installmentPlan({ principal: terms.principal, periods: terms.periods, feeRate: terms.feeRate, feeMode: terms.feeMode, firstDueDate: terms.firstDueDate });
    const lines = plan.rows.map((row) => ({ period: row.period, dueDate: row.dueDate, payment: row.payment, principal: row.principal, charge: row.fee, balance: row.balance }));
    return { lines, apr: plan.apr, ear: plan.ear, totalCost: plan.totalFee, prepaid: 0 };
  }
  return { lines: [], apr: null, ear: null, totalCost: 0, prepaid: 0 };
}

export function summarizeDebt(input: { debt: Debt; statements: readonly Statement[]; payments: readonly Payment[]; parent?: Debt }, today: string): DebtSummary {
  const { debt } = input;
  const terms = debt.terms;
  const payments = input.payments.filter((p) => p.source === 'debt' && p.sourceId === debt.id);
  const statements = input.statements.filter((s) => s.debtId === debt.id);
  const dues = debtDues(debt, statements, payments, '0000-01-01', '9999-12-31', today);
  const dueByDate = new Map(dues.map((due) => [due.dueDate, due]));
  const base = scheduleOf(debt, payments);
  const schedule = base.lines.map((line) => {
    const due = dueByDate.get(line.dueDate);
    return { ...line, paid: due?.paid ?? 0, status: due?.status ?? 'due' };
  });

  let remaining: number;
  if (terms.kind === 'loan' || terms.kind === 'installment') {
    remaining = terms.principal - base.prepaid - schedule.filter((line) => line.status === 'paid').reduce((sum, line) => sum + line.principal, 0);
  } else {
    // The latest statement is the latest month's: its balance is what is owed now, even when a
    // change of terms gave an earlier month's statement a later due date.
    const latest = [...statements].sort((a, b) => a.month.localeCompare(b.month) || a.statementDate.localeCompare(b.statementDate)).at(-1);
    remaining = latest ? remainingOf({ amount: latest.balance, paid: dueByDate.get(latest.dueDate)?.paid ?? 0 }) : 0;
  }

  let apr = base.apr;
  let ear = base.ear;
  let quoted: DebtSummary['quoted'] = null;
  if (terms.kind === 'loan') quoted = { rate: terms.rate, basis: terms.rateBasis };
  if (terms.kind === 'installment') quoted = { rate: terms.feeRate, basis: 'per-period' };
  if (terms.kind === 'credit-card') {
    // Revolving credit has no schedule: its cost is the daily rate on a 365-day year.
    apr = terms.revolvingDailyRate * 365;
    ear = Math.expm1(365 * Math.log1p(terms.revolvingDailyRate));
    quoted = { rate: terms.revolvingDailyRate, basis: 'daily' };
  }

  const upcoming = dues.filter((due) => isOpen(due) && due.dueDate >= today);
  const overdueDues = dues.filter((due) => due.status === 'overdue');
  return {
    schedule,
    apr,
    ear,
    quoted,
    totalCost: base.totalCost,
    remaining,
    nextDue: overdueDues[0] ?? upcoming[0] ?? null,
    paymentsCount: payments.length,
    paymentsTotal: payments.reduce((sum, p) => sum + p.amount, 0),
    overdue: overdueDues.length > 0 ? overdueOf(debt, input.parent, overdueDues, schedule, today) : null,
  };
}

/** Cost of being late so far and per extra day, from the contract's own penalty terms. */
function overdueOf(debt: Debt, parent: Debt | undefined, dues: Due[], schedule: ScheduleLine[], today: string): OverdueSummary {
  const terms = debt.terms;
  const amount = dues.reduce((sum, due) => sum + remainingOf(due), 0);
  const days = Math.max(...dues.map((due) => daysBetween(due.dueDate, today)));
  let costSoFar = 0;
  let costPerDay = 0;
  for (const due of dues) {
    const late = daysBetween(due.dueDate, today);
    const unpaid = remainingOf(due);
    if (terms.kind === 'loan') {
      const line = schedule.find((l) => l.dueDate === due.dueDate);
      // A payment covers the interest first, so what stays unpaid is principal last.
      const unpaidInterest = Math.max(0, (line?.charge ?? 0) - due.paid);
      const loan = { overduePrincipal: unpaid - unpaidInterest, overdueInterest: unpaidInterest, annualRate: annualRateOf(terms.rate, terms.rateBasis), penaltyMultiplier: terms.penaltyMultiplier, dayBasis: terms.dayBasis };
      costSoFar += overdueCost({ kind: 'loan', ...loan, days: late }).total;
      costPerDay += overdueCost({ kind: 'loan', ...loan, days: late + 1 }).total - overdueCost({ kind: 'loan', ...loan, days: late }).total;
    } else if (terms.kind === 'credit-card') {
      costSoFar += lateCharge({ unpaidMinimum: Math.max(0, due.minimum - due.paid), rule: terms.lateCharge });
      costSoFar += overdueCost({ kind: 'daily-rate', amount: unpaid, dailyRate: terms.revolvingDailyRate, days: late }).total;
      costPerDay += overdueCost({ kind: 'daily-rate', amount: unpaid, dailyRate: terms.revolvingDailyRate, days: 1 }).total;
    } else {
      const dailyRate = terms.kind === 'credit-line' ? terms.overdueDailyRate : parent?.terms.kind === 'credit-line' ? parent.terms.overdueDailyRate : 0;
      costSoFar += overdueCost({ kind: 'daily-rate', amount: unpaid, dailyRate, days: late }).total;
      costPerDay += overdueCost({ kind: 'daily-rate', amount: unpaid, dailyRate, days: 1 }).total;
    }
  }
  return { amount, days, costSoFar, costPerDay };
}
