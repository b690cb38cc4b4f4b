/**
 * Native notifications. Each one is kept referenced until it is closed or clicked: Electron
 * drops the click handler of a notification that is garbage-collected.
 */

export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  readonly route?: string | undefined;
}

export interface NotifierOptions {
  readonly isSupported: () => boolean;
  readonly create: (options: { title: string; body: string }) => NotificationLike;
  /** Called when the user clicks a notification, with its in-app route if it has one. */
  readonly onClick: (route: string | undefined) => void;
  /** Some platforms never report "close"; past this many, the oldest references are dropped. */
  readonly maxLive?: number;
}

export interface Notifier {
  /** Returns false when the platform cannot show notifications. */
  show(request: NotificationRequest): boolean;
  readonly liveCount: number;
}

export function createNotifier(options: NotifierOptions): Notifier {
  const maxLive = options.maxLive ?? 100;
  const live = new Set<NotificationLike>();

  return {
    show(request) {
      if (!options.isSupported()) return false;
      const notification = options.create({ title: request.title, body: request.body });
      const release = () => live.delete(notification);
      notification.on('click', () => {
        release();
        options.onClick(request.route);
      });
      notification.on('close', release);
      notification.on('failed', release);
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
