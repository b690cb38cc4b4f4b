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
 * The account a due is paid from unless the user picks another: the one the source names (a
 * policy's paying account) while it is open and in the due's currency, so the payment reaches the
 * budget as spending; none otherwise.
 */
export function defaultPayingAccount<A extends Pick<Account, 'id' | 'archived' | 'currency'>>(accountId: string | undefined, accounts: readonly A[], currency: string): A | undefined {
  if (!accountId) return undefined;
  return accounts.find((account) => account.id === accountId && !account.archived && account.currency === currency);
}

/**
 * The payment that settles `due` on `paidOn`, or undefined when there is nothing to pay (a
 * deposit maturing, a cooling-off end, a due already paid).
 * - A grace-period end stands for its premium: the payment counts towards that premium's date.
 * - Paying a renewal renews the policy (the caller does, and passes the renewed premium's date).
 * - A premium is paid from the policy's paying account (defaultPayingAccount).
 */
export function fullSettlement(
  due: Due,
  paidOn: string,
  context: { payingAccount?: Pick<Account, 'id' | 'archived' | 'currency'> | undefined; renewedOn?: string | undefined } = {},
): FullSettlement | undefined {
  if (!isPayable(due)) return undefined;
  const account = context.payingAccount ? defaultPayingAccount(context.payingAccount.id, [context.payingAccount], due.currency) : undefined;
  return {
    source: due.source,
    sourceId: due.sourceId,
    dueDate: context.renewedOn ?? due.paymentDueDate ?? due.dueDate,
    ...(account ? { accountId: account.id } : {}),
    paidOn,
    amount: remaining(due),
    currency: due.currency,
    kind: 'full',
    payee: due.title,
  };
}
