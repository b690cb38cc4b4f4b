import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoanInput, RepaymentMethod, Schedule } from '../../../shared/finance';
import { amortize, annuityPayment, daysInMonth, prepay } from '../../../shared/finance';
import { financeError, refMonthlyInterest, refRound, sum } from './helpers';

const loan100k: LoanInput = { principal: 10_000_000, annualRate: 0.049, termMonths: 36, method: 'annuity', startDate: '2025-01-15' };

/**
 * Checks every invariant a schedule must keep, against an independent BigInt interest where one
 * applies. Collects the first problem and asserts once, so property runs stay fast.
 */
function expectConsistent(schedule: Schedule, principal: number, basisPoints?: number, method?: RepaymentMethod): void {
  let balance = principal;
  let problem = '';
  for (const row of schedule.rows) {
    if (problem) break;
    if (row.payment !== row.principal + row.interest) problem = `period ${row.period}: payment is not principal + interest`;
    else if (row.principal < 0 || row.interest < 0) problem = `period ${row.period}: negative part`;
    else if (basisPoints !== undefined && method !== 'bullet' && row.interest !== refMonthlyInterest(balance, basisPoints)) problem = `period ${row.period}: interest ${row.interest} != ${refMonthlyInterest(balance, basisPoints)}`;
    balance -= row.principal;
    if (!problem && row.balance !== balance) problem = `period ${row.period}: balance ${row.balance} != ${balance}`;
    if (!problem && row.balance < 0) problem = `period ${row.period}: negative balance`;
  }
  expect(problem).toBe('');
  expect(balance).toBe(0);
  expect(sum(schedule.rows.map((r) => r.principal))).toBe(principal);
  expect(schedule.totalInterest).toBe(sum(schedule.rows.map((r) => r.interest)));
  expect(schedule.totalPaid).toBe(principal + schedule.totalInterest);
}

describe('amortize: published examples', () => {
  it('annuity 100,000 CNY at 4.9 % over 36 months: 2,992.60 a month, month 1 interest 408.33, principal 2,584.27 (DOMAIN.md)', () => {
    const schedule = amortize(loan100k);
    expect(schedule.rows).toHaveLength(36);
    expect(schedule.rows[0]).toEqual({ period: 1, dueDate: '2025-02-15', payment: 299_260, interest: 40_833, principal: 258_427, balance: 9_741_573 });
    // Month 2 by hand: 97,415.73 x 0.049 / 12 = 397.7809 -> 397.78.
    expect(schedule.rows[1]?.interest).toBe(39_778);
    expect(schedule.rows.slice(0, 35).every((r) => r.payment === 299_260)).toBe(true);
    // 36 x 2,992.60 - 100,000 = 7,733.60 before the residue; the last payment absorbs +0.09.
    expect(schedule.rows[35]?.payment).toBe(299_269);
    expect(schedule.totalInterest).toBe(773_369);
    expectConsistent(schedule, 10_000_000, 490, 'annuity');
  });

  it('annuity 1,000,000 CNY at 4.9 % over 30 years: 5,307.27 a month (the widely published mortgage figure)', () => {
    expect(annuityPayment(100_000_000, 0.049, 360)).toBe(530_727);
  });

  it('annuity 200,000 USD at 6 % over 30 years: 1,199.10 a month (textbook mortgage example)', () => {
    expect(annuityPayment(20_000_000, 0.06, 360)).toBe(119_910);
  });

  it('equal principal 100,000 CNY at 4.9 % over 36 months: first payment 3,186.11, falling by 11.34 a month', () => {
    // Published by Chinese bank calculators: 2,777.78 principal + 408.33 interest; total interest
    // P r (n + 1) / 2 = 7,554.17 unrounded. Rounding each month's interest gives 7,554.16 (checked
    // against the BigInt reference below).
    const schedule = amortize({ ...loan100k, method: 'equal-principal' });
    expect(schedule.rows[0]?.payment).toBe(318_611);
    expect((schedule.rows[0]?.payment ?? 0) - (schedule.rows[1]?.payment ?? 0)).toBe(1_134);
    expect(schedule.rows[35]?.principal).toBe(10_000_000 - 35 * 277_778);
    expect(schedule.totalInterest).toBe(755_416);
    expectConsistent(schedule, 10_000_000, 490, 'equal-principal');
  });

  it('equal principal 1,000,000 CNY at 4.9 % over 30 years starts at 6,861.11 (published)', () => {
    expect(amortize({ ...loan100k, principal: 100_000_000, termMonths: 360, method: 'equal-principal' }).rows[0]?.payment).toBe(686_111);
  });

  it('interest only: 408.33 a month, the principal with the last payment', () => {
    const schedule = amortize({ ...loan100k, termMonths: 12, method: 'interest-only' });
    expect(schedule.rows.slice(0, 11).every((r) => r.payment === 40_833 && r.principal === 0)).toBe(true);
    expect(schedule.rows[11]?.payment).toBe(10_040_833);
    expect(schedule.totalInterest).toBe(12 * 40_833);
    expectConsistent(schedule, 10_000_000, 490, 'interest-only');
  });

  it('bullet: interest = P x rate x days / 360 (or 365 when the contract says so)', () => {
    // 2025-01-15 -> 2026-01-15 is 365 days: 100,000 x 4.9 % x 365 / 360 = 4,968.0556 -> 4,968.06.
    const schedule = amortize({ ...loan100k, termMonths: 12, method: 'bullet' });
    expect(schedule.rows).toEqual([{ period: 1, dueDate: '2026-01-15', payment: 10_496_806, interest: 496_806, principal: 10_000_000, balance: 0 }]);
    expect(amortize({ ...loan100k, termMonths: 12, method: 'bullet', dayBasis: 365 }).rows[0]?.interest).toBe(490_000);
    // Across a leap day: 2024-01-15 -> 2025-01-15 is 366 days.
    expect(amortize({ ...loan100k, startDate: '2024-01-15', termMonths: 12, method: 'bullet', dayBasis: 365 }).rows[0]?.interest).toBe(refRound(10_000_000n * 49n * 366n, 1000n * 365n));
  });
});

describe('amortize: edge cases', () => {
  it('puts a due day of 31 on the last day of February, leap years included', () => {
    const dates = amortize({ ...loan100k, startDate: '2025-01-31', termMonths: 3 }).rows.map((r) => r.dueDate);
    expect(dates).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
    expect(amortize({ ...loan100k, startDate: '2024-01-31', termMonths: 2 }).rows.map((r) => r.dueDate)).toEqual(['2024-02-29', '2024-03-31']);
    expect(amortize({ ...loan100k, startDate: '2099-12-10', dueDay: 31, termMonths: 2 }).rows.map((r) => r.dueDate)).toEqual(['2100-01-31', '2100-02-28']);
    expect(amortize({ ...loan100k, startDate: '1999-12-10', dueDay: 30, termMonths: 2 }).rows.map((r) => r.dueDate)).toEqual(['2000-01-30', '2000-02-29']);
  });

  it('handles a one-month term for every method', () => {
    for (const method of ['annuity', 'equal-principal', 'interest-only'] as const) {
      const schedule = amortize({ ...loan100k, termMonths: 1, method });
      expect(schedule.rows).toHaveLength(1);
      expect(schedule.rows[0]?.payment).toBe(10_040_833);
    }
  });

  it('handles 0 % loans: the principal split evenly, the last period taking the residue', () => {
    const schedule = amortize({ ...loan100k, principal: 100_000, annualRate: 0, termMonths: 3 });
    expect(schedule.rows.map((r) => r.payment)).toEqual([33_333, 33_333, 33_334]);
    expect(schedule.totalInterest).toBe(0);
    const equal = amortize({ ...loan100k, principal: 100_000, annualRate: 0, termMonths: 3, method: 'equal-principal' });
    expect(equal.rows.map((r) => r.payment)).toEqual([33_333, 33_333, 33_334]);
  });

  it('stays exact for very large balances (still safe integers)', () => {
    // 10 trillion yuan: interest products pass 2^53 and take the BigInt path.
    const principal = 1_000_000_000_000_000;
    const schedule = amortize({ ...loan100k, principal, termMonths: 360 });
    expectConsistent(schedule, principal, 490, 'annuity');
  });

  it('refuses a loan whose totals would leave the safe integers, instead of returning wrong numbers', () => {
    const error = financeError(() => amortize({ ...loan100k, principal: Number.MAX_SAFE_INTEGER, annualRate: 10, termMonths: 600, method: 'interest-only' }));
    expect(error.code).toBe('out-of-range');
  });

  it('handles loans of a few fen over many periods without negative balances', () => {
    expectConsistent(amortize({ ...loan100k, principal: 2, annualRate: 0, termMonths: 4 }), 2);
    expectConsistent(amortize({ ...loan100k, principal: 2, annualRate: 0, termMonths: 4, method: 'equal-principal' }), 2);
    expectConsistent(amortize({ ...loan100k, principal: 0, termMonths: 4 }), 0);
  });

  it('rejects invalid input with an error naming the field', () => {
    const cases: [Partial<LoanInput>, string, string][] = [
      [{ principal: -1 }, 'principal', 'negative'],
      [{ principal: 1.5 }, 'principal', 'not-integer'],
      [{ principal: 2 ** 53 }, 'principal', 'out-of-range'],
      [{ termMonths: 0 }, 'termMonths', 'out-of-range'],
      [{ termMonths: 12.5 }, 'termMonths', 'not-integer'],
      [{ annualRate: Number.NaN }, 'annualRate', 'not-finite'],
      [{ annualRate: Number.POSITIVE_INFINITY }, 'annualRate', 'not-finite'],
      [{ annualRate: -0.01 }, 'annualRate', 'negative'],
      [{ startDate: '2025-02-30' }, 'startDate', 'bad-date'],
      [{ startDate: '15/01/2025' }, 'startDate', 'bad-date'],
      [{ dueDay: 32 }, 'dueDay', 'out-of-range'],
      [{ dueDay: 0 }, 'dueDay', 'out-of-range'],
      [{ method: 'balloon' as RepaymentMethod }, 'method', 'out-of-range'],
    ];
    for (const [patch, field, code] of cases) {
      const error = financeError(() => amortize({ ...loan100k, ...patch }));
      expect([error.field, error.code]).toEqual([field, code]);
      expect(error.message).toContain(field);
    }
  });
});

const loanArbitrary = fc.record({
  principal: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 })),
  basisPoints: fc.integer({ min: 0, max: 3_600 }),
  termMonths: fc.integer({ min: 1, max: 360 }),
  method: fc.constantFrom<RepaymentMethod>('annuity', 'equal-principal', 'interest-only', 'bullet'),
  start: fc.integer({ min: 0, max: 365 * 80 }),
  dueDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
});

function toLoan(l: { principal: number; basisPoints: number; termMonths: number; method: RepaymentMethod; start: number; dueDay: number | undefined }): LoanInput {
  const start = new Date(Date.UTC(1990, 0, 1 + l.start)).toISOString().slice(0, 10);
  return { principal: l.principal, annualRate: l.basisPoints / 10_000, termMonths: l.termMonths, method: l.method, startDate: start, ...(l.dueDay ? { dueDay: l.dueDay } : {}) };
}

describe('amortize: properties', () => {
  it('principal parts sum to the principal, balances never go negative and end at zero, total paid = principal + interest', () => {
    fc.assert(
      fc.property(loanArbitrary, (l) => {
        const loan = toLoan(l);
        const schedule = amortize(loan);
        expectConsistent(schedule, l.principal, l.basisPoints, l.method);
        // Due dates: one a month, on the due day clamped to the month's end.
        const dueDay = l.dueDay ?? Number(loan.startDate.slice(8, 10));
        let previous = loan.startDate;
        const misplaced = schedule.rows.filter((row) => {
          const [y, m, d] = row.dueDate.split('-').map(Number) as [number, number, number];
          const wrong = row.dueDate <= previous || d !== Math.min(dueDay, daysInMonth(y, m));
          previous = row.dueDate;
          return wrong;
        });
        expect(misplaced).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prepay', () => {
  it('keep-payment: the same 2,992.60 a month ends the loan sooner; fee 1 % of the prepaid amount', () => {
    const result = prepay(loan100k, { afterPeriod: 12, amount: 3_000_000, mode: 'keep-payment', feeRate: 0.01 });
    const before = amortize(loan100k).rows[11]?.balance ?? 0;
    expect(result.balanceBefore).toBe(before);
    expect(result.balanceAfter).toBe(before - 3_000_000);
    expect(result.fee).toBe(30_000);
    expect(result.regularPayment).toBe(299_260);
    // Independent check of the new term: n = ceil(-ln(1 - B r / M) / ln(1 + r)).
    const r = 0.049 / 12;
    const expectedPeriods = Math.ceil(-Math.log(1 - (result.balanceAfter * r) / 299_260) / Math.log(1 + r));
    expect(result.rows).toHaveLength(expectedPeriods);
    expect(result.rows[0]?.period).toBe(13);
    expect(result.rows[0]?.dueDate).toBe('2026-02-15');
    expect(result.periodsSaved).toBe(24 - expectedPeriods);
    expect(result.interestSaved).toBe(result.withoutPrepayment.totalInterest - result.totalInterest);
    expect(result.interestSaved).toBeGreaterThan(0);
    expect(result.netSaving).toBe(result.interestSaved - 30_000);
    expectConsistent(result, result.balanceAfter, 490, 'annuity');
  });

  it('keep-term: the same end date with a lower payment', () => {
    const result = prepay(loan100k, { afterPeriod: 12, amount: 3_000_000, mode: 'keep-term' });
    expect(result.rows).toHaveLength(24);
    expect(result.rows[23]?.dueDate).toBe('2028-01-15');
    expect(result.regularPayment).toBe(annuityPayment(result.balanceAfter, 0.049, 24));
    expect(result.fee).toBe(0);
    expect(result.periodsSaved).toBe(0);
    expectConsistent(result, result.balanceAfter, 490, 'annuity');
  });

  it('settling in full leaves no rows and saves all remaining interest', () => {
    const full = amortize(loan100k);
    const balance = full.rows[23]?.balance ?? 0;
    const result = prepay(loan100k, { afterPeriod: 24, amount: balance, mode: 'keep-term', feeRate: 0.02 });
    expect(result.rows).toEqual([]);
    expect(result.interestSaved).toBe(sum(full.rows.slice(24).map((r) => r.interest)));
    expect(result.fee).toBe(refRound(BigInt(balance) * 2n, 100n));
  });

  it('equal principal keep-payment keeps the monthly principal and shortens the term', () => {
    const loan = { ...loan100k, method: 'equal-principal' as const };
    const result = prepay(loan, { afterPeriod: 6, amount: 1_000_000, mode: 'keep-payment' });
    expect(result.rows[0]?.principal).toBe(277_778);
    expect(result.rows.length).toBeLessThan(30);
    expectConsistent(result, result.balanceAfter, 490, 'equal-principal');
  });

  it('bullet loans: the prepaid part pays its interest so far and stops accruing', () => {
    const loan = { ...loan100k, termMonths: 12, method: 'bullet' as const };
    const result = prepay(loan, { afterPeriod: 6, amount: 4_000_000, mode: 'keep-term' });
    // 2025-01-15 -> 2025-07-15 is 181 days: 40,000 x 4.9 % x 181 / 360 = 985.44.
    expect(result.interestPaidNow).toBe(98_544);
    // The rest runs to maturity: 60,000 x 4.9 % x 365 / 360 = 2,980.83.
    expect(result.rows).toEqual([{ period: 1, dueDate: '2026-01-15', payment: 6_298_083, interest: 298_083, principal: 6_000_000, balance: 0 }]);
    expect(result.interestSaved).toBe(496_806 - 298_083 - 98_544);
  });

  it('rejects a prepayment that does not fit the loan', () => {
    expect(financeError(() => prepay(loan100k, { afterPeriod: 36, amount: 1, mode: 'keep-term' })).field).toBe('prepayment.afterPeriod');
    expect(financeError(() => prepay(loan100k, { afterPeriod: 0, amount: 10_000_001, mode: 'keep-term' })).code).toBe('out-of-range');
    expect(financeError(() => prepay(loan100k, { afterPeriod: 0, amount: -5, mode: 'keep-term' })).code).toBe('negative');
    expect(financeError(() => prepay({ ...loan100k, method: 'interest-only' }, { afterPeriod: 0, amount: 5, mode: 'keep-payment' })).code).toBe('not-applicable');
    expect(financeError(() => prepay(loan100k, { afterPeriod: 0, amount: 5, mode: 'keep-payment', feeRate: Number.NaN })).field).toBe('prepayment.feeRate');
  });

  it('properties: remaining principal sums to the balance after prepaying; prepaying never costs interest', () => {
    fc.assert(
      fc.property(
        // At least 1.00 a period: below that, rounding each payment to the fen is a large share of
        // the payment itself (fast-check found 10.80 over 172 months).
        loanArbitrary.filter((l) => l.method !== 'bullet' && l.termMonths > 1 && l.principal >= l.termMonths * 100),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('keep-term' as const, 'keep-payment' as const),
        (l, periodShare, amountShare, mode) => {
          const loan = toLoan(l);
          const afterPeriod = Math.min(l.termMonths - 1, Math.floor(periodShare * l.termMonths));
          const schedule = amortize(loan);
          const before = afterPeriod === 0 ? l.principal : (schedule.rows[afterPeriod - 1]?.balance ?? 0);
          const amount = Math.floor(before * amountShare);
          const actualMode = l.method === 'interest-only' ? 'keep-term' : mode;
          const result = prepay(loan, { afterPeriod, amount, mode: actualMode });
          expectConsistent(result, before - amount, l.basisPoints, l.method);
          expect(result.rows.length).toBeLessThanOrEqual(l.termMonths - afterPeriod);
          // Re-rounding the new level payment shifts the remaining interest by a few fen per
          // period, compounding, so a prepayment of a few fen may "save" less than zero (fast-check
          // found 1 fen on 495 million costing 4.89). One of at least 1 % of the balance saves.
          if (amount > 0 && amount * 100 >= before) expect(result.interestSaved).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
