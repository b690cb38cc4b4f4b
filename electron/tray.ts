/**
 * The tray icon and its menu (Open, Quit). The full reminder menu comes later; this owns the
 * Tray object, keeps a reference so it is not garbage-collected, and rebuilds the menu when
 * the language changes.
 */
import type { Language } from '../shared/ipc/contract';
import { trayLabels } from './tray-labels';

export interface TrayLike<MenuT> {
  setContextMenu(menu: MenuT | null): void;
  setToolTip(toolTip: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export type TrayMenuItem = { readonly id: 'open' | 'quit'; readonly label: string; readonly click: () => void } | { readonly type: 'separator' };

export interface TrayControllerOptions<MenuT> {
  /** Creates the OS tray icon; may throw where the platform has none. */
  readonly createTray: () => TrayLike<MenuT>;
  readonly buildMenu: (items: readonly TrayMenuItem[]) => MenuT;
  readonly language: Language;
  readonly onOpen: () => void;
  readonly onQuit: () => void;
  readonly log?: (message: string) => void;
}

export interface TrayController {
  /** Whether an OS tray icon exists (false where creating it failed). */
  readonly hasTray: boolean;
  readonly language: Language;
  setLanguage(language: Language): void;
  destroy(): void;
}

export function createTrayController<MenuT>(options: TrayControllerOptions<MenuT>): TrayController {
  let language = options.language;
  let tray: TrayLike<MenuT> | undefined;
  try {
    tray = options.createTray();
  } catch (error) {
    // The window stays reachable without a tray: a second launch shows it.
    options.log?.(`tray unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }

  const render = () => {
    if (!tray) return;
    const labels = trayLabels(language);
    tray.setToolTip(labels.tooltip);
    tray.setContextMenu(
      options.buildMenu([
        { id: 'open', label: labels.open, click: options.onOpen },
        { type: 'separator' },
        { id: 'quit', label: labels.quit, click: options.onQuit },
      ]),
    );
  };

  tray?.on('click', options.onOpen);
  render();

  return {
    get hasTray() {
      return tray !== undefined;
    },
    get language() {
      return language;
    },
    setLanguage(next) {
      if (next === language) return;
      language = next;
      render();
    },
    destroy() {
      tray?.destroy();
      tray = undefined;
    },
  };
}
