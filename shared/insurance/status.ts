/**
 * Where a policy stands on a given day, from its terms and the premium payments recorded
 * against it (Payment rows with source 'policy', sourceId = the policy id and dueDate = the
 * premium's due date). Pure: `today` is passed in.
 */
import { addDays, addMonths } from '../domain/calendar';
import { paidTowards, remaining } from '../dues';
import type { Payment, Policy } from '../domain/entities';
import { coolingOffEnd, coverageEnd, graceEnd, paymentTermEnd, premiumSchedule, renewalDateOf, waitingPeriodEnd } from './terms';

/**
 * pending: not yet in effect; cooling-off: a full refund is still possible; waiting: illness
 * claims not yet covered; in-grace: a premium is unpaid past its due date but within grace;
 * lapsed: a premium is still unpaid after its grace (失效); expired: cover has ended; paid-up:
 * nothing more to pay and cover continues; active: in force with premiums still to come.
 * Premium waiver (豁免) is not a status: it only says future premiums may be waived after a
 * claim, and until the insurer waives them they are due like any other.
 */
export type PolicyStatus = 'pending' | 'cooling-off' | 'waiting' | 'active' | 'in-grace' | 'lapsed' | 'expired' | 'paid-up';

export interface UnpaidPremium {
  dueDate: string;
  amount: number;
  paid: number;
  /** The last day of grace; unpaid after it, the policy lapses. */
  graceEnd: string;
}

export interface PolicyStatusDetails {
  status: PolicyStatus;
  /** The first premium on or after today not yet paid in full; none once lapsed or paid up. */
  nextPremium?: { dueDate: string; amount: number; paid: number };
  /** Premiums past their due date and not paid in full, oldest first (up to the lapse). */
  unpaid: UnpaidPremium[];
  /** The first day the policy is lapsed: the day after the grace of the oldest unpaid premium. */
  lapsedOn?: string;
  renewalDate?: string;
  coolingOffEnd?: string;
  waitingPeriodEnd?: string;
  /** The last covered day; undefined for lifetime cover (or to-age without a birth date). */
  coverageEnd?: string;
  /** The first day with no premium left to pay. */
  paymentTermEnd: string;
}

/**
 * The first due date Clearday tracks: premiums before it count as settled. Someone entering a
 * policy bought years ago has no record of its old premiums, and the policy could not still be
 * in force had they gone unpaid; without this every such policy would show as lapsed. The form
 * stores `settledThrough` (the user's local "today", or the day before when today's premium is
 * still to pay); rows without it fall back to the UTC date of `createdAt`.
 */
export function trackedFrom(policy: Pick<Policy, 'createdAt' | 'settledThrough'>): string {
  return policy.settledThrough ? addDays(policy.settledThrough, 1) : policy.createdAt.slice(0, 10);
}

/**
 * Whether a lapse suspends what falls due on `date`: from the day of the lapse on, later premiums
 * and the renewal are not owed until the insurer reinstates the policy.
 */
export function suspendedOn(lapsedOn: string | undefined, date: string): boolean {
  return lapsedOn !== undefined && date >= lapsedOn;
}

/** An unpaid premium whose last day of grace is behind `today`: the policy lapsed the day after. */
export function graceRunOut(premium: { graceEnd: string }, today: string): boolean {
  return today > premium.graceEnd;
}

/** Amount paid towards each premium of a policy, by the premium's due date. */
export function premiumPayments(payments: readonly Payment[], policyId: string): Map<string, number> {
  return paidTowards(payments, 'policy', policyId);
}

export function policyStatus(policy: Policy, payments: readonly Payment[], today: string, birthDate?: string): PolicyStatusDetails {
  const paid = premiumPayments(payments, policy.id);
  const tracked = trackedFrom(policy);
  // Two years ahead reaches the next annual premium even when the coming one is paid early.
  const schedule = premiumSchedule(policy, birthDate, addMonths(today, 24));

  const unpaid: UnpaidPremium[] = [];
  let lapsedOn: string | undefined;
  let nextPremium: PolicyStatusDetails['nextPremium'];
  for (const dueDate of schedule) {
    const paidAmount = paid.get(dueDate) ?? 0;
    if (remaining({ amount: policy.premium, paid: paidAmount }) === 0 || dueDate < tracked) continue;
    // Once lapsed, later premiums are not owed: the contract is suspended until reinstated.
    if (suspendedOn(lapsedOn, dueDate)) break;
    if (dueDate >= today) {
      if (lapsedOn === undefined) nextPremium = { dueDate, amount: policy.premium, paid: paidAmount };
      break;
    }
    const lastGraceDay = graceEnd(dueDate, policy.gracePeriodDays);
    unpaid.push({ dueDate, amount: policy.premium, paid: paidAmount, graceEnd: lastGraceDay });
    // The oldest unpaid premium has the earliest grace end: it alone decides the lapse.
    if (lapsedOn === undefined && graceRunOut({ graceEnd: lastGraceDay }, today)) lapsedOn = addDays(lastGraceDay, 1);
  }

  const details: Omit<PolicyStatusDetails, 'status'> = {
    unpaid,
    paymentTermEnd: paymentTermEnd(policy, birthDate),
    ...(nextPremium ? { nextPremium } : {}),
    ...optional('lapsedOn', lapsedOn),
    ...optional('renewalDate', renewalDateOf(policy)),
    ...optional('coolingOffEnd', coolingOffEnd(policy)),
    ...optional('waitingPeriodEnd', waitingPeriodEnd(policy)),
    ...optional('coverageEnd', coverageEnd(policy, birthDate)),
  };
  return { status: statusOf(details, policy.effectiveDate, today), ...details };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The most pressing state wins: a lapse over expiry, unpaid premiums over the early periods. */
function statusOf(details: Omit<PolicyStatusDetails, 'status'>, effectiveDate: string, today: string): PolicyStatus {
  if (today < effectiveDate) return 'pending';
  if (details.lapsedOn !== undefined) return 'lapsed';
  if (details.coverageEnd !== undefined && today > details.coverageEnd) return 'expired';
  if (details.unpaid.length > 0) return 'in-grace';
  if (details.coolingOffEnd !== undefined && today <= details.coolingOffEnd) return 'cooling-off';
  if (details.waitingPeriodEnd !== undefined && today <= details.waitingPeriodEnd) return 'waiting';
  if (today >= details.paymentTermEnd) return 'paid-up';
  return 'active';
}
