/**
 * The due model's answers, and the screens that use them agreeing on one household: a premium in
 * its grace period (with its grace end two days away) and a partly paid loan instalment due today.
 */
import { describe, expect, it } from 'vitest';
import type { Debt, Payment } from '../../../shared/domain';
import { addDays, sumByCurrency } from '../../../shared/domain';
import { duesBetween } from '../../../shared/due-window';
import { amountShown, amountToPay, attentionCount, countsTowardsTotals, fullSettlement, isOpen, isPayable, needsAttention, nextOpenDues, remaining, type Due } from '../../../shared/dues';
import { LOAN_TERMS, STAMPS, allSources } from '../fixtures';
import { member, policy, premiumPayment } from '../insurance/fixtures';

const today = '2027-05-15';
const loan: Debt = { id: 'loan', name: 'Car loan', institutionId: 'boc', currency: 'CNY', archived: false, terms: LOAN_TERMS, ...STAMPS };
const cover = policy();

function loanPayment(dueDate: string, amount: number): Payment {
  return { id: `loan-${dueDate}`, source: 'debt', sourceId: 'loan', dueDate, paidOn: dueDate, amount, currency: 'CNY', kind: amount >= 299_260 ? 'full' : 'partial', ...STAMPS };
}

/** Every instalment before today paid; today's paid 1,000.00 of 2,992.60; the 2027 premium unpaid. */
function household() {
  const earlier = duesBetween(allSources({ debts: [loan] }), { from: '2026-01-01', to: addDays(today, -1) }, today).map((due) => loanPayment(due.dueDate, due.amount));
  const payments = [...earlier, loanPayment(today, 100_000), premiumPayment('p1', '2026-03-18', 860_000)];
  return allSources({ debts: [loan], payments, policies: [cover], familyMembers: [member()] });
}

const due = (overrides: Partial<Due>): Due => ({
  key: 'k',
  source: 'debt',
  sourceId: 'd',
  kind: 'loan',
  title: 'T',
  dueDate: today,
  amount: 10_000,
  minimum: 10_000,
  paid: 0,
  currency: 'CNY',
  status: 'due',
  route: '/debts/d',
  ...overrides,
});

describe('the due model', () => {
  it('says what is left, what is open, payable and counted', () => {
    expect(remaining(due({ paid: 2_500, status: 'partly-paid' }))).toBe(7_500);
    expect(remaining(due({ paid: 12_000, status: 'paid' }))).toBe(0);
    expect(remaining(due({ status: 'info', amount: 0 }))).toBe(0);
    expect(amountShown(due({ paid: 10_000, status: 'paid' }))).toBe(10_000);
    expect(amountShown(due({ paid: 2_500, status: 'partly-paid' }))).toBe(7_500);
    expect(['due', 'partly-paid', 'overdue', 'paid', 'info'].map((status) => isOpen(due({ status: status as Due['status'] })))).toEqual([true, true, true, false, false]);
    expect(isPayable(due({ source: 'account', kind: 'deposit-maturity', status: 'info', amount: 0 }))).toBe(false);
    expect(isPayable(due({ status: 'overdue' }))).toBe(true);
    expect(countsTowardsTotals(due({ kind: 'grace-end', source: 'policy', status: 'due' }))).toBe(false);
    expect(amountToPay(due({ kind: 'grace-end', source: 'policy', status: 'due' }))).toBe(0);
    // Paid within a card's tolerance: the 9.99 short is not owed.
    expect(amountToPay(due({ kind: 'card-statement', amount: 384_564, paid: 383_565, status: 'paid' }))).toBe(0);
    expect(amountToPay(due({ paid: 2_500, status: 'partly-paid' }))).toBe(7_500);
    expect(needsAttention(due({ dueDate: addDays(today, 4) }), today, addDays(today, 3))).toBe(false);
    expect(needsAttention(due({ dueDate: addDays(today, -40), status: 'overdue' }), today, addDays(today, 3))).toBe(true);
  });

  it('settles a grace-period end against its premium, from the policy account only when it is open and in the currency', () => {
    const graceEnd = due({ key: 'g', source: 'policy', sourceId: 'p1', kind: 'grace-end', dueDate: '2027-05-17', paymentDueDate: '2027-03-18', amount: 860_000, status: 'due' });
    expect(fullSettlement(graceEnd, today, { payingAccount: { id: 'acc', archived: false, currency: 'CNY' } })).toEqual({
      source: 'policy', sourceId: 'p1', dueDate: '2027-03-18', accountId: 'acc', paidOn: today, amount: 860_000, currency: 'CNY', kind: 'full', payee: 'T',
    });
    expect(fullSettlement(graceEnd, today, { payingAccount: { id: 'acc', archived: true, currency: 'CNY' } })?.accountId).toBeUndefined();
    expect(fullSettlement(graceEnd, today, { payingAccount: { id: 'acc', archived: false, currency: 'USD' } })?.accountId).toBeUndefined();
    expect(fullSettlement(due({ kind: 'renewal', source: 'policy', dueDate: '2027-06-01' }), today, { renewedOn: '2027-06-01' })?.dueDate).toBe('2027-06-01');
    expect(fullSettlement(due({ status: 'paid', paid: 10_000 }), today)).toBeUndefined();
  });
});

describe('badge, dashboard, tray, calendar and agenda on one household', () => {
  const sources = household();
  // The windows the screens read: the bell's (the reminder plan's, 60 days either side), the
  // dashboard's (90 days back, 7 ahead) and the calendar's (a year back to the month's end).
  const bell = duesBetween(sources, { from: addDays(today, -60), to: addDays(today, 60) }, today);
  const dashboard = duesBetween(sources, { from: addDays(today, -90), to: addDays(today, 7) }, today).filter((d) => needsAttention(d, today, addDays(today, 7)));
  const calendar = duesBetween(sources, { from: addDays(today, -365), to: '2027-05-31' }, today);

  it('lists the premium in grace twice (the premium and its last day of grace) but counts it once', () => {
    const premium = bell.filter((d) => d.source === 'policy' && d.kind !== 'cooling-off-end');
    expect(premium.map((d) => [d.kind, d.dueDate, d.status])).toEqual([
      ['premium', '2027-03-18', 'overdue'],
      ['grace-end', '2027-05-17', 'due'],
    ]);
    expect(attentionCount(bell, today)).toBe(2);
    expect(dashboard.map((d) => [d.kind, d.dueDate, remaining(d)])).toEqual([
      ['premium', '2027-03-18', 860_000],
      ['loan', today, 199_260],
    ]);
    // The tray's next dues: the late premium first, once (its grace end is not a second line).
    expect(nextOpenDues(bell, today).map((d) => [d.kind, d.dueDate])).toEqual([['premium', '2027-03-18'], ['loan', today], ['loan', '2027-06-15']]);
  });

  it('shows the partly paid instalment with the same amount in the calendar grid and the agenda, and totals it once', () => {
    const instalment = calendar.find((d) => d.source === 'debt' && d.dueDate === today);
    expect(instalment).toMatchObject({ status: 'partly-paid', amount: 299_260, paid: 100_000 });
    // The grid cell and the agenda row both show amountShown; the totals add amountToPay.
    expect(amountShown(instalment!)).toBe(199_260);
    const may = calendar.filter((d) => d.dueDate >= '2027-05-01');
    expect(sumByCurrency(may, amountToPay)).toEqual([['CNY', 199_260]]);
    const late = calendar.filter((d) => d.status === 'overdue');
    expect(sumByCurrency(late, amountToPay)).toEqual([['CNY', 860_000]]);
  });
});

describe("a debt's dues whatever the order of its rows", () => {
  it('give the most urgent open statement first, so the debt page and the payment form pick it', async () => {
    const { CARD_TERMS } = await import('../fixtures');
    const { debtDues, summarizeDebt } = await import('../../../shared/debts');
    const card: Debt = { id: 'card', name: 'CMB card', institutionId: 'cmb', currency: 'CNY', archived: false, terms: CARD_TERMS, ...STAMPS };
    const statement = (month: string, dueDate: string) => ({ id: `s-${month}`, debtId: 'card', month, statementDate: `${month}-05`, dueDate, balance: 100_000, minimumDue: 10_000, ...STAMPS });
    // A change of terms moved the October statement's due date after November's.
    const rows = [statement('2026-11', '2026-11-23'), statement('2026-10', '2026-12-23')];
    for (const order of [rows, [...rows].reverse()]) {
      expect(debtDues(card, order, [], '2026-01-01', '2026-12-31', '2026-11-10').map((d) => d.dueDate)).toEqual(['2026-11-23', '2026-12-23']);
      expect(summarizeDebt({ debt: card, statements: order, payments: [] }, '2026-11-10').nextDue?.dueDate).toBe('2026-11-23');
    }
  });
});
