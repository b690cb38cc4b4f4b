import { describe, expect, it } from 'vitest';
import { premiumSchedule, policyStatus } from '../../../shared/insurance';
import { policy, premiumPayment } from './fixtures';

const p = policy();
const firstPaid = [premiumPayment('p1', '2026-03-18', 860_000)];

describe('policyStatus', () => {
  it('goes from pending through cooling-off and waiting to active', () => {
    const at = (today: string) => policyStatus(p, firstPaid, today).status;
    expect(at('2026-03-17')).toBe('pending');
    expect(at('2026-03-18')).toBe('cooling-off');
    expect(at('2026-04-02')).toBe('cooling-off');
    expect(at('2026-04-03')).toBe('waiting');
    expect(at('2026-06-16')).toBe('waiting');
    expect(at('2026-06-17')).toBe('active');
    expect(policyStatus(p, firstPaid, '2026-06-17')).toMatchObject({
      coolingOffEnd: '2026-04-02',
      waitingPeriodEnd: '2026-06-16',
      nextPremium: { dueDate: '2027-03-18', amount: 860_000, paid: 0 },
      unpaid: [],
      paymentTermEnd: '2046-03-18',
    });
    expect(policyStatus(p, firstPaid, '2026-06-17').coverageEnd).toBeUndefined();
  });

  it('is in grace up to and on the 60th day after an unpaid due date, and lapsed from the 61st (today > due + grace)', () => {
    const at = (today: string) => policyStatus(p, firstPaid, today);
    expect(at('2027-03-18')).toMatchObject({ status: 'active', nextPremium: { dueDate: '2027-03-18' }, unpaid: [] });
    expect(at('2027-03-19')).toMatchObject({ status: 'in-grace', unpaid: [{ dueDate: '2027-03-18', amount: 860_000, paid: 0, graceEnd: '2027-05-17' }] });
    expect(at('2027-05-16').status).toBe('in-grace');
    expect(at('2027-05-17').status).toBe('in-grace');
    const lapsed = at('2027-05-18');
    expect(lapsed).toMatchObject({ status: 'lapsed', lapsedOn: '2027-05-18' });
    expect(lapsed.nextPremium).toBeUndefined();
    expect(at('2029-01-01')).toMatchObject({ status: 'lapsed', lapsedOn: '2027-05-18' });
  });

  it('is cleared by paying the premium in full, late or early; a part payment still leaves it in grace', () => {
    const late = [...firstPaid, premiumPayment('p1', '2027-03-18', 860_000, '2027-05-10')];
    expect(policyStatus(p, late, '2027-06-01')).toMatchObject({ status: 'active', unpaid: [] });
    const twoParts = [...firstPaid, premiumPayment('p1', '2027-03-18', 500_000), premiumPayment('p1', '2027-03-18', 360_000, '2027-04-01')];
    expect(policyStatus(p, twoParts, '2027-06-01').status).toBe('active');
    const part = [...firstPaid, premiumPayment('p1', '2027-03-18', 500_000)];
    expect(policyStatus(p, part, '2027-04-01')).toMatchObject({ status: 'in-grace', unpaid: [{ paid: 500_000 }] });
    // A premium paid ahead shows the one after it as next.
    const early = [...firstPaid, premiumPayment('p1', '2027-03-18', 860_000, '2026-12-01')];
    expect(policyStatus(p, early, '2027-01-01').nextPremium?.dueDate).toBe('2028-03-18');
    // Payments for another policy or a bill do not count.
    const elsewhere = [...firstPaid, premiumPayment('p2', '2027-03-18', 860_000), { ...premiumPayment('p1', '2027-03-18', 860_000), source: 'bill' as const }];
    expect(policyStatus(p, elsewhere, '2027-04-01').status).toBe('in-grace');
  });

  it('lapses with no grace the day after the due date, and owes nothing due after the lapse', () => {
    expect(policyStatus(policy({ gracePeriodDays: 0 }), firstPaid, '2027-03-19')).toMatchObject({ status: 'lapsed', lapsedOn: '2027-03-19' });
    const monthly = policy({ frequency: 'monthly', premium: 31_500, effectiveDate: '2026-01-05', waitingPeriodDays: 0 });
    const paidJanFeb = [premiumPayment('p1', '2026-01-05', 31_500), premiumPayment('p1', '2026-02-05', 31_500)];
    // March's grace ends on 4 May, so the policy lapses on 5 May: March and April are owed, May on are not.
    const status = policyStatus(monthly, paidJanFeb, '2026-06-20');
    expect(status).toMatchObject({ status: 'lapsed', lapsedOn: '2026-05-05' });
    expect(status.unpaid.map((u) => u.dueDate)).toEqual(['2026-03-05', '2026-04-05']);
  });

  it('is paid up once a 20-year payment term is over, with cover for life and no premium after it', () => {
    const all = premiumSchedule(p, undefined).map((dueDate) => premiumPayment('p1', dueDate, 860_000));
    expect(all).toHaveLength(20);
    expect(policyStatus(p, all, '2045-12-31')).toMatchObject({ status: 'active', unpaid: [] });
    expect(policyStatus(p, all, '2045-12-31').nextPremium).toBeUndefined();
    expect(policyStatus(p, all, '2046-03-18').status).toBe('paid-up');
    expect(policyStatus(p, all, '2080-01-01')).toMatchObject({ status: 'paid-up', unpaid: [] });
    expect(premiumSchedule(p, undefined, '2080-01-01').every((d) => d < '2046-03-18')).toBe(true);
  });

  it('expires after the last covered day; a lapse stays a lapse', () => {
    const oneYear = policy({ type: 'medical', coverageTerm: { kind: 'years', years: 1 }, paymentTerm: { kind: 'years', years: 1 } });
    expect(policyStatus(oneYear, firstPaid, '2027-03-17')).toMatchObject({ status: 'active', coverageEnd: '2027-03-17', renewalDate: '2027-03-18' });
    expect(policyStatus(oneYear, firstPaid, '2027-03-18').status).toBe('expired');
    const toAge = policy({ coverageTerm: { kind: 'to-age', age: 40 }, paymentTerm: { kind: 'years', years: 1 } });
    expect(policyStatus(toAge, firstPaid, '2028-04-12', '1988-04-12').status).toBe('expired');
    expect(policyStatus(toAge, firstPaid, '2028-04-11', '1988-04-12').status).toBe('paid-up');
    expect(policyStatus(toAge, firstPaid, '2028-04-12').status).toBe('paid-up');
    expect(policyStatus(oneYear, [], '2028-01-01').status).toBe('lapsed');
  });

  it('counts a single premium as paying the policy up', () => {
    const single = policy({ frequency: 'single', premium: 5_000_000, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 10 }, coolingOffDays: 0, waitingPeriodDays: 0 });
    expect(policyStatus(single, [premiumPayment('p1', '2026-03-18', 5_000_000)], '2026-03-18').status).toBe('active');
    expect(policyStatus(single, [premiumPayment('p1', '2026-03-18', 5_000_000)], '2026-03-19').status).toBe('paid-up');
    expect(policyStatus(single, [], '2026-03-19').status).toBe('in-grace');
  });

  it('takes premiums due before the policy was recorded as settled, and premium waiver changes nothing', () => {
    const recorded = policy({ effectiveDate: '2021-03-18', createdAt: '2026-11-22T08:00:00.000Z' });
    expect(policyStatus(recorded, [], '2026-11-22')).toMatchObject({ status: 'active', unpaid: [], nextPremium: { dueDate: '2027-03-18' } });
    expect(policyStatus(recorded, [], '2027-03-19').unpaid.map((u) => u.dueDate)).toEqual(['2027-03-18']);
    expect(policyStatus({ ...p, premiumWaiver: true }, firstPaid, '2027-03-19').status).toBe('in-grace');
  });
});
