/**
 * Showing, hiding and quitting: closing the window hides it to the tray unless the app is
 * quitting; where there is no tray (plain GNOME) it minimizes instead, so the window stays
 * reachable from the task bar. A second launch, a tray click or a notification click brings
 * it back.
 */

export interface ShowableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export function showWindow(window: ShowableWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export interface QuitFlag {
  isQuitting(): boolean;
}

/** Becomes true on `before-quit` (tray Quit, Cmd+Q, OS shutdown) so close stops hiding. */
export function trackQuitting(app: { on(event: 'before-quit', listener: () => void): unknown }): QuitFlag {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  return { isQuitting: () => quitting };
}

export interface HideableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
  minimize(): void;
}

/** `hasTray` is asked at each close: the tray may be created after the window. */
export function hideOnClose(window: HideableWindow, quit: QuitFlag, hasTray: () => boolean = () => true): void {
  window.on('close', (event) => {
    if (quit.isQuitting()) return;
    event.preventDefault();
    if (hasTray()) window.hide();
    else window.minimize();
  });
}
