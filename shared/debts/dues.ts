/**
 * A debt's dues: each loan instalment and installment-plan period from the schedule as it stands
 * (prepayments re-cut it), and each card or credit-line statement. Payments towards a due's date
 * mark it paid; a card's grace days and tolerance decide when it is late.
 */
import { addDays } from '../domain/calendar';
import type { Debt, Payment, Statement } from '../domain/entities';
import { installmentPlan } from '../finance';
import { byUrgency, dueStatus, isOpen, paidTowards, type Due } from '../dues';
import { effectiveLoanSchedule } from './loan-schedule';

function scheduleDues(debt: Debt, payments: readonly Payment[]): { period: number; dueDate: string; payment: number }[] {
  const terms = debt.terms;
  if (terms.kind === 'loan') return effectiveLoanSchedule(terms, payments).rows;
  if (terms.kind === 'installment') {
    return installmentPlan({ principal: terms.principal, periods: terms.periods, feeRate: terms.feeRate, feeMode: terms.feeMode, firstDueDate: terms.firstDueDate }).rows;
  }
  return [];
}

/**
 * Everything one debt puts in [from, to] as seen on `today`. `statements` and `payments` may hold
 * other debts' rows: only this debt's are used. An archived debt owes nothing here.
 */
export function debtDues(debt: Debt, statements: readonly Statement[], payments: readonly Payment[], from: string, to: string, today: string): Due[] {
  if (debt.archived) return [];
  const own = payments.filter((payment) => payment.source === 'debt' && payment.sourceId === debt.id);
  const paid = paidTowards(own, 'debt', debt.id);
  const out: Due[] = [];
  const base = { source: 'debt' as const, sourceId: debt.id, institutionId: debt.institutionId, title: debt.name, currency: debt.currency, route: `/debts/${debt.id}` };

  for (const row of scheduleDues(debt, own)) {
    if (row.dueDate < from || row.dueDate > to) continue;
    const paidAmount = paid.get(row.dueDate) ?? 0;
    out.push({
      ...base,
      key: `debt:${debt.id}:${row.dueDate}`,
      kind: debt.terms.kind === 'loan' ? 'loan' : 'installment',
      dueDate: row.dueDate,
      amount: row.payment,
      minimum: row.payment,
      paid: paidAmount,
      status: dueStatus({ amount: row.payment, minimum: row.payment, paid: paidAmount, dueDate: row.dueDate, lateAfter: row.dueDate, today }),
      period: row.period,
    });
  }

  const card = debt.terms.kind === 'credit-card' ? debt.terms : undefined;
  for (const statement of statements) {
    if (statement.debtId !== debt.id || statement.dueDate < from || statement.dueDate > to) continue;
    const paidAmount = paid.get(statement.dueDate) ?? 0;
    out.push({
      ...base,
      key: `debt:${debt.id}:${statement.dueDate}`,
      kind: card ? 'card-statement' : 'line-bill',
      dueDate: statement.dueDate,
      amount: statement.balance,
      minimum: statement.minimumDue,
      paid: paidAmount,
      status: dueStatus({
        amount: statement.balance,
        minimum: statement.minimumDue,
        paid: paidAmount,
        dueDate: statement.dueDate,
        lateAfter: addDays(statement.dueDate, card?.graceDays ?? 0),
        today,
        tolerance: card?.tolerance ?? 0,
      }),
    });
  }
  // Callers take the first as the next due (the debt page, the payment form): the most urgent first.
  return out.sort(byUrgency);
}

/**
 * The due a payment made on `date` settles: the most urgent open one (late first, then the
 * earliest) from a year back to two months ahead.
 */
export function dueToSettle(debt: Debt, statements: readonly Statement[], payments: readonly Payment[], date: string): Due | undefined {
  return debtDues(debt, statements, payments, addDays(date, -366), addDays(date, 62), date)
    .filter(isOpen)
    .sort(byUrgency)[0];
}
