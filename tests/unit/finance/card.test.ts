import { describe, expect, it } from 'vitest';
import type { CardInterestInput, CardTerms } from '../../../shared/finance';
import { bestCardFor, cardCycle, cardInterest, lateCharge, minimumPayment } from '../../../shared/finance';
import { financeError, refRound } from './helpers';

// China Merchants Bank's published revolving-interest example: statement day 5, due day 23.
const cmb: CardTerms = { statementDay: 5, due: { kind: 'day-of-month', day: 23 } };

describe('cardCycle', () => {
  it('puts a purchase on this month’s statement up to the statement day, on the next one after it', () => {
    expect(cardCycle(cmb, '2025-03-30')).toEqual({ statementDate: '2025-04-05', dueDate: '2025-04-23', interestFreeDays: 24 });
    expect(cardCycle(cmb, '2025-04-05')).toEqual({ statementDate: '2025-04-05', dueDate: '2025-04-23', interestFreeDays: 18 });
    // The day after the statement day gives the longest period: Apr 6 -> May 23.
    expect(cardCycle(cmb, '2025-04-06')).toEqual({ statementDate: '2025-05-05', dueDate: '2025-05-23', interestFreeDays: 47 });
  });

  it('counts both ends when the card does', () => {
    expect(cardCycle({ ...cmb, countBothEnds: true }, '2025-03-30').interestFreeDays).toBe(25);
  });

  it('puts a due day before the statement day in the following month', () => {
    const card: CardTerms = { statementDay: 20, due: { kind: 'day-of-month', day: 8 } };
    expect(cardCycle(card, '2025-12-21')).toEqual({ statementDate: '2026-01-20', dueDate: '2026-02-08', interestFreeDays: 49 });
  });

  it('supports a due date a number of days after the statement (here across February)', () => {
    const card: CardTerms = { statementDay: 10, due: { kind: 'days-after-statement', days: 20 } };
    expect(cardCycle(card, '2025-01-11')).toEqual({ statementDate: '2025-02-10', dueDate: '2025-03-02', interestFreeDays: 50 });
    expect(cardCycle(card, '2024-01-11')).toEqual({ statementDate: '2024-02-10', dueDate: '2024-03-01', interestFreeDays: 50 });
  });

  it('puts statement day 31 on the last day of February, leap years included', () => {
    const card: CardTerms = { statementDay: 31, due: { kind: 'day-of-month', day: 20 } };
    expect(cardCycle(card, '2025-02-15').statementDate).toBe('2025-02-28');
    expect(cardCycle(card, '2024-02-15').statementDate).toBe('2024-02-29');
    expect(cardCycle(card, '2025-02-28')).toEqual({ statementDate: '2025-02-28', dueDate: '2025-03-20', interestFreeDays: 20 });
    expect(cardCycle(card, '2025-03-01').statementDate).toBe('2025-03-31');
    const dueOn31: CardTerms = { statementDay: 10, due: { kind: 'day-of-month', day: 31 } };
    expect(cardCycle(dueOn31, '2025-02-01').dueDate).toBe('2025-02-28');
  });

  it('rejects days outside 1-31 and bad dates, naming the field', () => {
    expect(financeError(() => cardCycle({ ...cmb, statementDay: 0 }, '2025-01-01')).field).toBe('card.statementDay');
    expect(financeError(() => cardCycle({ statementDay: 5, due: { kind: 'day-of-month', day: 32 } }, '2025-01-01')).field).toBe('card.due.day');
    expect(financeError(() => cardCycle(cmb, '2025-02-29')).code).toBe('bad-date');
  });
});

describe('bestCardFor', () => {
  it('ranks the card whose statement day was yesterday first', () => {
    const ranked = bestCardFor('2025-04-06', [
      { id: 'today', card: { statementDay: 6, due: { kind: 'day-of-month', day: 24 } } },
      { id: 'yesterday', card: cmb },
      { id: 'mid-month', card: { statementDay: 20, due: { kind: 'days-after-statement', days: 20 } } },
    ]);
    expect(ranked.map((c) => [c.id, c.interestFreeDays])).toEqual([
      ['yesterday', 47],
      ['mid-month', 34],
      ['today', 18],
    ]);
  });

  it('keeps the given order on ties and accepts an empty list', () => {
    expect(bestCardFor('2025-04-06', [{ id: 'a', card: cmb }, { id: 'b', card: cmb }]).map((c) => c.id)).toEqual(['a', 'b']);
    expect(bestCardFor('2025-04-06', [])).toEqual([]);
  });
});

describe('cardInterest', () => {
  // CMB example: 1,000 spent on 3/30, statement 4/5, 100 (the minimum) repaid on 4/23 (the due
  // date). Interest on the 5/5 statement = 1,000 x 0.05 % x 24 days + 900 x 0.05 % x 12 days = 17.40.
  const example: CardInterestInput = {
    transactions: [{ postingDate: '2025-03-30', amount: 100_000 }],
    payments: [{ date: '2025-04-23', amount: 10_000 }],
    dueDate: '2025-04-23',
    until: '2025-05-05',
    dailyRate: 0.0005,
    method: 'whole-statement',
  };

  it('whole statement from each posting date: 17.40 (CMB published example)', () => {
    const result = cardInterest(example);
    expect(result.interest).toBe(1_740);
    expect(result.segments).toEqual([
      { from: '2025-03-30', to: '2025-04-23', balance: 100_000, days: 24 },
      { from: '2025-04-23', to: '2025-05-05', balance: 90_000, days: 12 },
    ]);
    expect(result.unpaidAtDue).toBe(90_000);
    expect(result.paidInFull).toBe(false);
  });

  it('unpaid part only: 900 x 0.05 % x 36 days = 16.20', () => {
    expect(cardInterest({ ...example, method: 'unpaid-part' }).interest).toBe(1_620);
  });

  it('settles the oldest charges first under unpaid-part', () => {
    // 300 on 3/10 and 700 on 3/30; 500 paid by the due date settles 3/10 fully and 200 of 3/30.
    // Unpaid 500 from 3/30 to 5/5 = 36 days: 500 x 0.05 % x 36 = 9.00.
    const result = cardInterest({
      ...example,
      method: 'unpaid-part',
      transactions: [
        { postingDate: '2025-03-30', amount: 70_000 },
        { postingDate: '2025-03-10', amount: 30_000 },
      ],
      payments: [{ date: '2025-04-20', amount: 50_000 }],
    });
    expect(result.interest).toBe(900);
  });

  it('counts later payments from their own date', () => {
    // Whole statement, 100 on 4/23 and 900 on 4/30: 1,000 x 24 + 900 x 7 days = 30,300 yuan-days x 0.05 % = 15.15.
    const result = cardInterest({ ...example, payments: [...example.payments, { date: '2025-04-30', amount: 90_000 }] });
    expect(result.interest).toBe(refRound(BigInt(100_000 * 24 + 90_000 * 7) * 5n, 10_000n));
    expect(result.interest).toBe(1_515);
  });

  it('charges nothing when paid in full, within the grace days, or within the tolerance', () => {
    expect(cardInterest({ ...example, payments: [{ date: '2025-04-23', amount: 100_000 }] }).interest).toBe(0);
    expect(cardInterest({ ...example, payments: [{ date: '2025-04-26', amount: 100_000 }], graceDays: 3 }).paidInFull).toBe(true);
    expect(cardInterest({ ...example, payments: [{ date: '2025-04-27', amount: 100_000 }], graceDays: 3 }).paidInFull).toBe(false);
    expect(cardInterest({ ...example, payments: [{ date: '2025-04-23', amount: 99_000 }], tolerance: 1_000 }).interest).toBe(0);
    expect(cardInterest({ ...example, payments: [{ date: '2025-04-23', amount: 98_999 }], tolerance: 1_000 }).interest).toBeGreaterThan(0);
  });

  it('rejects inconsistent input', () => {
    expect(financeError(() => cardInterest({ ...example, until: '2025-04-01' })).field).toBe('until');
    expect(financeError(() => cardInterest({ ...example, transactions: [{ postingDate: '2025-04-24', amount: 1 }] })).field).toBe('transactions[0].postingDate');
    expect(financeError(() => cardInterest({ ...example, dailyRate: Number.NaN })).code).toBe('not-finite');
  });
});

describe('minimumPayment', () => {
  const rule = { percentOfPurchases: 0.1, floor: 1_000 };

  it('10 % of purchases plus 100 % of cash advances, fees, interest, installments, over-limit and the unpaid earlier minimum', () => {
    // 10 % x 10,000 + 2,000 + 30 + 50 + 500 + 300 + 100 = 3,980.
    const result = minimumPayment({ purchases: 1_000_000, cashAdvances: 200_000, fees: 3_000, interest: 5_000, installments: 50_000, overLimit: 30_000, unpaidPreviousMinimum: 10_000, rule });
    expect(result).toEqual({ minimum: 398_000, percentPart: 100_000, fullParts: 298_000, floorApplied: false });
  });

  it('rounds the percentage half up and applies the floor, never above the statement balance', () => {
    expect(minimumPayment({ purchases: 12_345, rule: { percentOfPurchases: 0.05, floor: 0 } }).minimum).toBe(617);
    expect(minimumPayment({ purchases: 5_000, rule }).minimum).toBe(1_000);
    expect(minimumPayment({ purchases: 500, rule }).minimum).toBe(500);
    expect(minimumPayment({ purchases: 5_000, rule, statementBalance: 800 }).minimum).toBe(800);
    expect(minimumPayment({ purchases: 0, rule }).minimum).toBe(0);
  });

  it('names a bad field', () => {
    expect(financeError(() => minimumPayment({ purchases: 1, fees: -1, rule })).field).toBe('fees');
  });
});

describe('lateCharge', () => {
  const rule = { percentOfUnpaidMinimum: 0.05, floor: 1_000 };

  it('is 5 % of the unpaid minimum with a floor of 10 CNY (DOMAIN.md), and nothing when the minimum was paid', () => {
    expect(lateCharge({ unpaidMinimum: 100_000, rule })).toBe(5_000);
    expect(lateCharge({ unpaidMinimum: 10_000, rule })).toBe(1_000);
    expect(lateCharge({ unpaidMinimum: 0, rule })).toBe(0);
    expect(lateCharge({ unpaidMinimum: 100_010, rule })).toBe(5_001);
    expect(lateCharge({ unpaidMinimum: 100_000, rule: { ...rule, cap: 3_000 } })).toBe(3_000);
  });
});
