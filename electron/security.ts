/**
 * Hardening applied to the session and to every webContents: no permissions, no navigation away
 * from the app, no new windows, no <webview>, no network, and the CSP on dev-server responses.
 * Electron objects come in as narrow interfaces so Vitest can drive this with fakes.
 */
import { decideRequest, isAllowedOrigin, originOf } from './request-policy';

interface PreventableEvent {
  preventDefault(): void;
}

interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

type NavigationEventName = 'will-navigate' | 'will-redirect' | 'will-frame-navigate';

export interface HardenableWebContents {
  on(event: NavigationEventName, listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type SecurityLog = (message: string) => void;

export function hardenWebContents(contents: HardenableWebContents, allowedOrigins: readonly string[], log: SecurityLog = () => undefined): void {
  const blockForeignNavigation = (eventName: NavigationEventName) => (event: NavigationEvent) => {
    // Hash changes never reach these events; a same-origin navigation (reload, HMR) is fine.
    if (isAllowedOrigin(event.url, allowedOrigins)) return;
    event.preventDefault();
    log(`${eventName} blocked: ${describeUrl(event.url)}`);
  };
  contents.on('will-navigate', blockForeignNavigation('will-navigate'));
  contents.on('will-redirect', blockForeignNavigation('will-redirect'));
  contents.on('will-frame-navigate', blockForeignNavigation('will-frame-navigate'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('will-attach-webview blocked');
  });
  // Nothing is opened externally either: the app has no links that leave it.
  contents.setWindowOpenHandler((details) => {
    log(`window.open denied: ${describeUrl(details.url)}`);
    return { action: 'deny' };
  });
}

export interface WebContentsCreatedSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableWebContents) => void): unknown;
}

/** Every webContents, including ones Chromium creates on its own, gets the same hardening. */
export function installWebContentsHardening(app: WebContentsCreatedSource, allowedOrigins: readonly string[], log?: SecurityLog): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins, log));
}

type ResponseHeaders = Record<string, string | string[]>;

export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

export interface SessionHardeningOptions {
  /** Set in development only: the one non-app origin that may be loaded. */
  readonly devServerOrigin?: string | undefined;
  /** The CSP stamped on dev-server responses (the app scheme sets its own). */
  readonly devServerCsp?: string | undefined;
  readonly log?: SecurityLog | undefined;
}

export function hardenSession(session: HardenableSession, options: SessionHardeningOptions = {}): void {
  const log = options.log ?? (() => undefined);
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    log(`permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  const devServerOrigin = options.devServerOrigin;
  session.webRequest.onBeforeRequest((details, callback) => {
    const decision = decideRequest(details.url, { devServerOrigin });
    if (decision === 'cancel') log(`request cancelled: ${describeUrl(details.url)}`);
    callback({ cancel: decision === 'cancel' });
  });

  const devServerCsp = options.devServerCsp;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    if (devServerOrigin && devServerCsp && originOf(details.url) === devServerOrigin) {
      callback({ responseHeaders: withSecurityHeaders(headers, devServerCsp) });
    } else {
      callback({ responseHeaders: headers });
    }
  });
}

/** Replaces any CSP the server sent (whatever its header case) with ours, and adds nosniff. */
export function withSecurityHeaders(headers: Readonly<Record<string, string[]>>, csp: string): Record<string, string[]> {
  const replaced = new Set(['content-security-policy', 'content-security-policy-report-only', 'x-content-type-options']);
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (!replaced.has(name.toLowerCase())) result[name] = values;
  }
  result['Content-Security-Policy'] = [csp];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}

/** Logs name the scheme and host only: a query string could carry user data. */
function describeUrl(url: string): string {
  return originOf(url) ?? /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(unparsable URL)';
}
