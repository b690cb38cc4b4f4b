/**
 * The payoff planner: several debts, one monthly budget, a strategy.
 *
 * Month step (DOMAIN.md, "Paying debts down"):
 *   1. every open debt gains interest = round-half-up(balance x rate / 12), the promotional rate
 *      while month <= promo.untilMonth;
 *   2. every open debt gets its minimum (fixed, or the greater of an amount and a share of the
 *      balance), never more than its balance;
 *   3. the rest of the month's money (budget + that month's extra payments) goes to the debts in
 *      strategy order; money freed by a debt paid off flows on to the next one in the same month.
 * Avalanche: highest rate in effect first (ties: smaller balance, then input order). Snowball:
 * smallest balance first (ties: higher rate, then input order). Custom: the given order, unlisted
 * debts after in input order. Minimum-only: minimums and nothing more.
 *
 * The simulation works on parallel arrays and picks the next debt to pay by a linear scan (the
 * extra money rarely reaches more than one or two debts a month), so 50 debts over 360 months
 * stay within a few milliseconds including the per-month records.
 */
import { ensureSafe, FinanceInputError, requireArray, requireInt, requireMinor, requireOneOf, requireRate } from './errors';
import { amortize } from './loan';
import { annualizeMonthly, irr } from './irr';
import type { Ratio } from './rounding';
import { applyRatio, mulRound, ratioOf } from './rounding';

export type PayoffStrategy = 'avalanche' | 'snowball' | 'custom' | 'minimum-only';
export const PAYOFF_STRATEGIES: readonly PayoffStrategy[] = ['avalanche', 'snowball', 'custom', 'minimum-only'];

export type MinPaymentRule = number | { greaterOf: { amount: number; percentOfBalance: number } };

export interface PayoffDebt {
  id: string;
  balance: number;
  annualRate: number;
  minPayment: MinPaymentRule;
  /** A promotional rate (0 % offers, teaser rates) while month <= untilMonth. */
  promo?: { annualRate: number; untilMonth: number };
}

export interface PayoffInput {
  debts: PayoffDebt[];
  monthlyBudget: number;
  strategy: PayoffStrategy;
  customOrder?: string[];
  /** One-off extra money ("snowflakes") added to that month's budget. */
  extraPayments?: { month: number; amount: number }[];
  /** Default 600 (50 years). */
  maxMonths?: number;
}

export interface PayoffMonth {
  month: number;
  /** Per debt open at the start of the month. */
  payments: Record<string, number>;
  interest: Record<string, number>;
  /** Balance after the month's payments. */
  balances: Record<string, number>;
}

export type InfeasibleReason = 'below-minimums' | 'not-cleared';

export interface PayoffPlan {
  feasible: boolean;
  /** Months until the last debt is paid off; when infeasible, the months simulated. */
  months: number;
  totalInterest: number;
  totalPaid: number;
  /** Month each debt was paid off (0 when it started at zero). Debts never paid off are absent. */
  payoffMonth: Record<string, number>;
  monthly: PayoffMonth[];
  /** Infeasible plans: the smallest monthly budget that clears every debt within maxMonths. */
  requiredBudget?: number;
  /** Infeasible plans: the month's money did not cover the minimums, or the debts never cleared. */
  reason?: InfeasibleReason;
  /** The strategy simulated. */
  strategy: PayoffStrategy;
}

export const DEFAULT_MAX_MONTHS = 600;
const MAX_MONTHS_LIMIT = 1200;

/** The input checked once and laid out as parallel arrays for the simulation. */
interface Compiled {
  count: number;
  ids: string[];
  startBalances: number[];
  annualRates: number[];
  monthlyRates: Ratio[];
  promoAnnualRates: number[];
  promoMonthlyRates: Ratio[];
  /** 0 when there is no promotion. */
  promoUntil: number[];
  minAmounts: number[];
  /** Share of balance for "greater of" minimums; undefined for fixed ones. */
  minShares: (Ratio | undefined)[];
  /** Position in the custom order. */
  customRank: number[];
  /** Extra money by month (index = month). */
  extras: number[];
  maxMonths: number;
}

function compile(input: PayoffInput): Compiled {
  if (input === null || typeof input !== 'object') throw new FinanceInputError('input', 'required', 'is required');
  const maxMonths = input.maxMonths === undefined ? DEFAULT_MAX_MONTHS : requireInt('maxMonths', input.maxMonths, 1, MAX_MONTHS_LIMIT);
  const debts = requireArray<PayoffDebt>('debts', input.debts);
  const count = debts.length;
  const c: Compiled = {
    count,
    ids: [],
    startBalances: [],
    annualRates: [],
    monthlyRates: [],
    promoAnnualRates: [],
    promoMonthlyRates: [],
    promoUntil: [],
    minAmounts: [],
    minShares: [],
    customRank: [],
    extras: new Array<number>(maxMonths + 1).fill(0),
    maxMonths,
  };
  const seen = new Map<string, number>();
  debts.forEach((debt, i) => {
    const field = `debts[${i}]`;
    if (debt === null || typeof debt !== 'object') throw new FinanceInputError(field, 'required', 'is required');
    if (typeof debt.id !== 'string' || debt.id === '') throw new FinanceInputError(`${field}.id`, 'required', 'is required');
    // "__proto__" cannot be a key of the plain-object records the plan returns.
    if (debt.id === '__proto__') throw new FinanceInputError(`${field}.id`, 'out-of-range', 'is a reserved name');
    if (seen.has(debt.id)) throw new FinanceInputError(`${field}.id`, 'duplicate', `"${debt.id}" appears twice`);
    seen.set(debt.id, i);
    c.ids.push(debt.id);
    c.startBalances.push(requireMinor(`${field}.balance`, debt.balance));
    const rate = requireRate(`${field}.annualRate`, debt.annualRate);
    c.annualRates.push(rate);
    const monthly = ratioOf([rate], 1, 12);
    c.monthlyRates.push(monthly);
    if (debt.promo !== undefined) {
      if (debt.promo === null || typeof debt.promo !== 'object') throw new FinanceInputError(`${field}.promo`, 'required', 'must be an object');
      const promoRate = requireRate(`${field}.promo.annualRate`, debt.promo.annualRate);
      c.promoAnnualRates.push(promoRate);
      c.promoMonthlyRates.push(ratioOf([promoRate], 1, 12));
      c.promoUntil.push(requireInt(`${field}.promo.untilMonth`, debt.promo.untilMonth, 0, MAX_MONTHS_LIMIT));
    } else {
      c.promoAnnualRates.push(rate);
      c.promoMonthlyRates.push(monthly);
      c.promoUntil.push(0);
    }
    const rule = debt.minPayment;
    if (typeof rule === 'number') {
      c.minAmounts.push(requireMinor(`${field}.minPayment`, rule));
      c.minShares.push(undefined);
    } else if (rule !== null && typeof rule === 'object' && rule.greaterOf !== null && typeof rule.greaterOf === 'object') {
      c.minAmounts.push(requireMinor(`${field}.minPayment.greaterOf.amount`, rule.greaterOf.amount));
      c.minShares.push(ratioOf([requireRate(`${field}.minPayment.greaterOf.percentOfBalance`, rule.greaterOf.percentOfBalance, 1)]));
    } else {
      throw new FinanceInputError(`${field}.minPayment`, 'required', 'must be an amount or { greaterOf: { amount, percentOfBalance } }');
    }
    c.customRank.push(count + i);
  });
  if (input.customOrder !== undefined) {
    const order = requireArray<string>('customOrder', input.customOrder);
    const placed = new Set<string>();
    order.forEach((id, rank) => {
      const index = seen.get(id);
      if (index === undefined) throw new FinanceInputError(`customOrder[${rank}]`, 'unknown-id', `"${String(id)}" is not one of the debts`);
      if (placed.has(id)) throw new FinanceInputError(`customOrder[${rank}]`, 'duplicate', `"${id}" appears twice`);
      placed.add(id);
      c.customRank[index] = rank;
    });
  }
  if (input.extraPayments !== undefined) {
    requireArray<{ month: number; amount: number }>('extraPayments', input.extraPayments).forEach((extra, i) => {
      if (extra === null || typeof extra !== 'object') throw new FinanceInputError(`extraPayments[${i}]`, 'required', 'is required');
      const month = requireInt(`extraPayments[${i}].month`, extra.month, 1, MAX_MONTHS_LIMIT);
      const amount = requireMinor(`extraPayments[${i}].amount`, extra.amount);
      if (month <= maxMonths) c.extras[month] = ensureSafe(`extraPayments[${i}].amount`, (c.extras[month] ?? 0) + amount);
    });
  }
  return c;
}

interface Outcome {
  feasible: boolean;
  months: number;
  totalInterest: number;
  totalPaid: number;
  payoffMonth: Record<string, number>;
  monthly: PayoffMonth[];
  reason?: InfeasibleReason;
}

/**
 * One run of the month step. `record` = false skips the per-month records (used by the budget
 * searches, which only need to know whether the debts clear).
 */
function simulate(c: Compiled, budget: number, strategy: PayoffStrategy, record: boolean): Outcome {
  const n = c.count;
  const balances = c.startBalances.slice();
  const effectiveRates = new Array<number>(n).fill(0);
  const monthly: PayoffMonth[] = [];
  const payoffMonth: Record<string, number> = {};
  // Open debts, compacted at the end of each month.
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((balances[i] ?? 0) > 0) open.push(i);
    else payoffMonth[c.ids[i] ?? ''] = 0;
  }
  let totalInterest = 0;
  let totalPaid = 0;
  let month = 0;
  const paidThisMonth = new Array<number>(n).fill(0);
  const interestThisMonth = new Array<number>(n).fill(0);

  while (open.length > 0) {
    if (month >= c.maxMonths) return { feasible: false, months: month, totalInterest, totalPaid, payoffMonth, monthly, reason: 'not-cleared' };
    month += 1;

    // 1. Interest (added to the totals only once the month can be completed).
    let monthInterest = 0;
    let minimumTotal = 0;
    for (const i of open) {
      const promo = month <= (c.promoUntil[i] ?? 0);
      const ratio = (promo ? c.promoMonthlyRates[i] : c.monthlyRates[i]) as Ratio;
      effectiveRates[i] = (promo ? c.promoAnnualRates[i] : c.annualRates[i]) ?? 0;
      const balance = balances[i] ?? 0;
      const interest = applyRatio(balance, ratio);
      const grown = balance + interest;
      // A balance that outgrows the safe integers can never be paid off.
      if (grown > Number.MAX_SAFE_INTEGER) return { feasible: false, months: month - 1, totalInterest, totalPaid, payoffMonth, monthly, reason: 'not-cleared' };
      balances[i] = grown;
      interestThisMonth[i] = interest;
      monthInterest += interest;

      // 2. Minimums (computed on the balance with this month's interest).
      const share = c.minShares[i];
      const amount = c.minAmounts[i] ?? 0;
      const minimum = Math.min(share === undefined ? amount : Math.max(amount, applyRatio(grown, share)), grown);
      paidThisMonth[i] = minimum;
      minimumTotal += minimum;
    }
    const available = budget + (c.extras[month] ?? 0);
    if (minimumTotal > available) {
      return { feasible: false, months: month - 1, totalInterest, totalPaid, payoffMonth, monthly, reason: 'below-minimums' };
    }
    totalInterest += monthInterest;
    for (const i of open) balances[i] = (balances[i] ?? 0) - (paidThisMonth[i] ?? 0);
    let remaining = available - minimumTotal;

    // 3. The rest in strategy order, cascading to the next debt as each one is paid off.
    if (strategy !== 'minimum-only') {
      while (remaining > 0) {
        const next = pickNext(c, strategy, open, balances, effectiveRates);
        if (next < 0) break;
        const pay = Math.min(remaining, balances[next] ?? 0);
        balances[next] = (balances[next] ?? 0) - pay;
        paidThisMonth[next] = (paidThisMonth[next] ?? 0) + pay;
        remaining -= pay;
      }
    }

    let stillOpen = 0;
    let payments: Record<string, number> | undefined;
    let interest: Record<string, number> | undefined;
    let closing: Record<string, number> | undefined;
    if (record) {
      payments = {};
      interest = {};
      closing = {};
    }
    for (const i of open) {
      const id = c.ids[i] ?? '';
      const paid = paidThisMonth[i] ?? 0;
      const balance = balances[i] ?? 0;
      totalPaid += paid;
      if (payments && interest && closing) {
        payments[id] = paid;
        interest[id] = interestThisMonth[i] ?? 0;
        closing[id] = balance;
      }
      if (balance === 0) payoffMonth[id] = month;
      else open[stillOpen++] = i;
    }
    open.length = stillOpen;
    if (payments && interest && closing) monthly.push({ month, payments, interest, balances: closing });
  }
  return { feasible: true, months: month, totalInterest, totalPaid, payoffMonth, monthly };
}

/** The open debt with a balance left that the strategy pays next, or -1. */
function pickNext(c: Compiled, strategy: PayoffStrategy, open: readonly number[], balances: readonly number[], rates: readonly number[]): number {
  let best = -1;
  for (const i of open) {
    if ((balances[i] ?? 0) <= 0) continue;
    if (best < 0 || before(c, strategy, i, best, balances, rates)) best = i;
  }
  return best;
}

/** Whether debt a comes before debt b (a > b in input order when called from the scan, so ties keep b). */
function before(c: Compiled, strategy: PayoffStrategy, a: number, b: number, balances: readonly number[], rates: readonly number[]): boolean {
  const balanceA = balances[a] ?? 0;
  const balanceB = balances[b] ?? 0;
  const rateA = rates[a] ?? 0;
  const rateB = rates[b] ?? 0;
  switch (strategy) {
    case 'avalanche':
      if (rateA !== rateB) return rateA > rateB;
      return balanceA < balanceB;
    case 'snowball':
      if (balanceA !== balanceB) return balanceA < balanceB;
      return rateA > rateB;
    default:
      return (c.customRank[a] ?? 0) < (c.customRank[b] ?? 0);
  }
}

/** The smallest budget (minor units) that clears every debt within c.maxMonths, by binary search. */
function smallestBudget(c: Compiled, strategy: PayoffStrategy): number {
  // Extra money is what clears debts faster; with minimum-only it has nowhere to go, so the search uses avalanche.
  const searchStrategy = strategy === 'minimum-only' ? 'avalanche' : strategy;
  // Paying every balance plus its first month's interest clears everything in month 1.
  let high = 0;
  for (let i = 0; i < c.count; i++) {
    const balance = c.startBalances[i] ?? 0;
    const promo = 1 <= (c.promoUntil[i] ?? 0);
    high += balance + applyRatio(balance, (promo ? c.promoMonthlyRates[i] : c.monthlyRates[i]) as Ratio);
  }
  ensureSafe('requiredBudget', high);
  let low = -1; // infeasible by convention
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (simulate(c, middle, searchStrategy, false).feasible) high = middle;
    else low = middle;
  }
  return high;
}

function toPlan(outcome: Outcome, strategy: PayoffStrategy): PayoffPlan {
  const plan: PayoffPlan = {
    feasible: outcome.feasible,
    months: outcome.months,
    totalInterest: ensureSafe('totalInterest', outcome.totalInterest),
    totalPaid: ensureSafe('totalPaid', outcome.totalPaid),
    payoffMonth: outcome.payoffMonth,
    monthly: outcome.monthly,
    strategy,
  };
  if (outcome.reason !== undefined) plan.reason = outcome.reason;
  return plan;
}

export function planPayoff(input: PayoffInput): PayoffPlan {
  const compiled = compile(input);
  const budget = requireMinor('monthlyBudget', input.monthlyBudget);
  const strategy = requireOneOf('strategy', input.strategy, PAYOFF_STRATEGIES);
  const plan = toPlan(simulate(compiled, budget, strategy, true), strategy);
  if (!plan.feasible) plan.requiredBudget = smallestBudget(compiled, strategy);
  return plan;
}

export interface StrategyComparison {
  plans: { strategy: PayoffStrategy; plan: PayoffPlan }[];
  /** Feasible strategy with the least interest (first listed on ties), if any is feasible. */
  cheapest?: PayoffStrategy;
  /** Feasible strategy that clears the debts soonest (first listed on ties). */
  fastest?: PayoffStrategy;
}

/** Avalanche, snowball and minimum-only side by side, plus custom when a custom order is given. */
export function compareStrategies(input: PayoffInput): StrategyComparison {
  const compiled = compile(input);
  const budget = requireMinor('monthlyBudget', input.monthlyBudget);
  const strategies: PayoffStrategy[] = ['avalanche', 'snowball', 'minimum-only'];
  if (input.customOrder !== undefined) strategies.push('custom');
  const plans = strategies.map((strategy) => {
    const plan = toPlan(simulate(compiled, budget, strategy, true), strategy);
    if (!plan.feasible) plan.requiredBudget = smallestBudget(compiled, strategy);
    return { strategy, plan };
  });
  const result: StrategyComparison = { plans };
  for (const { strategy, plan } of plans) {
    if (!plan.feasible) continue;
    const cheapest = plans.find((p) => p.strategy === result.cheapest)?.plan;
    if (!cheapest || plan.totalInterest < cheapest.totalInterest) result.cheapest = strategy;
    const fastest = plans.find((p) => p.strategy === result.fastest)?.plan;
    if (!fastest || plan.months < fastest.months) result.fastest = strategy;
  }
  return result;
}

/**
 * The smallest monthly budget that clears every debt within `month` months, and the plan it
 * gives. The input's monthlyBudget and maxMonths are ignored; minimum-only is searched as avalanche.
 */
export function budgetToBeDebtFreeBy(input: PayoffInput, month: number): { monthlyBudget: number; plan: PayoffPlan } {
  const by = requireInt('month', month, 1, MAX_MONTHS_LIMIT);
  const strategy = requireOneOf('strategy', input.strategy, PAYOFF_STRATEGIES);
  const compiled = compile({ ...input, maxMonths: by });
  const planStrategy = strategy === 'minimum-only' ? 'avalanche' : strategy;
  const monthlyBudget = smallestBudget(compiled, planStrategy);
  return { monthlyBudget, plan: toPlan(simulate(compiled, monthlyBudget, planStrategy, true), planStrategy) };
}

export interface ConsolidationLoan {
  annualRate: number;
  termMonths: number;
  /** Fee as a share of the amount borrowed, paid when the loan is made. */
  feeRate: number;
}

export interface ConsolidationWhatIf {
  current: PayoffPlan;
  consolidation: {
    /** Borrowed to pay every debt off: the sum of the balances. */
    principal: number;
    fee: number;
    /** Level monthly payment (annuity). */
    payment: number;
    termMonths: number;
    totalInterest: number;
    /** Payments plus the fee. */
    totalPaid: number;
    /** 12 x monthly IRR of (principal - fee, -payments): the fee counts as cost. */
    apr: number;
    ear: number;
    /** Whether the payment fits the current monthly budget. */
    fitsBudget: boolean;
  };
  /** Current plan's interest minus the loan's interest and fee: positive means consolidating is cheaper. */
  costSaved: number;
  /** Current total paid minus the loan's total paid. */
  totalPaidSaved: number;
  /** Current months minus the loan's term: positive means the loan finishes sooner. */
  monthsSaved: number;
}

/** The current plan against one annuity loan that pays every debt off today. */
export function consolidationWhatIf(input: PayoffInput, loan: ConsolidationLoan): ConsolidationWhatIf {
  const current = planPayoff(input);
  if (loan === null || typeof loan !== 'object') throw new FinanceInputError('loan', 'required', 'is required');
  const annualRate = requireRate('loan.annualRate', loan.annualRate);
  const termMonths = requireInt('loan.termMonths', loan.termMonths, 1, 600);
  const feeRate = requireRate('loan.feeRate', loan.feeRate, 1);
  const principal = ensureSafe('principal', input.debts.reduce((sum, debt) => sum + debt.balance, 0));
  const fee = mulRound(principal, [feeRate]);
  if (principal > 0 && fee >= principal) throw new FinanceInputError('loan.feeRate', 'out-of-range', 'leaves nothing of the loan');
  // Dates do not matter here; any fixed start date gives the same amounts.
  const schedule = amortize({ principal, annualRate, termMonths, method: 'annuity', startDate: '2000-01-01' });
  const payments = schedule.rows.map((row) => row.payment);
  const periodic = principal === 0 || (fee === 0 && schedule.totalInterest === 0) ? 0 : irr([principal - fee, ...payments.map((p) => -p)]);
  const { apr, ear } = annualizeMonthly(periodic);
  const payment = payments[0] ?? 0;
  const totalPaid = ensureSafe('totalPaid', schedule.totalPaid + fee);
  return {
    current,
    consolidation: {
      principal,
      fee,
      payment,
      termMonths,
      totalInterest: schedule.totalInterest,
      totalPaid,
      apr,
      ear,
      fitsBudget: payment <= input.monthlyBudget,
    },
    costSaved: current.totalInterest - schedule.totalInterest - fee,
    totalPaidSaved: current.totalPaid - totalPaid,
    monthsSaved: current.months - termMonths,
  };
}
