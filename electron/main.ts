/**
 * The one file that touches the real Electron objects: it wires the testable modules together.
 * Order matters: userData, the privileged scheme and the single-instance lock are set before
 * `ready`; everything that needs a session or a display comes after.
 */
import { randomUUID } from 'node:crypto';
import { constants as fsConstants, existsSync } from 'node:fs';
import { access, appendFile, mkdir, open, readFile, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, nativeTheme, powerMonitor, protocol, screen, session } from 'electron';
import { APP_ID, APP_SCHEME } from '../shared/ipc/origins';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../shared/security/csp';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { createBackupService, installQuitBackup } from './backup-service';
import { BACKUP_SETTINGS_FILE, createBackupSettingsStore, type BackupFileSystem } from './backup-store';
import { withStartFolder } from './dialog-folder';
import { sendEvent } from './events';
import { FileTooLargeError, fileFilters, type FileDialogs } from './file-handlers';
import { createFileSessions } from './file-sessions';
import { createSenderCheck, registerIpcHandlers } from './ipc';
import { createIpcHandlers } from './ipc-handlers';
import { createLoginItem, launchedHidden } from './login-item';
import { mainWindowOptions, startUrl } from './main-window';
import { createNotifier } from './notifications';
import { createReminderService, type ReminderService } from './reminder-service';
import { REMINDER_STATE_FILE, createReminderStore } from './reminder-store';
import { chooseUserDataPath, resolveRuntimeMode, testHooksEnabled, userDataFolder } from './runtime';
import { hardenSession, installWebContentsHardening } from './security';
import { claimSingleInstance } from './single-instance';
import type { StateFileSystem } from './state-file';
import { createTrayController, type TrayController } from './tray';
import { languageFromLocale } from './tray-labels';
import { hideOnClose, showWindow, trackQuitting, type QuitFlag } from './window-lifecycle';
import { createWindowStateStore, restoreWindowState, trackWindowState, type Rectangle } from './window-state';

const log = (message: string): void => console.warn(`[clearday] ${message}`);

/**
 * main.cjs always sits in <app>/dist-electron, packaged (inside app.asar) or not. app.getAppPath()
 * would name dist-electron itself when Electron is started with the file instead of the folder.
 */
const appRoot = resolve(__dirname, '..');
const rendererRoot = join(appRoot, 'dist', 'renderer');
const preloadPath = join(appRoot, 'dist-electron', 'preload.cjs');
// macOS menu bar: a template image (black and alpha) that the system tints for light and dark
// bars; the name ending in "Template" is what tells Electron so. Elsewhere the coloured icon,
// outlined to read on light and dark panels. The @2x files are picked up by name.
const trayIconPath = join(appRoot, 'build', 'tray', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
const windowIconPath = join(appRoot, 'build', 'icon.png');

const mode = resolveRuntimeMode(process.env, app.isPackaged);
app.setPath('userData', chooseUserDataPath(app.getPath('appData'), mode, process.env, app.isPackaged));
app.setPath('sessionData', userDataFolder(app.getPath('userData'), 'session'));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
// Windows shows no notifications unless this matches the installer's appId.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

let mainWindow: BrowserWindow | undefined;
// Module-level so the Tray is never garbage-collected.
let tray: TrayController | undefined;

if (claimSingleInstance(app, () => showWindow(mainWindow))) {
  installWebContentsHardening(app, mode.allowedOrigins, log);
  const quit = trackQuitting(app);
  app
    .whenReady()
    .then(() => start(quit))
    .catch((error: unknown) => {
      log(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.exit(1);
    });
}

async function start(quit: QuitFlag): Promise<void> {
  hardenSession(session.defaultSession, { devServerOrigin: mode.devServerOrigin, devServerCsp: DEVELOPMENT_CSP, log });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererRoot, fs: { realpath, stat, readFile }, csp: PRODUCTION_CSP }));

  const stateFolder = userDataFolder(app.getPath('userData'), 'state');
  // Every JSON state file (window, reminders, backup folder) is read and written through this.
  const stateFs: StateFileSystem = { readFile: (path) => readFile(path), open, rename, rm, mkdir };
  const stateFile = join(stateFolder, 'window.json');
  const stateStore = createWindowStateStore(stateFile, stateFs, log);
  const restored = restoreWindowState(await stateStore.load(), displayWorkAreas());

  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath,
      restored,
      darkTheme: nativeTheme.shouldUseDarkColors,
      iconPath: existsSync(windowIconPath) ? windowIconPath : undefined,
    }),
  );
  mainWindow = window;
  trackWindowState(window, (state) => void stateStore.save(state), {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  // Without a tray (plain GNOME) closing minimizes, so the window stays reachable.
  hideOnClose(window, quit, () => tray?.hasTray ?? false);
  // A login start (--hidden, or macOS's hidden login item) stays in the tray.
  const startHidden = launchedHidden(process.argv, process.platform, app);
  window.once('ready-to-show', () => {
    if (restored.isMaximized) window.maximize();
    if (!startHidden) {
      window.show();
    } else if (!(tray?.hasTray ?? false)) {
      window.showInactive();
      window.minimize();
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  window.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));

  tray = createTrayController({
    createTray: () => {
      const icon = nativeImage.createFromPath(trayIconPath);
      if (icon.isEmpty()) log(`tray icon missing at ${trayIconPath}`);
      return new Tray(icon);
    },
    buildMenu: (items) =>
      Menu.buildFromTemplate(
        items.map((item) =>
          'id' in item ? { id: item.id, label: item.label, click: item.click, type: item.type ?? 'normal', checked: item.checked ?? false } : { type: item.type },
        ),
      ),
    language: languageFromLocale(app.getLocale()),
    onOpen: () => showWindow(mainWindow),
    onOpenRoute: (route) => openRoute(route),
    onPause: (until) =>
      void live.reminders?.pause(until === null ? null : new Date(until).toISOString()).catch((error: unknown) => log(`pause not changed: ${String(error)}`)),
    onStartAtLogin: (enabled) => void setStartAtLogin(enabled).catch((error: unknown) => log(`start at login not changed: ${String(error)}`)),
    now: () => Date.now(),
    onQuit: () => app.quit(),
    log,
  });

  const openRoute = (route: string | undefined) => {
    showWindow(mainWindow);
    if (route) sendEvent(mainWindow?.webContents, 'app:navigate', { route });
  };

  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    onClick: openRoute,
    // Notification buttons exist on macOS and Windows only.
    supportsActions: () => process.platform === 'darwin' || process.platform === 'win32',
    log,
  });

  const loginItem = createLoginItem({
    platform: process.platform,
    app,
    fs: {
      writeFile: (path, data, encoding) => writeFile(path, data, encoding),
      rm,
      mkdir,
      exists: (path) => access(path).then(
        () => true,
        () => false,
      ),
    },
    homeDir: app.getPath('home'),
    env: process.env,
    execPath: process.execPath,
    // Unpackaged, the Electron binary needs the app folder to know what to run.
    launchArgs: app.isPackaged ? [] : [appRoot],
    name: 'Clearday',
  });
  let startAtLogin = false;
  // Filled once the service has loaded its state; the tray reads it from then on.
  const live: { reminders?: ReminderService } = {};
  const refreshTray = () => {
    const plan = live.reminders?.getPlan() ?? null;
    tray?.update({
      nextDues: plan?.nextDues ?? [],
      texts: plan?.texts ?? null,
      pausedUntil: live.reminders?.getState().pausedUntil ?? null,
      startAtLogin,
      startAtLoginSupported: loginItem.supported,
    });
  };
  const setStartAtLogin = async (enabled: boolean) => {
    await loginItem.setEnabled(enabled);
    startAtLogin = await loginItem.isEnabled();
    refreshTray();
  };

  const service = await createReminderService({
    clock: { now: () => Date.now() },
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    store: createReminderStore(join(stateFolder, REMINDER_STATE_FILE), stateFs, log),
    notifier,
    onChanged: () => {
      sendEvent(mainWindow?.webContents, 'reminders:changed', {});
      refreshTray();
    },
    onAction: (key, action) => {
      sendEvent(mainWindow?.webContents, 'reminders:action', { key, action });
    },
    log,
  });
  live.reminders = service;
  startAtLogin = await loginItem.isEnabled().catch(() => false);
  refreshTray();
  // Timers stop during sleep and drift with clock changes: look again whenever the machine wakes.
  powerMonitor.on('resume', () => void service.check());
  powerMonitor.on('unlock-screen', () => void service.check());
  app.on('before-quit', () => service.dispose());

  const backupFs: BackupFileSystem = {
    readFile: (path) => readFile(path),
    writeFile: (path, data, options) => writeFile(path, data, options),
    appendFile: (path, data, options) => appendFile(path, data, options),
    rename,
    rm,
    mkdir,
    readdir: (path) => readdir(path),
    stat: (path) => stat(path),
    checkWritable: (path) => access(path, fsConstants.W_OK),
  };
  const timers = {
    setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const backups = createBackupService({
    fs: backupFs,
    settings: createBackupSettingsStore(join(stateFolder, BACKUP_SETTINGS_FILE), stateFs, log),
    defaultFolder: userDataFolder(app.getPath('userData'), 'backups'),
    dialog: {
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    },
    // Read at each rotation: the user may travel or change the zone while the app runs.
    clock: { now: () => Date.now(), timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone },
    timers,
    log,
  });
  const quitBackup = installQuitBackup({
    app,
    // A crashed renderer cannot answer: asking it would only delay the quit by the timeout.
    target: () => (mainWindow && !mainWindow.isDestroyed() && !mainWindow.webContents.isCrashed() ? mainWindow.webContents : undefined),
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    log,
  });

  const { dialogs } = withStartFolder(
    {
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    } satisfies FileDialogs,
    app.getPath('downloads'),
  );
  // TextDecoder drops a UTF-8 byte-order mark, which spreadsheet exports often carry.
  const readText = async (path: string) => new TextDecoder('utf-8').decode(await readFile(path));
  const fileSessions = createFileSessions({
    dialogs,
    files: {
      writeFile: (path, data, options) => writeFile(path, data, options),
      appendFile: (path, data, options) => appendFile(path, data, options),
      rename,
      rm,
      size: async (path) => (await stat(path)).size,
      readText,
    },
    timers,
    randomUUID: () => randomUUID(),
    filters: fileFilters,
    tooLarge: (size, limit) => new FileTooLargeError(size, limit),
    log,
  });

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, systemLocale: app.getLocale(), isDevelopment: mode.isDevelopment }),
      setLanguage: (language) => tray?.setLanguage(language),
      dialogs,
      files: { writeText: (path, text) => writeFile(path, text, 'utf8') },
      notify: (request) => {
        notifier.show(request);
      },
      reminders: {
        setPlan: async (plan) => {
          await service.setPlan(plan);
          refreshTray();
        },
        getState: async () => ({ ...service.getState(), startAtLogin, startAtLoginSupported: loginItem.supported }),
        pause: (until) => service.pause(until),
        setStartAtLogin,
      },
      backups: {
        list: () => backups.list(),
        writeChunk: (request) => backups.writeChunk(request),
        readChunk: (request) => backups.readChunk(request),
        chooseFolder: () => backups.chooseFolder(),
        resetFolder: () => backups.resetFolder(),
        releaseQuit: () => quitBackup.release(),
      },
      fileSessions,
    }),
    createSenderCheck(mode.allowedOrigins),
  );

  // macOS: clicking the Dock icon brings the hidden window back.
  app.on('activate', () => showWindow(mainWindow));

  if (testHooksEnabled(process.env, app.isPackaged)) {
    // Read by tests/electron/app.spec.ts through electronApp.evaluate; never in a packaged app.
    Object.assign(globalThis, {
      __clearday_test__: {
        snapshot: () => ({
          trayCreated: tray?.hasTray ?? false,
          trayLanguage: tray?.language,
          trayMenu: tray?.menu ?? [],
          trayToolTip: tray?.toolTip,
          isQuitting: quit.isQuitting(),
          userDataPath: app.getPath('userData'),
          isDevelopment: mode.isDevelopment,
        }),
      },
    });
  }

  await window.loadURL(startUrl(mode));
}

/** Work areas of the current displays, primary first (where a window without position opens). */
function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
}
