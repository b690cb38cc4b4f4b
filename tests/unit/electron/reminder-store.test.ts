import { describe, expect, it, vi } from 'vitest';
import { createReminderStore, emptyReminderState, parseReminderState, pruneDelivered, type DeliveredReminder, type ReminderState } from '../../../electron/reminder-store';
import { parseResponse } from '../../../shared/ipc/contract';
import { MAX_DELIVERED_LOG, MAX_DELIVERED_OUTSIDE_PLAN, MAX_PLAN_REMINDERS } from '../../../shared/reminders/limits';
import { DAY, START, plan, reminder } from './reminder-fakes';

function fakeFs(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const calls: string[] = [];
  const fs = {
    readFile: vi.fn(async (path: string) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    }),
    writeFile: vi.fn(async (path: string, data: string) => {
      calls.push(`write ${path}`);
      files.set(path, data);
    }),
    rename: vi.fn(async (from: string, to: string) => {
      calls.push(`rename ${from} -> ${to}`);
      const text = files.get(from);
      if (text === undefined) throw new Error('no temp file');
      files.set(to, text);
      files.delete(from);
    }),
    mkdir: vi.fn(async () => undefined),
  };
  return { fs, files, calls };
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
  it('writes a temporary file, then renames it over the real one', async () => {
    const { fs, files, calls } = fakeFs();
    const store = createReminderStore(FILE, fs);
    await store.save(STATE);
    expect(fs.mkdir).toHaveBeenCalledWith('/data/Clearday/state', { recursive: true });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^write \/data\/Clearday\/state\/reminders\.json\.\d+\.tmp$/);
    expect(calls[1]).toMatch(/\.tmp -> \/data\/Clearday\/state\/reminders\.json$/);
    expect([...files.keys()]).toEqual([FILE]);
    expect(await store.load()).toEqual(STATE);
  });

  it('a crash between write and rename leaves the previous file intact', async () => {
    const { fs, files } = fakeFs();
    const store = createReminderStore(FILE, fs);
    await store.save(STATE);
    fs.rename.mockRejectedValueOnce(new Error('power cut'));
    await expect(store.save({ ...STATE, delivered: [] })).rejects.toThrow('power cut');
    expect(parseReminderState(files.get(FILE)!)).toEqual(STATE);
    // The queue keeps working after a failure.
    await store.save(emptyReminderState());
    expect(await store.load()).toEqual(emptyReminderState());
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
    const { fs, files } = fakeFs();
    await createReminderStore(FILE, fs).save(state);
    const loaded = await createReminderStore(FILE, fs, () => undefined, () => now).load();
    expect(loaded.delivered).toHaveLength(MAX_DELIVERED_LOG);
    expect(loaded.plan?.reminders).toHaveLength(MAX_PLAN_REMINDERS);
    // The state the reminder centre reads passes the contract.
    expect(() => parseResponse('reminders:getState', { delivered: loaded.delivered, pausedUntil: null, startAtLogin: false, startAtLoginSupported: true })).not.toThrow();
    expect(files.get(FILE)!.length).toBeGreaterThan(0);
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
