/**
 * A loan's schedule as it really stands: the contract schedule, re-cut after each extra payment
 * (提前还款) the user recorded, in the prepayment mode they chose.
 */
import type { Debt, Payment } from '../domain/entities';
import { amortize, mulRound, prepay, type LoanInput, type ScheduleRow } from '../finance';
import { annualRateOf } from './rates';

type LoanTerms = Extract<Debt['terms'], { kind: 'loan' }>;

export interface AppliedPrepayment {
  paymentId: string;
  afterPeriod: number;
  amount: number;
  fee: number;
  interestSaved: number;
}

export interface EffectiveLoanSchedule {
  rows: ScheduleRow[];
  totalInterest: number;
  prepayments: AppliedPrepayment[];
}

export function loanInputOf(terms: LoanTerms): LoanInput {
  return {
    principal: terms.principal,
    annualRate: annualRateOf(terms.rate, terms.rateBasis),
    termMonths: terms.termMonths,
    method: terms.method,
    startDate: terms.startDate,
    dueDay: terms.dueDay,
    dayBasis: terms.dayBasis,
  };
}

/** How many instalments of `rows` fall due on or before `date`: an extra payment comes after them. */
export function periodsDueBy(rows: readonly ScheduleRow[], date: string): number {
  let count = 0;
  while (count < rows.length && rows[count]!.dueDate <= date) count += 1;
  return count;
}

export function effectiveLoanSchedule(terms: LoanTerms, payments: readonly Payment[]): EffectiveLoanSchedule {
  const extras = payments.filter((p) => p.kind === 'extra').sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.createdAt.localeCompare(b.createdAt));
  let loan = loanInputOf(terms);
  let current = amortize(loan).rows;
  if (extras.length === 0 || terms.method === 'bullet') return { rows: current, totalInterest: sum(current), prepayments: [] };

  const settled: ScheduleRow[] = [];
  const applied: AppliedPrepayment[] = [];
  for (const extra of extras) {
    const k = periodsDueBy(current, extra.paidOn);
    if (k >= current.length) break;
    const balance = k === 0 ? loan.principal : current[k - 1]!.balance;
    const amount = Math.min(extra.amount, balance);
    if (amount <= 0) continue;
    // Interest-only loans keep their term: their payment is only interest, so it cannot stay.
    const mode = loan.method === 'interest-only' ? 'keep-term' : (extra.prepaymentMode ?? 'keep-payment');
    // After a first extra payment `loan` stands for the rest of the loan, and the engine cuts its
    // own schedule for it, which can differ from `current` by a fen of rounding: pass the amount
    // that leaves exactly the balance the user really has after paying.
    const engineBalance = k === 0 ? loan.principal : amortize(loan).rows[k - 1]!.balance;
    const result = prepay(loan, { afterPeriod: k, amount: Math.min(engineBalance, Math.max(0, engineBalance - (balance - amount))), mode, feeRate: terms.prepaymentFeeRate });
    const offset = settled.length;
    settled.push(...current.slice(0, k).map((row) => ({ ...row, period: row.period + offset })));
    applied.push({ paymentId: extra.id, afterPeriod: offset + k, amount, fee: mulRound(amount, [terms.prepaymentFeeRate]), interestSaved: result.interestSaved });
    if (result.rows.length === 0) {
      current = [];
      break;
    }
    // The rest of the loan becomes a loan of its own, starting at the last instalment paid, so a
    // later extra payment can be applied to it the same way.
    loan = { ...loan, principal: result.balanceAfter, termMonths: result.rows.length, startDate: k === 0 ? loan.startDate : current[k - 1]!.dueDate };
    current = result.rows.map((row, index) => ({ ...row, period: index + 1 }));
  }
  const offset = settled.length;
  const rows = [...settled, ...current.map((row) => ({ ...row, period: row.period + offset }))];
  return { rows, totalInterest: sum(rows), prepayments: applied };
}

function sum(rows: readonly ScheduleRow[]): number {
  return rows.reduce((total, row) => total + row.interest, 0);
}

export interface PrepaymentWhatIf {
  fee: number;
  /** Interest no longer paid, against the schedule as it stands today. */
  interestSaved: number;
  endDateBefore: string | null;
  endDateAfter: string | null;
  /** The regular payment after the extra one (the next unpaid instalment). */
  paymentBefore: number;
  paymentAfter: number;
  periodsSaved: number;
}

/** What an extra payment would change, shown before it is saved. */
export function prepaymentWhatIf(
  terms: LoanTerms,
  payments: readonly Payment[],
  extra: { paidOn: string; amount: number; mode: 'keep-term' | 'keep-payment' },
): PrepaymentWhatIf {
  const before = effectiveLoanSchedule(terms, payments);
  const hypothetical: Payment = {
    id: 'what-if',
    source: 'debt',
    sourceId: 'what-if',
    paidOn: extra.paidOn,
    amount: extra.amount,
    currency: 'XXX',
    kind: 'extra',
    prepaymentMode: extra.mode,
    createdAt: '9999-12-31T23:59:59.999Z',
    updatedAt: '9999-12-31T23:59:59.999Z',
  };
  const after = effectiveLoanSchedule(terms, [...payments, hypothetical]);
  const applied = after.prepayments.find((p) => p.paymentId === 'what-if');
  const nextBefore = before.rows.find((row) => row.dueDate > extra.paidOn);
  const nextAfter = after.rows.find((row) => row.dueDate > extra.paidOn);
  return {
    fee: applied?.fee ?? 0,
    interestSaved: before.totalInterest - after.totalInterest,
    endDateBefore: before.rows.at(-1)?.dueDate ?? null,
    endDateAfter: after.rows.at(-1)?.dueDate ?? null,
    paymentBefore: nextBefore?.payment ?? 0,
    paymentAfter: nextAfter?.payment ?? 0,
    periodsSaved: before.rows.length - after.rows.length,
  };
}
