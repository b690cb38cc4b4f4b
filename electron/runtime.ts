/**
 * Which mode the main process runs in and where its data lives. Kept free of Electron imports so
 * Vitest can check every choice; main.ts passes in `app.isPackaged`, `process.env` and the OS
 * appData folder.
 */
import { isAbsolute, join } from 'node:path';
import { APP_ORIGIN, DEV_SERVER_ORIGIN, DEV_USER_DATA_DIR, USER_DATA_DIR } from '../shared/ipc/origins';

export interface RuntimeMode {
  /** True only when running unpackaged against the Vite dev server (`npm run dev`). */
  readonly isDevelopment: boolean;
  /** The dev server origin in development; undefined in production. */
  readonly devServerOrigin: string | undefined;
  /** Origins whose main frame may call IPC and be navigated to. */
  readonly allowedOrigins: readonly string[];
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Development means "CLEARDAY_DEV_SERVER_URL is set and the app is not packaged". `npm start`
 * runs unpackaged but is the real app for people running from source, so `!app.isPackaged`
 * alone does not mean development; and a packaged app ignores the variable, so nobody can point
 * an installed Clearday at a web server by setting an environment variable.
 */
export function resolveRuntimeMode(env: Environment, isPackaged: boolean): RuntimeMode {
  const devServerUrl = env.CLEARDAY_DEV_SERVER_URL;
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') {
    return { isDevelopment: false, devServerOrigin: undefined, allowedOrigins: [APP_ORIGIN] };
  }
  // The origin is part of IndexedDB's key: only the one fixed dev origin is accepted.
  if (devServerUrl.replace(/\/+$/, '') !== DEV_SERVER_ORIGIN) {
    throw new Error(`CLEARDAY_DEV_SERVER_URL must be ${DEV_SERVER_ORIGIN} (got ${devServerUrl}); the dev server port is fixed.`);
  }
  return { isDevelopment: true, devServerOrigin: DEV_SERVER_ORIGIN, allowedOrigins: [APP_ORIGIN, DEV_SERVER_ORIGIN] };
}

/**
 * `<appData>/Clearday` or `<appData>/Clearday-dev`, fixed names so renaming the package never
 * moves the data. The Electron end-to-end spec may point an unpackaged app at a throwaway folder
 * (CLEARDAY_E2E=1 plus an absolute CLEARDAY_E2E_USER_DATA) so tests never touch real data.
 */
export function chooseUserDataPath(appDataPath: string, mode: RuntimeMode, env: Environment, isPackaged: boolean): string {
  const testFolder = env.CLEARDAY_E2E_USER_DATA;
  if (!isPackaged && env.CLEARDAY_E2E === '1' && testFolder && isAbsolute(testFolder)) return testFolder;
  return join(appDataPath, mode.isDevelopment ? DEV_USER_DATA_DIR : USER_DATA_DIR);
}

/**
 * The only folders the app writes to inside userData; nothing goes in its root. `session` holds
 * Chromium's own storage (IndexedDB included): fixed now, since moving it later would strand
 * every row of the database.
 */
export type UserDataFolder = 'state' | 'backups' | 'exports' | 'session';

export function userDataFolder(userDataPath: string, folder: UserDataFolder): string {
  return join(userDataPath, folder);
}

/** Whether the end-to-end test hooks may be exposed (never in a packaged app). */
export function testHooksEnabled(env: Environment, isPackaged: boolean): boolean {
  return !isPackaged && env.CLEARDAY_E2E === '1';
}
