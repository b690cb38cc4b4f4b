import { describe, expect, it } from 'vitest';
import { premiumSchedule, premiumsLeft } from '../../../shared/insurance';
import { member, policy, premiumPayment } from './fixtures';

describe('premiums left to pay on a policy', () => {
  // 20 annual premiums of 8,600.00, 2026-03-18 to 2045-03-18.
  const plan = policy();
  const first = premiumPayment('p1', '2026-03-18', 860_000);

  it('counts every premium from today on that is not paid in full', () => {
    expect(premiumsLeft(plan, [first], '2026-11-22')).toEqual({ count: 19, amount: 19 * 860_000 });
    // A premium due today is still to pay.
    expect(premiumsLeft(plan, [first], '2027-03-18')).toEqual({ count: 19, amount: 19 * 860_000 });
    // One paid ahead of its due date is not.
    expect(premiumsLeft(plan, [first, premiumPayment('p1', '2027-03-18', 860_000, '2026-11-22')], '2026-11-22').count).toBe(18);
  });

  it('counts an unpaid premium in grace, and a part-paid one at the full premium', () => {
    expect(premiumsLeft(plan, [], '2026-04-01')).toEqual({ count: 20, amount: 20 * 860_000 });
    expect(premiumsLeft(plan, [premiumPayment('p1', '2026-03-18', 500_000)], '2026-04-01')).toEqual({ count: 20, amount: 20 * 860_000 });
  });

  it('is nothing once the policy lapsed, or when every premium is paid', () => {
    // Grace of 60 days ends 2026-05-17; unpaid after it, the policy lapses.
    expect(premiumsLeft(plan, [], '2026-06-01')).toEqual({ count: 0, amount: 0 });
    const all = premiumSchedule(plan, undefined).map((due) => premiumPayment('p1', due, 860_000));
    expect(all).toHaveLength(20);
    expect(premiumsLeft(plan, all, '2046-01-01')).toEqual({ count: 0, amount: 0 });
  });

  it('follows a payment term that ends at an age of the insured', () => {
    // Premiums until the insured, born 1988-04-12, turns 40: the last one falls on 2028-03-18.
    const toAge = policy({ paymentTerm: { kind: 'to-age', age: 40 } });
    const birthDate = member().birthDate;
    expect(premiumsLeft(toAge, [first], '2026-11-22', birthDate)).toEqual({ count: 2, amount: 2 * 860_000 });
    const second = premiumPayment('p1', '2027-03-18', 860_000);
    expect(premiumsLeft(toAge, [first, second], '2027-03-19', birthDate).count).toBe(1);
    expect(premiumsLeft(toAge, [first, second, premiumPayment('p1', '2028-03-18', 860_000)], '2028-03-19', birthDate).count).toBe(0);
  });
});
