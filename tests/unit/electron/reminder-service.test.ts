import { describe, expect, it, vi } from 'vitest';
import { MAX_CHAIN_MS, MAX_TIMER_DELAY_MS, createReminderService } from '../../../electron/reminder-service';
import { DAY, FakeNotifier, FakeStore, FakeTime, HOUR, MINUTE, START, plan, reminder, settle } from './reminder-fakes';

function setup(options: { store?: FakeStore; time?: FakeTime } = {}) {
  const events: string[] = [];
  const time = options.time ?? new FakeTime();
  const store = options.store ?? new FakeStore(events);
  const notifier = new FakeNotifier(time, events);
  const onChanged = vi.fn();
  const onAction = vi.fn();
  const log = vi.fn();
  const create = () => createReminderService({ clock: time.clock, timers: time.timerApi, store, notifier, onChanged, onAction, log });
  return { time, store, notifier, onChanged, onAction, log, events, create };
}

describe('reminder service: on time', () => {
  it('fires a reminder at its instant, once, with its own title and the two actions', async () => {
    const { time, notifier, create, onChanged } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + 2 * HOUR)]));
    await time.advance(2 * HOUR - 1);
    expect(notifier.shown).toHaveLength(0);
    await time.advance(1);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({ title: 'Due soon: a', body: '¥100 to bank a', route: '/debts/a', at: START + 2 * HOUR });
    expect(notifier.shown[0]?.actions?.map((action) => action.text)).toEqual(['Mark as paid', 'Remind me tomorrow']);
    expect(service.getState().delivered).toEqual([
      { key: 'a', deliveredAt: new Date(START + 2 * HOUR).toISOString(), title: 'Due soon: a', body: '¥100 to bank a', route: '/debts/a', digest: false },
    ]);
    expect(onChanged).toHaveBeenCalled();
    await time.advance(10 * DAY);
    expect(notifier.shown).toHaveLength(1);
    service.dispose();
  });

  it('delivers a reminder 60 days away on time through chained timers, never above 2^31-1 ms', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('far', START + 60 * DAY + 7 * MINUTE)]));
    await time.advance(60 * DAY + 7 * MINUTE - 1);
    expect(notifier.shown).toHaveLength(0);
    await time.advance(1);
    expect(notifier.shown.map((shown) => shown.at)).toEqual([START + 60 * DAY + 7 * MINUTE]);
    expect(Math.max(...time.delays)).toBeLessThanOrEqual(MAX_CHAIN_MS);
    expect(time.delays.every((delay) => delay >= 0 && delay <= MAX_TIMER_DELAY_MS)).toBe(true);
    service.dispose();
  });

  it('logs the delivery to the store before showing the notification', async () => {
    const { time, events, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + MINUTE)]));
    await time.advance(MINUTE);
    expect(events.slice(-2)).toEqual(['save:a', 'show:Due soon: a']);
    service.dispose();
  });

  it('dispose stops every timer', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + HOUR)]));
    service.dispose();
    expect(time.pending).toBe(0);
    await time.advance(2 * HOUR);
    expect(notifier.shown).toHaveLength(0);
  });
});

describe('reminder service: catch-up', () => {
  it('after a 3-day sleep delivers exactly one digest, overdue first, not a storm', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    await service.setPlan(
      plan([
        reminder('a', START + 1 * DAY, { title: 'Due in 2 days: CMB card' }),
        reminder('b', START + 2 * DAY, { title: 'Due tomorrow: Huabei' }),
        reminder('c', START + 2.5 * DAY, { title: '1 day late: JD Baitiao', kind: 'overdue', daysBefore: -1 }),
        reminder('later', START + 5 * DAY),
      ]),
    );
    time.sleep(3 * DAY);
    await service.check();
    expect(notifier.shown).toHaveLength(1);
    const digest = notifier.shown[0]!;
    expect(digest.title).toBe('3 payments need your attention');
    expect(digest.route).toBe('/calendar');
    expect(digest.actions).toBeUndefined();
    const lines = digest.body.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('JD Baitiao');
    expect(lines[1]).toContain('CMB card');
    expect(service.getState().delivered.map((entry) => [entry.key, entry.digest])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    // Resume and unlock both call check again: nothing more.
    await service.check();
    await service.check();
    await time.advance(HOUR);
    expect(notifier.shown).toHaveLength(1);
    // The rest of the plan still fires on time.
    await time.advance(2 * DAY);
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['3 payments need your attention', 'Due soon: later']);
    service.dispose();
  });

  it('missed reminders of one due arrive as one catch-up notification (its latest text, no buttons)', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    const dueKey = 'debt:cmb:2026-03-05';
    await service.setPlan(
      plan([
        reminder('a-lead-3', START + HOUR, { dueKey, title: 'Due in 3 days: CMB' }),
        reminder('a-lead-1', START + 2 * DAY, { dueKey, title: 'Due tomorrow: CMB' }),
      ]),
    );
    time.sleep(3 * DAY);
    await service.check();
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({ title: 'Due tomorrow: CMB', route: '/debts/a-lead-1' });
    expect(notifier.shown[0]?.actions).toBeUndefined();
    expect(service.getState().delivered.map((entry) => [entry.key, entry.digest])).toEqual([
      ['a-lead-3', true],
      ['a-lead-1', true],
    ]);
    service.dispose();
  });

  it('reminders missed while the app was closed arrive once as a digest at start', async () => {
    const first = setup();
    const service = await first.create();
    await service.setPlan(plan([reminder('a', START + HOUR), reminder('b', START + 2 * HOUR)]));
    service.dispose();
    const time = new FakeTime();
    time.now = START + DAY;
    const second = setup({ store: first.store, time });
    const restarted = await second.create();
    expect(second.notifier.shown).toHaveLength(1);
    expect(second.notifier.shown[0]?.title).toBe('2 payments need your attention');
    restarted.dispose();
  });
});

describe('reminder service: never twice', () => {
  it('a restart over the same store never repeats a delivered key', async () => {
    const first = setup();
    const service = await first.create();
    const thePlan = plan([reminder('a', START + HOUR), reminder('b', START + 3 * HOUR)]);
    await service.setPlan(thePlan);
    await first.time.advance(HOUR);
    expect(first.notifier.shown).toHaveLength(1);
    service.dispose();

    const time = new FakeTime();
    time.now = START + HOUR + MINUTE;
    const second = setup({ store: first.store, time });
    const restarted = await second.create();
    await restarted.setPlan(thePlan);
    await restarted.check();
    expect(second.notifier.shown).toHaveLength(0);
    await time.advance(2 * HOUR);
    expect(second.notifier.shown.map((shown) => shown.title)).toEqual(['Due soon: b']);
    expect(restarted.getState().delivered.map((entry) => entry.key)).toEqual(['a', 'b']);
    restarted.dispose();
  });

  it('setPlan with the same keys (new texts) does not deliver again', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + MINUTE)]));
    await time.advance(MINUTE);
    await service.setPlan(plan([reminder('a', START + MINUTE, { title: 'Due today: renamed' })]));
    await service.setPlan(plan([reminder('a', START + MINUTE, { title: 'Due today: renamed' })]));
    await time.advance(HOUR);
    expect(notifier.shown).toHaveLength(1);
    service.dispose();
  });

  it('keeps delivered keys while they are in the plan and drops old ones that left it', async () => {
    const { time, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + MINUTE), reminder('b', START + 10 * DAY)]));
    await time.advance(5 * MINUTE);
    expect(service.getState().delivered).toHaveLength(1);
    time.now += 61 * DAY;
    await service.setPlan(plan([reminder('b', START + 10 * DAY)]));
    expect(service.getState().delivered).toEqual([]);
    service.dispose();
  });
});

describe('reminder service: pause', () => {
  it('suppresses while paused, without marking delivered, and delivers a digest when the pause ends', async () => {
    const { time, notifier, create, onChanged } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + 30 * MINUTE), reminder('b', START + HOUR)]));
    await service.pause(new Date(START + 2 * HOUR).toISOString());
    expect(service.getState().pausedUntil).toBe(new Date(START + 2 * HOUR).toISOString());
    await time.advance(2 * HOUR - 1);
    expect(notifier.shown).toHaveLength(0);
    expect(service.getState().delivered).toEqual([]);
    onChanged.mockClear();
    await time.advance(1);
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]?.title).toBe('2 payments need your attention');
    expect(service.getState().pausedUntil).toBeNull();
    expect(onChanged).toHaveBeenCalled();
    service.dispose();
  });

  it('resuming early delivers what the pause held back, as one digest', async () => {
    const { time, notifier, create } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + 30 * MINUTE), reminder('b', START + HOUR)]));
    await service.pause(new Date(START + DAY).toISOString());
    await time.advance(3 * HOUR);
    expect(notifier.shown).toHaveLength(0);
    await service.pause(null);
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['2 payments need your attention']);
    service.dispose();
  });

  it('a pause that already ended is stored as no pause', async () => {
    const { create } = setup();
    const service = await create();
    await service.pause(new Date(START - HOUR).toISOString());
    expect(service.getState().pausedUntil).toBeNull();
    service.dispose();
  });
});

describe('reminder service: actions and failures', () => {
  it('the notification buttons report the reminder key and the action', async () => {
    const { time, notifier, create, onAction } = setup();
    const service = await create();
    await service.setPlan(plan([reminder('a', START + MINUTE)]));
    await time.advance(MINUTE);
    notifier.shown[0]?.actions?.[0]?.run();
    notifier.shown[0]?.actions?.[1]?.run();
    expect(onAction.mock.calls).toEqual([
      ['a', 'mark-paid'],
      ['a', 'remind-tomorrow'],
    ]);
    service.dispose();
  });

  it('a failing store is logged; nothing repeats in the session', async () => {
    const store = new FakeStore();
    store.save = vi.fn(async () => {
      throw new Error('disk full');
    });
    const { time, notifier, create, log } = setup({ store });
    const service = await create();
    await service.setPlan(plan([reminder('a', START + MINUTE)]));
    await time.advance(MINUTE);
    await service.check();
    expect(notifier.shown).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    service.dispose();
    await settle();
  });
});

describe('reminder service: superseded reminders', () => {
  it('an older reminder of a due that already had a later one shown is never shown, even once its log entry is gone', async () => {
    const store = new FakeStore();
    const { time, notifier, create } = setup({ store });
    const service = await create();
    const dueKey = 'debt:jintiao:2026-03-05';
    await service.setPlan(plan([reminder('jintiao:late-1', START - 2 * HOUR, { dueKey })]));
    expect(notifier.shown).toHaveLength(1);
    // The later one passes; the window now holds only it.
    await service.setPlan(plan([reminder('jintiao:late-2', START + HOUR, { dueKey })]));
    await time.advance(HOUR);
    expect(notifier.shown).toHaveLength(2);
    service.dispose();
    // Restarted with a log that no longer has either key (pruned), and the older reminder back in the plan.
    const saved = JSON.parse(store.saved!) as { delivered: unknown[] };
    store.saved = JSON.stringify({ ...saved, delivered: [] });
    const restarted = setup({ store, time });
    const again = await restarted.create();
    await again.setPlan(plan([reminder('jintiao:late-1', START - 2 * HOUR, { dueKey })]));
    expect(restarted.notifier.shown).toEqual([]);
    // Another due's reminder is not affected.
    await again.setPlan(plan([reminder('jintiao:late-1', START - 2 * HOUR, { dueKey }), reminder('card:lead-0', time.now - MINUTE, { dueKey: 'debt:card:2026-03-05' })]));
    expect(restarted.notifier.shown.map((shown) => shown.title)).toEqual(['Due soon: card:lead-0']);
    again.dispose();
  });
});
