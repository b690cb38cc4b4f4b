import type { DueSources } from '../../shared/due-window';
/** Terms shared by the unit tests: DOMAIN.md's public loan example and a typical CMB card. */
import type { DebtTerms } from '../../shared/domain';

export const STAMPS = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

/** 100,000 CNY at 4.9 % over 36 months, equal payments of 2,992.60 (DOMAIN.md). */
export const LOAN_TERMS: Extract<DebtTerms, { kind: 'loan' }> = {
  kind: 'loan',
  principal: 10_000_000,
  rate: 0.049,
  rateBasis: 'annual',
  termMonths: 36,
  method: 'annuity',
  startDate: '2026-01-15',
  dueDay: 15,
  prepaymentFeeRate: 0,
  penaltyMultiplier: 1.5,
  dayBasis: 360,
};

/** Statement on the 5th, due 18 days later, 10 % minimum, 0.05 % a day, 3 grace days, 10 CNY tolerance. */
export const CARD_TERMS: Extract<DebtTerms, { kind: 'credit-card' }> = {
  kind: 'credit-card',
  creditLimit: 5_000_000,
  statementDay: 5,
  due: { kind: 'days-after-statement', days: 18 },
  minimumPayment: { percentOfPurchases: 0.1, floor: 1_000 },
  revolvingDailyRate: 0.0005,
  interestMethod: 'whole-statement',
  lateCharge: { percentOfUnpaidMinimum: 0.05, floor: 1_000 },
  graceDays: 3,
  tolerance: 1_000,
  countBothEnds: false,
};

/** Every due source, empty where the test gives none (duesBetween requires them all). */
export function allSources(partial: Partial<DueSources>): DueSources {
  return { debts: [], statements: [], payments: [], recurringBills: [], accounts: [], policies: [], familyMembers: [], ...partial };
}
