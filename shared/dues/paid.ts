import type { Payment } from '../domain/entities';

/** Amount paid towards each due of one source (a debt, a bill, a policy), by the due's date. */
export function paidTowards(payments: readonly Payment[], source: Payment['source'], sourceId: string): Map<string, number> {
  const byDue = new Map<string, number>();
  for (const payment of payments) {
    if (payment.source !== source || payment.sourceId !== sourceId || !payment.dueDate) continue;
    byDue.set(payment.dueDate, (byDue.get(payment.dueDate) ?? 0) + payment.amount);
  }
  return byDue;
}
