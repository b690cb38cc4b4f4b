import { describe, expect, it } from 'vitest';
import { overdueCost } from '../../../shared/finance';
import { financeError, refRound } from './helpers';

describe('overdueCost', () => {
  it('bank loan: penalty on the overdue principal and compound interest on the overdue interest, at 1.5 x the contract rate, annual / 360', () => {
    // Month 1 of the 100,000 CNY 4.9 % loan unpaid for 30 days: penalty rate 7.35 %.
    // 2,584.27 x 7.35 % x 30 / 360 = 15.8287 -> 15.83; 408.33 x 7.35 % x 30 / 360 = 2.5010 -> 2.50.
    const cost = overdueCost({ kind: 'loan', overduePrincipal: 258_427, overdueInterest: 40_833, annualRate: 0.049, penaltyMultiplier: 1.5, days: 30, dayBasis: 360 });
    expect(cost).toEqual({ penalty: 1_583, compound: 250, total: 1_833 });
    expect(cost.penalty).toBe(refRound(258_427n * 49n * 15n * 30n, 1000n * 10n * 360n));
  });

  it('uses a 365-day year when the contract says so', () => {
    const cost = overdueCost({ kind: 'loan', overduePrincipal: 258_427, overdueInterest: 40_833, annualRate: 0.049, penaltyMultiplier: 1.3, days: 45, dayBasis: 365 });
    expect(cost.penalty).toBe(refRound(258_427n * 49n * 13n * 45n, 1000n * 10n * 365n));
    expect(cost.compound).toBe(refRound(40_833n * 49n * 13n * 45n, 1000n * 10n * 365n));
  });

  it('daily-rate lines: Huabei-style 0.05 % a day on the overdue amount', () => {
    expect(overdueCost({ kind: 'daily-rate', amount: 100_000, dailyRate: 0.0005, days: 10 })).toEqual({ penalty: 500, compound: 0, total: 500 });
    // 10.00 x 0.05 % x 10 days = 0.05 fen; a minimum of 1 fen a day gives 10 fen.
    expect(overdueCost({ kind: 'daily-rate', amount: 1_000, dailyRate: 0.0005, days: 10, minimumPerDay: 1 }).total).toBe(10);
    expect(overdueCost({ kind: 'daily-rate', amount: 0, dailyRate: 0.0005, days: 10, minimumPerDay: 1 }).total).toBe(0);
  });

  it('costs nothing for zero days', () => {
    expect(overdueCost({ kind: 'loan', overduePrincipal: 258_427, overdueInterest: 40_833, annualRate: 0.049, penaltyMultiplier: 1.5, days: 0, dayBasis: 360 }).total).toBe(0);
  });

  it('rejects bad input naming the field', () => {
    const base = { kind: 'loan' as const, overduePrincipal: 1, overdueInterest: 1, annualRate: 0.049, penaltyMultiplier: 1.5, days: 3, dayBasis: 360 as const };
    expect(financeError(() => overdueCost({ ...base, penaltyMultiplier: 0.9 })).field).toBe('penaltyMultiplier');
    expect(financeError(() => overdueCost({ ...base, days: -1 })).field).toBe('days');
    expect(financeError(() => overdueCost({ ...base, dayBasis: 300 as 360 })).field).toBe('dayBasis');
    expect(financeError(() => overdueCost({ ...base, overduePrincipal: Number.NaN })).code).toBe('not-finite');
  });
});
