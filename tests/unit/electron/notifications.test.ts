import { describe, expect, it, vi } from 'vitest';
import { sendEvent } from '../../../electron/events';
import { createNotifier, type NotificationLike } from '../../../electron/notifications';
import { IpcValidationError } from '../../../shared/ipc/contract';

function fakeNotification() {
  const listeners = new Map<string, (details?: unknown, second?: unknown) => void>();
  const notification: NotificationLike = {
    on: (event, listener) => listeners.set(event, listener),
    show: vi.fn(),
  };
  return { notification, emit: (event: string, details?: unknown, second?: unknown) => listeners.get(event)?.(details, second) };
}

describe('createNotifier', () => {
  it('keeps each notification referenced until it is clicked or closed', () => {
    const created: ReturnType<typeof fakeNotification>[] = [];
    const onClick = vi.fn();
    const notifier = createNotifier({
      isSupported: () => true,
      create: () => {
        const fake = fakeNotification();
        created.push(fake);
        return fake.notification;
      },
      onClick,
    });
    expect(notifier.show({ title: 'Due', body: 'tomorrow', route: '/debts/1' })).toBe(true);
    notifier.show({ title: 'Due', body: 'today' });
    expect(notifier.liveCount).toBe(2);
    expect(created[0]?.notification.show).toHaveBeenCalled();

    created[0]?.emit('click');
    expect(onClick).toHaveBeenCalledWith('/debts/1');
    created[1]?.emit('close');
    expect(notifier.liveCount).toBe(0);
  });

  it('drops the oldest references beyond the cap (platforms that never report close)', () => {
    const notifier = createNotifier({ isSupported: () => true, create: () => fakeNotification().notification, onClick: vi.fn(), maxLive: 3 });
    for (let i = 0; i < 10; i += 1) notifier.show({ title: `n${i}`, body: '' });
    expect(notifier.liveCount).toBe(3);
  });

  it('a notification the system refuses is released and logged (an unsigned macOS build since Electron 42)', () => {
    const fake = fakeNotification();
    const log = vi.fn();
    const notifier = createNotifier({ isSupported: () => true, create: () => fake.notification, onClick: vi.fn(), log });
    notifier.show({ title: 'Due', body: 'today' });
    fake.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(notifier.liveCount).toBe(0);
    expect(log).toHaveBeenCalledWith('notification not shown: Notifications are not allowed for this application');
  });

  it('shows nothing where notifications are unsupported', () => {
    const create = vi.fn();
    const notifier = createNotifier({ isSupported: () => false, create, onClick: vi.fn() });
    expect(notifier.show({ title: 'x', body: '' })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('sendEvent', () => {
  it('sends a valid app:navigate payload', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    expect(sendEvent(target, 'app:navigate', { route: '/calendar' })).toBe(true);
    expect(target.send).toHaveBeenCalledWith('app:navigate', { route: '/calendar' });
  });

  it('refuses a payload outside the contract and sends nothing', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    expect(() => sendEvent(target, 'app:navigate', { route: 'https://evil.example/' })).toThrow(IpcValidationError);
    expect(() => sendEvent(target, 'app:navigate', { route: '/x', extra: 1 } as never)).toThrow(IpcValidationError);
    expect(target.send).not.toHaveBeenCalled();
  });

  it('does nothing without a live target', () => {
    expect(sendEvent(undefined, 'app:navigate', { route: '/' })).toBe(false);
    const destroyed = { isDestroyed: () => true, send: vi.fn() };
    expect(sendEvent(destroyed, 'app:navigate', { route: '/' })).toBe(false);
    expect(destroyed.send).not.toHaveBeenCalled();
  });
});
