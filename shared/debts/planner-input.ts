/**
 * The planner's view of the user's debts: what each owes now, at what yearly rate, and the
 * least it must be paid each month, all taken from the stored terms through the engine.
 */
import type { Debt, Payment, Statement } from '../domain/entities';
import type { PayoffDebt } from '../finance';
import { summarizeDebt } from './debt-summary';
import { annualRateOf } from './rates';

export interface PlannedDebt extends PayoffDebt {
  name: string;
  institutionId: string;
  currency: string;
}

export function payoffDebtsFrom(
  input: { debts: readonly Debt[]; statements: readonly Statement[]; payments: readonly Payment[] },
  currency: string,
  today: string,
): PlannedDebt[] {
  const byId = new Map(input.debts.map((debt) => [debt.id, debt]));
  const planned: PlannedDebt[] = [];
  for (const debt of input.debts) {
    // Only one currency can share a budget; other currencies are planned on their own.
    if (debt.archived || debt.currency !== currency) continue;
    const parent = debt.parentDebtId ? byId.get(debt.parentDebtId) : undefined;
    const summary = summarizeDebt({ debt, statements: input.statements, payments: input.payments, ...(parent ? { parent } : {}) }, today);
    if (summary.remaining <= 0) continue;
    const terms = debt.terms;
    const base = { id: debt.id, name: debt.name, institutionId: debt.institutionId, currency: debt.currency, balance: summary.remaining };
    const nextPayment = summary.schedule.find((line) => line.status !== 'paid')?.payment ?? summary.remaining;
    switch (terms.kind) {
      case 'loan':
        planned.push({ ...base, annualRate: annualRateOf(terms.rate, terms.rateBasis), minPayment: nextPayment });
        break;
      case 'installment':
        // The fee is charged on the original principal, so its true cost is the plan's APR.
        planned.push({ ...base, annualRate: summary.apr ?? 0, minPayment: nextPayment });
        break;
      case 'credit-card':
        planned.push({
          ...base,
          annualRate: terms.revolvingDailyRate * 365,
          minPayment: { greaterOf: { amount: terms.minimumPayment.floor, percentOfBalance: terms.minimumPayment.percentOfPurchases } },
        });
        break;
      case 'credit-line':
        // A credit-line bill is due in full each month and bears no interest when paid.
        planned.push({ ...base, annualRate: 0, minPayment: summary.remaining });
        break;
    }
  }
  return planned;
}
