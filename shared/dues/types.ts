/** One amount that falls due on one date: the unit of the calendar, the dashboard and reminders. */
export type DueKind =
  | 'loan'
  | 'installment'
  | 'card-statement'
  | 'line-bill'
  | 'premium'
  | 'bill'
  | 'deposit-maturity'
  /** The last day of grace of an unpaid premium: unpaid after it, the policy lapses. */
  | 'grace-end'
  /** A one-year product comes up for renewal (amount: the current premium). */
  | 'renewal'
  /** The last day a new policy can be returned for a full refund (information, amount 0). */
  | 'cooling-off-end';
export type DueSource = 'debt' | 'policy' | 'bill' | 'account';

/**
 * paid: settled (within the card's tolerance); partly-paid: something paid, less than due,
 * not yet late; due: nothing paid, not yet late; overdue: past the due date (plus any grace
 * days) with less than the required amount paid; info: nothing to pay (a deposit maturing).
 */
export type DueStatus = 'paid' | 'partly-paid' | 'due' | 'overdue' | 'info';

export interface Due {
  /** Stable across recomputation: the same due always has the same key. */
  key: string;
  source: DueSource;
  sourceId: string;
  kind: DueKind;
  institutionId?: string;
  title: string;
  dueDate: string;
  /** The full amount due (statement balance for cards). */
  amount: number;
  /** The least that avoids being late (card and credit-line minimums); equals `amount` otherwise. */
  minimum: number;
  paid: number;
  currency: string;
  status: DueStatus;
  /** Instalment number for schedules. */
  period?: number;
  /**
   * The due date a payment for this item is recorded against, when it is not `dueDate`: a
   * grace-end item is settled by paying the premium due on this date.
   */
  paymentDueDate?: string;
  /** In-app route of the item. */
  route: string;
}
