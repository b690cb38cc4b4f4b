import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/bridge';
import type { ClearDayBridge } from '../../../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const emit = (channel: string, ...args: unknown[]) => {
    const rawEvent = { sender: ipc, senderId: 0, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(rawEvent, ...args);
  };
  return { ipc, emit, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

/** Calls the bridge the way untyped page code could. */
const loose = (bridge: ClearDayBridge) =>
  bridge as unknown as { invoke(channel: unknown, request?: unknown): Promise<unknown>; on(event: unknown, listener: unknown): () => void };

describe('createBridge', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards known channels to ipcRenderer.invoke with exactly one argument', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    await bridge.invoke('app:setLanguage', { language: 'zh-CN' });
    await bridge.invoke('app:getInfo', undefined);
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, 'app:setLanguage', { language: 'zh-CN' });
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, 'app:getInfo', undefined);
  });

  it.each(['app:quit', 'ELECTRON_BROWSER_WINDOW_ALERT', '', 42, undefined, { toString: () => 'app:getInfo' }])(
    'rejects the unknown channel %j without calling ipcRenderer',
    async (channel) => {
      const { ipc } = fakeIpcRenderer();
      await expect(loose(createBridge(ipc)).invoke(channel, {})).rejects.toThrow(/Unknown IPC channel/);
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('gives listeners the payload only, never the raw IpcRendererEvent', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(ipc).on('app:navigate', listener);
    emit('app:navigate', { route: '/debts/1' }, 'extra argument');
    expect(listener).toHaveBeenCalledExactlyOnceWith({ route: '/debts/1' });
    const received = JSON.stringify(listener.mock.calls);
    expect(received).not.toContain('sender');
  });

  it('refuses unknown events and non-function listeners', () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = loose(createBridge(ipc));
    expect(() => bridge.on('app:getInfo', () => undefined)).toThrow(/Unknown IPC event/);
    expect(() => bridge.on('ELECTRON_RENDERER_WINDOW_CLOSE', () => undefined)).toThrow(/Unknown IPC event/);
    expect(() => bridge.on('app:navigate', 'not a function')).toThrow(TypeError);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('unsubscribes exactly the listener it added, once', () => {
    const { ipc, emit, listenerCount } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.on('app:navigate', first);
    bridge.on('app:navigate', second);
    expect(listenerCount('app:navigate')).toBe(2);
    unsubscribeFirst();
    unsubscribeFirst();
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    emit('app:navigate', { route: '/calendar' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ route: '/calendar' });
  });
});
