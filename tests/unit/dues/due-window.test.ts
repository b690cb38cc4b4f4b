import { describe, expect, it } from 'vitest';
import type { Account, Debt, Payment, RecurringBill, Statement } from '../../../shared/domain';
import { amortize } from '../../../shared/finance';
import { annualRateOf } from '../../../shared/debts';
import { billDates, dueStatus } from '../../../shared/dues';
import { duesBetween } from '../../../shared/due-window';
import { CARD_TERMS, LOAN_TERMS, STAMPS, allSources } from '../fixtures';

const stamps = STAMPS;

const loan: Debt = { id: 'loan', name: 'Car loan', institutionId: 'boc', currency: 'CNY', archived: false, terms: LOAN_TERMS, ...stamps };

const card: Debt = { id: 'card', name: 'CMB card', institutionId: 'cmb', currency: 'CNY', archived: false, terms: CARD_TERMS, ...stamps };

const statement: Statement = { id: 's1', debtId: 'card', month: '2026-03', statementDate: '2026-03-05', dueDate: '2026-03-23', balance: 384_564, minimumDue: 38_456, ...stamps };

function payment(sourceId: string, dueDate: string, amount: number, source: Payment['source'] = 'debt'): Payment {
  return { id: `${sourceId}-${dueDate}-${amount}`, source, sourceId, dueDate, paidOn: dueDate, amount, currency: 'CNY', kind: 'full', ...stamps };
}

describe('duesBetween', () => {
  it('lists loan instalments from the engine schedule, with stable keys and the engine amounts', () => {
    const schedule = amortize({ principal: 10_000_000, annualRate: 0.049, termMonths: 36, method: 'annuity', startDate: '2026-01-15', dueDay: 15 });
    const list = duesBetween(allSources({ debts: [loan], statements: [], payments: [] }), { from: '2026-01-01', to: '2026-12-31' }, '2026-01-01');
    const expected = schedule.rows.filter((row) => row.dueDate <= '2026-12-31');
    expect(list.map((o) => o.dueDate)).toEqual(expected.map((row) => row.dueDate));
    expect(list[0]).toMatchObject({ key: `debt:loan:${expected[0]!.dueDate}`, amount: 299_260, kind: 'loan', period: 1, status: 'due', institutionId: 'boc', route: '/debts/loan' });
  });

  it('marks a due paid, partly paid or overdue from the payments recorded against it', () => {
    const list = (payments: Payment[], today: string) =>
      duesBetween(allSources({ debts: [loan], statements: [], payments }), { from: '2026-02-01', to: '2026-02-28' }, today)[0]!;
    const due = list([], '2026-02-01');
    expect(due.status).toBe('due');
    expect(list([payment('loan', due.dueDate, 299_260)], '2026-03-01')).toMatchObject({ status: 'paid', paid: 299_260 });
    expect(list([payment('loan', due.dueDate, 100_000)], due.dueDate)).toMatchObject({ status: 'partly-paid', paid: 100_000 });
    expect(list([payment('loan', due.dueDate, 100_000)], '2026-03-01').status).toBe('overdue');
    expect(list([], '2026-03-01').status).toBe('overdue');
  });

  it('treats card statements with the card grace days and tolerance', () => {
    const at = (payments: Payment[], today: string) => duesBetween(allSources({ debts: [card], statements: [statement], payments }), { from: '2026-03-01', to: '2026-03-31' }, today)[0]!;
    expect(at([], '2026-03-26')).toMatchObject({ kind: 'card-statement', status: 'due', amount: 384_564, minimum: 38_456 });
    expect(at([], '2026-03-27').status).toBe('overdue');
    expect(at([payment('card', '2026-03-23', 384_564 - 999)], '2026-04-30').status).toBe('paid');
    expect(at([payment('card', '2026-03-23', 38_456)], '2026-04-30').status).toBe('partly-paid');
  });

  it('lists recurring bills and deposit maturities, and leaves archived items out', () => {
    const bill: RecurringBill = { id: 'rent', name: 'Rent', amount: 450_000, currency: 'CNY', recurrence: { kind: 'monthly' }, nextDate: '2026-01-31', archived: false, ...stamps };
    const deposit: Account = {
      id: 'fd',
      name: 'Deposit',
      kind: 'fixed-deposit',
      currency: 'CNY',
      openingBalance: 10_000_000,
      openedOn: '2025-06-30',
      archived: false,
      fixedDeposit: { maturityDate: '2026-02-15', annualRate: 0.0175 },
      ...stamps,
    };
    const list = duesBetween(allSources({ debts: [{ ...loan, archived: true }], recurringBills: [bill], accounts: [deposit] }), { from: '2026-02-01', to: '2026-03-31' }, '2026-02-01');
    expect(list.map((o) => [o.kind, o.dueDate, o.status])).toEqual([
      ['deposit-maturity', '2026-02-15', 'info'],
      ['bill', '2026-02-28', 'due'],
      ['bill', '2026-03-31', 'due'],
    ]);
  });

  it('puts overdue items first', () => {
    const list = duesBetween(allSources({ debts: [loan, card], statements: [statement], payments: [] }), { from: '2026-02-01', to: '2026-03-31' }, '2026-03-20');
    expect(list[0]?.status).toBe('overdue');
    expect(list.findIndex((o) => o.status !== 'overdue')).toBeGreaterThan(0);
    const rest = list.filter((o) => o.status !== 'overdue').map((o) => o.dueDate);
    expect(rest).toEqual([...rest].sort());
  });
});

describe('helpers', () => {
  it('converts stated rates to annual ones by the PBoC convention', () => {
    expect(annualRateOf(0.049, 'annual')).toBe(0.049);
    expect(annualRateOf(0.005, 'monthly')).toBeCloseTo(0.06, 12);
    expect(annualRateOf(0.0005, 'daily')).toBeCloseTo(0.18, 12);
  });

  it('keeps a bill on the 31st in long months and clamps it in short ones', () => {
    expect(billDates({ nextDate: '2026-01-31', recurrence: { kind: 'monthly' } }, '2026-01-01', '2026-05-31')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(billDates({ nextDate: '2026-01-05', recurrence: { kind: 'every-n-weeks', weeks: 2 } }, '2026-01-10', '2026-02-10')).toEqual(['2026-01-19', '2026-02-02']);
    expect(billDates({ nextDate: '2026-03-01', recurrence: { kind: 'quarterly' } }, '2026-01-01', '2026-12-31')).toEqual(['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-01']);
  });

  it('dueStatus respects the tolerance only up to its amount', () => {
    const base = { amount: 10_000, minimum: 1_000, dueDate: '2026-01-10', lateAfter: '2026-01-10', today: '2026-01-11', tolerance: 1_000 };
    expect(dueStatus({ ...base, paid: 9_000 })).toBe('paid');
    expect(dueStatus({ ...base, paid: 8_999 })).toBe('partly-paid');
    expect(dueStatus({ ...base, paid: 0 })).toBe('overdue');
  });
});
