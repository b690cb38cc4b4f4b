/** The main window's options and start URL, as pure functions of the runtime mode. */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, PRODUCT_NAME } from '../shared/ipc/origins';
import type { RuntimeMode } from './runtime';
import type { RestoredWindowState, WindowSizeLimits } from './window-state';
import { WINDOW_SIZE_LIMITS } from './window-state';

/** Matches `--bg` in renderer/styles.css so no white flash shows before the page paints. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#11151b' } as const;

export interface MainWindowOptionsInput {
  readonly preloadPath: string;
  readonly restored: RestoredWindowState;
  readonly darkTheme: boolean;
  readonly iconPath?: string | undefined;
  readonly limits?: WindowSizeLimits;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const limits = input.limits ?? WINDOW_SIZE_LIMITS;
  return {
    ...input.restored.bounds,
    minWidth: limits.minWidth,
    minHeight: limits.minHeight,
    title: PRODUCT_NAME,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    backgroundColor: input.darkTheme ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

/** The dev server in development, the app scheme otherwise. */
export function startUrl(mode: RuntimeMode): string {
  return mode.devServerOrigin ? `${mode.devServerOrigin}/` : `${APP_ORIGIN}/index.html`;
}
