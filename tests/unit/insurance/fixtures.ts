/** A policy and family members for the insurance tests; each test overrides what it is about. */
import type { FamilyMember, Payment, Policy } from '../../../shared/domain';

/** Recorded before every effective date used here, so no premium is taken as settled history. */
const stamps = { createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' };

export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    id: 'p1',
    insurerId: 'insurer',
    productName: 'Critical illness plan',
    policyNumber: 'P-1',
    type: 'critical-illness',
    insured: { kind: 'member', memberId: 'self' },
    beneficiaries: { kind: 'legal-heirs' },
    currency: 'CNY',
    sumAssured: 50_000_000,
    subLimits: [],
    premium: 860_000,
    frequency: 'annual',
    paymentTerm: { kind: 'years', years: 20 },
    coverageTerm: { kind: 'lifetime' },
    effectiveDate: '2026-03-18',
    coolingOffDays: 15,
    waitingPeriodDays: 90,
    gracePeriodDays: 60,
    guaranteedRenewal: false,
    premiumWaiver: false,
    archived: false,
    ...stamps,
    ...overrides,
  };
}

export function member(overrides: Partial<FamilyMember> = {}): FamilyMember {
  return { id: 'self', name: 'Me', relation: 'self', birthDate: '1988-04-12', ...stamps, ...overrides };
}

export function premiumPayment(policyId: string, dueDate: string, amount: number, paidOn = dueDate): Payment {
  return { id: `${policyId}-${dueDate}-${amount}`, source: 'policy', sourceId: policyId, dueDate, paidOn, amount, currency: 'CNY', kind: 'full', ...stamps };
}
