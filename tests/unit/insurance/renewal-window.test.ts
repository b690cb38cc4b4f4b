import { describe, expect, it } from 'vitest';
import { canRenew, RENEWAL_OPENS_DAYS_BEFORE, renewalOpensOn } from '../../../shared/insurance';
import { policy, premiumPayment } from './fixtures';

describe('the renewal window of a policy', () => {
  const medical = policy({ type: 'medical', premium: 36_800, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2026-03-01', waitingPeriodDays: 30 });
  const paid = [premiumPayment('p1', '2026-03-01', 36_800)];

  it('opens 90 days before the renewal date of a one-year policy', () => {
    expect(RENEWAL_OPENS_DAYS_BEFORE).toBe(90);
    // Renewal on the first anniversary, 2027-03-01; 90 days before is 2026-12-01.
    expect(renewalOpensOn(medical)).toBe('2026-12-01');
    expect(renewalOpensOn({ ...medical, renewalDate: '2027-02-20' })).toBe('2026-11-22');
    expect(canRenew(medical, paid, '2026-11-30')).toBe(false);
    expect(canRenew(medical, paid, '2026-12-01')).toBe(true);
    expect(canRenew(medical, paid, '2027-03-01')).toBe(true);
  });

  it('stays open after the renewal date, the cover ended, for a late renewal', () => {
    expect(canRenew(medical, paid, '2027-04-15')).toBe(true);
  });

  it('is closed once the policy lapsed: it needs reinstating instead', () => {
    const early = { ...medical, renewalDate: '2026-06-01' };
    // The first premium unpaid: in grace until 2026-04-30, lapsed from 2026-05-01.
    expect(canRenew(early, [], '2026-04-15')).toBe(true);
    expect(canRenew(early, [], '2026-05-02')).toBe(false);
    expect(canRenew(early, paid, '2026-05-02')).toBe(true);
  });

  it('never opens for cover that is not counted in years', () => {
    const lifetime = policy();
    expect(renewalOpensOn(lifetime)).toBeUndefined();
    expect(renewalOpensOn({ ...lifetime, renewalDate: '2026-12-01' })).toBeUndefined();
    expect(canRenew({ ...lifetime, renewalDate: '2026-12-01' }, [], '2026-11-22')).toBe(false);
  });
});
