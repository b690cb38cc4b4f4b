/**
 * Installment plans (分期) whose fee is charged on the original principal, and their true cost.
 *
 * payment = P / n + P x f (principal part rounded half-up, the last period absorbing the residue;
 * fee rounded half-up). Because the fee stays on the original principal while the principal falls,
 * the flat rate hides a much higher annual rate: the APR is 12 x the periodic IRR of the cash
 * flows, as PBoC announcement 2021 No. 3 requires lenders to disclose.
 */
import { ensureSafe, FinanceInputError, requireInt, requireMinor, requireOneOf, requireRate } from './errors';
import { monthDay, parseDate } from './dates';
import { annualizeMonthly, irr } from './irr';
import { divRoundHalfUp, mulRound } from './rounding';

export type InstallmentFeeMode = 'per-period-on-principal' | 'upfront';

export interface InstallmentInput {
  principal: number;
  periods: number;
  /** Fee per period as a fraction of the original principal (0.006 = 0.6 % a month). */
  feeRate: number;
  /** per-period-on-principal: P x f every period; upfront: the whole fee round(P x f x n) with the first payment. */
  feeMode: InstallmentFeeMode;
  firstDueDate: string;
}

export interface InstallmentRow {
  period: number;
  dueDate: string;
  payment: number;
  principal: number;
  fee: number;
  /** Principal still owed after this payment. */
  balance: number;
}

export interface InstallmentPlan {
  rows: InstallmentRow[];
  /** The level payment (for upfront fees: the payment of the periods after the first). */
  payment: number;
  firstPayment: number;
  totalFee: number;
  totalPaid: number;
  /** Periodic (monthly) IRR. */
  periodicRate: number;
  /** 12 x periodicRate. */
  apr: number;
  /** (1 + periodicRate)^12 - 1. */
  ear: number;
}

export function installmentPlan(plan: InstallmentInput): InstallmentPlan {
  if (plan === null || typeof plan !== 'object') throw new FinanceInputError('plan', 'required', 'is required');
  const principal = requireMinor('principal', plan.principal);
  const periods = requireInt('periods', plan.periods, 1, 360);
  const feeRate = requireRate('feeRate', plan.feeRate);
  const feeMode = requireOneOf('feeMode', plan.feeMode, ['per-period-on-principal', 'upfront'] as const);
  const first = parseDate('firstDueDate', plan.firstDueDate);

  const principalPart = divRoundHalfUp(principal, periods);
  const perPeriodFee = feeMode === 'per-period-on-principal' ? mulRound(principal, [feeRate]) : 0;
  const upfrontFee = feeMode === 'upfront' ? mulRound(principal, [feeRate], periods) : 0;

  const rows: InstallmentRow[] = [];
  let balance = principal;
  let totalFee = 0;
  let totalPaid = 0;
  for (let k = 1; k <= periods; k++) {
    const part = k === periods ? balance : Math.min(principalPart, balance);
    const fee = perPeriodFee + (k === 1 ? upfrontFee : 0);
    balance -= part;
    const payment = ensureSafe('payment', part + fee);
    totalFee += fee;
    totalPaid += payment;
    rows.push({ period: k, dueDate: monthDay(first.year, first.month + k - 1, first.day), payment, principal: part, fee, balance });
  }

  const periodicRate = totalFee === 0 || principal === 0 ? 0 : irr([principal, ...rows.map((row) => -row.payment)]);
  const { apr, ear } = annualizeMonthly(periodicRate);
  const firstPayment = rows[0]?.payment ?? 0;
  return {
    rows,
    payment: feeMode === 'upfront' ? (rows[1]?.payment ?? firstPayment) : firstPayment,
    firstPayment,
    totalFee: ensureSafe('totalFee', totalFee),
    totalPaid: ensureSafe('totalPaid', totalPaid),
    periodicRate,
    apr,
    ear,
  };
}
