/**
 * The object the preload exposes as `window.clearday`. Only the channel names are imported (not
 * the zod contract) so the sandboxed preload bundle stays tiny. Page code never sees
 * ipcRenderer or an IpcRendererEvent: it gets `invoke` and `on`, nothing else.
 */
import { isEventChannel, isInvokeChannel } from '../shared/ipc/channels';
import type { ClearDayBridge } from '../shared/ipc/contract';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createBridge(ipcRenderer: IpcRendererLike): ClearDayBridge {
  const bridge: ClearDayBridge = {
    invoke(channel, request) {
      if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
      // Exactly one argument, whatever the caller passed: main refuses anything else.
      return ipcRenderer.invoke(channel, request) as Promise<never>;
    },
    on(event, listener) {
      if (!isEventChannel(event)) throw new Error(`Unknown IPC event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // Only the payload crosses over; the raw event (with its sender) stays here.
      const forward: IpcListener = (_event, payload) => listener(payload as Parameters<typeof listener>[0]);
      ipcRenderer.on(event, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(event, forward);
      };
    },
  };
  return Object.freeze(bridge);
}
