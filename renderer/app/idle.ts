/**
 * requestIdleCallback where the browser has it (Chromium, Electron, Firefox), a short timer
 * elsewhere (Safari, for `npm run web`): the work is deferred either way.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback);
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(callback, 50);
  return () => window.clearTimeout(timer);
}
