import { describe, expect, it } from 'vitest';
import type { Due } from '../../../shared/dues';
import { planReminders, zonedTimeToEpoch, type ReminderPlanSettings } from '../../../shared/reminders';

const due = (overrides: Partial<Due> = {}): Due => ({
  key: 'debt:card:2026-11-25',
  source: 'debt',
  sourceId: 'card',
  kind: 'card-statement',
  institutionId: 'cmb',
  title: 'CMB card',
  dueDate: '2026-11-25',
  amount: 384_564,
  minimum: 38_456,
  paid: 0,
  currency: 'CNY',
  status: 'due',
  route: '/debts/card',
  ...overrides,
});

const settings: ReminderPlanSettings = {
  leadDays: [3, 1, 0],
  timeOfDay: '09:00',
  overdue: { enabled: true, maxDays: 3 },
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  overrides: {},
  timeZone: 'Asia/Shanghai',
  language: 'en',
  locale: 'en-US',
  institutionNames: { cmb: 'China Merchants Bank' },
};

describe('planReminders', () => {
  it('fires 3 days before, the day before and on the day at the chosen local time, with stable keys and text', () => {
    const plan = planReminders([due()], settings, '2026-11-21T00:00:00.000Z', 30);
    expect(plan.map((r) => [r.key, r.fireAt, r.kind])).toEqual([
      ['debt:card:2026-11-25:lead-3', '2026-11-22T01:00:00.000Z', 'upcoming'],
      ['debt:card:2026-11-25:lead-1', '2026-11-24T01:00:00.000Z', 'upcoming'],
      ['debt:card:2026-11-25:lead-0', '2026-11-25T01:00:00.000Z', 'due-today'],
    ]);
    expect(plan[0]).toMatchObject({ title: 'Due in 3 days: CMB card', body: 'CN¥3,845.64 to China Merchants Bank, due Nov 25, 2026', route: '/debts/card' });
    expect(plan[1]?.title).toBe('Due tomorrow: CMB card');
    expect(plan[2]?.title).toBe('Due today: CMB card');
    // Recomputing with another amount keeps every key.
    expect(planReminders([due({ paid: 100_000 })], settings, '2026-11-21T00:00:00.000Z', 30).map((r) => r.key)).toEqual(plan.map((r) => r.key));
  });

  it('writes titles and bodies in Chinese', () => {
    const plan = planReminders([due()], { ...settings, language: 'zh-CN', locale: 'zh-CN', institutionNames: { cmb: '招商银行' } }, '2026-11-21T00:00:00.000Z', 30);
    expect(plan[0]).toMatchObject({ title: '3 天后到期：CMB card', body: '应还招商银行 ¥3,845.64，2026年11月25日到期' });
  });

  it('makes none for paid dues, and none for information-only items', () => {
    expect(planReminders([due({ status: 'paid', paid: 384_564 }), due({ key: 'x', status: 'info' })], settings, '2026-11-21T00:00:00.000Z', 30)).toEqual([]);
  });

  it('keeps reminding daily while late, up to the limit', () => {
    const plan = planReminders([due({ status: 'overdue' })], settings, '2026-11-26T00:00:00.000Z', 30);
    expect(plan.filter((r) => r.kind === 'overdue').map((r) => [r.key, r.title])).toEqual([
      ['debt:card:2026-11-25:late-1', '1 day late: CMB card'],
      ['debt:card:2026-11-25:late-2', '2 days late: CMB card'],
      ['debt:card:2026-11-25:late-3', '3 days late: CMB card'],
    ]);
    expect(planReminders([due({ status: 'overdue' })], { ...settings, overdue: { enabled: false, maxDays: 3 } }, '2026-11-26T00:00:00.000Z', 30).some((r) => r.kind === 'overdue')).toBe(false);
  });

  it('keeps reminders missed within the last week for the catch-up digest, and drops older ones and those past the horizon', () => {
    const plan = planReminders([due({ dueDate: '2026-12-30', key: 'late' }), due()], settings, '2026-11-30T00:00:00.000Z', 10);
    // From 2026-11-23T00:00Z on: the reminder of the 22nd is more than a week old.
    expect(plan.map((r) => r.key)).toEqual(['debt:card:2026-11-25:lead-1', 'debt:card:2026-11-25:lead-0']);
    expect(planReminders([due()], settings, '2026-12-10T00:00:00.000Z', 10)).toEqual([]);
  });

  it('moves a reminder out of quiet hours to their end', () => {
    const late = { ...settings, timeOfDay: '23:00', quietHours: { enabled: true, start: '22:00', end: '08:00' }, leadDays: [1] };
    expect(planReminders([due()], late, '2026-11-21T00:00:00.000Z', 30)[0]?.fireAt).toBe('2026-11-25T00:00:00.000Z'); // 08:00 in Shanghai
    const early = { ...late, timeOfDay: '06:30' };
    expect(planReminders([due()], early, '2026-11-21T00:00:00.000Z', 30)[0]?.fireAt).toBe('2026-11-24T00:00:00.000Z');
    const lunch = { ...late, timeOfDay: '12:15', quietHours: { enabled: true, start: '12:00', end: '13:30' } };
    expect(planReminders([due()], lunch, '2026-11-21T00:00:00.000Z', 30)[0]?.fireAt).toBe('2026-11-24T05:30:00.000Z');
  });

  it('pauses everything until the given instant', () => {
    const plan = planReminders([due()], { ...settings, pausedUntil: '2026-11-24T12:00:00.000Z' }, '2026-11-21T00:00:00.000Z', 30);
    expect(plan.map((r) => r.key)).toEqual(['debt:card:2026-11-25:lead-0']);
  });

  it('turns an item off, or gives it its own lead days', () => {
    expect(planReminders([due()], { ...settings, overrides: { 'debt:card': { enabled: false } } }, '2026-11-21T00:00:00.000Z', 30)).toEqual([]);
    const own = planReminders([due()], { ...settings, overrides: { 'debt:card': { enabled: true, leadDays: [7, 2] } } }, '2026-11-01T00:00:00.000Z', 30);
    expect(own.map((r) => r.daysBefore)).toEqual([7, 2]);
  });

  it('crosses month ends: the day before a due on the 1st is the last day of the month before', () => {
    const plan = planReminders([due({ dueDate: '2026-03-01', key: 'k' })], { ...settings, leadDays: [1] }, '2026-02-20T00:00:00.000Z', 30);
    expect(plan[0]?.fireAt).toBe('2026-02-28T01:00:00.000Z');
  });

  it('handles the DST change in a zone that has one', () => {
    const ny = { ...settings, timeZone: 'America/New_York', leadDays: [1, 0] };
    // DST began 2026-03-08 at 02:00: 09:00 is EDT (UTC-4) that day, EST (UTC-5) the day before.
    const plan = planReminders([due({ dueDate: '2026-03-08', key: 'k' })], ny, '2026-03-01T00:00:00.000Z', 30);
    expect(plan.map((r) => r.fireAt)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
    // 02:30 does not exist that day: it moves forward by the hour that was skipped.
    expect(new Date(zonedTimeToEpoch('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 on 2026-11-01 happens twice: the first one (EDT) is taken.
    expect(new Date(zonedTimeToEpoch('2026-11-01', '01:30', 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Shanghai has no DST: always UTC+8.
    expect(new Date(zonedTimeToEpoch('2026-03-08', '02:30', 'Asia/Shanghai')).toISOString()).toBe('2026-03-07T18:30:00.000Z');
  });
});

describe('epochToZoned', () => {
  it('reads an instant as the local date and time of a zone', async () => {
    const { epochToZoned } = await import('../../../shared/reminders');
    expect(epochToZoned(Date.parse('2026-11-21T17:30:00.000Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-22', time: '01:30' });
    expect(epochToZoned(Date.parse('2026-03-08T07:30:00.000Z'), 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
  });
});

describe('buildDigest', () => {
  it('lists each due once, late ones first, under one title', async () => {
    const { buildDigest } = await import('../../../shared/reminders');
    const plan = planReminders([due(), due({ key: 'debt:loan:2026-11-20', sourceId: 'loan', title: 'Car loan', dueDate: '2026-11-20', status: 'overdue', institutionId: undefined })], settings, '2026-11-25T12:00:00.000Z', 1);
    const digest = buildDigest(plan, '{{count}} payments need your attention');
    expect(digest.title).toBe('2 payments need your attention');
    expect(digest.body.split('\n')[0]).toMatch(/^\d days? late: Car loan · /);
    expect(digest.body.split('\n')[1]).toMatch(/CMB card/);
    expect(digest.keys).toHaveLength(plan.length);
    expect(digest.route).toBe('/calendar');
  });
});

describe('snoozes', () => {
  it('adds one reminder of the due on the snoozed date, with its own key', () => {
    const plan = planReminders([due()], { ...settings, leadDays: [], snoozes: [{ dueKey: 'debt:card:2026-11-25', date: '2026-11-23' }] }, '2026-11-22T00:00:00.000Z', 30);
    expect(plan.map((r) => [r.key, r.fireAt, r.title])).toEqual([['debt:card:2026-11-25:snooze-2026-11-23', '2026-11-23T01:00:00.000Z', 'Due in 2 days: CMB card']]);
  });
});

describe('buildDigest of one due', () => {
  it('shows the latest missed reminder of that due instead of a count', async () => {
    const { buildDigest } = await import('../../../shared/reminders');
    const plan = planReminders([due()], settings, '2026-11-24T12:00:00.000Z', 0);
    expect(plan.map((r) => r.key)).toEqual(['debt:card:2026-11-25:lead-3', 'debt:card:2026-11-25:lead-1']);
    expect(buildDigest(plan, '{{count}} payments').title).toBe('Due tomorrow: CMB card');
  });
});
