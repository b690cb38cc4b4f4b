/**
 * The privileged `app://clearday/` scheme that serves the built renderer. A standard, secure
 * scheme gives IndexedDB a stable origin; the handler serves only files inside the renderer
 * folder and stamps every response with the CSP.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from '../shared/ipc/origins';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    // standard + secure: a real origin (app://clearday) that counts as a secure context, which
    // IndexedDB, crypto.subtle and module scripts need.
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // Vite marks module scripts crossorigin; same-origin CORS requests must be accepted.
    corsEnabled: true,
    stream: true,
    codeCache: true,
  },
};

export type PathResolution =
  | { readonly ok: true; readonly relativePath: string }
  | { readonly ok: false; readonly status: 400 | 403 };

const INDEX_FILE = 'index.html';

/**
 * Maps a request URL to a path relative to the renderer folder, refusing anything that could
 * leave it. Works on the raw text (before any URL normalization) so encoded dot segments,
 * encoded slashes and backslashes are refused rather than silently collapsed.
 */
export function resolveAppRequestPath(requestUrl: string): PathResolution {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(requestUrl);
  if (!match) return { ok: false, status: 400 };
  const [, scheme = '', host = '', rawPath = ''] = match;
  if (scheme.toLowerCase() !== APP_SCHEME || host.toLowerCase() !== APP_HOST) return { ok: false, status: 403 };
  if (rawPath === '' || rawPath === '/') return { ok: true, relativePath: INDEX_FILE };
  if (!rawPath.startsWith('/')) return { ok: false, status: 400 };

  const rawSegments = rawPath.slice(1).split('/');
  // A trailing slash names a directory; only the root has an index.
  if (rawSegments.at(-1) === '') return { ok: false, status: 403 };
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { ok: false, status: 400 };
    }
    if (!isSafeSegment(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  return { ok: true, relativePath: segments.join('/') };
}

/**
 * One path segment after decoding: no separators of any platform, no drive letters or
 * alternate data streams (":"), no control characters or NUL, no "." / ".." and none of the
 * trailing dots or spaces that Windows strips (which would turn "..." into "..").
 */
function isSafeSegment(segment: string): boolean {
  if (segment === '') return false;
  if (/[/\\:]/.test(segment)) return false;
  if ([...segment].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return false;
  if (/^[.\s]+$/.test(segment)) return false;
  if (/[.\s]$/.test(segment)) return false;
  return true;
}

/** Absolute path of a resolved relative path, or undefined when it would fall outside root. */
export function joinInsideRoot(rootDir: string, relativePath: string): string | undefined {
  const root = resolve(rootDir);
  const full = resolve(root, relativePath);
  return isInside(root, full) ? full : undefined;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes; with nosniff the page cannot run them as script. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the scheme, errors included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The files change with every build; the app is local, so revalidating costs nothing.
    'Cache-Control': 'no-cache',
  };
}

/** The slice of node:fs/promises the handler needs, so tests can use a temp folder or a fake. */
export interface RendererFileSystem {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

export interface AppProtocolHandlerOptions {
  readonly rootDir: string;
  readonly fs: RendererFileSystem;
  readonly csp: string;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(options: AppProtocolHandlerOptions): AppProtocolHandler {
  const { fs, csp } = options;
  const rootDir = resolve(options.rootDir);
  let realRoot: Promise<string> | undefined;

  const errorResponse = (status: number): Response =>
    new Response(null, { status, headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolution = resolveAppRequestPath(request.url);
    if (!resolution.ok) return errorResponse(resolution.status);
    const filePath = joinInsideRoot(rootDir, resolution.relativePath);
    if (!filePath) return errorResponse(403);

    let realFile: string;
    try {
      realRoot ??= fs.realpath(rootDir);
      const root = await realRoot;
      realFile = await fs.realpath(filePath);
      // A symlink inside the renderer folder must not lead outside it.
      if (!isInside(root, realFile)) return errorResponse(403);
      if (!(await fs.stat(realFile)).isFile()) return errorResponse(404);
    } catch (error) {
      realRoot = undefined;
      return errorResponse(isMissingFile(error) ? 404 : 500);
    }

    const headers = { ...securityHeaders(csp), 'Content-Type': mimeTypeFor(realFile) };
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    try {
      const body = await fs.readFile(realFile);
      return new Response(body, { status: 200, headers });
    } catch (error) {
      return errorResponse(isMissingFile(error) ? 404 : 500);
    }
  };
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
