/**
 * The one function that lists everything falling due in a date range: loan instalments,
 * installment-plan periods, card and credit-line statements, recurring bills, deposit
 * maturities and insurance premiums (with the grace, renewal and cooling-off dates around them).
 * Dues are derived from the stored terms; payments mark them paid. The calendar, the dashboard,
 * reminders and the .ics export all read this list.
 */
import { addDays } from '../domain/calendar';
import type { Account, Debt, FamilyMember, Payment, Policy, RecurringBill, Statement } from '../domain/entities';
import { installmentPlan } from '../finance';
import { policyObligations } from '../insurance/obligations';
import { effectiveLoanSchedule } from './loan-schedule';
import { paidTowards } from './paid';
import { billDates } from './recurrence';
import { dueStatus } from './status';
import type { Obligation } from './types';

export interface ObligationInputs {
  debts: readonly Debt[];
  statements: readonly Statement[];
  payments: readonly Payment[];
  recurringBills?: readonly RecurringBill[];
  accounts?: readonly Account[];
  policies?: readonly Policy[];
  /** The insured's birth dates place to-age terms. */
  familyMembers?: readonly FamilyMember[];
}


function scheduleDues(debt: Debt, payments: readonly Payment[]): { period: number; dueDate: string; payment: number }[] {
  const terms = debt.terms;
  if (terms.kind === 'loan') {
    return effectiveLoanSchedule(
      terms,
      payments.filter((p) => p.source === 'debt' && p.sourceId === debt.id),
    ).rows;
  }
  if (terms.kind === 'installment') {
    return installmentPlan({
      principal: terms.principal,
      periods: terms.periods,
      feeRate: terms.feeRate,
      feeMode: terms.feeMode,
      firstDueDate: terms.firstDueDate,
    }).rows;
  }
  return [];
}

export function obligationsBetween(inputs: ObligationInputs, from: string, to: string, today: string): Obligation[] {
  const out: Obligation[] = [];
  const debtsById = new Map(inputs.debts.map((debt) => [debt.id, debt]));

  for (const debt of inputs.debts) {
    if (debt.archived) continue;
    const rows = scheduleDues(debt, inputs.payments);
    if (rows.length === 0) continue;
    const paid = paidTowards(inputs.payments, 'debt', debt.id);
    for (const row of rows) {
      if (row.dueDate < from || row.dueDate > to) continue;
      const paidAmount = paid.get(row.dueDate) ?? 0;
      out.push({
        key: `debt:${debt.id}:${row.dueDate}`,
        source: 'debt',
        sourceId: debt.id,
        kind: debt.terms.kind === 'loan' ? 'loan' : 'installment',
        institutionId: debt.institutionId,
        title: debt.name,
        dueDate: row.dueDate,
        amount: row.payment,
        minimum: row.payment,
        paid: paidAmount,
        currency: debt.currency,
        status: dueStatus({ amount: row.payment, minimum: row.payment, paid: paidAmount, dueDate: row.dueDate, lateAfter: row.dueDate, today }),
        period: row.period,
        route: `/debts/${debt.id}`,
      });
    }
  }

  const statementPaid = new Map<string, Map<string, number>>();
  for (const statement of inputs.statements) {
    if (statement.dueDate < from || statement.dueDate > to) continue;
    const debt = debtsById.get(statement.debtId);
    if (!debt || debt.archived) continue;
    let paid = statementPaid.get(debt.id);
    if (!paid) {
      paid = paidTowards(inputs.payments, 'debt', debt.id);
      statementPaid.set(debt.id, paid);
    }
    const paidAmount = paid.get(statement.dueDate) ?? 0;
    const card = debt.terms.kind === 'credit-card' ? debt.terms : undefined;
    out.push({
      key: `debt:${debt.id}:${statement.dueDate}`,
      source: 'debt',
      sourceId: debt.id,
      kind: card ? 'card-statement' : 'line-bill',
      institutionId: debt.institutionId,
      title: debt.name,
      dueDate: statement.dueDate,
      amount: statement.balance,
      minimum: statement.minimumDue,
      paid: paidAmount,
      currency: debt.currency,
      status: dueStatus({
        amount: statement.balance,
        minimum: statement.minimumDue,
        paid: paidAmount,
        dueDate: statement.dueDate,
        lateAfter: addDays(statement.dueDate, card?.graceDays ?? 0),
        today,
        tolerance: card?.tolerance ?? 0,
      }),
      route: `/debts/${debt.id}`,
    });
  }

  for (const bill of inputs.recurringBills ?? []) {
    if (bill.archived) continue;
    const paid = paidTowards(inputs.payments, 'bill', bill.id);
    for (const dueDate of billDates(bill, from, to)) {
      const paidAmount = paid.get(dueDate) ?? 0;
      out.push({
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
      });
    }
  }

  for (const account of inputs.accounts ?? []) {
    const maturity = account.fixedDeposit?.maturityDate;
    if (account.archived || !maturity || maturity < from || maturity > to) continue;
    out.push({
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
    });
  }

  const birthDates = new Map((inputs.familyMembers ?? []).map((member) => [member.id, member.birthDate]));
  for (const policy of inputs.policies ?? []) {
    const birthDate = policy.insured.kind === 'member' ? birthDates.get(policy.insured.memberId) : undefined;
    out.push(...policyObligations(policy, birthDate, inputs.payments, from, to, today));
  }

  // Overdue first, then by date, then by key so the order never flickers.
  const rank = (o: Obligation) => (o.status === 'overdue' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}
