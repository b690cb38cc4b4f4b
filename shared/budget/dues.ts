/**
 * The budget side's dues: each date of a recurring bill, and a fixed deposit's maturity (a date to
 * know, nothing to pay).
 */
import type { Account, Payment, RecurringBill } from '../domain/entities';
import { billDates, dueStatus, paidTowards, type Due } from '../dues';

export function billDues(bill: RecurringBill, payments: readonly Payment[], from: string, to: string, today: string): Due[] {
  if (bill.archived) return [];
  const paid = paidTowards(payments, 'bill', bill.id);
  return billDates(bill, from, to).map((dueDate) => {
    const paidAmount = paid.get(dueDate) ?? 0;
    return {
      key: `bill:${bill.id}:${dueDate}`,
      source: 'bill',
      sourceId: bill.id,
      kind: 'bill',
      title: bill.name,
      dueDate,
      amount: bill.amount,
      minimum: bill.amount,
      paid: paidAmount,
      currency: bill.currency,
      status: dueStatus({ amount: bill.amount, minimum: bill.amount, paid: paidAmount, dueDate, lateAfter: dueDate, today }),
      route: '/budget',
    };
  });
}

export function depositMaturities(account: Account, from: string, to: string): Due[] {
  const maturity = account.fixedDeposit?.maturityDate;
  if (account.archived || !maturity || maturity < from || maturity > to) return [];
  return [
    {
      key: `account:${account.id}:${maturity}`,
      source: 'account',
      sourceId: account.id,
      kind: 'deposit-maturity',
      ...(account.institutionId ? { institutionId: account.institutionId } : {}),
      title: account.name,
      dueDate: maturity,
      amount: 0,
      minimum: 0,
      paid: 0,
      currency: account.currency,
      status: 'info',
      route: '/transactions',
    },
  ];
}
