/**
 * When a policy can be renewed for another year. Pure: `today` is passed in.
 */
import { addDays } from '../domain/calendar';
import type { Payment, Policy } from '../domain/entities';
import { policyStatus } from './status';
import { renewalDateOf, renewedTerms } from './terms';

/** Insurers take renewals from about three months before the renewal date. */
export const RENEWAL_OPENS_DAYS_BEFORE = 90;

/**
 * The first day the policy can be renewed, or undefined when it has nothing to renew: no
 * renewal date, or cover that is not counted in years (see renewedTerms).
 */
export function renewalOpensOn(policy: Policy): string | undefined {
  const renewalDate = renewalDateOf(policy);
  if (renewalDate === undefined || renewedTerms(policy) === undefined) return undefined;
  return addDays(renewalDate, -RENEWAL_OPENS_DAYS_BEFORE);
}

/**
 * Whether the policy can be renewed on `today`: from renewalOpensOn on, and still after the
 * renewal date (insurers usually accept a late renewal for a while). A lapsed policy cannot:
 * it needs reinstatement instead.
 */
export function canRenew(policy: Policy, payments: readonly Payment[], today: string, birthDate?: string): boolean {
  const opensOn = renewalOpensOn(policy);
  return opensOn !== undefined && today >= opensOn && policyStatus(policy, payments, today, birthDate).status !== 'lapsed';
}
