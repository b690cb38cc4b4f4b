/** Main -> renderer events, validated against the contract before they are sent. */
import type { EventChannel } from '../shared/ipc/channels';
import { IpcValidationError, eventContract, type IpcEventPayload } from '../shared/ipc/contract';

export interface EventRecipient {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends a validated event; returns false when there is no live target to send to. */
export function sendEvent<E extends EventChannel>(target: EventRecipient | undefined, event: E, payload: IpcEventPayload<E>): boolean {
  const result = eventContract[event].safeParse(payload);
  if (!result.success) {
    throw new IpcValidationError(
      event,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
    );
  }
  if (!target || target.isDestroyed()) return false;
  target.send(event, result.data);
  return true;
}
