/**
 * Loan schedules (等额本息, 等额本金, 先息后本, 一次性还本付息) and early repayment (提前还款).
 *
 * Per period: interest = round-half-up(balance x annualRate / 12), exact to the fen; the last
 * period absorbs the residue so the principal parts add up exactly to the principal.
 */
import { ensureSafe, FinanceInputError, requireInt, requireMinor, requireOneOf, requireRate } from './errors';
import { daysBetween, monthDay, parseDate } from './dates';
import type { Ratio } from './rounding';
import { applyRatio, divRoundHalfUp, mulRound, ratioOf, roundHalfUp } from './rounding';

export type RepaymentMethod = 'annuity' | 'equal-principal' | 'interest-only' | 'bullet';
export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['annuity', 'equal-principal', 'interest-only', 'bullet'];

export interface LoanInput {
  /** Minor units. */
  principal: number;
  /** Decimal fraction per year (0.049 = 4.9 %). */
  annualRate: number;
  termMonths: number;
  method: RepaymentMethod;
  /** YYYY-MM-DD: the day the money is lent. */
  startDate: string;
  /** Day of month payments fall due (1-31, clamped to short months); default: the start date's day. */
  dueDay?: number;
  /** Day-count basis for bullet loans (interest = P x rate x days / basis); default 360. */
  dayBasis?: 360 | 365;
}

export interface ScheduleRow {
  period: number;
  dueDate: string;
  payment: number;
  interest: number;
  principal: number;
  /** Balance after this period's payment. */
  balance: number;
}

export interface Schedule {
  rows: ScheduleRow[];
  totalInterest: number;
  totalPaid: number;
}

export type PrepaymentMode = 'keep-term' | 'keep-payment';

export interface PrepaymentInput {
  /** Periods already paid before the extra payment (0 = right after the loan starts). For bullet loans: months elapsed. */
  afterPeriod: number;
  /** Extra principal paid, minor units; equal to the balance settles the loan. */
  amount: number;
  /** keep-term: same end date, lower payment (期限不变，减少月供); keep-payment: same payment, shorter term (月供不变，缩短期限). */
  mode: PrepaymentMode;
  /** Fee as a fraction of the prepaid amount (违约金 / 提前还款手续费). */
  feeRate?: number;
}

export interface PrepaymentResult extends Schedule {
  /** The fee charged on the prepaid amount. */
  fee: number;
  /** Interest of the remaining periods without prepaying minus interest with it (and interest paid now). */
  interestSaved: number;
  /** interestSaved - fee: what prepaying really saves. */
  netSaving: number;
  balanceBefore: number;
  balanceAfter: number;
  /** Bullet loans only: interest accrued on the prepaid part, paid with it. 0 otherwise. */
  interestPaidNow: number;
  /** The payment of the first remaining period (0 when settled). */
  regularPayment: number;
  /** Remaining periods without prepaying minus with it. */
  periodsSaved: number;
  /** The remaining periods had there been no prepayment. */
  withoutPrepayment: Schedule;
}

interface CheckedLoan {
  principal: number;
  annualRate: number;
  termMonths: number;
  method: RepaymentMethod;
  startDate: string;
  dueDay: number;
  dayBasis: 360 | 365;
  monthly: Ratio;
}

function checkLoan(loan: LoanInput): CheckedLoan {
  if (loan === null || typeof loan !== 'object') throw new FinanceInputError('loan', 'required', 'is required');
  const principal = requireMinor('principal', loan.principal);
  const annualRate = requireRate('annualRate', loan.annualRate);
  const termMonths = requireInt('termMonths', loan.termMonths, 1, 600);
  const method = requireOneOf('method', loan.method, REPAYMENT_METHODS);
  const start = parseDate('startDate', loan.startDate);
  const dueDay = loan.dueDay === undefined ? start.day : requireInt('dueDay', loan.dueDay, 1, 31);
  const dayBasis = loan.dayBasis === undefined ? 360 : loan.dayBasis;
  if (dayBasis !== 360 && dayBasis !== 365) throw new FinanceInputError('dayBasis', 'out-of-range', 'must be 360 or 365');
  return { principal, annualRate, termMonths, method, startDate: loan.startDate, dueDay, dayBasis, monthly: ratioOf([annualRate], 1, 12) };
}

/** Due date of period k: the due day of the k-th month after the start, clamped to the month's end. */
function dueDateOf(loan: CheckedLoan, period: number): string {
  const start = parseDate('startDate', loan.startDate);
  return monthDay(start.year, start.month + period, loan.dueDay);
}

/**
 * The level payment M = P r / (1 - (1+r)^-n), r = annual / 12, rounded half-up to the minor unit.
 * expm1/log1p keep it accurate for tiny rates; r = 0 gives P / n.
 */
export function annuityPayment(principal: number, annualRate: number, termMonths: number): number {
  requireMinor('principal', principal);
  requireRate('annualRate', annualRate);
  requireInt('termMonths', termMonths, 1, 600);
  if (annualRate === 0) return divRoundHalfUp(principal, termMonths);
  const r = annualRate / 12;
  return roundHalfUp((principal * r) / -Math.expm1(-termMonths * Math.log1p(r)));
}

/**
 * Rows for a balance repaid over up to `periods` periods. Each period pays the interest, and
 * principal = `payment` - interest (level payment) or `principalPart` (level principal), never more
 * than the balance. The last period takes the whole remaining balance. With `stopWhenPaid`, the
 * schedule ends as soon as the balance is zero (a shortened term).
 */
function levelRows(options: {
  balance: number;
  monthly: Ratio;
  periods: number;
  firstPeriod: number;
  dueDate: (period: number) => string;
  payment?: number;
  principalPart?: number;
  stopWhenPaid: boolean;
}): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let balance = options.balance;
  for (let k = 0; k < options.periods; k++) {
    const interest = applyRatio(balance, options.monthly);
    const isLast = k === options.periods - 1;
    const wanted = options.payment !== undefined ? Math.max(options.payment - interest, 0) : (options.principalPart ?? 0);
    const principal = isLast ? balance : Math.min(wanted, balance);
    balance -= principal;
    const period = options.firstPeriod + k;
    rows.push({ period, dueDate: options.dueDate(period), payment: ensureSafe('payment', principal + interest), interest, principal, balance });
    if (options.stopWhenPaid && balance === 0) break;
  }
  return rows;
}

function interestOnlyRows(balance: number, monthly: Ratio, periods: number, firstPeriod: number, dueDate: (period: number) => string): ScheduleRow[] {
  const interest = applyRatio(balance, monthly);
  const rows: ScheduleRow[] = [];
  for (let k = 0; k < periods; k++) {
    const isLast = k === periods - 1;
    const principal = isLast ? balance : 0;
    const period = firstPeriod + k;
    rows.push({ period, dueDate: dueDate(period), payment: ensureSafe('payment', interest + principal), interest, principal, balance: balance - principal });
  }
  return rows;
}

/** Bullet interest = P x annual x days / basis, days from the start to maturity. */
function bulletInterest(loan: CheckedLoan, amount: number, fromDate: string, toDate: string): number {
  return mulRound(amount, [loan.annualRate], daysBetween(fromDate, toDate), loan.dayBasis);
}

function summarize(rows: ScheduleRow[]): Schedule {
  let totalInterest = 0;
  let totalPaid = 0;
  for (const row of rows) {
    totalInterest += row.interest;
    totalPaid += row.payment;
  }
  return { rows, totalInterest: ensureSafe('totalInterest', totalInterest), totalPaid: ensureSafe('totalPaid', totalPaid) };
}

function scheduleFor(loan: CheckedLoan, balance: number, firstPeriod: number): ScheduleRow[] {
  const periods = loan.termMonths - firstPeriod + 1;
  const dueDate = (period: number): string => dueDateOf(loan, period);
  switch (loan.method) {
    case 'annuity':
      return levelRows({ balance, monthly: loan.monthly, periods, firstPeriod, dueDate, payment: annuityPayment(balance, loan.annualRate, periods), stopWhenPaid: false });
    case 'equal-principal':
      return levelRows({ balance, monthly: loan.monthly, periods, firstPeriod, dueDate, principalPart: divRoundHalfUp(balance, periods), stopWhenPaid: false });
    case 'interest-only':
      return interestOnlyRows(balance, loan.monthly, periods, firstPeriod, dueDate);
    case 'bullet': {
      const maturity = dueDateOf(loan, loan.termMonths);
      const interest = bulletInterest(loan, balance, loan.startDate, maturity);
      return [{ period: 1, dueDate: maturity, payment: ensureSafe('payment', balance + interest), interest, principal: balance, balance: 0 }];
    }
  }
}

/** The full repayment schedule of a loan. */
export function amortize(loan: LoanInput): Schedule {
  const checked = checkLoan(loan);
  return summarize(scheduleFor(checked, checked.principal, 1));
}

/**
 * The schedule of the remaining periods after an extra payment made right after period
 * `afterPeriod` was paid, with the fee and the interest saved versus not prepaying.
 * keep-payment is meaningless for interest-only and bullet loans (their payment is only interest)
 * and throws.
 */
export function prepay(loan: LoanInput, prepayment: PrepaymentInput): PrepaymentResult {
  const checked = checkLoan(loan);
  if (prepayment === null || typeof prepayment !== 'object') throw new FinanceInputError('prepayment', 'required', 'is required');
  const mode = requireOneOf('prepayment.mode', prepayment.mode, ['keep-term', 'keep-payment'] as const);
  const feeRate = prepayment.feeRate === undefined ? 0 : requireRate('prepayment.feeRate', prepayment.feeRate);
  const afterPeriod = requireInt('prepayment.afterPeriod', prepayment.afterPeriod, 0, checked.termMonths - 1);
  if (mode === 'keep-payment' && (checked.method === 'interest-only' || checked.method === 'bullet')) {
    throw new FinanceInputError('prepayment.mode', 'not-applicable', `keep-payment does not apply to ${checked.method} loans`);
  }

  const original = scheduleFor(checked, checked.principal, 1);
  const isBullet = checked.method === 'bullet';
  const balanceBefore = isBullet || afterPeriod === 0 ? checked.principal : (original[afterPeriod - 1]?.balance ?? 0);
  const amount = requireMinor('prepayment.amount', prepayment.amount);
  if (amount > balanceBefore) throw new FinanceInputError('prepayment.amount', 'out-of-range', 'exceeds the outstanding balance');
  const balanceAfter = balanceBefore - amount;
  const fee = mulRound(amount, [feeRate]);
  const withoutPrepayment = summarize(isBullet ? original : original.slice(afterPeriod));

  let rows: ScheduleRow[];
  let interestPaidNow = 0;
  const firstPeriod = afterPeriod + 1;
  if (isBullet) {
    // The prepaid part stops accruing today; its interest so far is paid with it.
    const start = parseDate('startDate', checked.startDate);
    const today = afterPeriod === 0 ? checked.startDate : monthDay(start.year, start.month + afterPeriod, checked.dueDay);
    interestPaidNow = bulletInterest(checked, amount, checked.startDate, today);
    rows = balanceAfter === 0 ? [] : scheduleFor(checked, balanceAfter, 1);
  } else if (balanceAfter === 0) {
    rows = [];
  } else if (mode === 'keep-term') {
    rows = scheduleFor(checked, balanceAfter, firstPeriod);
  } else {
    const periods = checked.termMonths - afterPeriod;
    const dueDate = (period: number): string => dueDateOf(checked, period);
    rows =
      checked.method === 'annuity'
        ? levelRows({ balance: balanceAfter, monthly: checked.monthly, periods, firstPeriod, dueDate, payment: annuityPayment(checked.principal, checked.annualRate, checked.termMonths), stopWhenPaid: true })
        : levelRows({ balance: balanceAfter, monthly: checked.monthly, periods, firstPeriod, dueDate, principalPart: divRoundHalfUp(checked.principal, checked.termMonths), stopWhenPaid: true });
  }

  const schedule = summarize(rows);
  const interestSaved = withoutPrepayment.totalInterest - schedule.totalInterest - interestPaidNow;
  return {
    ...schedule,
    fee,
    interestSaved,
    netSaving: interestSaved - fee,
    balanceBefore,
    balanceAfter,
    interestPaidNow,
    regularPayment: rows[0]?.payment ?? 0,
    periodsSaved: withoutPrepayment.rows.length - rows.length,
    withoutPrepayment,
  };
}
