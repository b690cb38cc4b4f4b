import { describe, expect, it, vi } from 'vitest';
import { MAX_DELIVERED, createReminderStore, emptyReminderState, parseReminderState, pruneDelivered, type DeliveredReminder, type ReminderState } from '../../../electron/reminder-store';
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

  it('prunes the delivered log: plan keys stay, others go after 60 days, at most 2000 kept', () => {
    const now = START + 100 * DAY;
    const log = [delivered('in-plan', START), delivered('old', START), delivered('recent', now - DAY)];
    expect(pruneDelivered(log, new Set(['in-plan']), now).map((entry) => entry.key)).toEqual(['in-plan', 'recent']);

    const many = Array.from({ length: MAX_DELIVERED + 500 }, (_, i) => delivered(`k${i}`, now - i * 1000));
    const kept = pruneDelivered(many, new Set(['k2400']), now);
    expect(kept).toHaveLength(MAX_DELIVERED);
    expect(kept.some((entry) => entry.key === 'k2400')).toBe(true);
    expect(kept.some((entry) => entry.key === 'k0')).toBe(true);
    expect(kept.some((entry) => entry.key === 'k2499')).toBe(false);
  });
});
