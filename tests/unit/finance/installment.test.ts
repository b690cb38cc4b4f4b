import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installmentPlan, irr, npv } from '../../../shared/finance';
import { financeError, sum } from './helpers';

/** Independent IRR by plain bisection on [0, 1] per period (costs here are never negative). */
function bisectRate(flows: readonly number[]): number {
  const value = (rate: number): number => flows.reduce((total, c, k) => total + c / (1 + rate) ** k, 0);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (value(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

describe('installmentPlan', () => {
  it('12,000 CNY in 12 periods at 0.6 % a month: 1,072.00 a month, fee 864.00, flat 7.2 % but APR about 13.03 % (DOMAIN.md)', () => {
    const plan = installmentPlan({ principal: 1_200_000, periods: 12, feeRate: 0.006, feeMode: 'per-period-on-principal', firstDueDate: '2025-02-10' });
    expect(plan.payment).toBe(107_200);
    expect(plan.totalFee).toBe(86_400);
    expect(plan.totalPaid).toBe(1_286_400);
    expect(plan.totalFee / 1_200_000).toBeCloseTo(0.072, 10);
    expect(plan.apr).toBeCloseTo(0.1303, 4);
    // Checked by bisection: i = 1.08619 % a month, EAR = 1.0108619^12 - 1 = 13.84 %.
    expect(plan.periodicRate).toBeCloseTo(bisectRate([1_200_000, ...Array<number>(12).fill(-107_200)]), 10);
    expect(plan.ear).toBeCloseTo(0.1384, 4);
    expect(plan.rows[0]).toEqual({ period: 1, dueDate: '2025-02-10', payment: 107_200, principal: 100_000, fee: 7_200, balance: 1_100_000 });
    expect(plan.rows[11]?.dueDate).toBe('2026-01-10');
    expect(plan.rows[11]?.balance).toBe(0);
  });

  it('upfront fee: the whole fee with the first payment, which costs more than spreading it', () => {
    const plan = installmentPlan({ principal: 1_200_000, periods: 12, feeRate: 0.006, feeMode: 'upfront', firstDueDate: '2025-02-10' });
    expect(plan.firstPayment).toBe(186_400);
    expect(plan.payment).toBe(100_000);
    expect(plan.totalFee).toBe(86_400);
    expect(plan.periodicRate).toBeCloseTo(bisectRate([1_200_000, -186_400, ...Array<number>(11).fill(-100_000)]), 10);
    expect(plan.apr).toBeGreaterThan(0.1303);
  });

  it('splits the principal half-up, the last period taking the residue', () => {
    const plan = installmentPlan({ principal: 100_000, periods: 3, feeRate: 0, feeMode: 'per-period-on-principal', firstDueDate: '2025-01-31' });
    expect(plan.rows.map((r) => r.principal)).toEqual([33_333, 33_333, 33_334]);
    expect(plan.rows.map((r) => r.dueDate)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
    expect(plan.apr).toBe(0);
    expect(plan.ear).toBe(0);
  });

  it('one period at 1 %: the periodic rate is exactly the fee rate', () => {
    const plan = installmentPlan({ principal: 100_000, periods: 1, feeRate: 0.01, feeMode: 'per-period-on-principal', firstDueDate: '2024-02-29' });
    expect(plan.payment).toBe(101_000);
    expect(plan.periodicRate).toBeCloseTo(0.01, 12);
    expect(plan.apr).toBeCloseTo(0.12, 12);
  });

  it('rejects bad plans naming the field', () => {
    const base = { principal: 100_000, periods: 3, feeRate: 0.006, feeMode: 'upfront' as const, firstDueDate: '2025-01-31' };
    expect(financeError(() => installmentPlan({ ...base, periods: 0 })).field).toBe('periods');
    expect(financeError(() => installmentPlan({ ...base, feeRate: -0.1 })).field).toBe('feeRate');
    expect(financeError(() => installmentPlan({ ...base, firstDueDate: '2025-02-29' })).code).toBe('bad-date');
  });

  it('properties: principal parts sum to the principal, total paid = principal + fees, the APR is at least 12 x the fee rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('per-period-on-principal' as const, 'upfront' as const),
        (principal, periods, feeBasisPoints, feeMode) => {
          const feeRate = feeBasisPoints / 10_000;
          const plan = installmentPlan({ principal, periods, feeRate, feeMode, firstDueDate: '2025-01-31' });
          expect(sum(plan.rows.map((r) => r.principal))).toBe(principal);
          expect(plan.totalPaid).toBe(principal + plan.totalFee);
          expect(plan.rows.every((r) => r.payment === r.principal + r.fee && r.balance >= 0)).toBe(true);
          if (plan.totalFee > 0) {
            expect(Math.abs(npv([principal, ...plan.rows.map((r) => -r.payment)], plan.periodicRate))).toBeLessThan(1e-6 * principal);
            expect(plan.apr).toBeGreaterThanOrEqual(12 * (plan.totalFee / principal / periods) * (1 - 1e-9));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('irr', () => {
  it('matches the published Microsoft Excel IRR examples', () => {
    // support.microsoft.com, "IRR function": -70,000 then 12,000 15,000 18,000 21,000 26,000.
    expect(irr([-70_000, 12_000, 15_000, 18_000, 21_000])).toBeCloseTo(-0.0212, 4);
    expect(irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000])).toBeCloseTo(0.0866, 4);
    expect(irr([-70_000, 12_000, 15_000])).toBeCloseTo(-0.4435, 4);
  });

  it('finds exact textbook rates', () => {
    expect(irr([-100, 0, 0, 133.1])).toBeCloseTo(0.1, 12);
    expect(irr([100, -110])).toBeCloseTo(0.1, 12);
    expect(irr([1_000, -500, -500])).toBe(0);
  });

  it('converges for 60- and 600-period plans', () => {
    const r = 0.015;
    const payment = (1_000_000 * r) / (1 - (1 + r) ** -600);
    expect(irr([1_000_000, ...Array<number>(600).fill(-payment)])).toBeCloseTo(r, 10);
    const sixty = [1_000_000, ...Array<number>(60).fill(-20_000)];
    expect(irr(sixty)).toBeCloseTo(bisectRate(sixty), 12);
  });

  it('throws when no rate exists', () => {
    expect(financeError(() => irr([100, 50])).code).toBe('no-rate');
    expect(financeError(() => irr([-100, -50])).code).toBe('no-rate');
    expect(financeError(() => irr([100])).code).toBe('out-of-range');
    expect(financeError(() => irr([100, Number.NaN])).field).toBe('cashflows[1]');
  });

  it('recovers the rate a level-payment loan was built with', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 2, noNaN: true }), fc.integer({ min: 1, max: 360 }), fc.integer({ min: 1, max: 1_000_000_000 }), (rate, periods, principal) => {
        fc.pre(Math.abs(rate) > 1e-9);
        const payment = (principal * rate) / (1 - (1 + rate) ** -periods);
        fc.pre(Number.isFinite(payment) && payment > 0);
        const found = irr([principal, ...Array<number>(periods).fill(-payment)]);
        return Math.abs(found - rate) <= 1e-7 * Math.max(1, Math.abs(rate));
      }),
      { numRuns: 300 },
    );
  });
});
