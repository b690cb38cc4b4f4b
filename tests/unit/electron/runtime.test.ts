import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, DEV_SERVER_ORIGIN } from '../../../shared/ipc/origins';
import { chooseUserDataPath, resolveRuntimeMode, testHooksEnabled, userDataFolder } from '../../../electron/runtime';

const appData = join('/home', 'ana', '.config');

describe('resolveRuntimeMode', () => {
  it('is production without the dev server variable, packaged or not (npm start is the real app)', () => {
    for (const isPackaged of [true, false]) {
      expect(resolveRuntimeMode({}, isPackaged)).toEqual({ isDevelopment: false, devServerOrigin: undefined, allowedOrigins: [APP_ORIGIN] });
    }
    expect(resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: '' }, false).isDevelopment).toBe(false);
  });

  it('is development with the dev server variable in an unpackaged app', () => {
    for (const url of ['http://localhost:5273', 'http://localhost:5273/']) {
      expect(resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: url }, false)).toEqual({
        isDevelopment: true,
        devServerOrigin: DEV_SERVER_ORIGIN,
        allowedOrigins: [APP_ORIGIN, DEV_SERVER_ORIGIN],
      });
    }
  });

  it('ignores the variable in a packaged app', () => {
    expect(resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: 'http://localhost:5273' }, true).isDevelopment).toBe(false);
  });

  it('refuses any other dev server origin (the port is part of the database key)', () => {
    for (const url of ['http://localhost:5274', 'http://127.0.0.1:5273', 'https://evil.example', 'http://localhost:5273/sub']) {
      expect(() => resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: url }, false), url).toThrow(/must be http:\/\/localhost:5273/);
    }
  });
});

describe('chooseUserDataPath', () => {
  const production = resolveRuntimeMode({}, true);
  const development = resolveRuntimeMode({ CLEARDAY_DEV_SERVER_URL: DEV_SERVER_ORIGIN }, false);

  it('uses fixed folder names: Clearday, and Clearday-dev in development', () => {
    expect(chooseUserDataPath(appData, production, {}, true)).toBe(join(appData, 'Clearday'));
    expect(chooseUserDataPath(appData, resolveRuntimeMode({}, false), {}, false)).toBe(join(appData, 'Clearday'));
    expect(chooseUserDataPath(appData, development, {}, false)).toBe(join(appData, 'Clearday-dev'));
  });

  it('lets the Electron e2e spec use a throwaway folder, never in a packaged app', () => {
    const env = { CLEARDAY_E2E: '1', CLEARDAY_E2E_USER_DATA: join('/tmp', 'clearday-e2e') };
    expect(chooseUserDataPath(appData, production, env, false)).toBe(join('/tmp', 'clearday-e2e'));
    expect(chooseUserDataPath(appData, production, env, true)).toBe(join(appData, 'Clearday'));
    expect(chooseUserDataPath(appData, production, { CLEARDAY_E2E_USER_DATA: '/tmp/x' }, false)).toBe(join(appData, 'Clearday'));
    expect(chooseUserDataPath(appData, production, { CLEARDAY_E2E: '1', CLEARDAY_E2E_USER_DATA: 'relative' }, false)).toBe(join(appData, 'Clearday'));
  });

  it('puts app files in named subfolders of userData', () => {
    const userData = join(appData, 'Clearday');
    expect(userDataFolder(userData, 'state')).toBe(join(userData, 'state'));
    expect(userDataFolder(userData, 'backups')).toBe(join(userData, 'backups'));
    expect(userDataFolder(userData, 'exports')).toBe(join(userData, 'exports'));
  });

  it('enables test hooks only for an unpackaged app under CLEARDAY_E2E=1', () => {
    expect(testHooksEnabled({ CLEARDAY_E2E: '1' }, false)).toBe(true);
    expect(testHooksEnabled({ CLEARDAY_E2E: '1' }, true)).toBe(false);
    expect(testHooksEnabled({}, false)).toBe(false);
  });
});
