/**
 * Credit cards (mainland China defaults, every figure a per-card parameter): statement cycles and
 * interest-free days, revolving interest when a statement is paid only in part, the minimum
 * payment (最低还款额) and the late-payment charge (违约金).
 */
import { ensureSafe, FinanceInputError, requireArray, requireInt, requireMinor, requireOneOf, requireRate } from './errors';
import { addDays, dayNumberOf, fromDayNumber, monthDay, parseDate, toDayNumber } from './dates';
import { mulRound } from './rounding';

export type CardDueRule = { kind: 'day-of-month'; day: number } | { kind: 'days-after-statement'; days: number };

export interface CardTerms {
  /** 账单日, 1-31; clamped to the last day of shorter months. */
  statementDay: number;
  due: CardDueRule;
  /** Some banks count both the posting day and the due day as interest-free. */
  countBothEnds?: boolean;
}

export interface CardCycle {
  statementDate: string;
  dueDate: string;
  interestFreeDays: number;
}

function checkCard(field: string, card: CardTerms): CardTerms {
  if (card === null || typeof card !== 'object') throw new FinanceInputError(field, 'required', 'is required');
  requireInt(`${field}.statementDay`, card.statementDay, 1, 31);
  if (card.due === null || typeof card.due !== 'object') throw new FinanceInputError(`${field}.due`, 'required', 'is required');
  const kind = requireOneOf(`${field}.due.kind`, card.due.kind, ['day-of-month', 'days-after-statement'] as const);
  if (kind === 'day-of-month') requireInt(`${field}.due.day`, (card.due as { day: number }).day, 1, 31);
  else requireInt(`${field}.due.days`, (card.due as { days: number }).days, 1, 60);
  return card;
}

/**
 * The statement a purchase lands on and when it falls due. A purchase posted on or before the
 * statement day belongs to that month's statement, after it to the next month's. A fixed due day
 * is the first such day after the statement date. Interest-free days = due date - posting date
 * (+1 when the card counts both ends).
 */
export function cardCycle(card: CardTerms, postingDate: string): CardCycle {
  checkCard('card', card);
  const posted = parseDate('postingDate', postingDate);
  const postedDay = dayNumberOf(posted.year, posted.month, posted.day);
  let statementDate = monthDay(posted.year, posted.month, card.statementDay);
  if (toDayNumber(statementDate) < postedDay) statementDate = monthDay(posted.year, posted.month + 1, card.statementDay);
  const statement = parseDate('statementDate', statementDate);
  const statementDay = dayNumberOf(statement.year, statement.month, statement.day);

  let dueDate: string;
  if (card.due.kind === 'days-after-statement') {
    dueDate = addDays(statementDate, card.due.days);
  } else {
    dueDate = monthDay(statement.year, statement.month, card.due.day);
    if (toDayNumber(dueDate) <= statementDay) dueDate = monthDay(statement.year, statement.month + 1, card.due.day);
  }
  const interestFreeDays = toDayNumber(dueDate) - postedDay + (card.countBothEnds ? 1 : 0);
  return { statementDate, dueDate, interestFreeDays };
}

export interface CardChoice extends CardCycle {
  id: string;
}

/** Cards ranked for a purchase on `date`: longest interest-free period first; ties keep the given order. */
export function bestCardFor(date: string, cards: readonly { id: string; card: CardTerms }[]): CardChoice[] {
  parseDate('date', date);
  const list = requireArray<{ id: string; card: CardTerms }>('cards', cards);
  return list
    .map((entry, index) => ({ id: entry.id, ...cardCycle(checkCard(`cards[${index}].card`, entry.card), date) }))
    .sort((a, b) => b.interestFreeDays - a.interestFreeDays);
}

// ---------------------------------------------------------------- revolving interest

export type CardInterestMethod = 'whole-statement' | 'unpaid-part';

export interface CardInterestInput {
  /** The statement's charges, each with its posting date (记账日). */
  transactions: readonly { postingDate: string; amount: number }[];
  /** Repayments with the date they were made. */
  payments: readonly { date: string; amount: number }[];
  dueDate: string;
  /** Interest runs up to, not including, this date: usually the next statement date. */
  until: string;
  /** Daily rate, e.g. 0.0005 (0.05 %/day). */
  dailyRate: number;
  /**
   * whole-statement: every charge bears interest from its posting date, less payments from their
   * dates (全额计息, the common method). unpaid-part: payments made by the due date settle the
   * oldest charges first, and only what they leave unpaid bears interest from its posting date.
   */
  method: CardInterestMethod;
  /** 容时: payments up to this many days after the due date count as on time. */
  graceDays?: number;
  /** 容差: an unpaid remainder up to this amount counts as paid in full. */
  tolerance?: number;
}

export interface CardInterestResult {
  interest: number;
  statementBalance: number;
  paidByDue: number;
  unpaidAtDue: number;
  /** True when the statement (less the tolerance) was paid by the due date (+ grace days): no interest. */
  paidInFull: boolean;
  /** Sum of balance x days, the figure the daily rate multiplies. */
  balanceDays: number;
  segments: { from: string; to: string; balance: number; days: number }[];
}

/**
 * Revolving interest for one statement paid in part. Interest = round-half-up(dailyRate x
 * sum(balance x days)), rounded once for the statement; days between two dates count one end.
 */
export function cardInterest(input: CardInterestInput): CardInterestResult {
  if (input === null || typeof input !== 'object') throw new FinanceInputError('input', 'required', 'is required');
  const dailyRate = requireRate('dailyRate', input.dailyRate, 1);
  const method = requireOneOf('method', input.method, ['whole-statement', 'unpaid-part'] as const);
  const graceDays = input.graceDays === undefined ? 0 : requireInt('graceDays', input.graceDays, 0, 60);
  const tolerance = input.tolerance === undefined ? 0 : requireMinor('tolerance', input.tolerance);
  const due = toDayNumber(input.dueDate, 'dueDate');
  const until = toDayNumber(input.until, 'until');
  if (until < due) throw new FinanceInputError('until', 'out-of-range', 'must not be before the due date');

  const charges = requireArray<{ postingDate: string; amount: number }>('transactions', input.transactions)
    .map((t, i) => {
      const day = toDayNumber(t.postingDate, `transactions[${i}].postingDate`);
      if (day > due) throw new FinanceInputError(`transactions[${i}].postingDate`, 'out-of-range', 'must not be after the due date');
      return { day, amount: requireMinor(`transactions[${i}].amount`, t.amount) };
    })
    .sort((a, b) => a.day - b.day);
  const payments = requireArray<{ date: string; amount: number }>('payments', input.payments)
    .map((p, i) => ({ day: toDayNumber(p.date, `payments[${i}].date`), amount: requireMinor(`payments[${i}].amount`, p.amount) }))
    .sort((a, b) => a.day - b.day);

  const statementBalance = ensureSafe('statementBalance', charges.reduce((sum, c) => sum + c.amount, 0));
  const onTime = (day: number): boolean => day <= due + graceDays;
  const paidByDue = payments.filter((p) => onTime(p.day)).reduce((sum, p) => sum + p.amount, 0);
  const unpaidAtDue = Math.max(0, statementBalance - paidByDue);
  const paidInFull = unpaidAtDue <= tolerance;
  const base = { statementBalance, paidByDue, unpaidAtDue, paidInFull };
  if (paidInFull) return { ...base, interest: 0, balanceDays: 0, segments: [] };

  // Balance changes by day: charges add from their posting day, payments subtract from theirs.
  const events: { day: number; delta: number }[] = [];
  if (method === 'whole-statement') {
    for (const c of charges) events.push({ day: c.day, delta: c.amount });
    for (const p of payments) events.push({ day: p.day, delta: -p.amount });
  } else {
    let settle = paidByDue;
    for (const c of charges) {
      const settled = Math.min(settle, c.amount);
      settle -= settled;
      if (c.amount > settled) events.push({ day: c.day, delta: c.amount - settled });
    }
    for (const p of payments) if (!onTime(p.day)) events.push({ day: p.day, delta: -p.amount });
  }
  events.sort((a, b) => a.day - b.day);

  const segments: CardInterestResult['segments'] = [];
  let balance = 0;
  let balanceDays = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event === undefined || event.day >= until) break;
    balance += event.delta;
    const nextDay = Math.min(events[i + 1]?.day ?? until, until);
    const days = nextDay - event.day;
    // A credit (payment before a later charge) offsets what follows but earns nothing.
    if (days > 0 && balance > 0) {
      balanceDays += balance * days;
      segments.push({ from: fromDayNumber(event.day), to: fromDayNumber(nextDay), balance, days });
    }
  }
  ensureSafe('balanceDays', balanceDays);
  return { ...base, interest: mulRound(balanceDays, [dailyRate]), balanceDays, segments };
}

// ---------------------------------------------------------------- minimum payment and late charge

export interface MinimumPaymentRule {
  /** Share of purchases within the limit, e.g. 0.1 (some banks 0.05). */
  percentOfPurchases: number;
  /** The minimum is at least this (but never more than the statement balance). */
  floor: number;
}

export interface MinimumPaymentInput {
  /** Purchases (and balance transfers) within the credit limit. */
  purchases: number;
  cashAdvances?: number;
  fees?: number;
  interest?: number;
  /** The current installment amounts billed on this statement. */
  installments?: number;
  overLimit?: number;
  unpaidPreviousMinimum?: number;
  rule: MinimumPaymentRule;
  /** Total of the statement; the minimum never exceeds it. Default: the sum of the parts. */
  statementBalance?: number;
}

export interface MinimumPaymentResult {
  minimum: number;
  /** round(purchases x percent). */
  percentPart: number;
  /** The parts due in full: cash advances, fees, interest, installments, over-limit, unpaid earlier minimum. */
  fullParts: number;
  floorApplied: boolean;
}

/** 最低还款额 = percent x purchases + 100 % of cash advances, fees, interest, installments, over-limit, unpaid earlier minimum; at least the floor; at most the statement balance. */
export function minimumPayment(input: MinimumPaymentInput): MinimumPaymentResult {
  if (input === null || typeof input !== 'object') throw new FinanceInputError('input', 'required', 'is required');
  if (input.rule === null || typeof input.rule !== 'object') throw new FinanceInputError('rule', 'required', 'is required');
  const percent = requireRate('rule.percentOfPurchases', input.rule.percentOfPurchases, 1);
  const floor = requireMinor('rule.floor', input.rule.floor);
  const purchases = requireMinor('purchases', input.purchases);
  const optional = (field: keyof MinimumPaymentInput): number => (input[field] === undefined ? 0 : requireMinor(field, input[field]));
  const fullParts = ensureSafe(
    'fullParts',
    optional('cashAdvances') + optional('fees') + optional('interest') + optional('installments') + optional('overLimit') + optional('unpaidPreviousMinimum'),
  );
  const percentPart = mulRound(purchases, [percent]);
  const statementBalance = input.statementBalance === undefined ? ensureSafe('statementBalance', purchases + fullParts) : requireMinor('statementBalance', input.statementBalance);
  const computed = percentPart + fullParts;
  const floorApplied = computed < floor;
  const minimum = Math.min(floorApplied ? floor : computed, statementBalance);
  return { minimum, percentPart, fullParts, floorApplied };
}

export interface LateChargeRule {
  /** e.g. 0.05 of the unpaid minimum. */
  percentOfUnpaidMinimum: number;
  /** e.g. 1000 fen (10 CNY). */
  floor: number;
  /** Some contracts cap the charge. */
  cap?: number;
}

/** 违约金 = max(floor, round(unpaid minimum x percent)), capped when the contract caps it; 0 when the minimum was paid. */
export function lateCharge(input: { unpaidMinimum: number; rule: LateChargeRule }): number {
  if (input === null || typeof input !== 'object') throw new FinanceInputError('input', 'required', 'is required');
  if (input.rule === null || typeof input.rule !== 'object') throw new FinanceInputError('rule', 'required', 'is required');
  const unpaid = requireMinor('unpaidMinimum', input.unpaidMinimum);
  const percent = requireRate('rule.percentOfUnpaidMinimum', input.rule.percentOfUnpaidMinimum, 1);
  const floor = requireMinor('rule.floor', input.rule.floor);
  const cap = input.rule.cap === undefined ? Infinity : requireMinor('rule.cap', input.rule.cap);
  if (unpaid === 0) return 0;
  return Math.min(Math.max(floor, mulRound(unpaid, [percent])), cap);
}
