import { describe, expect, it, vi } from 'vitest';
import { createReminderStore, emptyReminderState, parseReminderState, pruneDelivered, type DeliveredReminder, type ReminderState } from '../../../electron/reminder-store';
import { parseResponse } from '../../../shared/ipc/contract';
import { MAX_DELIVERED_LOG, MAX_DELIVERED_OUTSIDE_PLAN, MAX_PLAN_REMINDERS } from '../../../shared/reminders/limits';
import { MemoryFs, errno } from './memory-fs';
import { DAY, START, plan, reminder } from './reminder-fakes';

/** An in-memory disk holding `initial`, with userData/state already made. */
function fakeFs(initial: Record<string, string> = {}) {
  const fs = new MemoryFs(['/data/Clearday/state'], initial);
  return { fs, text: (path: string) => fs.text(path) };
}

const FILE = '/data/Clearday/state/reminders.json';

function delivered(key: string, atMs: number): DeliveredReminder {
  return { key, deliveredAt: new Date(atMs).toISOString(), title: key, body: '', route: '/calendar', digest: false };
}

const STATE: ReminderState = {
  plan: plan([reminder('a', START + DAY)], [{ label: 'CMB · ¥100', route: '/debts/a' }]),
  delivered: [delivered('z', START)],
  pausedUntil: new Date(START + DAY).toISOString(),
};

describe('reminder store', () => {
  it('writes a synced temporary file, renames it over the real one and syncs the folder: a power cut keeps the log', async () => {
    const { fs } = fakeFs();
    const store = createReminderStore(FILE, fs);
    await store.save(STATE);
    const temporary = `${FILE}.${process.pid}.tmp`;
    expect(fs.ops).toEqual([
      `open ${temporary}`,
      `write ${temporary}`,
      `sync ${temporary}`,
      `close ${temporary}`,
      `rename ${temporary} -> ${FILE}`,
      ...(process.platform === 'win32' ? [] : ['open /data/Clearday/state', 'sync /data/Clearday/state', 'close /data/Clearday/state']),
    ]);
    // Fails if either sync goes: the delivered log must survive a power cut, or reminders repeat.
    if (process.platform !== 'win32') expect(fs.isDurable(FILE)).toBe(true);
    expect(fs.namesIn('/data/Clearday/state')).toEqual(['reminders.json']);
    expect(await store.load()).toEqual(STATE);
  });

  it('creates userData/state when it is missing', async () => {
    const fs = new MemoryFs(['/data/Clearday']);
    await createReminderStore(FILE, fs).save(STATE);
    expect(fs.ops[0]).toBe('mkdir /data/Clearday/state');
    expect(fs.text(FILE)).toBeDefined();
  });

  it('a crash between write and rename leaves the previous file intact', async () => {
    const { fs, text } = fakeFs();
    const store = createReminderStore(FILE, fs);
    await store.save(STATE);
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(new Error('power cut'));
    await expect(store.save({ ...STATE, delivered: [] })).rejects.toThrow('power cut');
    expect(parseReminderState(text(FILE)!)).toEqual(STATE);
    // The queue keeps working after a failure.
    await store.save(emptyReminderState());
    expect(await store.load()).toEqual(emptyReminderState());
  });

  it('a failed write or sync leaves the previous file intact and rejects', async () => {
    for (const op of ['write', 'sync'] as const) {
      const { fs, text } = fakeFs();
      const store = createReminderStore(FILE, fs);
      await store.save(STATE);
      fs.fault = (failing, path) => (failing === op && path.endsWith('.tmp') ? errno(op === 'write' ? 'ENOSPC' : 'EIO', path) : undefined);
      await expect(store.save(emptyReminderState())).rejects.toThrow(op === 'write' ? 'ENOSPC' : 'EIO');
      expect(parseReminderState(text(FILE)!)).toEqual(STATE);
      expect(fs.namesIn('/data/Clearday/state')).toEqual(['reminders.json']);
    }
  });

  it('a missing file starts empty; a corrupt or foreign one starts empty and is logged', async () => {
    const log = vi.fn();
    expect(await createReminderStore(FILE, fakeFs().fs, log).load()).toEqual(emptyReminderState());
    expect(log).not.toHaveBeenCalled();
    for (const text of ['{"plan": nul', '[]', JSON.stringify({ ...STATE, pausedUntil: 'tomorrow' }), JSON.stringify({ ...STATE, extra: 1 })]) {
      const store = createReminderStore(FILE, fakeFs({ [FILE]: text }).fs, log);
      expect(await store.load()).toEqual(emptyReminderState());
    }
    expect(log).toHaveBeenCalledTimes(4);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unreadable'));
  });

  it('prunes the delivered log: plan keys stay, others go after 60 days, at most 2000 others kept', () => {
    const now = START + 100 * DAY;
    const log = [delivered('in-plan', START), delivered('old', START), delivered('recent', now - DAY)];
    expect(pruneDelivered(log, new Set(['in-plan']), now).map((entry) => entry.key)).toEqual(['in-plan', 'recent']);

    const many = Array.from({ length: MAX_DELIVERED_OUTSIDE_PLAN + 500 }, (_, i) => delivered(`k${i}`, now - i * 1000));
    const kept = pruneDelivered(many, new Set(['k2400']), now);
    expect(kept).toHaveLength(MAX_DELIVERED_OUTSIDE_PLAN + 1);
    expect(kept.some((entry) => entry.key === 'k2400')).toBe(true);
    expect(kept.some((entry) => entry.key === 'k0')).toBe(true);
    expect(kept.some((entry) => entry.key === 'k2499')).toBe(false);
  });

  it('keeps every key of a full plan, and the file it writes is read back whole (the bound the contract and the file share)', async () => {
    const now = START + DAY;
    const planKeys = Array.from({ length: MAX_PLAN_REMINDERS }, (_, i) => `due-${i}:late-1`);
    const history = Array.from({ length: 3000 }, (_, i) => delivered(`old-${i}`, now - i * 60_000));
    const log = [...planKeys.map((key) => delivered(key, now - 1000)), ...history];
    const kept = pruneDelivered(log, new Set(planKeys), now);
    expect(kept).toHaveLength(MAX_DELIVERED_LOG);
    expect(planKeys.every((key) => kept.some((entry) => entry.key === key))).toBe(true);

    const reminders = planKeys.map((key) => reminder(key, now - 1000, { dueKey: key.split(':')[0]!, route: '/calendar' }));
    const state = { plan: plan(reminders), delivered: kept, pausedUntil: null };
    const { fs, text } = fakeFs();
    await createReminderStore(FILE, fs).save(state);
    const loaded = await createReminderStore(FILE, fs, () => undefined, () => now).load();
    expect(loaded.delivered).toHaveLength(MAX_DELIVERED_LOG);
    expect(loaded.plan?.reminders).toHaveLength(MAX_PLAN_REMINDERS);
    // The state the reminder centre reads passes the contract.
    expect(() => parseResponse('reminders:getState', { delivered: loaded.delivered, pausedUntil: null, startAtLogin: false, startAtLoginSupported: true })).not.toThrow();
    expect(text(FILE)!.length).toBeGreaterThan(0);
  });

  it('a log longer than the bound (an older version wrote it) is pruned on reading, not thrown away with the whole state', async () => {
    const now = START + DAY;
    const reminders = Array.from({ length: 600 }, (_, i) => reminder(`due-${i}:late-3`, now - 3 * DAY, { dueKey: `due-${i}`, route: '/calendar' }));
    const inPlan = reminders.map((entry) => delivered(entry.key, now - 3 * DAY));
    const extra = Array.from({ length: 9000 }, (_, i) => delivered(`gone-${i}`, now - i * 1000));
    const text = JSON.stringify({ plan: plan(reminders), delivered: [...inPlan, ...extra], pausedUntil: null });
    const loaded = await createReminderStore(FILE, fakeFs({ [FILE]: text }).fs, () => undefined, () => now).load();
    expect(loaded.plan?.reminders).toHaveLength(600);
    expect(loaded.delivered).toHaveLength(600 + MAX_DELIVERED_OUTSIDE_PLAN);
    expect(reminders.every((entry) => loaded.delivered.some((logged) => logged.key === entry.key))).toBe(true);
  });
});
