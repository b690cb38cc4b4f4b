/**
 * What being late costs.
 *
 * Bank loans (罚息/复利): penalty interest at the contract rate x the penalty multiplier (1.3-1.5,
 * default 1.5 in DOMAIN.md) on the overdue principal, from the due date until paid; the unpaid
 * interest bears compound interest at the same penalty rate. Daily rate = annual / basis
 * (360 by PBoC convention, 365 where the contract says so).
 *
 * Consumer-credit lines publish a daily rate on the overdue amount (e.g. Huabei 0.05 %/day),
 * sometimes with a minimum charge per day.
 */
import { ensureSafe, FinanceInputError, requireInt, requireMinor, requireOneOf, requireRate } from './errors';
import { mulRound } from './rounding';

export type OverdueInput =
  | {
      kind: 'loan';
      overduePrincipal: number;
      overdueInterest: number;
      annualRate: number;
      penaltyMultiplier: number;
      days: number;
      dayBasis: 360 | 365;
    }
  | { kind: 'daily-rate'; amount: number; dailyRate: number; days: number; minimumPerDay?: number };

export interface OverdueCost {
  /** Penalty interest on the overdue principal (or the daily-rate charge). */
  penalty: number;
  /** Compound interest on the overdue interest (0 for daily-rate lines). */
  compound: number;
  total: number;
}

const MAX_DAYS = 36_600;

export function overdueCost(input: OverdueInput): OverdueCost {
  if (input === null || typeof input !== 'object') throw new FinanceInputError('input', 'required', 'is required');
  const kind = requireOneOf('kind', input.kind, ['loan', 'daily-rate'] as const);
  if (kind === 'loan' && input.kind === 'loan') {
    const principal = requireMinor('overduePrincipal', input.overduePrincipal);
    const interest = requireMinor('overdueInterest', input.overdueInterest);
    const rate = requireRate('annualRate', input.annualRate);
    const multiplier = requireRate('penaltyMultiplier', input.penaltyMultiplier);
    if (multiplier < 1) throw new FinanceInputError('penaltyMultiplier', 'out-of-range', 'must be at least 1');
    const days = requireInt('days', input.days, 0, MAX_DAYS);
    if (input.dayBasis !== 360 && input.dayBasis !== 365) throw new FinanceInputError('dayBasis', 'out-of-range', 'must be 360 or 365');
    // amount x rate x multiplier x days / basis, as one exact fraction and one rounding.
    const penalty = mulRound(principal, [rate, multiplier], days, input.dayBasis);
    const compound = mulRound(interest, [rate, multiplier], days, input.dayBasis);
    return { penalty, compound, total: ensureSafe('total', penalty + compound) };
  }
  const line = input as Extract<OverdueInput, { kind: 'daily-rate' }>;
  const amount = requireMinor('amount', line.amount);
  const dailyRate = requireRate('dailyRate', line.dailyRate, 1);
  const days = requireInt('days', line.days, 0, MAX_DAYS);
  const minimumPerDay = line.minimumPerDay === undefined ? 0 : requireMinor('minimumPerDay', line.minimumPerDay);
  const charge = mulRound(amount, [dailyRate], days);
  const penalty = ensureSafe('penalty', amount === 0 ? 0 : Math.max(charge, minimumPerDay * days));
  return { penalty, compound: 0, total: penalty };
}
