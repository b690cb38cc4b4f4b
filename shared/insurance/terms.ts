/**
 * A policy's dates from its stored terms: the premium schedule, when paying stops, when cover
 * ends, the cooling-off, waiting and renewal dates, and the defaults the policy form offers.
 * Dates are YYYY-MM-DD strings, compared as strings; nothing here reads a clock.
 */
import { addDays, addMonths } from '../domain/calendar';
import type { Policy } from '../domain/entities';

type PolicyType = Policy['type'];
type Term = Policy['paymentTerm'];
type Frequency = Policy['frequency'];

/** 犹豫期: 15 days is the common minimum for long-term life and health policies. */
export const defaultCoolingOffDays = 15;

/** 宽限期: 60 days after a premium's due date for long-term life policies. */
export const defaultGraceDays = 60;

/**
 * 等待期 the policy form suggests. Contracts differ (critical illness 90 or 180 days, medical 30
 * to 90): the lower common value is offered and the user types the contract's own. Accident
 * cover has none, and property, auto and savings products have no illness waiting period.
 */
export function defaultWaitingDays(type: PolicyType): number {
  if (type === 'critical-illness') return 90;
  if (type === 'medical') return 30;
  return 0;
}

/**
 * A lifetime term (or one that cannot be placed) still needs an end for a finite schedule: no
 * contract runs premiums for longer than this after it takes effect.
 */
export const LIFETIME_CAP_YEARS = 100;

export const PREMIUMS_PER_YEAR: Readonly<Record<Frequency, number>> = { single: 0, monthly: 12, quarterly: 4, 'semi-annual': 2, annual: 1 };

const MONTHS_BETWEEN_PREMIUMS: Readonly<Record<Exclude<Frequency, 'single'>, number>> = { monthly: 1, quarterly: 3, 'semi-annual': 6, annual: 12 };

/**
 * The first day after a term, or undefined when it cannot be placed: a lifetime term, or a
 * to-age term without the insured's birth date. "To age N" runs to the day before the Nth
 * birthday (a 29 February birthday falls on 28 February in common years).
 */
function termEndExclusive(term: Term, effectiveDate: string, birthDate: string | undefined): string | undefined {
  if (term.kind === 'years') return addMonths(effectiveDate, 12 * term.years);
  if (term.kind === 'to-age') return birthDate ? addMonths(birthDate, 12 * term.age) : undefined;
  return undefined;
}

function earliest(dates: readonly (string | undefined)[]): string | undefined {
  let min: string | undefined;
  for (const date of dates) if (date !== undefined && (min === undefined || date < min)) min = date;
  return min;
}

/**
 * The last covered day, or undefined when cover has no known end (lifetime, or to-age without
 * a birth date: the UI should ask for it rather than guess an age).
 */
export function coverageEnd(policy: Pick<Policy, 'coverageTerm' | 'effectiveDate'>, birthDate?: string): string | undefined {
  const end = termEndExclusive(policy.coverageTerm, policy.effectiveDate, birthDate);
  return end === undefined ? undefined : addDays(end, -1);
}

/**
 * The first day on which no further premium can fall due: the end of the payment term, cut
 * short by the end of cover (no premium is owed for cover that has ended) and by the lifetime
 * cap. A to-age payment term without a birth date is treated like a lifetime one, so premiums
 * keep coming until cover ends (or the cap) and none is ever missed. A single premium is over
 * the day after it is due.
 */
export function paymentTermEnd(policy: Pick<Policy, 'frequency' | 'paymentTerm' | 'coverageTerm' | 'effectiveDate'>, birthDate?: string): string {
  if (policy.frequency === 'single') return addDays(policy.effectiveDate, 1);
  const cover = termEndExclusive(policy.coverageTerm, policy.effectiveDate, birthDate);
  const paying = termEndExclusive(policy.paymentTerm, policy.effectiveDate, birthDate);
  const cap = addMonths(policy.effectiveDate, 12 * LIFETIME_CAP_YEARS);
  return earliest([paying, cover, cap]) ?? cap;
}

/**
 * Premium due dates from the effective date at the policy's frequency, before the payment term
 * ends (see paymentTermEnd), and up to `until` (inclusive) when given. Every date is computed
 * from the effective date itself, so the anchor day never drifts: from 31 January, monthly
 * premiums fall on 28/29 February, 31 March, 30 April; yearly from 29 February, on 28 February
 * in common years. A single premium is one date, the effective date.
 */
export function premiumSchedule(policy: Pick<Policy, 'frequency' | 'paymentTerm' | 'coverageTerm' | 'effectiveDate'>, insuredBirthDate: string | undefined, until?: string): string[] {
  const start = policy.effectiveDate;
  if (until !== undefined && until < start) return [];
  if (policy.frequency === 'single') return [start];
  const end = paymentTermEnd(policy, insuredBirthDate);
  const step = MONTHS_BETWEEN_PREMIUMS[policy.frequency];
  const dates: string[] = [];
  for (let k = 0; ; k += 1) {
    const date = addMonths(start, k * step);
    if (date >= end || (until !== undefined && date > until)) break;
    dates.push(date);
  }
  return dates;
}

/**
 * The last day of the cooling-off period. Periods "within N days" start counting the day after
 * the policy takes effect (民法典 art. 201), so the last day is effectiveDate + N. Undefined
 * when the policy has none.
 */
export function coolingOffEnd(policy: Pick<Policy, 'effectiveDate' | 'coolingOffDays'>): string | undefined {
  return policy.coolingOffDays > 0 ? addDays(policy.effectiveDate, policy.coolingOffDays) : undefined;
}

/** The last day of the waiting period (effectiveDate + N, counted as cooling-off is); undefined when there is none. */
export function waitingPeriodEnd(policy: Pick<Policy, 'effectiveDate' | 'waitingPeriodDays'>): string | undefined {
  return policy.waitingPeriodDays > 0 ? addDays(policy.effectiveDate, policy.waitingPeriodDays) : undefined;
}

/** The last day of grace for a premium due on `dueDate`: unpaid after it, the policy lapses. */
export function graceEnd(dueDate: string, gracePeriodDays: number): string {
  return addDays(dueDate, gracePeriodDays);
}

/**
 * When the policy must be renewed: the stored renewal date, or for a one-year product
 * (coverage of 1 year) the first anniversary of its effective date. Undefined otherwise.
 */
export function renewalDateOf(policy: Pick<Policy, 'renewalDate' | 'coverageTerm' | 'effectiveDate'>): string | undefined {
  if (policy.renewalDate) return policy.renewalDate;
  if (policy.coverageTerm.kind === 'years' && policy.coverageTerm.years === 1) return addMonths(policy.effectiveDate, 12);
  return undefined;
}

/**
 * The premium per year at the policy's frequency. A single premium counts 0: it is paid once,
 * not every year, and spreading it over the cover would make the yearly cost look like a
 * recurring bill the household does not have.
 */
export function annualizedPremium(policy: Pick<Policy, 'premium' | 'frequency'>): number {
  return policy.premium * PREMIUMS_PER_YEAR[policy.frequency];
}

/**
 * A policy renewed for another year (one-year medical, accident, home or auto cover): cover and
 * premiums run a year longer from the same effective date, so the waiting period is not restarted
 * and the renewal premium becomes an ordinary premium; the next renewal date is a year on.
 * Undefined when the cover is not counted in years.
 */
export function renewedTerms(policy: Pick<Policy, 'coverageTerm' | 'paymentTerm' | 'frequency' | 'effectiveDate' | 'renewalDate'>): Pick<Policy, 'coverageTerm' | 'paymentTerm' | 'renewalDate'> | undefined {
  if (policy.coverageTerm.kind !== 'years') return undefined;
  const years = policy.coverageTerm.years + 1;
  const paymentTerm = policy.frequency !== 'single' && policy.paymentTerm.kind === 'years' ? { kind: 'years' as const, years: policy.paymentTerm.years + 1 } : policy.paymentTerm;
  const renewalDate = policy.renewalDate ? addMonths(policy.renewalDate, 12) : addMonths(policy.effectiveDate, 12 * years);
  return { coverageTerm: { kind: 'years', years }, paymentTerm, renewalDate };
}
