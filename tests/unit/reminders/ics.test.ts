import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Due } from '../../../shared/dues';
import { buildIcs, escapeText, foldLine } from '../../../shared/reminders';

const due = (overrides: Partial<Due> = {}): Due => ({
  key: 'debt:card:2026-11-25',
  source: 'debt',
  sourceId: 'card',
  kind: 'card-statement',
  title: '招行经典白金卡, statement; "Nov"',
  dueDate: '2026-11-25',
  amount: 384_564,
  minimum: 38_456,
  paid: 0,
  currency: 'CNY',
  status: 'due',
  route: '/debts/card',
  ...overrides,
});

const options = {
  now: '2026-11-22T08:00:00.000Z',
  leadDays: [3, 1, 0],
  timeOfDay: '09:00',
  productId: '-//Clearday//Dues//EN',
  describe: (o: Due) => ({ summary: `${o.title} due`, description: `Pay ¥${o.amount / 100}\nto the bank, before the due date; thanks` }),
};

describe('buildIcs', () => {
  it('writes valid RFC 5545 that a maintained parser reads back: events, stable UIDs, alarms', () => {
    const text = buildIcs([due(), due({ key: 'debt:loan:2026-12-31', title: 'Car loan', dueDate: '2026-12-31' }), due({ key: 'paid', status: 'paid' })], options);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['debt:card:2026-11-25@clearday.app', 'debt:loan:2026-12-31@clearday.app']);
    expect(events[0]?.summary).toBe('招行经典白金卡, statement; "Nov" due');
    expect(events[0]?.description).toBe('Pay ¥3845.64\nto the bank, before the due date; thanks');
    expect(events[0]?.startDate.toString()).toBe('2026-11-25');
    expect(events[1]?.endDate.toString()).toBe('2027-01-01');
    const triggers = events[0]!.component.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger')!.toString());
    // 3 days before at 09:00 = 2 days 15 hours before midnight; on the day at 09:00 = 9 hours after.
    expect(triggers).toEqual(['-P2DT15H', '-PT15H', 'PT9H']);
  });

  it('carries each item\'s own reminder settings: its lead days, or no alarm when its reminders are off', () => {
    const text = buildIcs([due(), due({ key: 'debt:loan:2026-12-31', sourceId: 'loan', dueDate: '2026-12-31' }), due({ key: 'bill:rent:2026-12-06', source: 'bill', sourceId: 'rent', kind: 'bill', dueDate: '2026-12-06' })], {
      ...options,
      overrides: { 'debt:card': { enabled: true, leadDays: [10] }, 'bill:rent': { enabled: false } },
    });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const triggers = events.map((event) => event.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger')!.toString()));
    // The card: 10 days before only; the loan: the global 3, 1 and 0; the rent: on the calendar, no alarm.
    expect(triggers).toEqual([['-P9DT15H'], ['-P2DT15H', '-PT15H', 'PT9H'], []]);
  });

  it('uses CRLF line ends and folds long lines at 75 octets without splitting characters', () => {
    const long = due({ title: '非常长的负债名称'.repeat(12) });
    const text = buildIcs([long], options);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!).summary).toBe(`${'非常长的负债名称'.repeat(12)} due`);
  });

  it('a lone CR or another control character in a name never reaches the file raw', () => {
    expect(escapeText('line\rbreak')).toBe('line\\nbreak');
    expect(escapeText('a\r\nb\u0000c\u001bd\te')).toBe('a\\nb c d\te');
    const text = buildIcs([due({ title: 'Jintiao\rSUMMARY:injected\u0007' })], options);
    // Only CRLF line ends: no CR on its own, no control character but the line end.
    expect(/\r(?!\n)/.test(text)).toBe(false);
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)).toBe(false);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(new ICAL.Event(events[0]!).summary).toBe('Jintiao\nSUMMARY:injected  due');
  });

  it('escapes text and folds by octets', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
});
