/**
 * Recording a payment: the payment row and, when it came from one of the user's accounts, the
 * matching transaction, written together so neither exists without the other.
 */
import type { Payment } from '../../shared/domain';
import type { ClearDayDatabase } from './database';
import { createRepositories } from './repositories';
import { systemClock, type Clock } from './repository';

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

/** Removes a payment and the account transaction recorded with it. */
export async function undoPayment(db: ClearDayDatabase, paymentId: string): Promise<void> {
  await db.transaction('rw', db.payments, db.transactions, async () => {
    const payment = await db.payments.get(paymentId);
    if (!payment) return;
    if (payment.transactionId) await db.transactions.delete(payment.transactionId);
    await db.payments.delete(paymentId);
  });
}
