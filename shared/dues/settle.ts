/**
 * Settling a due in full in one step (a notification's "Mark paid", the reminder centre): which
 * due date the payment counts towards, from which account, for how much.
 */
import type { Account, Payment } from '../domain/entities';
import { isPayable, remaining } from './model';
import type { Due } from './types';

export interface FullSettlement {
  source: Payment['source'];
  sourceId: string;
  dueDate: string;
  accountId?: string;
  paidOn: string;
  amount: number;
  currency: string;
  kind: 'full';
  payee: string;
}

/**
 * The payment that settles `due` on `paidOn`, or undefined when there is nothing to pay (a
 * deposit maturing, a cooling-off end, a due already paid).
 * - A grace-period end stands for its premium: the payment counts towards that premium's date.
 * - Paying a renewal renews the policy (the caller does, and passes the renewed premium's date).
 * - A premium is paid from the policy's paying account when that account is open and in the
 *   due's currency, so it reaches the budget as spending; otherwise from no account.
 */
export function fullSettlement(
  due: Due,
  paidOn: string,
  context: { payingAccount?: Pick<Account, 'id' | 'archived' | 'currency'> | undefined; renewedOn?: string | undefined } = {},
): FullSettlement | undefined {
  if (!isPayable(due)) return undefined;
  const account = context.payingAccount;
  return {
    source: due.source,
    sourceId: due.sourceId,
    dueDate: context.renewedOn ?? due.paymentDueDate ?? due.dueDate,
    ...(account && !account.archived && account.currency === due.currency ? { accountId: account.id } : {}),
    paidOn,
    amount: remaining(due),
    currency: due.currency,
    kind: 'full',
    payee: due.title,
  };
}
