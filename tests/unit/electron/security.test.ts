import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, DEV_SERVER_ORIGIN } from '../../../shared/ipc/origins';
import { DEVELOPMENT_CSP } from '../../../shared/security/csp';
import {
  hardenSession,
  hardenWebContents,
  installWebContentsHardening,
  withSecurityHeaders,
  type HardenableSession,
  type HardenableWebContents,
} from '../../../electron/security';

type Handler = (...args: never[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Handler[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableWebContents = {
    on(event: string, listener: Handler) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      windowOpenHandler = handler;
    },
  };
  /** Emits a navigation-style event; returns whether some listener prevented it. */
  const emit = (event: string, url?: string) => {
    let prevented = false;
    const payload = { url: url ?? '', preventDefault: () => (prevented = true) };
    for (const listener of listeners.get(event) ?? []) (listener as (event: typeof payload) => void)(payload);
    return prevented;
  };
  return { contents, emit, openWindow: (url: string) => windowOpenHandler?.({ url }), listeners };
}

describe('hardenWebContents', () => {
  const navigationEvents = ['will-navigate', 'will-redirect', 'will-frame-navigate'];

  it.each(navigationEvents)('%s: prevents navigation to foreign URLs', (event) => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, [APP_ORIGIN]);
    for (const url of [
      'https://example.com/',
      'http://evil.example/phish',
      'file:///etc/passwd',
      'http://localhost:5273/',
      'app://other/index.html',
      'app://clearday@evil.example/',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      'chrome://gpu',
    ]) {
      expect(fake.emit(event, url), url).toBe(true);
    }
  });

  it.each(navigationEvents)('%s: lets the app navigate within its own origin', (event) => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, [APP_ORIGIN]);
    expect(fake.emit(event, 'app://clearday/index.html')).toBe(false);
    expect(fake.emit(event, 'app://clearday/index.html#/debts')).toBe(false);
  });

  it('allows the dev server origin only when it is listed (development)', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, [APP_ORIGIN, DEV_SERVER_ORIGIN]);
    expect(fake.emit('will-navigate', 'http://localhost:5273/')).toBe(false);
    expect(fake.emit('will-navigate', 'http://localhost:5274/')).toBe(true);
  });

  it('denies window.open for every URL, including the app itself', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, [APP_ORIGIN]);
    expect(fake.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.openWindow('app://clearday/index.html')).toEqual({ action: 'deny' });
  });

  it('prevents <webview> from attaching', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, [APP_ORIGIN]);
    expect(fake.emit('will-attach-webview')).toBe(true);
  });

  it('logs blocked navigations without the query string', () => {
    const fake = fakeWebContents();
    const log = vi.fn();
    hardenWebContents(fake.contents, [APP_ORIGIN], log);
    fake.emit('will-navigate', 'https://example.com/path?token=secret');
    expect(log).toHaveBeenCalledWith('will-navigate blocked: https://example.com');
    expect(JSON.stringify(log.mock.calls)).not.toContain('secret');
  });
});

describe('installWebContentsHardening', () => {
  it('hardens every webContents the app creates', () => {
    let created: ((event: unknown, contents: HardenableWebContents) => void) | undefined;
    installWebContentsHardening({ on: (_event, listener) => (created = listener) }, [APP_ORIGIN]);
    const first = fakeWebContents();
    const second = fakeWebContents();
    created?.({}, first.contents);
    created?.({}, second.contents);
    expect(first.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(second.openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });
});

function fakeSession() {
  const handlers: {
    permissionRequest?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
    permissionCheck?: () => boolean;
    devicePermission?: () => boolean;
    beforeRequest?: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0];
    headersReceived?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
  } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (handlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (handlers.permissionCheck = handler),
    setDevicePermissionHandler: (handler) => (handlers.devicePermission = handler),
    webRequest: {
      onBeforeRequest: (listener) => (handlers.beforeRequest = listener),
      onHeadersReceived: (listener) => (handlers.headersReceived = listener),
    },
  };
  const request = (url: string) => {
    let response: { cancel?: boolean } | undefined;
    handlers.beforeRequest?.({ url }, (answer) => (response = answer));
    return response;
  };
  const headers = (url: string, responseHeaders: Record<string, string[]>) => {
    let response: { responseHeaders?: Record<string, string | string[]> } | undefined;
    handlers.headersReceived?.({ url, responseHeaders }, (answer) => (response = answer));
    return response?.responseHeaders;
  };
  return { session, handlers, request, headers };
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      fake.handlers.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(fake.handlers.permissionCheck?.()).toBe(false);
    expect(fake.handlers.devicePermission?.()).toBe(false);
  });

  it('cancels every request that is not the app scheme (production)', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(fake.request('app://clearday/index.html')).toEqual({ cancel: false });
    expect(fake.request('https://example.com/')).toEqual({ cancel: true });
    expect(fake.request('http://localhost:5273/')).toEqual({ cancel: true });
    expect(fake.request('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('lets the dev server through in development, and nothing else', () => {
    const fake = fakeSession();
    hardenSession(fake.session, { devServerOrigin: DEV_SERVER_ORIGIN, devServerCsp: DEVELOPMENT_CSP });
    expect(fake.request('http://localhost:5273/@vite/client')).toEqual({ cancel: false });
    expect(fake.request('ws://localhost:5273/')).toEqual({ cancel: false });
    expect(fake.request('https://example.com/')).toEqual({ cancel: true });
  });

  it('stamps the development CSP on dev-server responses, replacing any other', () => {
    const fake = fakeSession();
    hardenSession(fake.session, { devServerOrigin: DEV_SERVER_ORIGIN, devServerCsp: DEVELOPMENT_CSP });
    const headers = fake.headers('http://localhost:5273/', { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [DEVELOPMENT_CSP],
      'X-Content-Type-Options': ['nosniff'],
    });
  });

  it('leaves other responses untouched (the app scheme sets its own headers)', () => {
    const fake = fakeSession();
    hardenSession(fake.session, { devServerOrigin: DEV_SERVER_ORIGIN, devServerCsp: DEVELOPMENT_CSP });
    expect(fake.headers('app://clearday/index.html', { A: ['1'] })).toEqual({ A: ['1'] });
  });
});

describe('withSecurityHeaders', () => {
  it('drops report-only and differently cased CSP headers', () => {
    expect(
      withSecurityHeaders({ 'Content-Security-Policy-Report-Only': ['x'], 'X-CONTENT-TYPE-OPTIONS': ['y'], Etag: ['1'] }, 'default-src none'),
    ).toEqual({ Etag: ['1'], 'Content-Security-Policy': ['default-src none'], 'X-Content-Type-Options': ['nosniff'] });
  });
});
