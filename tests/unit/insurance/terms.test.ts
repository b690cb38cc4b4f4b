import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonthOf } from '../../../shared/domain';
import {
  annualizedPremium,
  coolingOffEnd,
  coverageEnd,
  defaultCoolingOffDays,
  defaultGraceDays,
  defaultWaitingDays,
  graceEnd,
  LIFETIME_CAP_YEARS,
  paymentTermEnd,
  premiumSchedule,
  renewalDateOf,
  waitingPeriodEnd,
} from '../../../shared/insurance';
import { policy } from './fixtures';

describe('premiumSchedule', () => {
  it('keeps a 31 January anchor month after month, clamped to each month and never drifting', () => {
    const monthly = policy({ frequency: 'monthly', effectiveDate: '2026-01-31', paymentTerm: { kind: 'years', years: 1 } });
    const dates = premiumSchedule(monthly, undefined);
    expect(dates.slice(0, 5)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(dates).toHaveLength(12);
    expect(dates.at(-1)).toBe('2026-12-31');
    const leap = premiumSchedule({ ...monthly, effectiveDate: '2028-01-31' }, undefined);
    expect(leap.slice(0, 3)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('puts yearly premiums from 29 February on 28 February in common years and 29 February in leap years', () => {
    const annual = policy({ effectiveDate: '2028-02-29', paymentTerm: { kind: 'years', years: 5 } });
    expect(premiumSchedule(annual, undefined)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it('steps quarterly and half-yearly from the anchor day', () => {
    const base = { effectiveDate: '2026-08-31', paymentTerm: { kind: 'years' as const, years: 1 } };
    expect(premiumSchedule(policy({ ...base, frequency: 'quarterly' }), undefined)).toEqual(['2026-08-31', '2026-11-30', '2027-02-28', '2027-05-31']);
    expect(premiumSchedule(policy({ ...base, frequency: 'semi-annual' }), undefined)).toEqual(['2026-08-31', '2027-02-28']);
  });

  it('stops when the payment term ends, even though cover lasts for life (20-year pay)', () => {
    const dates = premiumSchedule(policy(), undefined);
    expect(dates).toHaveLength(20);
    expect(dates[0]).toBe('2026-03-18');
    expect(dates.at(-1)).toBe('2045-03-18');
    expect(paymentTermEnd(policy())).toBe('2046-03-18');
  });

  it('pays to an age: until the insured reaches it, from the birth date', () => {
    const toAge = policy({ frequency: 'annual', effectiveDate: '2026-03-18', paymentTerm: { kind: 'to-age', age: 40 } });
    // Born 1988-04-12: the 40th birthday is 2028-04-12, so 2026 and 2027 and 2028-03-18 fall due.
    expect(premiumSchedule(toAge, '1988-04-12')).toEqual(['2026-03-18', '2027-03-18', '2028-03-18']);
    expect(premiumSchedule(toAge, '1988-03-18')).toEqual(['2026-03-18', '2027-03-18']);
    // Cover to an age ends the payments too, whichever comes first.
    const coverToAge = policy({ paymentTerm: { kind: 'years', years: 30 }, coverageTerm: { kind: 'to-age', age: 40 } });
    expect(premiumSchedule(coverToAge, '1988-04-12')).toHaveLength(3);
  });

  it('without a birth date runs a to-age term until cover ends, or the lifetime cap', () => {
    const toAge = policy({ paymentTerm: { kind: 'to-age', age: 60 }, coverageTerm: { kind: 'years', years: 10 } });
    expect(premiumSchedule(toAge, undefined)).toHaveLength(10);
    const lifetime = policy({ paymentTerm: { kind: 'to-age', age: 60 }, coverageTerm: { kind: 'to-age', age: 80 } });
    expect(premiumSchedule(lifetime, undefined)).toHaveLength(LIFETIME_CAP_YEARS);
  });

  it('pays a lifetime term until cover ends, or for the lifetime cap when cover is lifelong too', () => {
    expect(premiumSchedule(policy({ paymentTerm: { kind: 'lifetime' }, coverageTerm: { kind: 'years', years: 3 } }), undefined)).toEqual(['2026-03-18', '2027-03-18', '2028-03-18']);
    const whole = premiumSchedule(policy({ paymentTerm: { kind: 'lifetime' } }), undefined);
    expect(whole).toHaveLength(LIFETIME_CAP_YEARS);
    expect(whole.at(-1)).toBe('2125-03-18');
  });

  it('has one premium on the effective date for a single premium, and honours `until`', () => {
    const single = policy({ frequency: 'single', paymentTerm: { kind: 'years', years: 1 } });
    expect(premiumSchedule(single, undefined)).toEqual(['2026-03-18']);
    expect(premiumSchedule(single, undefined, '2026-03-17')).toEqual([]);
    expect(premiumSchedule(policy(), undefined, '2028-03-17')).toEqual(['2026-03-18', '2027-03-18']);
    expect(premiumSchedule(policy(), undefined, '2028-03-18')).toEqual(['2026-03-18', '2027-03-18', '2028-03-18']);
  });

  it('is strictly increasing, starts on the effective date, stays before the payment term ends and keeps the anchor day', () => {
    const frequencies = ['monthly', 'quarterly', 'semi-annual', 'annual'] as const;
    const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1970-01-01', n));
    const term = fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((years) => ({ kind: 'years' as const, years })),
      fc.integer({ min: 1, max: 100 }).map((age) => ({ kind: 'to-age' as const, age })),
      fc.constant({ kind: 'lifetime' as const }),
    );
    fc.assert(
      fc.property(day, fc.constantFrom(...frequencies), term, term, fc.option(day, { nil: undefined }), fc.integer({ min: 0, max: 365 * 50 }), (effectiveDate, frequency, paymentTerm, coverageTerm, birthDate, untilDays) => {
        const p = policy({ effectiveDate, frequency, paymentTerm, coverageTerm });
        const end = paymentTermEnd(p, birthDate);
        const dates = premiumSchedule(p, birthDate);
        for (let i = 1; i < dates.length; i += 1) expect(dates[i]! > dates[i - 1]!).toBe(true);
        if (dates.length > 0) expect(dates[0]).toBe(effectiveDate);
        expect(dates.every((d) => d < end)).toBe(true);
        // The payment term itself is never exceeded, whatever cuts it shorter.
        if (paymentTerm.kind === 'years') expect(dates.every((d) => d < addMonths(effectiveDate, 12 * paymentTerm.years))).toBe(true);
        if (paymentTerm.kind === 'to-age' && birthDate) expect(dates.every((d) => d < addMonths(birthDate, 12 * paymentTerm.age))).toBe(true);
        const anchor = Number(effectiveDate.slice(8, 10));
        expect(dates.every((d) => Number(d.slice(8, 10)) === Math.min(anchor, daysInMonthOf(d.slice(0, 7))))).toBe(true);
        const until = addDays(effectiveDate, untilDays);
        expect(premiumSchedule(p, birthDate, until)).toEqual(dates.filter((d) => d <= until));
      }),
      { numRuns: 300 },
    );
  });
});

describe('policy dates', () => {
  it('ends cover the day before the term ends, and never for lifetime cover', () => {
    expect(coverageEnd(policy({ coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2026-03-18' }))).toBe('2027-03-17');
    expect(coverageEnd(policy({ coverageTerm: { kind: 'to-age', age: 70 } }), '1988-04-12')).toBe('2058-04-11');
    expect(coverageEnd(policy({ coverageTerm: { kind: 'to-age', age: 70 } }))).toBeUndefined();
    expect(coverageEnd(policy())).toBeUndefined();
  });

  it('places the last day of cooling-off, waiting and grace N days after their start, none when N is 0', () => {
    expect(coolingOffEnd(policy())).toBe('2026-04-02');
    expect(coolingOffEnd(policy({ coolingOffDays: 0 }))).toBeUndefined();
    expect(waitingPeriodEnd(policy())).toBe('2026-06-16');
    expect(waitingPeriodEnd(policy({ waitingPeriodDays: 0 }))).toBeUndefined();
    expect(graceEnd('2026-03-18', 60)).toBe('2026-05-17');
  });

  it('renews on the stored renewal date, or a year after the start of a one-year product', () => {
    expect(renewalDateOf(policy())).toBeUndefined();
    expect(renewalDateOf(policy({ coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2028-02-29' }))).toBe('2029-02-28');
    expect(renewalDateOf(policy({ coverageTerm: { kind: 'years', years: 1 }, renewalDate: '2027-01-01' }))).toBe('2027-01-01');
  });

  it('offers mainland defaults for new policies', () => {
    expect([defaultCoolingOffDays, defaultGraceDays]).toEqual([15, 60]);
    expect(defaultWaitingDays('critical-illness')).toBe(90);
    expect(defaultWaitingDays('medical')).toBe(30);
    expect(defaultWaitingDays('accident')).toBe(0);
    expect(defaultWaitingDays('term-life')).toBe(0);
  });

  it('annualizes premiums by frequency, a single premium as 0', () => {
    expect(annualizedPremium({ premium: 31_500, frequency: 'monthly' })).toBe(378_000);
    expect(annualizedPremium({ premium: 100, frequency: 'quarterly' })).toBe(400);
    expect(annualizedPremium({ premium: 100, frequency: 'semi-annual' })).toBe(200);
    expect(annualizedPremium({ premium: 100, frequency: 'annual' })).toBe(100);
    expect(annualizedPremium({ premium: 100, frequency: 'single' })).toBe(0);
  });
});
