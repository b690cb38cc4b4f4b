import { describe, expect, it } from 'vitest';
import { generateSampleHousehold } from '../../../shared/sample';
import { planPayoff } from '../../../shared/finance';
import { payoffDebtsFrom } from '../../../shared/debts';

describe('payoffDebtsFrom', () => {
  const household = generateSampleHousehold({ today: '2026-11-22', now: '2026-11-22T08:00:00.000Z', language: 'en' });
  const debts = payoffDebtsFrom(household, 'CNY', '2026-11-22');

  it('takes every open debt in the currency with its balance, yearly rate and minimum', () => {
    const byId = new Map(debts.map((d) => [d.id, d]));
    expect(byId.get('debt-mortgage')).toMatchObject({ annualRate: 0.031, minPayment: 512_420 });
    expect(byId.get('debt-cmb-card')).toMatchObject({ annualRate: 0.1825, minPayment: { greaterOf: { amount: 1_000, percentOfBalance: 0.1 } } });
    expect(byId.get('debt-huabei-phone')?.annualRate).toBeGreaterThan(0.13);
    expect(debts.every((d) => d.balance > 0 && Number.isSafeInteger(d.balance))).toBe(true);
    expect(payoffDebtsFrom(household, 'USD', '2026-11-22')).toEqual([]);
  });

  it('feeds the engine planner directly', () => {
    const minimums = planPayoff({ debts, monthlyBudget: 0, strategy: 'avalanche' });
    expect(minimums.feasible).toBe(false);
    const plan = planPayoff({ debts, monthlyBudget: minimums.requiredBudget! + 500_000, strategy: 'avalanche' });
    expect(plan.feasible).toBe(true);
    expect(Object.keys(plan.payoffMonth).sort()).toEqual(debts.map((d) => d.id).sort());
  });
});
