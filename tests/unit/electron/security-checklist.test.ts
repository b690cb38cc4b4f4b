/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, for
 * everything that applies to Clearday: each test reads what the main process really builds (the
 * window options, the session hardening, the handlers, the CSP, the fuses) or, for the few rules
 * that are about what the code must never call, the main-process sources themselves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../electron/bridge';
import { createSenderCheck, registerIpcHandlers, type IpcHandlers } from '../../../electron/ipc';
import { mainWindowOptions, startUrl } from '../../../electron/main-window';
import { resolveRuntimeMode } from '../../../electron/runtime';
import { hardenSession, hardenWebContents, type HardenableSession } from '../../../electron/security';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { APP_ORIGIN } from '../../../shared/ipc/origins';
import { PRODUCTION_CSP } from '../../../shared/security/csp';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; build: { electronFuses: Record<string, boolean> } };
const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', restored: { bounds: { width: 1200, height: 800 }, isMaximized: false }, darkTheme: false });
const preferences = options.webPreferences ?? {};
/**
 * A source without its comments, so a rule quoted in a comment does not count, cut by TypeScript's
 * own scanner (a `//` inside a string such as 'file:///x' is no comment).
 */
function withoutComments(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const parts: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.SingleLineCommentTrivia && token !== ts.SyntaxKind.MultiLineCommentTrivia) parts.push(scanner.getTokenText());
  }
  return parts.join('');
}

/** The main process's sources, comments removed. */
const mainSources = readdirSync(join(ROOT, 'electron'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: withoutComments(readFileSync(join(ROOT, 'electron', name), 'utf8')) }));
const production = resolveRuntimeMode({}, true);

function fakeSession() {
  const handlers: { request?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void; check?: () => boolean; device?: () => boolean; beforeRequest?: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
    webRequest: {
      onBeforeRequest: (listener) => void (handlers.beforeRequest = listener),
      onHeadersReceived: () => undefined,
    },
  };
  hardenSession(session, {});
  return handlers;
}

describe("Electron's security checklist", () => {
  it('1. only secure content: the app loads from its own secure scheme, never http or file', () => {
    expect(startUrl(production)).toBe(`${APP_ORIGIN}/index.html`);
    expect(APP_ORIGIN).toBe('app://clearday');
    const { beforeRequest } = fakeSession();
    const decide = (url: string) => {
      let cancelled: boolean | undefined;
      beforeRequest?.({ url }, (response) => (cancelled = response.cancel));
      return cancelled;
    };
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('http://localhost:5273/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://clearday/index.html')).toBe(false);
  });

  it('2. no Node.js integration for any content, in workers and subframes too', () => {
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. context isolation on', () => {
    expect(preferences.contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed, and every renderer is (app.enableSandbox before ready)', () => {
    expect(preferences.sandbox).toBe(true);
    const main = mainSources.find((source) => source.name === 'main.ts')!.text;
    expect(main).toMatch(/app\.enableSandbox\(\);/);
    // Before whenReady: the switch only works before the app is ready.
    expect(main.indexOf('.whenReady()')).toBeGreaterThan(0);
    expect(main.indexOf('app.enableSandbox()')).toBeLessThan(main.indexOf('.whenReady()'));
  });

  it('5. every permission request and check is refused', () => {
    const { request, check, device } = fakeSession();
    for (const permission of ['media', 'display-capture', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb']) {
      const granted = vi.fn();
      request?.({}, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });

  it('6. webSecurity is not turned off', () => {
    expect(preferences.webSecurity).toBe(true);
  });

  it('7. a Content-Security-Policy that allows only the app itself', () => {
    const directives = new Map(PRODUCTION_CSP.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('8. no insecure content over a secure page', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
  });

  it('9. no experimental features, and 10. no Blink features switched on', () => {
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    for (const { name, text } of mainSources) {
      expect(text, name).not.toMatch(/experimentalFeatures|enableBlinkFeatures|enable-blink-features|enable-experimental-web-platform-features/);
    }
  });

  it('11./12. no <webview>, and any attempt to attach one is refused', () => {
    expect(preferences.webviewTag).toBe(false);
    const listeners = new Map<string, (event: { preventDefault(): void; url?: string }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    hardenWebContents({ on: (name: string, listener: never) => listeners.set(name, listener), setWindowOpenHandler: (handler) => void (openHandler = handler) }, [APP_ORIGIN]);
    const attach = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    // 13. navigation away is refused, and 14. no new window opens.
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = { url: 'https://example.com/', preventDefault: vi.fn() };
      listeners.get(name)?.(away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const inside = { url: `${APP_ORIGIN}/index.html#/debts`, preventDefault: vi.fn() };
      listeners.get(name)?.(inside);
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
    expect(openHandler?.({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal is never used', () => {
    for (const { name, text } of mainSources) expect(text, name).not.toMatch(/openExternal|openPath|shell\./);
  });

  it('16. a current Electron: the supported 45 line, pinned exactly', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/);
  });

  it('17. every IPC channel checks its sender and refuses anything but the app\'s own main frame', async () => {
    const registered = new Map<string, (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => unknown>();
    const handlers = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, vi.fn()])) as unknown as IpcHandlers;
    registerIpcHandlers({ handle: (channel, listener) => void registered.set(channel, listener) }, handlers, createSenderCheck([APP_ORIGIN]));
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const [channel, listener] of registered) {
      for (const senderFrame of [null, { url: 'https://example.com/', parent: null }, { url: `${APP_ORIGIN}/index.html`, parent: {} }, { url: 'file:///tmp/x.html', parent: null }]) {
        await expect(Promise.resolve().then(() => listener({ senderFrame }, undefined)), channel).rejects.toThrow(/Refused/);
      }
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('18. no file:// pages: the file-protocol fuse is off and nothing loads a file URL', () => {
    expect(pkg.build.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
    for (const { name, text } of mainSources) expect(text, name).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('19. the fuses: no running as Node, no NODE_OPTIONS, no --inspect, asar integrity', () => {
    expect(pkg.build.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('20. the page gets two functions, not Electron APIs: invoke and on, frozen', () => {
    const bridge = createBridge({ invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() });
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    const preload = mainSources.find((source) => source.name === 'preload.ts')!.text;
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    // What is exposed is the bridge around ipcRenderer, never ipcRenderer itself.
    expect(preload).toMatch(/exposeInMainWorld\('clearday', createBridge\(ipcRenderer\)\);/);
  });

  it('the comment stripper keeps what is in strings (so the checks above can fail)', () => {
    expect(withoutComments("win.loadURL('file:///x'); // loadFile(\n/* openExternal */ go();")).toBe("win.loadURL('file:///x'); \n go();");
  });

  it('spellcheck is off (it would send typed text to a dictionary service on some platforms)', () => {
    expect(preferences.spellcheck).toBe(false);
  });
});
