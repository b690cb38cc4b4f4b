import { describe, expect, it } from 'vitest';
import { DEV_SERVER_ORIGIN } from '../../../shared/ipc/origins';
import { decideRequest, isAllowedOrigin, originOf } from '../../../electron/request-policy';

describe('decideRequest (production)', () => {
  it.each([
    ['app://clearday/index.html', 'allow'],
    ['app://clearday/assets/index-Cj9sJWV2.js', 'allow'],
    ['app://clearday/assets/x.css?v=1#frag', 'allow'],
    ['devtools://devtools/bundled/inspector.html', 'allow'],
    ['data:image/png;base64,iVBORw0KGgo=', 'allow'],
    ['blob:app://clearday/5b2c-4a1e', 'allow'],
    ['app://other/index.html', 'cancel'],
    ['app://clearday@evil.example/', 'cancel'],
    ['app://user:pass@clearday/index.html', 'cancel'],
    ['file:///etc/passwd', 'cancel'],
    ['file:///C:/Windows/win.ini', 'cancel'],
    ['https://example.com/', 'cancel'],
    ['http://example.com/', 'cancel'],
    ['https://sentry.io/api/1/store/', 'cancel'],
    ['http://localhost:5273/', 'cancel'],
    ['ws://localhost:5273/', 'cancel'],
    ['wss://evil.example/socket', 'cancel'],
    ['ftp://example.com/file', 'cancel'],
    ['chrome-extension://abcdef/background.js', 'cancel'],
    ['chrome://settings', 'cancel'],
    ['javascript:alert(1)', 'cancel'],
    ['about:blank', 'cancel'],
    ['mailto:someone@example.com', 'cancel'],
    ['not a url', 'cancel'],
    ['', 'cancel'],
  ] as const)('%s -> %s', (url, expected) => {
    expect(decideRequest(url)).toBe(expected);
    expect(decideRequest(url, {})).toBe(expected);
  });
});

describe('decideRequest (development)', () => {
  const dev = { devServerOrigin: DEV_SERVER_ORIGIN };
  it.each([
    ['http://localhost:5273/', 'allow'],
    ['http://localhost:5273/@vite/client', 'allow'],
    ['http://localhost:5273/src/main.tsx?t=123', 'allow'],
    ['ws://localhost:5273/?token=abc', 'allow'],
    ['app://clearday/index.html', 'allow'],
    ['https://localhost:5273/', 'cancel'],
    ['wss://localhost:5273/', 'cancel'],
    ['http://localhost:5274/', 'cancel'],
    ['ws://localhost:24678/', 'cancel'],
    ['http://127.0.0.1:5273/', 'cancel'],
    ['http://localhost:5273@evil.example/', 'cancel'],
    ['http://user@localhost:5273/', 'cancel'],
    ['http://localhost/', 'cancel'],
    ['https://example.com/', 'cancel'],
    ['ws://evil.example:5273/', 'cancel'],
    ['file:///etc/passwd', 'cancel'],
  ] as const)('%s -> %s', (url, expected) => {
    expect(decideRequest(url, dev)).toBe(expected);
  });
});

describe('originOf / isAllowedOrigin', () => {
  it('computes origins for the custom scheme, which Node reports as "null"', () => {
    expect(originOf('app://clearday/index.html#/debts')).toBe('app://clearday');
    expect(originOf('APP://Clearday/x')).toBe('app://clearday');
    expect(originOf('http://localhost:5273/a')).toBe('http://localhost:5273');
    expect(originOf('app://clearday@evil.example/')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('nonsense')).toBeUndefined();
  });

  it('matches whole origins only', () => {
    expect(isAllowedOrigin('app://clearday/index.html', ['app://clearday'])).toBe(true);
    expect(isAllowedOrigin('app://clearday.evil/index.html', ['app://clearday'])).toBe(false);
    expect(isAllowedOrigin('https://example.com/', ['app://clearday'])).toBe(false);
  });
});
