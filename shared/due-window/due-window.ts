/**
 * Everything falling due in a date window, from every source: loan instalments, installment-plan
 * periods, card and credit-line statements (shared/debts), recurring bills and deposit maturities
 * (shared/budget), insurance premiums with their grace ends, renewals and cooling-off ends
 * (shared/insurance). Every source is required, so no caller can drop a kind of due by leaving
 * an input out; a screen that wants fewer filters the result. The dashboard, calendar, agenda,
 * budget, bell, tray, reminder plan and .ics export all read this list.
 */
import type { Account, Debt, FamilyMember, Payment, Policy, RecurringBill, Statement } from '../domain/entities';
import { billDues, depositMaturities } from '../budget/dues';
import { debtDues } from '../debts/dues';
import { byUrgency, type Due } from '../dues';
import { premiumDues } from '../insurance/dues';

export interface DueSources {
  debts: readonly Debt[];
  statements: readonly Statement[];
  payments: readonly Payment[];
  recurringBills: readonly RecurringBill[];
  /** Fixed deposits, whose maturities fall due (other accounts add nothing). */
  accounts: readonly Account[];
  policies: readonly Policy[];
  /** The insured's birth dates place to-age terms. */
  familyMembers: readonly FamilyMember[];
}

export interface DueWindow {
  from: string;
  to: string;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function duesBetween(sources: DueSources, window: DueWindow, today: string): Due[] {
  const { from, to } = window;
  const out: Due[] = [];
  // Each debt gets only its own rows: the window's lists hold every debt's.
  const statementsOf = groupBy(sources.statements, (statement) => statement.debtId);
  const paymentsOf = groupBy(sources.payments, (payment) => payment.sourceId);
  // One push per due: a wide window can hold more dues than a spread call takes arguments.
  const add = (dues: readonly Due[]) => {
    for (const due of dues) out.push(due);
  };
  for (const debt of sources.debts) add(debtDues(debt, statementsOf.get(debt.id) ?? [], paymentsOf.get(debt.id) ?? [], from, to, today));
  for (const bill of sources.recurringBills) add(billDues(bill, sources.payments, from, to, today));
  for (const account of sources.accounts) add(depositMaturities(account, from, to));
  const birthDates = new Map(sources.familyMembers.map((member) => [member.id, member.birthDate]));
  for (const policy of sources.policies) {
    const birthDate = policy.insured.kind === 'member' ? birthDates.get(policy.insured.memberId) : undefined;
    add(premiumDues(policy, birthDate, sources.payments, from, to, today));
  }
  return out.sort(byUrgency);
}
