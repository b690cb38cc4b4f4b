/**
 * One instance only: two instances would open the same IndexedDB and the second would fail
 * with "Internal error opening backing store". A second launch brings the first one's window
 * forward instead, which is also the way back to a hidden window where there is no tray.
 */

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** Returns false (and quits) in a second instance; true in the first one. */
export function claimSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
