import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  WINDOW_SIZE_LIMITS,
  createWindowStateStore,
  findVisibleWorkArea,
  parseWindowState,
  restoreWindowState,
  trackWindowState,
  type Rectangle,
  type TrackedWindow,
  type WindowState,
} from '../../../electron/window-state';
import { MemoryFs, errno } from './memory-fs';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('restoreWindowState', () => {
  it('opens at the default size, centred, without saved state', () => {
    expect(restoreWindowState(undefined, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, isMaximized: false });
  });

  it('fits the default size into a small screen', () => {
    expect(restoreWindowState(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toEqual({ width: 1024, height: 700 });
  });

  it('restores a visible window exactly', () => {
    const saved: WindowState = { bounds: { x: 100, y: 50, width: 1000, height: 700 }, isMaximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual(saved);
  });

  it('restores on a second monitor that is still connected', () => {
    const saved: WindowState = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, isMaximized: true };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('drops the position when that monitor was unplugged, keeping the size within the primary display', () => {
    const saved: WindowState = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, isMaximized: true };
    expect(restoreWindowState(saved, [laptop])).toEqual({ bounds: { width: 1440, height: 875 }, isMaximized: true });
  });

  it('drops the position when only a sliver would show or the title bar is above the screen', () => {
    expect(restoreWindowState({ bounds: { x: 1400, y: 100, width: 1000, height: 700 }, isMaximized: false }, [laptop]).bounds).toEqual({
      width: 1000,
      height: 700,
    });
    expect(restoreWindowState({ bounds: { x: 100, y: -600, width: 1000, height: 700 }, isMaximized: false }, [laptop]).bounds).toEqual({
      width: 1000,
      height: 700,
    });
  });

  it('pulls a partly visible window fully onto its display and shrinks an oversized one', () => {
    expect(restoreWindowState({ bounds: { x: 1000, y: 500, width: 1000, height: 700 }, isMaximized: false }, [laptop]).bounds).toEqual({
      x: 440,
      y: 175,
      width: 1000,
      height: 700,
    });
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 3000, height: 2000 }, isMaximized: false }, [laptop]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
    });
  });

  it('never goes below the minimum size', () => {
    const restored = restoreWindowState({ bounds: { x: 10, y: 10, width: 100, height: 80 }, isMaximized: false }, [laptop]);
    expect(restored.bounds).toMatchObject({ width: WINDOW_SIZE_LIMITS.minWidth, height: WINDOW_SIZE_LIMITS.minHeight });
  });

  it('copes with work areas that do not start at 0,0 (a taskbar on top, a monitor on the left)', () => {
    const left: Rectangle = { x: -1920, y: 40, width: 1920, height: 1040 };
    expect(findVisibleWorkArea({ x: -1800, y: 100, width: 900, height: 600 }, [laptop, left])).toBe(left);
    expect(restoreWindowState({ bounds: { x: -1800, y: 30, width: 900, height: 600 }, isMaximized: false }, [laptop, left]).bounds).toEqual({
      x: -1800,
      y: 40,
      width: 900,
      height: 600,
    });
  });

  it('works with no displays reported', () => {
    expect(restoreWindowState(undefined, []).bounds).toEqual({ width: 1200, height: 800 });
  });
});

describe('parseWindowState', () => {
  it('reads a valid file', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":900,"height":600},"isMaximized":false}')).toEqual({
      bounds: { x: 1, y: 2, width: 900, height: 600 },
      isMaximized: false,
    });
  });
  it.each(['', 'not json', '{}', '{"bounds":{"x":"1","y":2,"width":900,"height":600},"isMaximized":false}', '{"bounds":{"x":1,"y":2,"width":0,"height":600},"isMaximized":false}', '{"bounds":{"x":1e9,"y":2,"width":900,"height":600},"isMaximized":false}', 'null'])(
    'ignores %j',
    (text) => {
      expect(parseWindowState(text)).toBeUndefined();
    },
  );
});

describe('createWindowStateStore', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('writes atomically into userData/state and reads it back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clearday-state-'));
    const file = join(dir, 'state', 'window.json');
    const store = createWindowStateStore(file, { readFile: (path) => readFile(path), open, rename, rm, mkdir });
    expect(await store.load()).toBeUndefined();
    const state: WindowState = { bounds: { x: 5, y: 6, width: 900, height: 700 }, isMaximized: true };
    await store.save(state);
    expect(await store.load()).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readdirSync(join(dir, 'state'))).toEqual(['window.json']);
  });

  it('writes a synced temporary file, renames it over the real one, then syncs the folder', async () => {
    const fs = new MemoryFs(['/data']);
    const store = createWindowStateStore('/data/state/window.json', fs);
    await store.save({ bounds: { x: 0, y: 0, width: 900, height: 600 }, isMaximized: false });
    const temporary = `/data/state/window.json.${process.pid}.tmp`;
    expect(fs.ops).toEqual([
      'mkdir /data/state',
      `open ${temporary}`,
      `write ${temporary}`,
      `sync ${temporary}`,
      `close ${temporary}`,
      `rename ${temporary} -> /data/state/window.json`,
      ...(process.platform === 'win32' ? [] : ['open /data/state', 'sync /data/state', 'close /data/state']),
    ]);
    if (process.platform !== 'win32') expect(fs.isDurable('/data/state/window.json')).toBe(true);
  });

  it('serializes overlapping saves, and logs (never throws) a failed write that leaves the previous file intact', async () => {
    const fs = new MemoryFs(['/s']);
    const log = vi.fn();
    const store = createWindowStateStore('/s/window.json', fs, log);
    await store.save({ bounds: { x: 0, y: 0, width: 900, height: 600 }, isMaximized: false });
    let failures = 1;
    fs.fault = (op, path) => {
      if (op !== 'write' || failures === 0) return undefined;
      failures -= 1;
      return errno('ENOSPC', path);
    };
    const saves = [1, 2, 3].map((x) => store.save({ bounds: { x, y: 0, width: 900, height: 600 }, isMaximized: false }));
    await expect(Promise.all(saves)).resolves.toEqual([undefined, undefined, undefined]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('window state not saved: ENOSPC'));
    expect((await store.load())?.bounds.x).toBe(3);
    // The failed one changed nothing: the file before it was whole.
    fs.fault = () => errno('ENOSPC', '/s');
    await store.save({ bounds: { x: 4, y: 0, width: 900, height: 600 }, isMaximized: false });
    expect(parseWindowState(fs.text('/s/window.json') ?? '')?.bounds.x).toBe(3);
    expect(fs.namesIn('/s')).toEqual(['window.json']);
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    let bounds: Rectangle = { x: 10, y: 20, width: 1000, height: 700 };
    let maximized = false;
    let destroyed = false;
    const window: TrackedWindow = {
      on: (event, listener) => listeners.set(event, listener),
      isDestroyed: () => destroyed,
      isMaximized: () => maximized,
      getNormalBounds: () => bounds,
    };
    return {
      window,
      emit: (event: string) => listeners.get(event)?.(),
      move: (next: Rectangle) => (bounds = next),
      maximize: () => (maximized = true),
      destroy: () => (destroyed = true),
    };
  }

  function fakeTimers() {
    let now = 0;
    let nextId = 1;
    const pending = new Map<number, { at: number; callback: () => void }>();
    return {
      timers: {
        setTimeout: (callback: () => void, ms: number) => {
          const id = nextId++;
          pending.set(id, { at: now + ms, callback });
          return id;
        },
        clearTimeout: (id: unknown) => void pending.delete(id as number),
      },
      advance(ms: number) {
        now += ms;
        for (const [id, timer] of [...pending]) {
          if (timer.at <= now) {
            pending.delete(id);
            timer.callback();
          }
        }
      },
      pendingCount: () => pending.size,
    };
  }

  it('debounces moves into one save after the window settles', () => {
    const fake = fakeWindow();
    const clock = fakeTimers();
    const save = vi.fn();
    trackWindowState(fake.window, save, clock.timers, 500);
    for (let i = 0; i < 20; i += 1) {
      fake.move({ x: 10 + i, y: 20, width: 1000, height: 700 });
      fake.emit('move');
      clock.advance(100);
    }
    expect(save).not.toHaveBeenCalled();
    clock.advance(500);
    expect(save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 29, y: 20, width: 1000, height: 700 }, isMaximized: false });
  });

  it('records maximized with the normal (restored) bounds', () => {
    const fake = fakeWindow();
    const clock = fakeTimers();
    const save = vi.fn();
    trackWindowState(fake.window, save, clock.timers, 500);
    fake.maximize();
    fake.emit('maximize');
    clock.advance(500);
    expect(save).toHaveBeenCalledWith({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: true });
  });

  it('saves at once on close and cancels the pending save', () => {
    const fake = fakeWindow();
    const clock = fakeTimers();
    const save = vi.fn();
    trackWindowState(fake.window, save, clock.timers, 500);
    fake.emit('resize');
    fake.emit('close');
    expect(save).toHaveBeenCalledTimes(1);
    expect(clock.pendingCount()).toBe(0);
  });

  it('does nothing for a destroyed window or after dispose', () => {
    const fake = fakeWindow();
    const clock = fakeTimers();
    const save = vi.fn();
    const tracker = trackWindowState(fake.window, save, clock.timers, 500);
    fake.destroy();
    fake.emit('close');
    tracker.flush(true);
    tracker.dispose();
    fake.emit('move');
    clock.advance(1000);
    expect(save).not.toHaveBeenCalled();
  });
});
