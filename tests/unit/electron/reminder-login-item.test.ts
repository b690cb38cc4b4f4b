import { describe, expect, it, vi } from 'vitest';
import { HIDDEN_FLAG, autostartEntry, autostartPath, createLoginItem, launchedHidden, type LoginItemApi } from '../../../electron/login-item';

function setup(platform: NodeJS.Platform, env: Record<string, string | undefined> = {}) {
  const files = new Map<string, string>();
  const fs = {
    writeFile: vi.fn(async (path: string, data: string) => void files.set(path, data)),
    rm: vi.fn(async (path: string) => void files.delete(path)),
    mkdir: vi.fn(async () => undefined),
    exists: vi.fn(async (path: string) => files.has(path)),
  };
  let openAtLogin = false;
  const app = {
    getLoginItemSettings: vi.fn(() => ({ openAtLogin, wasOpenedAtLogin: false })),
    setLoginItemSettings: vi.fn((settings: Parameters<LoginItemApi['setLoginItemSettings']>[0]) => {
      openAtLogin = settings.openAtLogin;
    }),
  } satisfies LoginItemApi;
  const item = createLoginItem({ platform, app, fs, homeDir: '/home/ana', env, execPath: '/opt/Clearday/clearday', launchArgs: [], name: 'Clearday' });
  return { item, files, fs, app };
}

describe('start at login', () => {
  it('Linux writes and removes ~/.config/autostart/app.clearday.desktop, starting hidden', async () => {
    const { item, files } = setup('linux');
    expect(item.supported).toBe(true);
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(true);
    expect(await item.isEnabled()).toBe(true);
    const entry = files.get('/home/ana/.config/autostart/app.clearday.desktop');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec=/opt/Clearday/clearday --hidden\n');
    await item.setEnabled(false);
    expect(files.size).toBe(0);
    expect(await item.isEnabled()).toBe(false);
  });

  it('honours XDG_CONFIG_HOME and quotes paths with spaces', () => {
    expect(autostartPath('/home/ana', { XDG_CONFIG_HOME: '/home/ana/cfg' })).toBe('/home/ana/cfg/autostart/app.clearday.desktop');
    expect(autostartPath('/home/ana', { XDG_CONFIG_HOME: 'relative' })).toBe('/home/ana/.config/autostart/app.clearday.desktop');
    expect(autostartEntry('Clearday', '/opt/My Apps/electron', ['/src/clear day'])).toContain('Exec="/opt/My Apps/electron" "/src/clear day" --hidden\n');
  });

  it.each(['darwin', 'win32'] as const)('%s uses the login-item API', async (platform) => {
    const { item, app, fs } = setup(platform);
    await item.setEnabled(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith(expect.objectContaining({ openAtLogin: true }));
    // Electron 44 removed openAsHidden; passing it would be silently ignored.
    expect(app.setLoginItemSettings.mock.calls.every(([settings]) => !('openAsHidden' in settings))).toBe(true);
    if (platform === 'win32') expect(app.setLoginItemSettings).toHaveBeenCalledWith(expect.objectContaining({ args: [HIDDEN_FLAG] }));
    expect(await item.isEnabled()).toBe(true);
    await item.setEnabled(false);
    expect(await item.isEnabled()).toBe(false);
    expect(fs.writeFile).not.toHaveBeenCalled();
  });

  it('is unsupported elsewhere', async () => {
    const { item } = setup('freebsd');
    expect(item.supported).toBe(false);
    expect(await item.isEnabled()).toBe(false);
  });

  it('a login start (--hidden, or a macOS start at login) stays hidden', () => {
    const settings = (wasOpenedAtLogin: boolean) => ({ getLoginItemSettings: () => ({ openAtLogin: true, wasOpenedAtLogin }) });
    expect(launchedHidden(['/opt/clearday', '--hidden'], 'linux', settings(false))).toBe(true);
    expect(launchedHidden(['/opt/clearday'], 'linux', settings(true))).toBe(false);
    expect(launchedHidden(['/Applications/Clearday.app'], 'darwin', settings(true))).toBe(true);
    expect(launchedHidden(['/Applications/Clearday.app'], 'darwin', settings(false))).toBe(false);
    expect(launchedHidden(['C:\\Clearday.exe'], 'win32', settings(false))).toBe(false);
  });
});
