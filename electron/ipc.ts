/**
 * Registers one `ipcMain.handle` per invoke channel. Each call is refused unless it comes from
 * the app's own main frame, and its payload is validated against the contract before the
 * handler sees it; the handler's answer is validated too, so the renderer only ever receives
 * what the contract promises.
 */
import { INVOKE_CHANNELS, isInvokeChannel, type InvokeChannel } from '../shared/ipc/channels';
import { IpcValidationError, isTrustedSenderUrl, parseRequest, parseResponse, type IpcResponse, type ipcContract } from '../shared/ipc/contract';
import type { z } from 'zod';

export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

/** The request as the handler receives it: already parsed by the channel's schema. */
export type ParsedRequest<C extends InvokeChannel> = z.output<(typeof ipcContract)[C]['request']>;

export type IpcHandlers = {
  readonly [C in InvokeChannel]: (request: ParsedRequest<C>) => Promise<IpcResponse<C>> | IpcResponse<C>;
};

/**
 * The handlers of some channels. Each service exports its own slice (appHandlers,
 * fileHandlers, notificationHandlers, reminderHandlers, backupHandlers), typed against the contract.
 */
export type IpcHandlerSlice<C extends InvokeChannel> = Pick<IpcHandlers, C>;

/**
 * The slices as one set of handlers. Throws when a channel has no handler, has two, or is not in
 * the contract: a wiring mistake must stop the start, not leave a channel unanswered.
 */
export function composeIpcHandlers(slices: readonly Partial<IpcHandlers>[]): IpcHandlers {
  const handlers: Partial<Record<InvokeChannel, unknown>> = {};
  for (const slice of slices) {
    for (const [channel, handler] of Object.entries(slice)) {
      if (!isInvokeChannel(channel)) throw new Error(`${channel} is not a channel of the IPC contract`);
      if (channel in handlers) throw new Error(`${channel} is handled by two slices`);
      handlers[channel] = handler;
    }
  }
  const missing = INVOKE_CHANNELS.filter((channel) => !(channel in handlers));
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);
  return handlers as IpcHandlers;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

export class UntrustedSenderError extends Error {
  constructor(readonly channel: string) {
    super(`Refused ${channel}: the sender is not the app's own main frame`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * A sender is trusted only when its frame still exists, is a main frame (no parent) and is
 * at one of the allowed origins (the app scheme, plus the dev server in development).
 */
export function createSenderCheck(allowedOrigins: readonly string[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    try {
      return frame.parent === null && isTrustedSenderUrl(frame.url, allowedOrigins);
    } catch {
      // A frame that was destroyed meanwhile throws on access: not trusted.
      return false;
    }
  };
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, isTrusted: SenderCheck): void {
  for (const channel of INVOKE_CHANNELS) {
    // One schema-checked entry point per channel; the cast is safe because parseRequest has
    // produced exactly the type this channel's handler takes.
    const handler = handlers[channel] as (request: unknown) => unknown;
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrusted(event)) throw new UntrustedSenderError(channel);
      if (args.length > 1) throw new IpcValidationError(channel, [`expected one argument, got ${args.length}`]);
      const request = parseRequest(channel, args[0]);
      const response = await handler(request);
      return parseResponse(channel, response);
    });
  }
}
