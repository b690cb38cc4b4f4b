/**
 * The household's cover at a glance: sum assured and yearly premium per family member and
 * policy type, household totals, premiums as a share of income, and gaps against configurable
 * rules of thumb (not advice). Returns data only; the UI words it.
 */
import type { FamilyMember, Payment, Policy } from '../domain/entities';
import { DEFAULT_COVERAGE_RULES, type CoverageRules } from '../domain/settings';
import { ensureSafe, requireInt } from '../finance/errors';
import { policyStatus } from './status';
import { annualizedPremium } from './terms';

type PolicyType = Policy['type'];

// The rules are a setting the user edits: their schema and default live with the other settings' values.

export interface CoverageCell {
  sumAssured: number;
  annualPremium: number;
  policyIds: string[];
}

export type CoverageByType = Partial<Record<PolicyType, CoverageCell>>;

export interface MemberCoverage {
  memberId: string;
  byType: CoverageByType;
  annualPremium: number;
  /** Counted towards the household income (0 without one, or in another currency). */
  annualIncome: number;
}

export type CoverageGap =
  | { memberId: string; kind: 'life' | 'critical-illness'; have: number; suggested: number }
  | { memberId: string; kind: 'medical' | 'accident' };

export type CoverageExclusion = 'archived' | 'other-currency' | 'pending' | 'lapsed' | 'expired';

export interface CoverageOverview {
  currency: string;
  /** One entry per family member, in the order given. */
  members: MemberCoverage[];
  /** Policies on assets (home, car, goods) and on people not in the member list. */
  others: CoverageByType;
  household: CoverageByType;
  totalAnnualPremium: number;
  totalIncome: number;
  /** Yearly premiums over yearly household income in basis points (1 % = 100), rounded half up; undefined without income. */
  premiumShareBasisPoints?: number;
  gaps: CoverageGap[];
  /** Policies not counted in the sums, and why (one in another currency still counts as medical or accident cover). */
  excluded: { policyId: string; reason: CoverageExclusion }[];
}

export interface CoverageOptions {
  /**
   * Premium payments. Without them a lapse cannot be judged, so only archived, not-yet-effective
   * and expired policies are left out.
   */
  payments?: readonly Payment[];
  /** Amounts in other currencies cannot be added up and are left out. Default CNY. */
  currency?: string;
}

const LIFE_TYPES: ReadonlySet<PolicyType> = new Set(['term-life', 'whole-life']);

function add(cells: CoverageByType, policy: Policy, annualPremium: number): void {
  const cell = cells[policy.type] ?? { sumAssured: 0, annualPremium: 0, policyIds: [] };
  cell.sumAssured = ensureSafe('sumAssured', cell.sumAssured + policy.sumAssured);
  cell.annualPremium = ensureSafe('annualPremium', cell.annualPremium + annualPremium);
  cell.policyIds.push(policy.id);
  cells[policy.type] = cell;
}

function sumOf(cells: CoverageByType, types: ReadonlySet<PolicyType>): number {
  let sum = 0;
  for (const type of types) sum += cells[type]?.sumAssured ?? 0;
  return sum;
}

/** Exact half-up a * 10000 / b for non-negative integers, in BigInt so no product overflows. */
function basisPoints(a: number, b: number): number {
  const num = BigInt(a) * 10_000n;
  const den = BigInt(b);
  return Number((2n * num + den) / (2n * den));
}

export function coverageOverview(
  policies: readonly Policy[],
  members: readonly FamilyMember[],
  today: string,
  rules: Readonly<CoverageRules> = DEFAULT_COVERAGE_RULES,
  options: CoverageOptions = {},
): CoverageOverview {
  const lifeMultiple = requireInt('lifeMultiple', rules.lifeMultiple, 0, 1000);
  const ciMultiple = requireInt('criticalIllnessMultiple', rules.criticalIllnessMultiple, 0, 1000);
  const currency = options.currency ?? 'CNY';
  const byMember = new Map<string, MemberCoverage>();
  const birthDates = new Map<string, string | undefined>();
  let totalIncome = 0;
  for (const member of members) {
    const income = (member.currency ?? currency) === currency ? (member.annualIncome ?? 0) : 0;
    totalIncome = ensureSafe('totalIncome', totalIncome + income);
    byMember.set(member.id, { memberId: member.id, byType: {}, annualPremium: 0, annualIncome: income });
    birthDates.set(member.id, member.birthDate);
  }

  const household: CoverageByType = {};
  const others: CoverageByType = {};
  const excluded: CoverageOverview['excluded'] = [];
  const covered = new Set<string>();
  let totalAnnualPremium = 0;
  for (const policy of policies) {
    if (policy.archived) {
      excluded.push({ policyId: policy.id, reason: 'archived' });
      continue;
    }
    const memberId = policy.insured.kind === 'member' ? policy.insured.memberId : undefined;
    const birthDate = memberId === undefined ? undefined : birthDates.get(memberId);
    // Without payments every premium would look unpaid: judge the dates only (all premiums settled).
    const status = options.payments
      ? policyStatus(policy, options.payments, today, birthDate).status
      : policyStatus({ ...policy, premium: 0 }, [], today, birthDate).status;
    if (status === 'pending' || status === 'lapsed' || status === 'expired') {
      excluded.push({ policyId: policy.id, reason: status });
      continue;
    }
    if (memberId !== undefined) covered.add(`${memberId}:${policy.type}`);
    // Whether someone has medical or accident cover does not depend on its currency; the sums do.
    if (policy.currency !== currency) {
      excluded.push({ policyId: policy.id, reason: 'other-currency' });
      continue;
    }
    // A paid-up policy costs nothing more each year.
    const annualPremium = status === 'paid-up' ? 0 : annualizedPremium(policy);
    totalAnnualPremium = ensureSafe('totalAnnualPremium', totalAnnualPremium + annualPremium);
    add(household, policy, annualPremium);
    const member = memberId === undefined ? undefined : byMember.get(memberId);
    if (member) {
      add(member.byType, policy, annualPremium);
      member.annualPremium = ensureSafe('annualPremium', member.annualPremium + annualPremium);
    } else {
      add(others, policy, annualPremium);
    }
  }

  const gaps: CoverageGap[] = [];
  for (const member of byMember.values()) {
    if (member.annualIncome > 0) {
      const lifeSuggested = ensureSafe('suggested', member.annualIncome * lifeMultiple);
      const life = sumOf(member.byType, LIFE_TYPES);
      if (life < lifeSuggested) gaps.push({ memberId: member.memberId, kind: 'life', have: life, suggested: lifeSuggested });
      const ciSuggested = ensureSafe('suggested', member.annualIncome * ciMultiple);
      const ci = member.byType['critical-illness']?.sumAssured ?? 0;
      if (ci < ciSuggested) gaps.push({ memberId: member.memberId, kind: 'critical-illness', have: ci, suggested: ciSuggested });
    }
    if (rules.requireMedical && !covered.has(`${member.memberId}:medical`)) gaps.push({ memberId: member.memberId, kind: 'medical' });
    if (rules.requireAccident && !covered.has(`${member.memberId}:accident`)) gaps.push({ memberId: member.memberId, kind: 'accident' });
  }

  return {
    currency,
    members: [...byMember.values()],
    others,
    household,
    totalAnnualPremium,
    totalIncome,
    ...(totalIncome > 0 ? { premiumShareBasisPoints: basisPoints(totalAnnualPremium, totalIncome) } : {}),
    gaps,
    excluded,
  };
}
