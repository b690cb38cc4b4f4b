import { describe, expect, it } from 'vitest';
import { deliveryHistory, type DeliveredEntry } from '../../../shared/reminders';

const entry = (key: string, deliveredAt: string, digest: boolean, title = digest ? '4 payments need your attention' : key): DeliveredEntry => ({ key, deliveredAt, title, route: '/reminders', digest });

describe('the reminder centre\'s history', () => {
  it('lists a digest once, however many reminders it held, and every single reminder, newest first', () => {
    const digestAt = '2026-11-22T01:00:00.000Z';
    const log = [
      ...['a:lead-3', 'b:lead-1', 'c:late-1', 'd:late-2', 'e:lead-0', 'f:lead-3', 'g:lead-1', 'h:lead-0'].map((key) => entry(key, digestAt, true)),
      entry('i:lead-1', '2026-11-23T01:00:00.000Z', false),
      entry('j:lead-0', '2026-11-21T01:00:00.000Z', false),
      // A later digest with the same title is another notification.
      entry('k:lead-3', '2026-11-24T01:00:00.000Z', true),
      entry('l:lead-1', '2026-11-24T01:00:00.000Z', true),
    ];
    expect(deliveryHistory(log).map((e) => [e.deliveredAt.slice(0, 10), e.title])).toEqual([
      ['2026-11-24', '4 payments need your attention'],
      ['2026-11-23', 'i:lead-1'],
      ['2026-11-22', '4 payments need your attention'],
      ['2026-11-21', 'j:lead-0'],
    ]);
  });
});
