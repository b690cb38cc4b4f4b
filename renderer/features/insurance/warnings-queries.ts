/**
 * The dashboard's insurance warnings: the one insurance read at start-up, in a module of its own
 * so the start-up bundle does not carry the insurance pages' queries with it.
 */
import { policyStatus } from '../../../shared/insurance';
import type { ClearDayDatabase } from '../../db/database';

/** The open policies that have lapsed or are in their grace period on `today`. Reads open policies, policy payments and members. */
export async function loadPolicyWarnings(db: ClearDayDatabase, today: string) {
  const [policies, payments, members] = await Promise.all([db.policies.filter((p) => !p.archived).toArray(), db.payments.where('source').equals('policy').toArray(), db.familyMembers.toArray()]);
  const births = new Map(members.map((m) => [m.id, m.birthDate]));
  return policies
    .map((policy) => ({ policy, details: policyStatus(policy, payments, today, policy.insured.kind === 'member' ? births.get(policy.insured.memberId) : undefined) }))
    .filter(({ details }) => details.status === 'lapsed' || details.status === 'in-grace');
}
