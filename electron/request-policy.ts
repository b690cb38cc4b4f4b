/**
 * The request blocker's decision: the app makes no network requests, so everything that is not
 * the app's own scheme (or, in development, the fixed dev server) is cancelled.
 */
import { APP_HOST, APP_SCHEME } from '../shared/ipc/origins';

export type RequestDecision = 'allow' | 'cancel';

export interface RequestPolicyOptions {
  /** e.g. http://localhost:5273; set only in development. */
  readonly devServerOrigin?: string | undefined;
}

/** Schemes that never leave the machine and that Chromium uses internally. */
const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

export function decideRequest(url: string, options: RequestPolicyOptions = {}): RequestDecision {
  const parsed = parseUrl(url);
  if (!parsed) return 'cancel';
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === APP_HOST && !hasCredentials(parsed) ? 'allow' : 'cancel';
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return 'allow';
  if (options.devServerOrigin && (parsed.protocol === 'http:' || parsed.protocol === 'ws:')) {
    const dev = parseUrl(options.devServerOrigin);
    if (dev && parsed.host === dev.host && !hasCredentials(parsed)) return 'allow';
  }
  return 'cancel';
}

/**
 * scheme://host[:port] of a URL, or undefined for anything without a host or with credentials.
 * Node's URL reports "null" as the origin of non-special schemes such as app:, hence by hand.
 */
export function originOf(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed || parsed.host === '' || hasCredentials(parsed)) return undefined;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && allowedOrigins.includes(origin);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}
