import { describe, expect, it, vi } from 'vitest';
import { sendEvent } from '../../../electron/events';
import { actionIndexOf, createNotifier, type NotificationLike, type NotificationOptions } from '../../../electron/notifications';
import { createReminderService } from '../../../electron/reminder-service';
import { FakeStore, FakeTime, MINUTE, START, plan, reminder } from './reminder-fakes';

function fakeNotifications() {
  const created: { options: NotificationOptions; emit: (event: string, ...args: unknown[]) => void }[] = [];
  const create = (options: NotificationOptions): NotificationLike => {
    const listeners = new Map<string, (details?: unknown, index?: number) => void>();
    created.push({ options, emit: (event, details, index) => listeners.get(event)?.(details, index as number | undefined) });
    return { on: (event, listener) => listeners.set(event, listener), show: vi.fn() };
  };
  return { created, create };
}

async function setup(supportsActions: boolean) {
  const time = new FakeTime();
  const { created, create } = fakeNotifications();
  const webContents = { isDestroyed: () => false, send: vi.fn() };
  const onClick = vi.fn();
  const notifier = createNotifier({ isSupported: () => true, create, onClick, supportsActions: () => supportsActions });
  const service = await createReminderService({
    clock: time.clock,
    timers: time.timerApi,
    store: new FakeStore(),
    notifier,
    onChanged: () => sendEvent(webContents, 'reminders:changed', {}),
    onAction: (key, action) => sendEvent(webContents, 'reminders:action', { key, action }),
    log: vi.fn(),
  });
  await service.setPlan(plan([reminder('debt:cmb:2026-03-05:lead-1', START + MINUTE, { route: '/debts/cmb' })]));
  await time.advance(MINUTE);
  return { created, webContents, onClick, notifier, service };
}

describe('notification actions', () => {
  it('macOS/Windows: the buttons are offered and send reminders:action to the renderer', async () => {
    const { created, webContents, notifier, service } = await setup(true);
    expect(created).toHaveLength(1);
    expect(created[0]?.options.actions).toEqual([
      { type: 'button', text: 'Mark as paid' },
      { type: 'button', text: 'Remind me tomorrow' },
    ]);
    expect(webContents.send).toHaveBeenCalledWith('reminders:changed', {});
    created[0]?.emit('action', { actionIndex: 1 });
    expect(webContents.send).toHaveBeenLastCalledWith('reminders:action', { key: 'debt:cmb:2026-03-05:lead-1', action: 'remind-tomorrow' });
    expect(notifier.liveCount).toBe(0);
    service.dispose();
  });

  it('the older (event, index) form of the action event works too', async () => {
    const { created, webContents, service } = await setup(true);
    created[0]?.emit('action', {}, 0);
    expect(webContents.send).toHaveBeenLastCalledWith('reminders:action', { key: 'debt:cmb:2026-03-05:lead-1', action: 'mark-paid' });
    created[0]?.emit('action', {}, 7);
    expect(webContents.send).toHaveBeenCalledTimes(2);
    service.dispose();
  });

  it('Linux: no buttons; a click still opens the reminder route', async () => {
    const { created, onClick, service } = await setup(false);
    expect(created[0]?.options.actions).toBeUndefined();
    created[0]?.emit('click');
    expect(onClick).toHaveBeenCalledWith('/debts/cmb');
    service.dispose();
  });

  it('reads the index from details or the old argument', () => {
    expect(actionIndexOf({ actionIndex: 1 }, 0)).toBe(1);
    expect(actionIndexOf({}, 0)).toBe(0);
    expect(actionIndexOf(undefined, undefined)).toBeUndefined();
    expect(actionIndexOf({ actionIndex: 'x' }, 1.5)).toBeUndefined();
  });
});
