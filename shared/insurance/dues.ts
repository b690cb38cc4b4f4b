/**
 * A policy's entries for the one dues list: each premium, the last day of grace of an
 * unpaid premium, the renewal of a one-year product and the end of the cooling-off period.
 */
import type { Payment, Policy } from '../domain/entities';
import { dueStatus, type Due, type DueKind } from '../dues';
import { policyStatus, premiumPayments, suspendedOn, trackedFrom } from './status';
import { coolingOffEnd, premiumSchedule, renewalDateOf } from './terms';

/**
 * Everything a policy puts in [from, to] as seen on `today`. Nothing dated before the policy
 * was recorded is listed (its history is not tracked, see trackedFrom), and nothing owed after
 * a lapse: the contract is suspended, so its later premiums and renewal are not due.
 */
export function premiumDues(policy: Policy, birthDate: string | undefined, payments: readonly Payment[], from: string, to: string, today: string): Due[] {
  if (policy.archived) return [];
  const out: Due[] = [];
  const tracked = trackedFrom(policy);
  const details = policyStatus(policy, payments, today, birthDate);
  const paid = premiumPayments(payments, policy.id);
  const listed = (date: string) => date >= from && date <= to && date >= tracked && !suspendedOn(details.lapsedOn, date);

  const entry = (kind: DueKind, dueDate: string, amount: number, paidAmount: number, status: Due['status']): Due => ({
    key: `policy:${policy.id}:${kind}:${dueDate}`,
    source: 'policy',
    sourceId: policy.id,
    kind,
    institutionId: policy.insurerId,
    title: policy.productName,
    dueDate,
    amount,
    minimum: amount,
    paid: paidAmount,
    currency: policy.currency,
    status,
    route: `/insurance/${policy.id}`,
  });
  const owed = (dueDate: string, paidAmount: number, lateAfter: string) =>
    dueStatus({ amount: policy.premium, minimum: policy.premium, paid: paidAmount, dueDate, lateAfter, today });

  const schedule = premiumSchedule(policy, birthDate, to);
  for (const dueDate of schedule) {
    if (!listed(dueDate)) continue;
    const paidAmount = paid.get(dueDate) ?? 0;
    // Late from the day after the due date: grace keeps the cover, not the premium on time.
    out.push(entry('premium', dueDate, policy.premium, paidAmount, owed(dueDate, paidAmount, dueDate)));
  }

  for (const premium of details.unpaid) {
    // Without grace the premium's own due date is the last day: nothing more to list.
    // The grace that ran out ends the day before the lapse, so it stays; later ones never end.
    if (policy.gracePeriodDays === 0 || !listed(premium.graceEnd)) continue;
    out.push({
      ...entry('grace-end', premium.graceEnd, premium.amount, premium.paid, owed(premium.graceEnd, premium.paid, premium.graceEnd)),
      // The key names the premium: one last day of grace per premium, whatever the grace length.
      key: `policy:${policy.id}:grace-end:${premium.dueDate}`,
      paymentDueDate: premium.dueDate,
    });
  }

  const renewal = renewalDateOf(policy);
  if (renewal !== undefined && listed(renewal)) {
    if (schedule.includes(renewal)) {
      // A premium already falls due that day and carries the money; the renewal is a note.
      out.push(entry('renewal', renewal, 0, 0, 'info'));
    } else {
      const paidAmount = paid.get(renewal) ?? 0;
      out.push(entry('renewal', renewal, policy.premium, paidAmount, owed(renewal, paidAmount, renewal)));
    }
  }

  const coolingOff = coolingOffEnd(policy);
  if (coolingOff !== undefined && listed(coolingOff)) out.push(entry('cooling-off-end', coolingOff, 0, 0, 'info'));
  return out;
}
