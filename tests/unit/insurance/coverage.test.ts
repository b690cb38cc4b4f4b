import { describe, expect, it } from 'vitest';
import { FinanceInputError } from '../../../shared/finance';
import { coverageOverview } from '../../../shared/insurance';
import { DEFAULT_COVERAGE_RULES } from '../../../shared/domain';
import { member, policy, premiumPayment } from './fixtures';

const today = '2026-11-22';
const self = member({ id: 'self', annualIncome: 26_000_000 });
const spouse = member({ id: 'spouse', relation: 'spouse', birthDate: '1990-09-03', annualIncome: 18_000_000 });
const child = member({ id: 'child', relation: 'child', birthDate: '2016-06-01' });
const of = (memberId: string) => ({ insured: { kind: 'member' as const, memberId } });
// Recorded on the day, so past premiums count as settled and none is unpaid.
const recorded = { createdAt: '2026-11-22T00:00:00.000Z', effectiveDate: '2025-01-10' };

const policies = [
  policy({ id: 'ci', ...of('self'), ...recorded, type: 'critical-illness', sumAssured: 50_000_000, premium: 860_000, frequency: 'annual' }),
  policy({ id: 'term', ...of('self'), ...recorded, type: 'term-life', sumAssured: 200_000_000, premium: 31_500, frequency: 'monthly', coverageTerm: { kind: 'to-age', age: 65 } }),
  policy({ id: 'whole', ...of('self'), ...recorded, type: 'whole-life', sumAssured: 70_000_000, premium: 1_000_000, frequency: 'single', paymentTerm: { kind: 'years', years: 1 } }),
  policy({ id: 'med', ...of('spouse'), ...recorded, type: 'medical', sumAssured: 400_000_000, premium: 36_800, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2026-03-01' }),
  policy({ id: 'acc', ...of('self'), ...recorded, type: 'accident', sumAssured: 100_000_000, premium: 10_000, frequency: 'quarterly' }),
  policy({ id: 'home', insured: { kind: 'asset', description: 'Flat' }, ...recorded, type: 'property', sumAssured: 100_000_000, premium: 29_900, frequency: 'semi-annual' }),
];

describe('coverageOverview', () => {
  const overview = coverageOverview(policies, [self, spouse, child], today);

  it('adds up sum assured and yearly premium per member and type, and for the household', () => {
    const mine = overview.members.find((m) => m.memberId === 'self')!;
    expect(mine.byType['term-life']).toEqual({ sumAssured: 200_000_000, annualPremium: 378_000, policyIds: ['term'] });
    // A single premium is not a yearly cost.
    expect(mine.byType['whole-life']).toEqual({ sumAssured: 70_000_000, annualPremium: 0, policyIds: ['whole'] });
    expect(mine.byType.accident?.annualPremium).toBe(40_000);
    expect(mine.annualPremium).toBe(860_000 + 378_000 + 40_000);
    expect(overview.others.property).toEqual({ sumAssured: 100_000_000, annualPremium: 59_800, policyIds: ['home'] });
    expect(overview.household['critical-illness']?.sumAssured).toBe(50_000_000);
    expect(overview.household.medical?.annualPremium).toBe(36_800);
    expect(overview.totalAnnualPremium).toBe(860_000 + 378_000 + 40_000 + 36_800 + 59_800);
    expect(overview.totalIncome).toBe(44_000_000);
    // 1,374,600 / 44,000,000 = 3.124 % -> 312 basis points.
    expect(overview.premiumShareBasisPoints).toBe(312);
    expect(overview.excluded).toEqual([]);
  });

  it('hints at each kind of gap from the rules, in integer multiples of income', () => {
    // Self: term + whole life 2,700,000 meets 10 x 260,000; critical illness 500,000 is below 5 x.
    expect(overview.gaps).toEqual([
      { memberId: 'self', kind: 'critical-illness', have: 50_000_000, suggested: 130_000_000 },
      { memberId: 'self', kind: 'medical' },
      { memberId: 'spouse', kind: 'life', have: 0, suggested: 180_000_000 },
      { memberId: 'spouse', kind: 'critical-illness', have: 0, suggested: 90_000_000 },
      { memberId: 'spouse', kind: 'accident' },
      { memberId: 'child', kind: 'medical' },
      { memberId: 'child', kind: 'accident' },
    ]);
    const strict = coverageOverview(policies, [self], today, { lifeMultiple: 11, criticalIllnessMultiple: 0, requireMedical: false, requireAccident: true });
    expect(strict.gaps).toEqual([{ memberId: 'self', kind: 'life', have: 270_000_000, suggested: 286_000_000 }]);
    expect(coverageOverview(policies, [child], today, { ...DEFAULT_COVERAGE_RULES, requireMedical: false, requireAccident: false }).gaps).toEqual([]);
    expect(() => coverageOverview(policies, [self], today, { ...DEFAULT_COVERAGE_RULES, lifeMultiple: 2.5 })).toThrow(FinanceInputError);
  });

  it('counts only policies in force: not archived, lapsed, expired or not yet effective', () => {
    const fresh = { createdAt: '2020-01-01T00:00:00.000Z' };
    const more = [
      policy({ id: 'old', ...of('spouse'), ...fresh, type: 'accident', effectiveDate: '2024-01-01', coverageTerm: { kind: 'years', years: 1 }, paymentTerm: { kind: 'years', years: 1 } }),
      policy({ id: 'missed', ...of('spouse'), ...fresh, type: 'term-life', effectiveDate: '2026-01-01' }),
      policy({ id: 'late', ...of('spouse'), ...fresh, type: 'term-life', effectiveDate: '2026-10-01', sumAssured: 10_000_000, premium: 5_000, frequency: 'monthly' }),
      policy({ id: 'soon', ...of('child'), ...fresh, type: 'medical', effectiveDate: '2026-12-01' }),
      policy({ id: 'gone', ...of('child'), ...recorded, type: 'accident', archived: true }),
    ];
    const payments = [premiumPayment('old', '2024-01-01', 860_000), premiumPayment('late', '2026-10-01', 5_000)];
    const result = coverageOverview(more, [spouse, child], today, DEFAULT_COVERAGE_RULES, { payments });
    expect(result.excluded).toEqual([
      { policyId: 'old', reason: 'expired' },
      { policyId: 'missed', reason: 'lapsed' },
      { policyId: 'soon', reason: 'pending' },
      { policyId: 'gone', reason: 'archived' },
    ]);
    // In grace (November unpaid) is still in force.
    expect(result.household).toEqual({ 'term-life': { sumAssured: 10_000_000, annualPremium: 60_000, policyIds: ['late'] } });
    // Without payments a lapse cannot be judged: the missed premium is not held against it.
    expect(coverageOverview(more, [spouse, child], today).excluded.map((e) => e.policyId)).toEqual(['old', 'soon', 'gone']);
  });

  it('charges nothing a year for a paid-up policy, leaves other currencies out of the sums and works without income', () => {
    const paidUp = policy({ id: 'up', ...of('child'), createdAt: '2026-11-22T00:00:00.000Z', effectiveDate: '2001-01-01', type: 'whole-life' });
    const hkd = policy({ id: 'hk', ...of('child'), ...recorded, type: 'medical', currency: 'HKD' });
    const result = coverageOverview([paidUp, hkd], [child, member({ id: 'abroad', currency: 'HKD', annualIncome: 50_000_000 })], today);
    expect(result.household['whole-life']).toEqual({ sumAssured: 50_000_000, annualPremium: 0, policyIds: ['up'] });
    expect(result.excluded).toEqual([{ policyId: 'hk', reason: 'other-currency' }]);
    expect(result.totalIncome).toBe(0);
    expect(result.premiumShareBasisPoints).toBeUndefined();
    // The HKD medical policy still counts as the child's medical cover.
    expect(result.gaps.filter((g) => g.memberId === 'child')).toEqual([{ memberId: 'child', kind: 'accident' }]);
    expect(coverageOverview([hkd], [child], today, DEFAULT_COVERAGE_RULES, { currency: 'HKD' }).household.medical?.policyIds).toEqual(['hk']);
  });
});
