import { describe, expect, it } from 'vitest';
import { allSources } from '../fixtures';
import { duesBetween, type DueSources } from '../../../shared/due-window';
import { planReminders, type ReminderPlanSettings } from '../../../shared/reminders';
import { member, policy, premiumPayment } from './fixtures';

const p = policy();
const firstPaid = [premiumPayment('p1', '2026-03-18', 860_000)];
const inputs = (overrides: Partial<DueSources> = {}): DueSources => allSources({ payments: firstPaid, policies: [p], familyMembers: [member()], ...overrides });
const summary = (list: ReturnType<typeof duesBetween>) => list.map((o) => [o.key, o.kind, o.dueDate, o.amount, o.status]);

describe('premium dues', () => {
  it('lists each premium and the end of cooling-off in the range, with stable keys, the insurer and the policy route', () => {
    const list = duesBetween(allSources(inputs({ payments: [] })), { from: '2026-03-01', to: '2027-12-31' }, '2026-03-01');
    expect(summary(list)).toEqual([
      ['policy:p1:premium:2026-03-18', 'premium', '2026-03-18', 860_000, 'due'],
      ['policy:p1:cooling-off-end:2026-04-02', 'cooling-off-end', '2026-04-02', 0, 'info'],
      ['policy:p1:premium:2027-03-18', 'premium', '2027-03-18', 860_000, 'due'],
    ]);
    expect(list[0]).toMatchObject({ source: 'policy', sourceId: 'p1', institutionId: 'insurer', title: 'Critical illness plan', currency: 'CNY', minimum: 860_000, paid: 0, route: '/insurance/p1' });
    // Another day and another range give the same keys for the same dues.
    const later = duesBetween(allSources(inputs()), { from: '2027-01-01', to: '2027-03-31' }, '2026-06-01');
    expect(later.map((o) => o.key)).toEqual(['policy:p1:premium:2027-03-18']);
    expect(duesBetween(allSources(inputs()), { from: '2026-03-18', to: '2026-03-18' }, '2026-06-01')[0]).toMatchObject({ key: 'policy:p1:premium:2026-03-18', status: 'paid', paid: 860_000 });
  });

  it('marks an unpaid premium late and adds the last day of grace, paid against the premium due date', () => {
    const list = duesBetween(allSources(inputs()), { from: '2027-01-01', to: '2027-12-31' }, '2027-04-01');
    expect(summary(list)).toEqual([
      ['policy:p1:premium:2027-03-18', 'premium', '2027-03-18', 860_000, 'overdue'],
      ['policy:p1:grace-end:2027-03-18', 'grace-end', '2027-05-17', 860_000, 'due'],
    ]);
    expect(list[1]?.paymentDueDate).toBe('2027-03-18');
    expect(list[0]?.paymentDueDate).toBeUndefined();
    // Paying the premium clears both.
    const paid = duesBetween(allSources(inputs({ payments: [...firstPaid, premiumPayment('p1', '2027-03-18', 860_000, '2027-04-02')] })), { from: '2027-01-01', to: '2027-12-31' }, '2027-04-02');
    expect(summary(paid)).toEqual([['policy:p1:premium:2027-03-18', 'premium', '2027-03-18', 860_000, 'paid']]);
    // A part payment is carried on both.
    const part = duesBetween(allSources(inputs({ payments: [...firstPaid, premiumPayment('p1', '2027-03-18', 300_000)] })), { from: '2027-01-01', to: '2027-12-31' }, '2027-04-01');
    expect(part.map((o) => o.paid)).toEqual([300_000, 300_000]);
  });

  it('once lapsed keeps the missed premium and the grace that ran out, and lists nothing owed after the lapse', () => {
    const list = duesBetween(allSources(inputs()), { from: '2027-01-01', to: '2029-12-31' }, '2027-05-18');
    expect(summary(list)).toEqual([
      ['policy:p1:premium:2027-03-18', 'premium', '2027-03-18', 860_000, 'overdue'],
      ['policy:p1:grace-end:2027-03-18', 'grace-end', '2027-05-17', 860_000, 'overdue'],
    ]);
  });

  it('lists the renewal of a one-year product, as a note when a premium falls due that day', () => {
    const medical = policy({ id: 'm1', type: 'medical', premium: 36_800, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 1 }, coolingOffDays: 0 });
    const list = duesBetween(allSources(inputs({ policies: [medical], payments: [premiumPayment('m1', '2026-03-18', 36_800)] })), { from: '2027-01-01', to: '2027-12-31' }, '2027-01-01');
    expect(summary(list)).toEqual([['policy:m1:renewal:2027-03-18', 'renewal', '2027-03-18', 36_800, 'due']]);
    const renewed = duesBetween(allSources(inputs({ policies: [medical], payments: [premiumPayment('m1', '2026-03-18', 36_800), premiumPayment('m1', '2027-03-18', 36_800)] })), { from: '2027-01-01', to: '2027-12-31' }, '2027-03-20');
    expect(renewed[0]?.status).toBe('paid');
    const monthly = policy({ frequency: 'monthly', premium: 9_000, renewalDate: '2026-06-18', coolingOffDays: 0 });
    const notes = duesBetween(allSources(inputs({ policies: [monthly], payments: [] })), { from: '2026-06-18', to: '2026-06-18' }, '2026-03-01');
    expect(summary(notes)).toEqual([
      ['policy:p1:premium:2026-06-18', 'premium', '2026-06-18', 9_000, 'due'],
      ['policy:p1:renewal:2026-06-18', 'renewal', '2026-06-18', 0, 'info'],
    ]);
  });

  it('places to-age terms from the insured member birth date', () => {
    const toAge = policy({ paymentTerm: { kind: 'to-age', age: 40 }, coolingOffDays: 0 });
    const dues = (members = [member()]) => duesBetween(allSources(inputs({ policies: [toAge], payments: [], familyMembers: members })), { from: '2026-01-01', to: '2031-12-31' }, '2026-01-01').map((o) => o.dueDate);
    expect(dues()).toEqual(['2026-03-18', '2027-03-18', '2028-03-18']);
    expect(dues([member({ birthDate: undefined })])).toHaveLength(6);
  });

  it('leaves out archived policies and anything dated before the policy was recorded', () => {
    expect(duesBetween(allSources(inputs({ policies: [{ ...p, archived: true }] })), { from: '2026-01-01', to: '2030-12-31' }, '2026-01-01')).toEqual([]);
    const recorded = policy({ effectiveDate: '2021-03-18', createdAt: '2026-11-22T08:00:00.000Z' });
    const list = duesBetween(allSources(inputs({ policies: [recorded], payments: [] })), { from: '2021-01-01', to: '2027-12-31' }, '2026-11-22');
    expect(summary(list)).toEqual([['policy:p1:premium:2027-03-18', 'premium', '2027-03-18', 860_000, 'due']]);
  });

  it('feeds reminders: lead reminders before the premium and the last day of grace, none for notes', () => {
    const settings: ReminderPlanSettings = {
      leadDays: [3, 0],
      timeOfDay: '09:00',
      overdue: { enabled: false, maxDays: 3 },
      quietHours: { enabled: false, start: '22:00', end: '08:00' },
      overrides: {},
      timeZone: 'Asia/Shanghai',
      language: 'en',
      locale: 'en-US',
      institutionNames: { insurer: 'Ping An' },
    };
    // The first premium is two days late; the cooling-off end (a note) is inside the horizon too.
    const dues = duesBetween(allSources(inputs({ payments: [] })), { from: '2026-03-01', to: '2026-12-31' }, '2026-03-20');
    expect(dues.map((o) => o.kind)).toEqual(['premium', 'cooling-off-end', 'grace-end']);
    const plan = planReminders(dues, settings, '2026-03-20T00:00:00.000Z', 60);
    expect(plan.map((r) => r.key)).toEqual([
      'policy:p1:premium:2026-03-18:lead-3',
      'policy:p1:premium:2026-03-18:lead-0',
      'policy:p1:grace-end:2026-03-18:lead-3',
      'policy:p1:grace-end:2026-03-18:lead-0',
    ]);
    expect(plan[3]).toMatchObject({ dueDate: '2026-05-17', route: '/insurance/p1', fireAt: '2026-05-17T01:00:00.000Z' });
    expect(plan[3]?.body).toContain('Ping An');
  });
});
