/**
 * What a policy still asks for until its payment term ends. Pure: `today` is passed in.
 */
import type { Payment, Policy } from '../domain/entities';
import { remaining } from '../dues';
import { policyStatus, premiumPayments } from './status';
import { premiumSchedule } from './terms';

export interface PremiumsLeft {
  /** Premiums not yet paid in full: every one from today on, and the unpaid ones still in grace. */
  count: number;
  /** `count` full premiums, in the policy's minor units. */
  amount: number;
}

/**
 * The premiums left to pay on `today`. A lapsed policy owes nothing more until the insurer
 * reinstates it; a part-paid premium counts as left, at the full premium.
 */
export function premiumsLeft(policy: Policy, payments: readonly Payment[], today: string, birthDate?: string): PremiumsLeft {
  const details = policyStatus(policy, payments, today, birthDate);
  if (details.status === 'lapsed') return { count: 0, amount: 0 };
  const paid = premiumPayments(payments, policy.id);
  const unpaid = new Set(details.unpaid.map((premium) => premium.dueDate));
  const count = premiumSchedule(policy, birthDate).filter((due) => (due >= today || unpaid.has(due)) && remaining({ amount: policy.premium, paid: paid.get(due) ?? 0 }) > 0).length;
  return { count, amount: count * policy.premium };
}
