/**
 * The one file that touches the real Electron objects: it wires the testable modules together.
 * Order matters: userData, the privileged scheme and the single-instance lock are set before
 * `ready`; everything that needs a session or a display comes after.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BrowserWindow, Menu, Notification, Tray, app, dialog, ipcMain, nativeImage, nativeTheme, protocol, screen, session } from 'electron';
import { APP_ID, APP_SCHEME } from '../shared/ipc/origins';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../shared/security/csp';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { sendEvent } from './events';
import { createSenderCheck, registerIpcHandlers } from './ipc';
import { createIpcHandlers, type FileDialogs } from './ipc-handlers';
import { mainWindowOptions, startUrl } from './main-window';
import { createNotifier } from './notifications';
import { chooseUserDataPath, resolveRuntimeMode, testHooksEnabled, userDataFolder } from './runtime';
import { hardenSession, installWebContentsHardening } from './security';
import { claimSingleInstance } from './single-instance';
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
const trayIconPath = join(appRoot, 'build', 'tray', 'tray.png');
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

  const stateFile = join(userDataFolder(app.getPath('userData'), 'state'), 'window.json');
  const stateStore = createWindowStateStore(stateFile, { readFile, writeFile, rename, mkdir }, log);
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
  hideOnClose(window, quit);
  window.once('ready-to-show', () => {
    if (restored.isMaximized) window.maximize();
    window.show();
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
      Menu.buildFromTemplate(items.map((item) => ('type' in item ? { type: item.type } : { id: item.id, label: item.label, click: item.click }))),
    language: languageFromLocale(app.getLocale()),
    onOpen: () => showWindow(mainWindow),
    onQuit: () => app.quit(),
    log,
  });

  const notifier = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    onClick: (route) => {
      showWindow(mainWindow);
      if (route) sendEvent(mainWindow?.webContents, 'app:navigate', { route });
    },
  });

  const dialogs: FileDialogs = {
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
  };

  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, systemLocale: app.getLocale(), isDevelopment: mode.isDevelopment }),
      setLanguage: (language) => tray?.setLanguage(language),
      dialogs,
      files: {
        writeText: (path, text) => writeFile(path, text, 'utf8'),
        // TextDecoder drops a UTF-8 byte-order mark, which spreadsheet exports often carry.
        readText: async (path) => new TextDecoder('utf-8').decode(await readFile(path)),
        size: async (path) => (await stat(path)).size,
      },
      notify: (request) => {
        notifier.show(request);
      },
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
