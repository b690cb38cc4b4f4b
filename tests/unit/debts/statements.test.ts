import { describe, expect, it } from 'vitest';
import { statementDates, suggestedMinimum } from '../../../shared/debts';
import { CARD_TERMS } from '../fixtures';

const card = CARD_TERMS;

describe('statementDates', () => {
  it('puts a card statement on its statement day and the due date by its rule', () => {
    expect(statementDates(card, '2026-03')).toEqual({ statementDate: '2026-03-05', dueDate: '2026-03-23' });
    expect(statementDates({ ...card, statementDay: 20, due: { kind: 'day-of-month', day: 15 } }, '2026-12')).toEqual({ statementDate: '2026-12-20', dueDate: '2027-01-15' });
    expect(statementDates({ ...card, statementDay: 31 }, '2026-02')).toEqual({ statementDate: '2026-02-28', dueDate: '2026-03-18' });
  });

  it('puts a credit-line bill due later the same month, or next month when the due day comes first', () => {
    const line = { kind: 'credit-line' as const, creditLimit: 1_500_000, billDay: 1, dueDay: 10, overdueDailyRate: 0.0005 };
    expect(statementDates(line, '2026-11')).toEqual({ statementDate: '2026-11-01', dueDate: '2026-11-10' });
    expect(statementDates({ ...line, billDay: 25, dueDay: 9 }, '2026-11')).toEqual({ statementDate: '2026-11-25', dueDate: '2026-12-09' });
  });
});

describe('suggestedMinimum', () => {
  it('applies the card rule with its floor, never above the balance; a credit-line bill is due in full', () => {
    expect(suggestedMinimum(card, 384_564)).toBe(38_456);
    expect(suggestedMinimum(card, 5_000)).toBe(1_000);
    expect(suggestedMinimum(card, 500)).toBe(500);
    expect(suggestedMinimum({ kind: 'credit-line', creditLimit: 1, billDay: 1, dueDay: 10, overdueDailyRate: 0 }, 800_084)).toBe(800_084);
  });
});
