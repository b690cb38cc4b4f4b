/**
 * Clearday's finance engine: pure, deterministic, integer minor units, YYYY-MM-DD dates.
 * See docs/finance-engine.md for every formula and its source.
 */
export { FinanceInputError } from './errors';
export type { FinanceErrorCode } from './errors';

export { parseMoney, formatMoney, formatRate, minorUnitDigits, decimalText } from './money';

export { roundHalfUp, divRoundHalfUp, mulRound } from './rounding';

export { isValidDate, isLeapYear, daysInMonth, addDays, daysBetween, addMonthsClamped, monthsBetween, toDayNumber, fromDayNumber } from './dates';

export { amortize, prepay, annuityPayment, REPAYMENT_METHODS } from './loan';
export type { LoanInput, RepaymentMethod, Schedule, ScheduleRow, PrepaymentInput, PrepaymentMode, PrepaymentResult } from './loan';

export { installmentPlan } from './installment';
export type { InstallmentInput, InstallmentPlan, InstallmentRow, InstallmentFeeMode } from './installment';

export { irr, npv, annualizeMonthly } from './irr';

export { cardCycle, bestCardFor, cardInterest, minimumPayment, lateCharge } from './card';
export type {
  CardTerms,
  CardDueRule,
  CardCycle,
  CardChoice,
  CardInterestInput,
  CardInterestMethod,
  CardInterestResult,
  MinimumPaymentInput,
  MinimumPaymentRule,
  MinimumPaymentResult,
  LateChargeRule,
} from './card';

export { overdueCost } from './overdue';
export type { OverdueInput, OverdueCost } from './overdue';

export { planPayoff, compareStrategies, budgetToBeDebtFreeBy, consolidationWhatIf, PAYOFF_STRATEGIES, DEFAULT_MAX_MONTHS } from './planner';
export type {
  PayoffInput,
  PayoffDebt,
  PayoffPlan,
  PayoffMonth,
  PayoffStrategy,
  MinPaymentRule,
  InfeasibleReason,
  StrategyComparison,
  ConsolidationLoan,
  ConsolidationWhatIf,
} from './planner';
