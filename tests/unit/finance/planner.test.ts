import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PayoffDebt, PayoffInput, PayoffPlan, PayoffStrategy } from '../../../shared/finance';
import { amortize, budgetToBeDebtFreeBy, compareStrategies, consolidationWhatIf, planPayoff } from '../../../shared/finance';
import { financeError, refRound, sum } from './helpers';

/** Checks the month-by-month invariants of a plan against an independent replay of interest and balances. */
function expectPlanConsistent(input: PayoffInput, plan: PayoffPlan): void {
  const balances = new Map(input.debts.map((d) => [d.id, d.balance]));
  const extras = new Map<number, number>();
  for (const e of input.extraPayments ?? []) extras.set(e.month, (extras.get(e.month) ?? 0) + e.amount);
  let interestTotal = 0;
  let paidTotal = 0;
  for (const month of plan.monthly) {
    const paid = sum(Object.values(month.payments));
    expect(paid).toBeLessThanOrEqual(input.monthlyBudget + (extras.get(month.month) ?? 0));
    for (const debt of input.debts) {
      const before = balances.get(debt.id) ?? 0;
      if (before === 0) {
        expect(month.payments[debt.id]).toBeUndefined();
        continue;
      }
      const rate = debt.promo && month.month <= debt.promo.untilMonth ? debt.promo.annualRate : debt.annualRate;
      // Rates in these tests are whole basis points, so the reference is an exact BigInt fraction.
      const interest = refRound(BigInt(before) * BigInt(Math.round(rate * 10_000)), 120_000n);
      expect(month.interest[debt.id]).toBe(interest);
      const payment = month.payments[debt.id] ?? 0;
      expect(payment).toBeGreaterThanOrEqual(0);
      expect(payment).toBeLessThanOrEqual(before + interest);
      const after = before + interest - payment;
      expect(month.balances[debt.id]).toBe(after);
      balances.set(debt.id, after);
      interestTotal += interest;
      paidTotal += payment;
      if (after === 0) expect(plan.payoffMonth[debt.id]).toBe(month.month);
    }
  }
  expect(plan.totalInterest).toBe(interestTotal);
  expect(plan.totalPaid).toBe(paidTotal);
  if (plan.feasible) {
    expect([...balances.values()].every((b) => b === 0)).toBe(true);
    expect(plan.totalPaid).toBe(sum(input.debts.map((d) => d.balance)) + plan.totalInterest);
    expect(plan.months).toBe(plan.monthly.length);
  }
}

describe('planPayoff: hand-checked months', () => {
  // A: 1,000.00 at 12 % (1 % a month), minimum 100; B: 500.00 at 24 % (2 % a month), minimum 50; budget 400.
  const input: PayoffInput = {
    debts: [
      { id: 'A', balance: 100_000, annualRate: 0.12, minPayment: 10_000 },
      { id: 'B', balance: 50_000, annualRate: 0.24, minPayment: 5_000 },
    ],
    monthlyBudget: 40_000,
    strategy: 'avalanche',
  };

  it('avalanche: interest, minimums, the rest to the highest rate, cascading when a debt is paid off', () => {
    const plan = planPayoff(input);
    // Month 1: interest A 10.00, B 10.00; minimums 100 + 50; the other 250 to B (24 %).
    expect(plan.monthly[0]).toEqual({ month: 1, payments: { A: 10_000, B: 30_000 }, interest: { A: 1_000, B: 1_000 }, balances: { A: 91_000, B: 21_000 } });
    // Month 2: interest A 9.10, B 4.20; B needs 214.20 in all and is paid off; 85.80 flows on to A.
    expect(plan.monthly[1]).toEqual({ month: 2, payments: { A: 18_580, B: 21_420 }, interest: { A: 910, B: 420 }, balances: { A: 73_330, B: 0 } });
    // Month 3: interest 733.30 x 1 % = 7.333 -> 7.33; all 400 to A. Month 4: 340.63 x 1 % = 3.4063 -> 3.41; A paid off with 344.04.
    expect(plan.monthly[2]).toEqual({ month: 3, payments: { A: 40_000 }, interest: { A: 733 }, balances: { A: 34_063 } });
    expect(plan.monthly[3]).toEqual({ month: 4, payments: { A: 34_404 }, interest: { A: 341 }, balances: { A: 0 } });
    expect(plan).toMatchObject({ feasible: true, months: 4, totalInterest: 4_404, totalPaid: 154_404, payoffMonth: { A: 4, B: 2 }, strategy: 'avalanche' });
    expect(plan.requiredBudget).toBeUndefined();
  });

  it('snowball and avalanche part ways when the smaller debt has the lower rate', () => {
    const debts: PayoffDebt[] = [
      { id: 'small', balance: 30_000, annualRate: 0.06, minPayment: 3_000 },
      { id: 'large', balance: 100_000, annualRate: 0.18, minPayment: 5_000 },
    ];
    // Month 1: interest 1.50 and 15.00; minimums 30 + 50; the other 220 goes to...
    const avalanche = planPayoff({ debts, monthlyBudget: 30_000, strategy: 'avalanche' });
    expect(avalanche.monthly[0]?.balances).toEqual({ small: 27_150, large: 74_500 }); // ...the 18 % debt
    const snowball = planPayoff({ debts, monthlyBudget: 30_000, strategy: 'snowball' });
    expect(snowball.monthly[0]?.balances).toEqual({ small: 5_150, large: 96_500 }); // ...the smaller balance
    expect(avalanche.totalInterest).toBeLessThan(snowball.totalInterest);
    const custom = planPayoff({ debts, monthlyBudget: 30_000, strategy: 'custom', customOrder: ['small'] });
    expect(custom.monthly[0]?.balances).toEqual(snowball.monthly[0]?.balances);
    expectPlanConsistent({ debts, monthlyBudget: 30_000, strategy: 'avalanche' }, avalanche);
  });

  it('a budget exactly equal to the minimums is feasible; minimum-only keeps freed minimums, the others pass them on', () => {
    const debts: PayoffDebt[] = [
      { id: 'A', balance: 30_000, annualRate: 0, minPayment: 10_000 },
      { id: 'B', balance: 50_000, annualRate: 0, minPayment: 10_000 },
    ];
    const avalanche = planPayoff({ debts, monthlyBudget: 20_000, strategy: 'avalanche' });
    // A is gone after month 3; in month 4 its 100 goes to B: 200 left -> 0.
    expect(avalanche).toMatchObject({ feasible: true, months: 4, totalInterest: 0, totalPaid: 80_000, payoffMonth: { A: 3, B: 4 } });
    const minimumOnly = planPayoff({ debts, monthlyBudget: 20_000, strategy: 'minimum-only' });
    expect(minimumOnly).toMatchObject({ feasible: true, months: 5, payoffMonth: { A: 3, B: 5 } });
    expect(minimumOnly.monthly[3]?.payments).toEqual({ B: 10_000 });
  });

  it('below the minimums: infeasible, with the smallest budget that works', () => {
    const debts: PayoffDebt[] = [
      { id: 'A', balance: 30_000, annualRate: 0, minPayment: 10_000 },
      { id: 'B', balance: 50_000, annualRate: 0, minPayment: 10_000 },
    ];
    const plan = planPayoff({ debts, monthlyBudget: 19_999, strategy: 'avalanche' });
    expect(plan).toMatchObject({ feasible: false, reason: 'below-minimums', months: 0, requiredBudget: 20_000, totalPaid: 0, totalInterest: 0 });
    expect(plan.monthly).toEqual([]);
  });

  it('never cleared: interest outruns the payment; requiredBudget clears it within maxMonths', () => {
    // 10,000.00 at 24 %: 200.00 interest a month against a 150.00 budget.
    const input: PayoffInput = { debts: [{ id: 'card', balance: 1_000_000, annualRate: 0.24, minPayment: 15_000 }], monthlyBudget: 15_000, strategy: 'snowball' };
    const plan = planPayoff(input);
    expect(plan).toMatchObject({ feasible: false, reason: 'not-cleared', months: 600 });
    expect(plan.monthly).toHaveLength(600);
    // The level payment that clears it in 600 months: P r / (1 - (1 + r)^-600) = 20,000.14 fen.
    const level = (1_000_000 * 0.02) / (1 - 1.02 ** -600);
    const required = plan.requiredBudget ?? 0;
    expect(Math.abs(required - level)).toBeLessThanOrEqual(2);
    expect(planPayoff({ ...input, monthlyBudget: required }).feasible).toBe(true);
    expect(planPayoff({ ...input, monthlyBudget: required - 1 }).feasible).toBe(false);
  });

  it('promotional rate: no interest while month <= untilMonth, the normal rate after', () => {
    const plan = planPayoff({ debts: [{ id: 'p', balance: 120_000, annualRate: 0.18, minPayment: 10_000, promo: { annualRate: 0, untilMonth: 3 } }], monthlyBudget: 10_000, strategy: 'avalanche' });
    expect(plan.monthly.slice(0, 3).map((m) => m.interest['p'])).toEqual([0, 0, 0]);
    // Month 4: 900.00 x 1.5 % = 13.50.
    expect(plan.monthly[3]?.interest['p']).toBe(1_350);
  });

  it('"greater of" minimums: 5 % of the balance or 100.00, whichever is more', () => {
    const debts: PayoffDebt[] = [{ id: 'g', balance: 1_000_000, annualRate: 0, minPayment: { greaterOf: { amount: 10_000, percentOfBalance: 0.05 } } }];
    const plan = planPayoff({ debts, monthlyBudget: 50_000, strategy: 'minimum-only' });
    expect(plan.feasible).toBe(true);
    // 5 % of 10,000.00 = 500.00; then 5 % of 9,500.00 = 475.00; once 5 % falls below 100.00, 100.00.
    expect(plan.monthly[0]?.payments['g']).toBe(50_000);
    expect(plan.monthly[1]?.payments['g']).toBe(47_500);
    expect(plan.monthly.at(-2)?.payments['g']).toBe(10_000);
    // The first month's "greater of" minimum (500.00) exceeds a 499.99 budget.
    expect(planPayoff({ debts, monthlyBudget: 49_999, strategy: 'avalanche' })).toMatchObject({ feasible: false, reason: 'below-minimums', requiredBudget: 50_000 });
  });

  it('one-off extra payments add to that month’s budget', () => {
    const base: PayoffInput = { debts: [{ id: 'x', balance: 100_000, annualRate: 0, minPayment: 10_000 }], monthlyBudget: 10_000, strategy: 'avalanche' };
    const plan = planPayoff({ ...base, extraPayments: [{ month: 2, amount: 30_000 }, { month: 2, amount: 5_000 }] });
    expect(plan.monthly[1]?.payments['x']).toBe(45_000);
    expect(plan.months).toBe(7);
  });

  it('handles zero-balance debts, no debts, and zero-rate debts', () => {
    expect(planPayoff({ debts: [], monthlyBudget: 0, strategy: 'avalanche' })).toMatchObject({ feasible: true, months: 0, totalPaid: 0 });
    const plan = planPayoff({ debts: [{ id: 'done', balance: 0, annualRate: 0.1, minPayment: 100 }, { id: 'free', balance: 1_000, annualRate: 0, minPayment: 100 }], monthlyBudget: 300, strategy: 'snowball' });
    expect(plan).toMatchObject({ feasible: true, months: 4, totalInterest: 0, totalPaid: 1_000, payoffMonth: { done: 0, free: 4 } });
    expect(plan.monthly[0]?.payments).toEqual({ free: 300 });
  });

  it('works with very large balances (still safe integers)', () => {
    const input: PayoffInput = { debts: [{ id: 'huge', balance: 1_000_000_000_000_000, annualRate: 0.049, minPayment: 10_000_000_000_000 }], monthlyBudget: 20_000_000_000_000, strategy: 'avalanche' };
    const plan = planPayoff(input);
    expect(plan.feasible).toBe(true);
    expectPlanConsistent(input, plan);
  });

  it('stops at the edge of the safe integers instead of returning wrong numbers', () => {
    // Growing at 24 % with only 1.00 a month, the balance would pass 2^53 fen within the 600 months.
    const plan = planPayoff({ debts: [{ id: 'runaway', balance: 1e15, annualRate: 0.24, minPayment: 100 }], monthlyBudget: 100, strategy: 'avalanche' });
    expect(plan).toMatchObject({ feasible: false, reason: 'not-cleared' });
    expect(plan.months).toBeLessThan(600);
    expect(Number.isSafeInteger(plan.totalInterest)).toBe(true);
    expect(plan.requiredBudget).toBeGreaterThan(0);
    // A balance whose first month's interest alone leaves the range has no representable budget.
    const error = financeError(() => planPayoff({ debts: [{ id: 'edge', balance: Number.MAX_SAFE_INTEGER - 10, annualRate: 0.24, minPayment: 0 }], monthlyBudget: 0, strategy: 'avalanche' }));
    expect(error.code).toBe('out-of-range');
  });

  it('rejects bad input naming the field', () => {
    const debt: PayoffDebt = { id: 'a', balance: 100, annualRate: 0.1, minPayment: 10 };
    const cases: [PayoffInput, string, string][] = [
      [{ debts: [debt, { ...debt }], monthlyBudget: 100, strategy: 'avalanche' }, 'debts[1].id', 'duplicate'],
      [{ debts: [{ ...debt, balance: -1 }], monthlyBudget: 100, strategy: 'avalanche' }, 'debts[0].balance', 'negative'],
      [{ debts: [{ ...debt, annualRate: Number.NaN }], monthlyBudget: 100, strategy: 'avalanche' }, 'debts[0].annualRate', 'not-finite'],
      [{ debts: [debt], monthlyBudget: 1.5, strategy: 'avalanche' }, 'monthlyBudget', 'not-integer'],
      [{ debts: [debt], monthlyBudget: 100, strategy: 'fastest' as PayoffStrategy }, 'strategy', 'out-of-range'],
      [{ debts: [debt], monthlyBudget: 100, strategy: 'custom', customOrder: ['b'] }, 'customOrder[0]', 'unknown-id'],
      [{ debts: [debt], monthlyBudget: 100, strategy: 'avalanche', maxMonths: 0 }, 'maxMonths', 'out-of-range'],
      [{ debts: [debt], monthlyBudget: 100, strategy: 'avalanche', extraPayments: [{ month: 0, amount: 1 }] }, 'extraPayments[0].month', 'out-of-range'],
      [{ debts: [{ ...debt, minPayment: { greaterOf: { amount: 1, percentOfBalance: 2 } } }], monthlyBudget: 100, strategy: 'avalanche' }, 'debts[0].minPayment.greaterOf.percentOfBalance', 'out-of-range'],
    ];
    for (const [input, field, code] of cases) {
      const error = financeError(() => planPayoff(input));
      expect([error.field, error.code]).toEqual([field, code]);
    }
  });
});

describe('compareStrategies, budgetToBeDebtFreeBy, consolidationWhatIf', () => {
  const debts: PayoffDebt[] = [
    { id: 'card', balance: 2_000_000, annualRate: 0.18, minPayment: 60_000 },
    { id: 'line', balance: 800_000, annualRate: 0.24, minPayment: 40_000 },
    { id: 'loan', balance: 5_000_000, annualRate: 0.06, minPayment: 150_000 },
  ];
  const input: PayoffInput = { debts, monthlyBudget: 400_000, strategy: 'avalanche' };

  it('puts the strategies side by side and names the cheapest and fastest', () => {
    const comparison = compareStrategies(input);
    expect(comparison.plans.map((p) => p.strategy)).toEqual(['avalanche', 'snowball', 'minimum-only']);
    expect(comparison.cheapest).toBe('avalanche');
    const byStrategy = Object.fromEntries(comparison.plans.map((p) => [p.strategy, p.plan]));
    expect(byStrategy['avalanche']?.totalInterest).toBeLessThanOrEqual(byStrategy['snowball']?.totalInterest ?? 0);
    expect(byStrategy['minimum-only']?.months).toBeGreaterThanOrEqual(byStrategy['avalanche']?.months ?? 0);
    expect(compareStrategies({ ...input, customOrder: ['loan'] }).plans.map((p) => p.strategy)).toContain('custom');
  });

  it('finds the smallest budget that clears everything by a month', () => {
    // One 10,000.00 debt at 12 % in 12 months: the level payment is 888.49 (P r / (1 - 1.01^-12) = 888.4879).
    const single: PayoffInput = { debts: [{ id: 'x', balance: 1_000_000, annualRate: 0.12, minPayment: 0 }], monthlyBudget: 0, strategy: 'avalanche' };
    const { monthlyBudget, plan } = budgetToBeDebtFreeBy(single, 12);
    expect(Math.abs(monthlyBudget - 88_849)).toBeLessThanOrEqual(1);
    expect(plan.months).toBeLessThanOrEqual(12);
    expect(planPayoff({ ...single, monthlyBudget: monthlyBudget - 1, maxMonths: 12 }).feasible).toBe(false);
    const byTwoYears = budgetToBeDebtFreeBy(input, 24);
    expect(byTwoYears.plan.feasible).toBe(true);
    expect(byTwoYears.plan.months).toBeLessThanOrEqual(24);
    expect(planPayoff({ ...input, monthlyBudget: byTwoYears.monthlyBudget - 1, maxMonths: 24 }).feasible).toBe(false);
  });

  it('compares the plan with a consolidation loan whose APR includes its fee', () => {
    const result = consolidationWhatIf(input, { annualRate: 0.049, termMonths: 36, feeRate: 0.01 });
    expect(result.consolidation.principal).toBe(7_800_000);
    expect(result.consolidation.fee).toBe(78_000);
    const schedule = amortize({ principal: 7_800_000, annualRate: 0.049, termMonths: 36, method: 'annuity', startDate: '2025-01-01' });
    expect(result.consolidation.payment).toBe(schedule.rows[0]?.payment);
    expect(result.consolidation.totalPaid).toBe(schedule.totalPaid + 78_000);
    // The fee lifts the true rate above the 4.9 % quoted (about 5.56 %: 1 % spread over three years).
    expect(result.consolidation.apr).toBeGreaterThan(0.049);
    expect(result.consolidation.apr).toBeLessThan(0.06);
    expect(result.costSaved).toBe(result.current.totalInterest - schedule.totalInterest - 78_000);
    expect(result.consolidation.fitsBudget).toBe(true);
    expect(consolidationWhatIf(input, { annualRate: 0.049, termMonths: 36, feeRate: 0 }).consolidation.apr).toBeCloseTo(0.049, 6);
  });
});

// ---------------------------------------------------------------- properties

const debtArbitrary = (index: number, fixedMinimums: boolean): fc.Arbitrary<PayoffDebt> =>
  fc.record({
    balance: fc.oneof(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 5_000 })),
    basisPoints: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_600 })),
    minimum: fc.integer({ min: 0, max: 2_000_000 }),
    share: fc.integer({ min: 0, max: 1_000 }),
    greaterOf: fixedMinimums ? fc.constant(false) : fc.boolean(),
    promo: fixedMinimums ? fc.constant(undefined) : fc.option(fc.record({ basisPoints: fc.integer({ min: 0, max: 600 }), untilMonth: fc.integer({ min: 0, max: 24 }) }), { nil: undefined }),
  }).map((d) => ({
    id: `debt-${index}`,
    balance: d.balance,
    annualRate: d.basisPoints / 10_000,
    minPayment: d.greaterOf ? { greaterOf: { amount: d.minimum, percentOfBalance: d.share / 10_000 } } : d.minimum,
    ...(d.promo ? { promo: { annualRate: d.promo.basisPoints / 10_000, untilMonth: d.promo.untilMonth } } : {}),
  }));

const debtsArbitrary = (fixedMinimums: boolean): fc.Arbitrary<PayoffDebt[]> =>
  fc.integer({ min: 1, max: 6 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => debtArbitrary(i, fixedMinimums))));

describe('planPayoff: properties', () => {
  it('never pays more than the month’s money, never pays a debt below zero, and adds up', () => {
    fc.assert(
      fc.property(
        debtsArbitrary(false),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom<PayoffStrategy>('avalanche', 'snowball', 'custom', 'minimum-only'),
        fc.array(fc.record({ month: fc.integer({ min: 1, max: 30 }), amount: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 3 }),
        (debts, monthlyBudget, strategy, extraPayments) => {
          const input: PayoffInput = { debts, monthlyBudget, strategy, extraPayments, maxMonths: 120, customOrder: debts.map((d) => d.id).reverse() };
          const plan = planPayoff(input);
          expectPlanConsistent(input, plan);
          if (!plan.feasible) {
            const required = plan.requiredBudget ?? -1;
            expect(required).toBeGreaterThanOrEqual(0);
            const search = strategy === 'minimum-only' ? 'avalanche' : strategy;
            expect(planPayoff({ ...input, strategy: search, monthlyBudget: required }).feasible).toBe(true);
            if (required > 0) expect(planPayoff({ ...input, strategy: search, monthlyBudget: required - 1 }).feasible).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('avalanche never pays more interest than snowball on the same input (fixed minimums, no promotions)', () => {
    // Rounding each month's interest to the fen can tip tiny balances by a fen or two (see the
    // example below), so the comparison allows one fen per debt per month of the avalanche plan;
    // in 30,000 runs with balances of 100.00 or more it was never needed. Promotional rates are
    // left out on purpose: avalanche ranks by the rate in effect this month, which is not optimal
    // when a promotion is about to end.
    fc.assert(
      fc.property(debtsArbitrary(true), fc.integer({ min: 0, max: 10_000_000 }), (debts, monthlyBudget) => {
        const avalanche = planPayoff({ debts, monthlyBudget, strategy: 'avalanche', maxMonths: 240 });
        const snowball = planPayoff({ debts, monthlyBudget, strategy: 'snowball', maxMonths: 240 });
        if (snowball.feasible) expect(avalanche.feasible).toBe(true);
        if (avalanche.feasible && snowball.feasible) {
          const roundingSlack = sum(avalanche.monthly.map((m) => Object.keys(m.payments).length));
          expect(avalanche.totalInterest).toBeLessThanOrEqual(snowball.totalInterest + roundingSlack);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('documents the rounding exception: balances of a few fen at nearly equal rates', () => {
    // 0.18 at 33.34 % and 0.19 at 33.35 %: each month's interest rounds up to a whole fen, so the
    // order that keeps fewer debts open wins, whatever the rates say.
    const debts: PayoffDebt[] = [
      { id: 'd0', balance: 18, annualRate: 0.3334, minPayment: 0 },
      { id: 'd1', balance: 19, annualRate: 0.3335, minPayment: 0 },
    ];
    const avalanche = planPayoff({ debts, monthlyBudget: 2, strategy: 'avalanche' });
    const snowball = planPayoff({ debts, monthlyBudget: 2, strategy: 'snowball' });
    expect(avalanche.totalInterest - snowball.totalInterest).toBe(2);
  });

  it('zero-rate debts cost nothing: total paid = total owed', () => {
    fc.assert(
      fc.property(debtsArbitrary(true), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom<PayoffStrategy>('avalanche', 'snowball', 'minimum-only'), (debts, monthlyBudget, strategy) => {
        const free = debts.map((d) => ({ ...d, annualRate: 0 }));
        const plan = planPayoff({ debts: free, monthlyBudget, strategy, maxMonths: 120 });
        expect(plan.totalInterest).toBe(0);
        if (plan.feasible) expect(plan.totalPaid).toBe(sum(free.map((d) => d.balance)));
      }),
      { numRuns: 200 },
    );
  });
});
