import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME } from '../../../shared/ipc/origins';
import { PRODUCTION_CSP } from '../../../shared/security/csp';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isInside,
  joinInsideRoot,
  mimeTypeFor,
  resolveAppRequestPath,
} from '../../../electron/app-protocol';

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app: as a standard, secure scheme that supports fetch', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe(APP_SCHEME);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });
});

describe('resolveAppRequestPath', () => {
  it.each([
    ['app://clearday/', 'index.html'],
    ['app://clearday', 'index.html'],
    ['app://clearday/index.html', 'index.html'],
    ['app://clearday/index.html#/debts', 'index.html'],
    ['app://clearday/assets/index-DZ_QuzcG.js', 'assets/index-DZ_QuzcG.js'],
    ['app://clearday/assets/x.css?v=2', 'assets/x.css'],
    ['app://clearday/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
    ['app://clearday/%E5%9B%BE.png', '图.png'],
    ['APP://CLEARDAY/icon.svg', 'icon.svg'],
  ])('%s resolves to %s', (url, relativePath) => {
    expect(resolveAppRequestPath(url)).toEqual({ ok: true, relativePath });
  });

  it.each([
    'app://clearday/../etc/passwd',
    'app://clearday/assets/../../etc/passwd',
    'app://clearday/./index.html',
    'app://clearday/%2e%2e/etc/passwd',
    'app://clearday/%2E%2E/%2E%2E/etc/passwd',
    'app://clearday/.%2e/secret',
    'app://clearday/assets%2f..%2f..%2fsecret',
    'app://clearday/assets%2F..%2Fsecret',
    'app://clearday/..%5c..%5csecret',
    'app://clearday/assets\\..\\..\\secret',
    'app://clearday/%5c%5cserver%5cshare',
    'app://clearday//etc/passwd',
    'app://clearday/C:/Windows/win.ini',
    'app://clearday/C%3A%5CWindows%5Cwin.ini',
    'app://clearday/index.html%00.png',
    'app://clearday/index.html%0a',
    'app://clearday/...',
    'app://clearday/index.html.',
    'app://clearday/index.html%20',
    'app://clearday/file.txt::$DATA',
    'app://clearday/assets/',
    'app://evil/index.html',
    'app://clearday.evil/index.html',
    'app://clearday:8080/index.html',
    'app://user@clearday/index.html',
    'http://clearday/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 403', (url) => {
    expect(resolveAppRequestPath(url)).toEqual({ ok: false, status: 403 });
  });

  it.each(['app://clearday/%E0%A4%A', 'app://clearday/%zz', 'not a url', '/etc/passwd'])('refuses malformed %s with 400', (url) => {
    expect(resolveAppRequestPath(url)).toEqual({ ok: false, status: 400 });
  });
});

describe('joinInsideRoot / isInside', () => {
  const root = join(tmpdir(), 'renderer-root');
  it('keeps good paths inside the root', () => {
    expect(joinInsideRoot(root, 'assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    expect(isInside(root, join(root, 'index.html'))).toBe(true);
  });
  it('refuses anything that resolves outside or to the root itself', () => {
    expect(joinInsideRoot(root, '../x')).toBeUndefined();
    expect(joinInsideRoot(root, '/etc/passwd')).toBeUndefined();
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, `${root}-sibling/file`)).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.exe', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  let symlinksAvailable = false;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'clearday-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clearday</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
    mkdirSync(join(base, 'renderer-sibling'));
    writeFileSync(join(base, 'renderer-sibling', 'x.js'), 'sibling');
    try {
      symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
      symlinkSync(join(root, 'index.html'), join(root, 'link-in.html'));
      symlinksAvailable = true;
    } catch {
      // Symlinks may be unavailable (Windows without privileges); those cases then 404.
    }
    handler = createAppProtocolHandler({ rootDir: root, fs: { realpath, stat, readFile }, csp: PRODUCTION_CSP });
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handler({ url, method } as Request);

  function expectSecurityHeaders(response: Response) {
    expect(response.headers.get('Content-Security-Policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  }

  it('serves index.html for the root with the HTML type, the CSP and nosniff', async () => {
    const response = await get('app://clearday/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<title>Clearday</title>');
  });

  it('serves assets with their MIME type', async () => {
    const response = await get('app://clearday/assets/app.js?v=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('export {};');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://clearday/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a missing file', 'app://clearday/missing.js', 404],
    ['a directory', 'app://clearday/assets', 404],
    ['traversal', 'app://clearday/../secret.txt', 403],
    ['encoded traversal', 'app://clearday/%2e%2e/secret.txt', 403],
    ['encoded slash traversal', 'app://clearday/assets%2f..%2f..%2fsecret.txt', 403],
    ['backslash traversal', 'app://clearday/..\\secret.txt', 403],
    ['a sibling folder with the same prefix', 'app://clearday/..%2frenderer-sibling%2fx.js', 403],
    ['a NUL byte', 'app://clearday/index.html%00', 403],
    ['a foreign host', 'app://evil/index.html', 403],
  ])('refuses %s (%s) with %i, still with the CSP', async (_name, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://clearday/index.html', 'POST');
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it('refuses a symlink that leads outside the renderer folder, follows one that stays inside', async () => {
    const outside = await get('app://clearday/link-out.txt');
    expect(outside.status).toBe(symlinksAvailable ? 403 : 404);
    expect(await outside.text()).not.toContain('outside the renderer folder');
    const inside = await get('app://clearday/link-in.html');
    expect(inside.status).toBe(symlinksAvailable ? 200 : 404);
  });

  it('answers 500 (never a crash) when reading fails unexpectedly', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      csp: PRODUCTION_CSP,
      fs: {
        realpath: async (path) => path,
        stat: async () => ({ isFile: () => true }),
        readFile: async () => {
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        },
      },
    });
    const response = await failing({ url: 'app://clearday/index.html', method: 'GET' } as Request);
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
  });
});
