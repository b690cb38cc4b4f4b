import { describe, expect, it } from 'vitest';
import type { Debt, Payment } from '../../../shared/domain';
import { amortize, overdueCost } from '../../../shared/finance';
import { summarizeDebt } from '../../../shared/debts';
import { CARD_TERMS, LOAN_TERMS, STAMPS } from '../fixtures';

const stamps = STAMPS;
const loan: Debt = { id: 'loan', name: 'Loan', institutionId: 'bank', currency: 'CNY', archived: false, terms: LOAN_TERMS, ...stamps };
const pay = (dueDate: string, amount: number, kind: Payment['kind'] = 'full', extra: Partial<Payment> = {}): Payment => ({
  id: `${dueDate}-${kind}`,
  source: 'debt',
  sourceId: 'loan',
  ...(kind === 'extra' ? {} : { dueDate }),
  paidOn: dueDate,
  amount,
  currency: 'CNY',
  kind,
  ...stamps,
  ...extra,
});

describe('summarizeDebt', () => {
  const rows = amortize({ principal: 10_000_000, annualRate: 0.049, termMonths: 36, method: 'annuity', startDate: '2026-01-15', dueDay: 15 }).rows;

  it('gives the true APR, total cost, what is still owed and the next due of a loan', () => {
    const payments = [pay(rows[0]!.dueDate, 299_260), pay(rows[1]!.dueDate, 299_260)];
    const summary = summarizeDebt({ debt: loan, statements: [], payments }, '2026-03-20');
    expect(summary.apr).toBeCloseTo(0.049, 4);
    expect(summary.quoted).toEqual({ rate: 0.049, basis: 'annual' });
    expect(summary.totalCost).toBe(rows.reduce((s, r) => s + r.interest, 0));
    expect(summary.remaining).toBe(rows[1]!.balance);
    expect(summary.nextDue).toMatchObject({ dueDate: rows[2]!.dueDate, amount: 299_260, status: 'due' });
    expect(summary.paymentsCount).toBe(2);
    expect(summary.paymentsTotal).toBe(598_520);
    expect(summary.schedule.slice(0, 3).map((l) => l.status)).toEqual(['paid', 'paid', 'due']);
    expect(summary.overdue).toBeNull();
  });

  it('counts an extra payment in what is still owed, and its fee in the total cost', () => {
    const debt = { ...loan, terms: { ...loan.terms, prepaymentFeeRate: 0.01 } } as Debt;
    const payments = [pay(rows[0]!.dueDate, 299_260), pay('2026-02-20', 1_000_000, 'extra', { prepaymentMode: 'keep-term' })];
    const summary = summarizeDebt({ debt, statements: [], payments }, '2026-02-21');
    expect(summary.remaining).toBe(rows[0]!.balance - 1_000_000);
    const interest = summary.schedule.reduce((s, l) => s + l.charge, 0);
    expect(summary.totalCost).toBe(interest + 10_000);
    expect(summary.schedule[1]!.payment).toBeLessThan(299_260);
  });

  it('prices a late loan instalment by its penalty terms: so far and per extra day', () => {
    const summary = summarizeDebt({ debt: loan, statements: [], payments: [] }, '2026-02-25');
    const late = { overduePrincipal: rows[0]!.principal, overdueInterest: rows[0]!.interest, annualRate: 0.049, penaltyMultiplier: 1.5, dayBasis: 360 as const };
    expect(summary.overdue).toEqual({
      amount: 299_260,
      days: 10,
      costSoFar: overdueCost({ kind: 'loan', ...late, days: 10 }).total,
      costPerDay: overdueCost({ kind: 'loan', ...late, days: 11 }).total - overdueCost({ kind: 'loan', ...late, days: 10 }).total,
    });
    expect(summary.nextDue?.status).toBe('overdue');
  });

  it('shows the installment plan APR from the engine and the fee as the quoted rate', () => {
    const plan: Debt = { ...loan, id: 'plan', terms: { kind: 'installment', principal: 1_200_000, periods: 12, feeRate: 0.006, feeMode: 'per-period-on-principal', firstDueDate: '2026-02-10' } };
    const summary = summarizeDebt({ debt: plan, statements: [], payments: [] }, '2026-01-01');
    expect(summary.apr).toBeCloseTo(0.1303, 3);
    expect(summary.totalCost).toBe(86_400);
    expect(summary.quoted).toEqual({ rate: 0.006, basis: 'per-period' });
    expect(summary.remaining).toBe(1_200_000);
  });

  it('annualizes a card revolving rate at 365 days', () => {
    const card: Debt = { ...loan, id: 'card', terms: CARD_TERMS };
    const statement = { id: 's', debtId: 'card', month: '2026-03', statementDate: '2026-03-05', dueDate: '2026-03-23', balance: 500_000, minimumDue: 50_000, ...stamps };
    const summary = summarizeDebt({ debt: card, statements: [statement], payments: [] }, '2026-03-30');
    expect(summary.apr).toBeCloseTo(0.1825, 10);
    expect(summary.remaining).toBe(500_000);
    // 7 days late: late charge 5 % of the unpaid minimum (2,500 fen) plus 0.05 %/day on 5,000 yuan for 7 days (1,750 fen).
    expect(summary.overdue).toMatchObject({ amount: 500_000, days: 7, costSoFar: 2_500 + 1_750, costPerDay: 250 });
  });
});
