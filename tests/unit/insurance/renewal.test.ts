import { describe, expect, it } from 'vitest';
import { policyStatus, premiumSchedule, renewedTerms, trackedFrom } from '../../../shared/insurance';
import { policy, premiumPayment } from './fixtures';

describe('renewing a one-year policy', () => {
  const medical = policy({ type: 'medical', premium: 36_800, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2026-03-01', waitingPeriodDays: 30, guaranteedRenewal: true });

  it('runs cover and premiums a year longer from the same effective date', () => {
    const renewed = { ...medical, ...renewedTerms(medical) };
    expect(renewedTerms(medical)).toEqual({ coverageTerm: { kind: 'years', years: 2 }, paymentTerm: { kind: 'years', years: 2 }, renewalDate: '2028-03-01' });
    expect(premiumSchedule(renewed, undefined)).toEqual(['2026-03-01', '2027-03-01']);
    const paid = [premiumPayment('p1', '2026-03-01', 36_800), premiumPayment('p1', '2027-03-01', 36_800)];
    // Without the renewal the cover ended on 2027-02-28; renewed and paid, it is in force, with no new waiting period.
    expect(policyStatus(medical, paid, '2027-03-15').status).toBe('expired');
    expect(policyStatus(renewed, paid, '2027-03-15')).toMatchObject({ status: 'active', renewalDate: '2028-03-01', coverageEnd: '2028-02-29' });
    // A renewal date kept by the user moves on by a year.
    expect(renewedTerms({ ...medical, renewalDate: '2027-02-20' })?.renewalDate).toBe('2028-02-20');
    expect(renewedTerms(policy())).toBeUndefined();
  });

  it('premiums due up to the day the policy was entered count as paid', () => {
    expect(trackedFrom(policy({ settledThrough: '2026-11-22' }))).toBe('2026-11-23');
    expect(trackedFrom(policy({ createdAt: '2026-11-21T23:30:00.000Z' }))).toBe('2026-11-21');
    const entered = policy({ effectiveDate: '2026-11-22', settledThrough: '2026-11-22' });
    expect(policyStatus(entered, [], '2026-11-23')).toMatchObject({ status: 'cooling-off', unpaid: [] });
    const owing = policy({ effectiveDate: '2026-11-22', settledThrough: '2026-11-21' });
    expect(policyStatus(owing, [], '2026-11-23')).toMatchObject({ status: 'in-grace', unpaid: [{ dueDate: '2026-11-22', graceEnd: '2027-01-21' }] });
  });
});
