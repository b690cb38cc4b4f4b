import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Debt, Payment } from '../../../shared/domain';
import { amortize, prepay } from '../../../shared/finance';
import { effectiveLoanSchedule, loanInputOf, periodsDueBy, prepaymentWhatIf } from '../../../shared/debts';
import { LOAN_TERMS } from '../fixtures';

type LoanTerms = Extract<Debt['terms'], { kind: 'loan' }>;
const terms: LoanTerms = { ...LOAN_TERMS, prepaymentFeeRate: 0.01 };

function extra(paidOn: string, amount: number, mode: 'keep-term' | 'keep-payment', id = paidOn): Payment {
  return { id, source: 'debt', sourceId: 'loan', paidOn, amount, currency: 'CNY', kind: 'extra', prepaymentMode: mode, createdAt: `${paidOn}T00:00:00.000Z`, updatedAt: `${paidOn}T00:00:00.000Z` };
}

describe('effectiveLoanSchedule', () => {
  it('is the contract schedule when nothing extra was paid', () => {
    expect(effectiveLoanSchedule(terms, []).rows).toEqual(amortize(loanInputOf(terms)).rows);
  });

  it('re-cuts the schedule after one extra payment exactly as the engine prepay does', () => {
    const contract = amortize(loanInputOf(terms)).rows;
    const k = periodsDueBy(contract, '2026-06-20');
    expect(k).toBe(5);
    for (const mode of ['keep-term', 'keep-payment'] as const) {
      const result = prepay(loanInputOf(terms), { afterPeriod: k, amount: 2_000_000, mode, feeRate: 0.01 });
      const effective = effectiveLoanSchedule(terms, [extra('2026-06-20', 2_000_000, mode)]);
      expect(effective.rows.slice(0, k)).toEqual(contract.slice(0, k));
      expect(effective.rows.slice(k).map((r) => ({ ...r, period: 0 }))).toEqual(result.rows.map((r) => ({ ...r, period: 0 })));
      expect(effective.rows.map((r) => r.period)).toEqual(effective.rows.map((_, i) => i + 1));
      expect(effective.prepayments).toEqual([{ paymentId: '2026-06-20', afterPeriod: 5, amount: 2_000_000, fee: 20_000, interestSaved: result.interestSaved }]);
    }
    // Keeping the payment shortens the loan; keeping the term lowers the payment.
    expect(effectiveLoanSchedule(terms, [extra('2026-06-20', 2_000_000, 'keep-payment')]).rows.length).toBeLessThan(36);
    expect(effectiveLoanSchedule(terms, [extra('2026-06-20', 2_000_000, 'keep-term')]).rows.length).toBe(36);
  });

  it('settles the loan when the extra payment covers the balance', () => {
    const effective = effectiveLoanSchedule(terms, [extra('2026-03-01', 99_999_999, 'keep-term')]);
    // One instalment fell due before the extra payment; the payment settles what was left after it.
    expect(effective.rows).toHaveLength(1);
    expect(effective.prepayments[0]?.amount).toBe(amortize(loanInputOf(terms)).rows[0]!.balance);
  });

  it('keeps every fen of principal accounted for across any number of extra payments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ month: fc.integer({ min: 0, max: 40 }), amount: fc.integer({ min: 1, max: 4_000_000 }), keepTerm: fc.boolean() }), { maxLength: 4 }),
        fc.constantFrom('annuity' as const, 'equal-principal' as const, 'interest-only' as const),
        (extras, method) => {
          const loan = { ...terms, method };
          const payments = extras.map((e, i) => extra(`2026-${String((e.month % 12) + 1).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`, e.amount, e.keepTerm ? 'keep-term' : 'keep-payment', `p${i}`));
          const effective = effectiveLoanSchedule(loan, payments);
          const principalPaid = effective.rows.reduce((s, r) => s + r.principal, 0) + effective.prepayments.reduce((s, p) => s + p.amount, 0);
          expect(principalPaid).toBe(loan.principal);
          expect(effective.rows.every((r) => r.balance >= 0 && r.principal >= 0)).toBe(true);
          // The loan ends at zero: by its last instalment, or by the extra payments made after it.
          const paidAfterLastRow = effective.prepayments.filter((p) => p.afterPeriod === effective.rows.length).reduce((s, p) => s + p.amount, 0);
          expect(effective.rows.at(-1)?.balance ?? loan.principal).toBe(paidAfterLastRow);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('prepaymentWhatIf', () => {
  it('shows the interest saved, the fee and the new end date before anything is saved', () => {
    const contract = amortize(loanInputOf(terms)).rows;
    const keepPayment = prepaymentWhatIf(terms, [], { paidOn: '2026-06-20', amount: 2_000_000, mode: 'keep-payment' });
    const engine = prepay(loanInputOf(terms), { afterPeriod: 5, amount: 2_000_000, mode: 'keep-payment', feeRate: 0.01 });
    expect(keepPayment.fee).toBe(20_000);
    expect(keepPayment.interestSaved).toBe(engine.interestSaved);
    expect(keepPayment.endDateBefore).toBe(contract.at(-1)!.dueDate);
    expect(keepPayment.periodsSaved).toBe(engine.periodsSaved);
    expect(keepPayment.endDateAfter! < keepPayment.endDateBefore!).toBe(true);
    expect(keepPayment.paymentAfter).toBe(keepPayment.paymentBefore);

    const keepTerm = prepaymentWhatIf(terms, [], { paidOn: '2026-06-20', amount: 2_000_000, mode: 'keep-term' });
    expect(keepTerm.endDateAfter).toBe(keepTerm.endDateBefore);
    expect(keepTerm.paymentAfter).toBeLessThan(keepTerm.paymentBefore);
    // Keeping the payment pays the loan off sooner and so saves more interest.
    expect(keepPayment.interestSaved).toBeGreaterThan(keepTerm.interestSaved);
  });
});
