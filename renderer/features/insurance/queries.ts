/**
 * The insurance feature's reads that are more than one row: each page's view, read in one go
 * (the page runs it through useLiveQuery, so it is re-run on every change to what it reads).
 */
import Dexie from 'dexie';
import { FamilyMemberSchema } from '../../../shared/domain';
import { coverageOverview } from '../../../shared/insurance';
import type { ClearDayDatabase } from '../../db/database';
import { readSetting } from '../../db/settings';

/** The earners first: self, spouse, children, parents (the order of the schema's relations). */
const relationOrder = () => FamilyMemberSchema.shape.relation.options;

/** The policy list: every policy, its insured and insurer, its premiums paid, and how many members and claims there are. Reads policies, members, institutions and policy payments whole; counts claims. */
export async function loadInsuranceOverview(db: ClearDayDatabase) {
  const [policies, members, institutions, payments, claims] = await Promise.all([
    db.policies.toArray(),
    db.familyMembers.toArray(),
    db.institutions.toArray(),
    db.payments.where('source').equals('policy').toArray(),
    db.claims.count(),
  ]);
  return { policies, members: new Map(members.map((m) => [m.id, m])), institutions: new Map(institutions.map((i) => [i.id, i])), payments, memberCount: members.length, claims };
}

/** One policy with its insurer, the members, its premiums paid, the accounts that can pay it and its claims (newest first). `{ policy: undefined }` when there is no such policy. */
export async function loadPolicyDetail(db: ClearDayDatabase, policyId: string) {
  const policy = await db.policies.get(policyId);
  if (!policy) return { policy: undefined };
  const [insurer, members, payments, accounts, claims] = await Promise.all([
    db.institutions.get(policy.insurerId),
    db.familyMembers.toArray(),
    db.payments.where('[source+sourceId]').equals(['policy', policy.id]).toArray(),
    db.accounts.filter((a) => !a.archived && a.currency === policy.currency).toArray(),
    db.claims.where('policyId').equals(policy.id).reverse().sortBy('filedOn'),
  ]);
  return { policy, insurer, members: new Map(members.map((m) => [m.id, m])), payments, accounts, claims };
}

/** What the policy form offers: the institutions (insurers first), the members, the open accounts, and the policy being edited. */
export async function loadPolicyForm(db: ClearDayDatabase, policyId: string | undefined) {
  const [institutions, members, accounts, existing] = await Promise.all([
    db.institutions.filter((i) => !i.archived).toArray(),
    db.familyMembers.toArray(),
    db.accounts.filter((a) => !a.archived).toArray(),
    policyId ? db.policies.get(policyId) : Promise.resolve(undefined),
  ]);
  // Insurers first: a policy is rarely held with a bank.
  institutions.sort((a, b) => Number(b.kind === 'insurer') - Number(a.kind === 'insurer') || a.name.localeCompare(b.name));
  return { institutions, members, accounts, existing };
}

/** The family: its members in the order of their relation, then by name, and every policy. */
export async function loadFamily(db: ClearDayDatabase) {
  const [members, policies] = await Promise.all([db.familyMembers.toArray(), db.policies.toArray()]);
  const relations = relationOrder();
  return { members: members.sort((a, b) => relations.indexOf(a.relation) - relations.indexOf(b.relation) || a.name.localeCompare(b.name)), policies };
}

/** Who is covered for what on `today`, against the user's coverage rules. Reads policies, members and policy payments whole, and the rules setting. */
export async function loadCoverage(db: ClearDayDatabase, input: { today: string; currency: string }) {
  const { today, currency } = input;
  const [policies, members, payments, rules] = await Promise.all([db.policies.toArray(), db.familyMembers.toArray(), db.payments.where('source').equals('policy').toArray(), readSetting(db, 'insurance.coverageRules')]);
  // The earners first, as on the family page: self, spouse, children, parents.
  const order = relationOrder();
  members.sort((a, b) => order.indexOf(a.relation) - order.indexOf(b.relation) || a.name.localeCompare(b.name));
  return { members, rules, policiesById: new Map(policies.map((p) => [p.id, p])), overview: coverageOverview(policies, members, today, rules, { payments, currency }) };
}

/** The claims, newest first, with the policies and members, and how many documents each claim has (counted from the attachments' index keys, never their bytes). */
export async function loadClaims(db: ClearDayDatabase) {
  // Only the index keys: counting documents must not read their bytes.
  const [claims, policies, members, owners] = await Promise.all([
    db.claims.orderBy('filedOn').reverse().toArray(),
    db.policies.toArray(),
    db.familyMembers.toArray(),
    db.attachments.where('[ownerKind+ownerId]').between(['claim', Dexie.minKey], ['claim', Dexie.maxKey]).keys(),
  ]);
  const documents = new Map<string, number>();
  for (const key of owners) {
    const ownerId = String((key as unknown[])[1]);
    documents.set(ownerId, (documents.get(ownerId) ?? 0) + 1);
  }
  return { claims, policies, members, policiesById: new Map(policies.map((p) => [p.id, p])), membersById: new Map(members.map((m) => [m.id, m])), documents };
}
