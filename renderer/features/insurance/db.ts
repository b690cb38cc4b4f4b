/** Database writes for policies that touch more than one field's worth of meaning. */
import { renewalDateOf, renewedTerms } from '../../../shared/insurance';
import type { ClearDayDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import { systemClock, type Clock } from '../../db/repository';

/**
 * Renews a one-year policy for another year (see renewedTerms). Returns the date of the renewal
 * premium, now an ordinary premium of the policy, or undefined when the policy cannot be renewed.
 */
export async function renewPolicy(db: ClearDayDatabase, policyId: string, clock: Clock = systemClock): Promise<string | undefined> {
  return db.transaction('rw', db.policies, async () => {
    const policy = await db.policies.get(policyId);
    const terms = policy ? renewedTerms(policy) : undefined;
    if (!policy || !terms || policy.coverageTerm.kind !== 'years') return undefined;
    // The premium that renews the cover falls on the renewal date as it stood before.
    const renewalPremium = renewalDateOf(policy);
    await createRepositories(db, clock).policies.update(policy.id, terms);
    return renewalPremium;
  });
}
