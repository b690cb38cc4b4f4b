/**
 * Recording a payment: the payment row and, when it came from one of the user's accounts, the
 * matching transaction, written together so neither exists without the other.
 */
import { DomainValidationError, type Payment } from '../../../shared/domain';
import { dueToSettle } from '../../../shared/debts';
import { remaining } from '../../../shared/dues';
import type { ClearDayDatabase } from '../../db/database';
import { createRepositories } from '../../db/repositories';
import { systemClock, type Clock } from '../../db/repository';

export interface PaymentInput {
  source: Payment['source'];
  sourceId: string;
  dueDate?: string;
  paidOn: string;
  amount: number;
  currency: string;
  kind: Payment['kind'];
  prepaymentMode?: Payment['prepaymentMode'];
  accountId?: string;
  /** Shown as the payee of the account transaction. */
  payee: string;
  note?: string;
}

/** The preset categories that repayments and premiums are budgeted under, when the user still has them. */
const REPAYMENT_CATEGORY = 'repayment';
const INSURANCE_CATEGORY = 'insurance';

export async function recordPayment(db: ClearDayDatabase, input: PaymentInput, clock: Clock = systemClock): Promise<Payment> {
  const repositories = createRepositories(db, clock);
  return db.transaction('rw', db.payments, db.transactions, db.categories, async () => {
    const paymentId = clock.newId();
    const transactionId = input.accountId ? clock.newId() : undefined;
    const payment = await repositories.payments.add({
      id: paymentId,
      source: input.source,
      sourceId: input.sourceId,
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      paidOn: input.paidOn,
      amount: input.amount,
      currency: input.currency,
      kind: input.kind,
      ...(input.prepaymentMode ? { prepaymentMode: input.prepaymentMode } : {}),
      ...(input.accountId ? { accountId: input.accountId } : {}),
      ...(transactionId ? { transactionId } : {}),
      ...(input.note ? { note: input.note } : {}),
    });
    if (input.accountId && transactionId) {
      // A premium is spending (it counts against the insurance budget); money moved to a lender is
      // a transfer, shown on the budget's debt line.
      const spending = input.source === 'policy';
      const preset = spending ? INSURANCE_CATEGORY : REPAYMENT_CATEGORY;
      const category = await db.categories.filter((c) => c.preset === preset && !c.archived).first();
      await repositories.transactions.add({
        id: transactionId,
        date: input.paidOn,
        accountId: input.accountId,
        amount: -input.amount,
        currency: input.currency,
        payee: input.payee,
        ...(category ? { categoryId: category.id } : {}),
        paymentId,
        ...(spending ? {} : { transferId: paymentId }),
        tags: [],
      });
    }
    return payment;
  });
}

/** The payment recorded last for a source: what "Undo" takes back. */
export async function lastPayment(db: ClearDayDatabase, source: Payment['source'], sourceId: string): Promise<Payment | undefined> {
  const payments = await db.payments.where('[source+sourceId]').equals([source, sourceId]).toArray();
  return payments.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
}

function fail(field: string, code: 'positive' | 'required' | 'nothing_due'): never {
  throw new DomainValidationError('transaction', [{ field, code }]);
}

/**
 * A card or loan paid from an account: a transfer out of the account that also marks the
 * debt's oldest open due paid (in full or in part, by the amount). With nothing open, a loan
 * takes it as an extra payment that shortens the term; a card or line cannot.
 */
export async function payDebtFromAccount(
  db: ClearDayDatabase,
  input: { debtId: string; accountId: string; date: string; amount: number; payee: string },
  clock: Clock = systemClock,
): Promise<Payment> {
  const [debt, account] = await Promise.all([db.debts.get(input.debtId), db.accounts.get(input.accountId)]);
  if (!debt) fail('toAccountId', 'required');
  if (!account) fail('accountId', 'required');
  if (!(input.amount > 0)) fail('amount', 'positive');
  if (debt.currency !== account.currency) throw new DomainValidationError('transaction', [{ field: 'toAccountId', code: 'currency_mismatch' }]);
  const [statements, payments] = await Promise.all([db.statements.where('debtId').equals(debt.id).toArray(), db.payments.where('[source+sourceId]').equals(['debt', debt.id]).toArray()]);
  const open = dueToSettle(debt, statements, payments, input.date);
  if (!open && !(debt.terms.kind === 'loan' && debt.terms.method !== 'bullet')) fail('toAccountId', 'nothing_due');
  return recordPayment(
    db,
    {
      source: 'debt',
      sourceId: debt.id,
      ...(open ? { dueDate: open.dueDate } : {}),
      paidOn: input.date,
      amount: input.amount,
      currency: debt.currency,
      kind: open ? (input.amount >= remaining(open) ? 'full' : 'partial') : 'extra',
      ...(open ? {} : { prepaymentMode: 'keep-payment' as const }),
      accountId: account.id,
      payee: input.payee.trim() || debt.name,
    },
    clock,
  );
}
