/** The household's repayments: every due before today paid on time, so the sample shows nothing overdue. */
import type { Debt, Payment, Statement, Transaction } from '../domain/entities';
import { addDays } from '../domain/calendar';
import { debtDues } from '../debts';
import { byUrgency } from '../dues';
import type { SampleStamps } from './context';

/**
 * A payment, on its due date from the ICBC debit card, for every due of `debts` before `today`;
 * dues from `firstDay` on also get their repayment transaction (a transfer to the lender).
 */
export function payPastDues(
  sources: { debts: readonly Debt[]; statements: readonly Statement[] },
  firstDay: string,
  today: string,
  stamps: SampleStamps,
): { payments: Payment[]; transactions: Transaction[] } {
  const payments: Payment[] = [];
  const transactions: Transaction[] = [];
  const pastDues = sources.debts.flatMap((debt) => debtDues(debt, sources.statements, [], '2000-01-01', addDays(today, -1), today)).sort(byUrgency);
  for (const due of pastDues) {
    const paymentId = `pay-${due.sourceId}-${due.dueDate}`;
    const inWindow = due.dueDate >= firstDay;
    payments.push({
      id: paymentId,
      source: 'debt',
      sourceId: due.sourceId,
      dueDate: due.dueDate,
      paidOn: due.dueDate,
      amount: due.amount,
      currency: due.currency,
      kind: 'full',
      accountId: 'acct-icbc-debit',
      ...(inWindow ? { transactionId: `tx-${paymentId}` } : {}),
      ...stamps,
    });
    if (inWindow) {
      transactions.push({
        id: `tx-${paymentId}`,
        date: due.dueDate,
        accountId: 'acct-icbc-debit',
        amount: -due.amount,
        currency: due.currency,
        payee: due.title,
        categoryId: 'cat-repayment',
        paymentId,
        // A repayment moves money to a lender: a transfer, shown on the budget's debt line.
        transferId: paymentId,
        tags: [],
        ...stamps,
      });
    }
  }
  return { payments, transactions };
}
