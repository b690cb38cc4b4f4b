/**
 * Native notifications. Each one is kept referenced until it is closed or clicked: Electron
 * drops the click handler of a notification that is garbage-collected. Buttons ("Mark as paid",
 * "Remind me tomorrow") are offered only where the platform check says notifications carry
 * actions (macOS and Windows); elsewhere the same request shows without them.
 */
import type { IpcHandlerSlice } from './ipc';

export interface NotificationLike {
  /**
   * For 'action', Electron passes the event details ({ actionIndex }) and, deprecated, the index;
   * for 'failed', the event and the error text.
   */
  on(event: 'click' | 'close' | 'failed' | 'action', listener: (details?: unknown, second?: unknown) => void): unknown;
  show(): void;
}

export interface NotificationAction {
  readonly text: string;
  readonly run: () => void;
}

export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  readonly route?: string | undefined;
  readonly actions?: readonly NotificationAction[] | undefined;
}

export interface NotificationOptions {
  title: string;
  body: string;
  actions?: { type: 'button'; text: string }[];
}

export interface NotifierOptions {
  readonly isSupported: () => boolean;
  readonly create: (options: NotificationOptions) => NotificationLike;
  /** Called when the user clicks a notification, with its in-app route if it has one. */
  readonly onClick: (route: string | undefined) => void;
  /** Whether notifications can carry buttons here (macOS, Windows); false when left out. */
  readonly supportsActions?: () => boolean;
  /** Some platforms never report "close"; past this many, the oldest references are dropped. */
  readonly maxLive?: number;
  /** Where a notification the system refused is reported (since Electron 42 an unsigned macOS build gets only 'failed'). */
  readonly log?: (message: string) => void;
}

export interface Notifier {
  /** Returns false when the platform cannot show notifications. */
  show(request: NotificationRequest): boolean;
  readonly liveCount: number;
}

/** The action's index from Electron's 'action' event: `details.actionIndex`, else the old argument. */
export function actionIndexOf(details: unknown, index: unknown): number | undefined {
  if (typeof details === 'object' && details !== null && 'actionIndex' in details) {
    const value = (details as { actionIndex: unknown }).actionIndex;
    if (typeof value === 'number' && Number.isInteger(value)) return value;
  }
  return typeof index === 'number' && Number.isInteger(index) ? index : undefined;
}

export function createNotifier(options: NotifierOptions): Notifier {
  const maxLive = options.maxLive ?? 100;
  const live = new Set<NotificationLike>();

  return {
    show(request) {
      if (!options.isSupported()) return false;
      const actions = request.actions && request.actions.length > 0 && (options.supportsActions?.() ?? false) ? request.actions : [];
      const notification = options.create({
        title: request.title,
        body: request.body,
        ...(actions.length > 0 ? { actions: actions.map((action) => ({ type: 'button' as const, text: action.text })) } : {}),
      });
      const release = () => live.delete(notification);
      notification.on('click', () => {
        release();
        options.onClick(request.route);
      });
      notification.on('close', release);
      notification.on('failed', (_event, error) => {
        release();
        options.log?.(`notification not shown: ${typeof error === 'string' ? error : 'the system refused it'}`);
      });
      if (actions.length > 0) {
        notification.on('action', (details, index) => {
          const chosen = actions[actionIndexOf(details, index) ?? -1];
          if (!chosen) return;
          release();
          chosen.run();
        });
      }
      live.add(notification);
      for (const oldest of live) {
        if (live.size <= maxLive) break;
        live.delete(oldest);
      }
      notification.show();
      return true;
    },
    get liveCount() {
      return live.size;
    },
  };
}

/** notification:show: a notification the renderer asks for, shown as it is (no buttons). */
export function notificationHandlers(notify: (request: NotificationRequest) => void): IpcHandlerSlice<'notification:show'> {
  return {
    'notification:show': ({ title, body, route }) => {
      notify({ title, body, route });
      return undefined;
    },
  };
}
