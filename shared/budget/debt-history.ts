/**
 * What was owed on every debt at a past date, from the same engine as the debt page: only the
 * statements and payments known by that date count, and a loan not yet started owed nothing.
 */
import { addDays } from '../finance/dates';
import type { Debt, Payment, Statement } from '../domain/entities';
import { summarizeDebt } from '../debts';

export function owedOn(debts: readonly Debt[], statements: readonly Statement[], payments: readonly Payment[], date: string): { amount: number; currency: string }[] {
  const byId = new Map(debts.map((debt) => [debt.id, debt]));
  const result: { amount: number; currency: string }[] = [];
  for (const debt of debts) {
    const terms = debt.terms;
    if (terms.kind === 'loan' && terms.startDate > date) continue;
    // An installment plan starts about one period before its first due.
    if (terms.kind === 'installment' && addDays(terms.firstDueDate, -31) > date) continue;
    const parent = debt.parentDebtId ? byId.get(debt.parentDebtId) : undefined;
    const summary = summarizeDebt(
      {
        debt,
        statements: statements.filter((s) => s.debtId === debt.id && s.statementDate <= date),
        payments: payments.filter((p) => p.sourceId === debt.id && p.paidOn <= date),
        ...(parent ? { parent } : {}),
      },
      date,
    );
    if (summary.remaining > 0) result.push({ amount: summary.remaining, currency: debt.currency });
  }
  return result;
}
