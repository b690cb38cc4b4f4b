/**
 * "Start at login": macOS and Windows through Electron's login-item API, Linux through an
 * autostart desktop entry (~/.config/autostart/app.clearday.desktop). A login start passes
 * `--hidden`, so the app opens in the tray instead of showing its window.
 */
import { dirname, isAbsolute, join } from 'node:path';

export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE_NAME = 'app.clearday.desktop';

/**
 * The slice of Electron's `app` used here. `wasOpenedAtLogin` is required, as in Electron's own
 * types, so a field Electron drops fails the type-check (Electron 44 removed `openAsHidden` and
 * `wasOpenedAsHidden`, which an optional field here let pass unnoticed).
 */
export interface LoginItemApi {
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
}

export interface AutostartFileSystem {
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  exists(path: string): Promise<boolean>;
}

export interface LoginItemOptions {
  readonly platform: NodeJS.Platform;
  readonly app: LoginItemApi;
  readonly fs: AutostartFileSystem;
  readonly homeDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** process.execPath */
  readonly execPath: string;
  /** Arguments before --hidden: the app folder when running unpackaged, else none. */
  readonly launchArgs: readonly string[];
  readonly name: string;
}

export interface LoginItem {
  readonly supported: boolean;
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/**
 * Whether this launch should stay in the tray: `--hidden` (Windows and Linux pass it), or a macOS
 * login start. macOS 13's login items take no arguments and no "open hidden" flag, so any start
 * the system made at login stays in the menu bar.
 */
export function launchedHidden(argv: readonly string[], platform: NodeJS.Platform, app: Pick<LoginItemApi, 'getLoginItemSettings'>): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/** `$XDG_CONFIG_HOME/autostart` when that is set to an absolute path, else ~/.config/autostart. */
export function autostartPath(homeDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const configHome = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** Quotes one Exec argument as the Desktop Entry specification asks. */
function quoteExecArgument(argument: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()%]/.test(argument)) return argument;
  return `"${argument.replace(/[\\"`$]/g, (ch) => `\\${ch}`).replace(/%/g, '%%')}"`;
}

export function autostartEntry(name: string, execPath: string, launchArgs: readonly string[]): string {
  const exec = [execPath, ...launchArgs, HIDDEN_FLAG].map(quoteExecArgument).join(' ');
  return ['[Desktop Entry]', 'Type=Application', `Name=${name}`, `Exec=${exec}`, 'Terminal=false', 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function createLoginItem(options: LoginItemOptions): LoginItem {
  const { platform } = options;
  if (platform === 'darwin' || platform === 'win32') {
    // Windows matches the registry entry by its arguments, so the same ones are passed to read it.
    const args = platform === 'win32' ? [...options.launchArgs, HIDDEN_FLAG] : undefined;
    return {
      supported: true,
      isEnabled: async () => options.app.getLoginItemSettings(args ? { args } : undefined).openAtLogin,
      setEnabled: async (enabled) => {
        options.app.setLoginItemSettings({ openAtLogin: enabled, ...(args ? { args } : {}) });
      },
    };
  }
  if (platform === 'linux') {
    const file = autostartPath(options.homeDir, options.env);
    return {
      supported: true,
      isEnabled: () => options.fs.exists(file),
      setEnabled: async (enabled) => {
        if (!enabled) {
          await options.fs.rm(file, { force: true });
          return;
        }
        await options.fs.mkdir(dirname(file), { recursive: true });
        await options.fs.writeFile(file, autostartEntry(options.name, options.execPath, options.launchArgs), 'utf8');
      },
    };
  }
  return { supported: false, isEnabled: async () => false, setEnabled: async () => undefined };
}
