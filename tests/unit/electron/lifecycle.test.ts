import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../electron/single-instance';
import { hideOnClose, showWindow, trackQuitting, type ShowableWindow } from '../../../electron/window-lifecycle';

function fakeApp(lockGranted: boolean) {
  const listeners = new Map<string, () => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => lockGranted),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: () => void) => listeners.set(event, listener)),
  };
  return { app, emit: (event: string) => listeners.get(event)?.() };
}

function fakeWindow(state: { minimized?: boolean; destroyed?: boolean } = {}) {
  const calls: string[] = [];
  const window: ShowableWindow = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized ?? false,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

describe('claimSingleInstance', () => {
  it('the first instance keeps running and shows its window on a second launch', () => {
    const { app, emit } = fakeApp(true);
    const { window, calls } = fakeWindow({ minimized: true });
    expect(claimSingleInstance(app, () => showWindow(window))).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    emit('second-instance');
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second instance quits at once and registers nothing', () => {
    const { app } = fakeApp(false);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
  });
});

describe('showWindow', () => {
  it('shows and focuses a hidden window without restoring it', () => {
    const { window, calls } = fakeWindow();
    showWindow(window);
    expect(calls).toEqual(['show', 'focus']);
  });

  it('ignores a missing or destroyed window', () => {
    expect(() => showWindow(undefined)).not.toThrow();
    const { window, calls } = fakeWindow({ destroyed: true });
    showWindow(window);
    expect(calls).toEqual([]);
  });
});

describe('hide on close', () => {
  function setup(hasTray = true) {
    const { app, emit } = fakeApp(true);
    const quit = trackQuitting(app);
    let onClose: ((event: { preventDefault(): void }) => void) | undefined;
    const window = { on: vi.fn((_event: 'close', listener: typeof onClose) => (onClose = listener)), hide: vi.fn(), minimize: vi.fn() };
    hideOnClose(window, quit, () => hasTray);
    const close = () => {
      const event = { preventDefault: vi.fn() };
      onClose?.(event);
      return event;
    };
    return { window, close, quit, emit };
  }

  it('closing hides the window to the tray instead of quitting', () => {
    const { window, close } = setup();
    const event = close();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
    expect(window.minimize).not.toHaveBeenCalled();
  });

  it('without a tray (plain GNOME), closing minimizes so the window stays reachable', () => {
    const { window, close } = setup(false);
    const event = close();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.minimize).toHaveBeenCalled();
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('once quitting (before-quit), close really closes', () => {
    const { window, close, quit, emit } = setup();
    expect(quit.isQuitting()).toBe(false);
    emit('before-quit');
    expect(quit.isQuitting()).toBe(true);
    const event = close();
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(window.hide).not.toHaveBeenCalled();
  });
});
