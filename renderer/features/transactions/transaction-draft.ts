/**
 * The text state of a transaction form and its conversion to a draft for saving: money is
 * parsed in the account's currency and every problem comes back as a translated field message.
 */
import type { TFunction } from 'i18next';
import { decimalText } from '../../../shared/finance';
import type { Account, Transaction } from '../../../shared/domain';
import type { TransactionDraft } from './db';
import { readMoney } from '../../components/form/money';

export type Kind = TransactionDraft['kind'];

/** Transfer targets that are debts carry this prefix in the "to" field: paying a card or loan. */
export const DEBT_PREFIX = 'debt:';

export interface SplitText {
  categoryId: string;
  amount: string;
  note: string;
}

export interface FormText {
  id?: string;
  kind: Kind;
  date: string;
  accountId: string;
  payee: string;
  categoryId: string;
  amount: string;
  toAccountId: string;
  toAmount: string;
  splits: SplitText[];
  tags: string;
  note: string;
}

export function emptyForm(date: string, accountId: string): FormText {
  return { kind: 'expense', date, accountId, payee: '', categoryId: '', amount: '', toAccountId: '', toAmount: '', splits: [], tags: '', note: '' };
}

/** The form for an existing row; a transfer is edited from its outgoing leg's point of view. */
export function formOf(row: Transaction, partner: Transaction | undefined): FormText {
  const isTransfer = Boolean(row.transferId && !row.paymentId && partner);
  const outgoing = isTransfer && row.amount > 0 && partner ? partner : row;
  const incoming = isTransfer ? (outgoing === row ? partner : row) : undefined;
  return {
    id: outgoing.id,
    kind: isTransfer ? 'transfer' : row.amount > 0 ? 'income' : 'expense',
    date: outgoing.date,
    accountId: outgoing.accountId,
    payee: outgoing.payee,
    categoryId: outgoing.categoryId ?? '',
    amount: decimalText(Math.abs(outgoing.amount), outgoing.currency),
    toAccountId: incoming?.accountId ?? '',
    toAmount: incoming ? decimalText(Math.abs(incoming.amount), incoming.currency) : '',
    splits: (outgoing.splits ?? []).map((split) => ({ categoryId: split.categoryId, amount: decimalText(Math.abs(split.amount), outgoing.currency), note: split.note ?? '' })),
    tags: outgoing.tags.join(', '),
    note: outgoing.note ?? '',
  };
}

export function draftOf(form: FormText, accounts: ReadonlyMap<string, Account>, t: TFunction): { draft?: TransactionDraft & { toDebtId?: string }; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const account = accounts.get(form.accountId);
  if (!account) errors.accountId = t('validation.required', { field: t('transactions.account') });
  const currency = account?.currency ?? 'CNY';
  const amount = readMoney(form.amount, currency, t, t('transactions.amount'), { required: true, positive: true });
  if (amount.error) errors.amount = amount.error;
  const splits = form.kind === 'transfer' ? [] : form.splits.filter((split) => split.categoryId || split.amount.trim());
  const parsedSplits = splits.map((split, index) => {
    const value = readMoney(split.amount, currency, t, t('transactions.splitAmount', { n: index + 1 }), { required: true, positive: true });
    if (value.error) errors[`split.${index}`] = value.error;
    if (!split.categoryId) errors[`split.${index}.category`] = t('validation.required', { field: t('transactions.splitCategory', { n: index + 1 }) });
    return { categoryId: split.categoryId, amount: value.value ?? 0, ...(split.note.trim() ? { note: split.note.trim() } : {}) };
  });
  let toAmount: number | undefined;
  const toDebtId = form.kind === 'transfer' && form.toAccountId.startsWith(DEBT_PREFIX) ? form.toAccountId.slice(DEBT_PREFIX.length) : undefined;
  if (form.kind === 'transfer' && !toDebtId) {
    const target = accounts.get(form.toAccountId);
    if (!target) errors.toAccountId = t('validation.required', { field: t('transactions.toAccount') });
    else if (target.id === form.accountId) errors.toAccountId = t('validation.same_account', { field: t('transactions.toAccount') });
    else if (target.currency !== currency) {
      const value = readMoney(form.toAmount, target.currency, t, t('transactions.toAmount', { currency: target.currency }), { required: true, positive: true });
      if (value.error) errors.toAmount = value.error;
      toAmount = value.value;
    }
  }
  if (Object.keys(errors).length > 0 || amount.value === undefined) return { errors };
  const tags = form.tags
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return {
    errors,
    draft: {
      ...(form.id ? { id: form.id } : {}),
      kind: form.kind,
      date: form.date,
      accountId: form.accountId,
      amount: amount.value,
      currency,
      payee: form.payee,
      ...(form.kind !== 'transfer' && parsedSplits.length === 0 && form.categoryId ? { categoryId: form.categoryId } : {}),
      ...(parsedSplits.length > 0 ? { splits: parsedSplits } : {}),
      ...(form.kind === 'transfer' && !toDebtId ? { toAccountId: form.toAccountId } : {}),
      ...(toDebtId ? { toDebtId } : {}),
      ...(toAmount !== undefined ? { toAmount } : {}),
      tags,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    },
  };
}
