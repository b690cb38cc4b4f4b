/**
 * The tray icon and its menu: the next five dues (each opens its item), Open Clearday, the
 * pause choices (1 hour, until 08:00 tomorrow, or Resume while paused), Start at login and
 * Quit. The tooltip names the next due. This owns the Tray object and keeps a reference so it
 * is not garbage-collected; where no tray can be created (plain GNOME) it reports `hasTray`
 * false and the window stays reachable by other means.
 */
import type { Language } from '../shared/ipc/contract';
import { fallbackReminderTexts, trayLabels, type ReminderTexts } from './tray-labels';

export interface TrayLike<MenuT> {
  setContextMenu(menu: MenuT | null): void;
  setToolTip(toolTip: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export type TrayMenuItem =
  | {
      readonly id: string;
      readonly label: string;
      readonly click: () => void;
      readonly type?: 'normal' | 'checkbox';
      readonly checked?: boolean;
    }
  | { readonly type: 'separator' };

export interface TrayDue {
  readonly label: string;
  readonly route: string;
}

/** What the menu shows besides Open and Quit; main.ts refreshes it after every change. */
export interface TrayView {
  readonly nextDues: readonly TrayDue[];
  /** The texts the renderer sent with its last plan; null before the first plan. */
  readonly texts: ReminderTexts | null;
  readonly pausedUntil: string | null;
  readonly startAtLogin: boolean;
  readonly startAtLoginSupported: boolean;
}

export interface TrayControllerOptions<MenuT> {
  /** Creates the OS tray icon; may throw where the platform has none. */
  readonly createTray: () => TrayLike<MenuT>;
  readonly buildMenu: (items: readonly TrayMenuItem[]) => MenuT;
  readonly language: Language;
  readonly onOpen: () => void;
  readonly onQuit: () => void;
  /** Shows the window at an in-app route (a due in the menu). */
  readonly onOpenRoute?: (route: string) => void;
  /** Pauses reminders until an instant (epoch ms), or resumes with null. */
  readonly onPause?: (until: number | null) => void;
  readonly onStartAtLogin?: (enabled: boolean) => void;
  /** The clock for "1 hour" and "until tomorrow". */
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

export interface TrayMenuEntry {
  readonly id: string;
  readonly label: string;
  readonly checked?: boolean;
}

export interface TrayController {
  /** Whether an OS tray icon exists (false where creating it failed). */
  readonly hasTray: boolean;
  readonly language: Language;
  /** The current menu without separators, for tests and the e2e snapshot. */
  readonly menu: readonly TrayMenuEntry[];
  readonly toolTip: string;
  setLanguage(language: Language): void;
  update(view: TrayView): void;
  destroy(): void;
}

export const MAX_TRAY_DUES = 5;
export const PAUSE_HOUR_MS = 3_600_000;

/** 08:00 local time on the day after `nowMs`. */
export function tomorrowMorning(nowMs: number): number {
  const date = new Date(nowMs);
  date.setDate(date.getDate() + 1);
  date.setHours(8, 0, 0, 0);
  return date.getTime();
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/{{(\w+)}}/g, (match, name: string) => values[name] ?? match);
}

const EMPTY_VIEW: TrayView = { nextDues: [], texts: null, pausedUntil: null, startAtLogin: false, startAtLoginSupported: false };

export function createTrayController<MenuT>(options: TrayControllerOptions<MenuT>): TrayController {
  let language = options.language;
  let view = EMPTY_VIEW;
  let menuEntries: TrayMenuEntry[] = [];
  let toolTip = '';
  let tray: TrayLike<MenuT> | undefined;
  const now = options.now ?? (() => Date.now());
  try {
    tray = options.createTray();
  } catch (error) {
    // The window stays reachable without a tray: a second launch shows it.
    options.log?.(`tray unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }

  const items = (): TrayMenuItem[] => {
    const labels = trayLabels(language);
    const texts = view.texts ?? fallbackReminderTexts(language);
    const list: TrayMenuItem[] = [];
    const onOpenRoute = options.onOpenRoute;
    if (onOpenRoute) {
      view.nextDues.slice(0, MAX_TRAY_DUES).forEach((due, index) => {
        list.push({ id: `due-${index}`, label: due.label, click: () => onOpenRoute(due.route) });
      });
      if (list.length > 0) list.push({ type: 'separator' });
    }
    list.push({ id: 'open', label: labels.open, click: options.onOpen });
    const onPause = options.onPause;
    if (onPause) {
      list.push({ type: 'separator' });
      const paused = view.pausedUntil !== null && Date.parse(view.pausedUntil) > now();
      if (paused) list.push({ id: 'resume', label: texts.resume, click: () => onPause(null) });
      list.push({ id: 'pause-hour', label: texts.pauseHour, click: () => onPause(now() + PAUSE_HOUR_MS) });
      list.push({ id: 'pause-tomorrow', label: texts.pauseTomorrow, click: () => onPause(tomorrowMorning(now())) });
    }
    const onStartAtLogin = options.onStartAtLogin;
    if (onStartAtLogin && view.startAtLoginSupported) {
      const checked = view.startAtLogin;
      list.push({ id: 'start-at-login', label: texts.startAtLogin, type: 'checkbox', checked, click: () => onStartAtLogin(!checked) });
    }
    list.push({ type: 'separator' });
    list.push({ id: 'quit', label: labels.quit, click: options.onQuit });
    return list;
  };

  const tooltipText = (): string => {
    const first = view.nextDues[0];
    if (view.texts === null && !first) return trayLabels(language).tooltip;
    const texts = view.texts ?? fallbackReminderTexts(language);
    return first ? fill(texts.nextDue, { label: first.label }) : texts.nothingDue;
  };

  const render = () => {
    const list = items();
    menuEntries = list.flatMap((item) => ('id' in item ? [{ id: item.id, label: item.label, ...(item.type === 'checkbox' ? { checked: item.checked ?? false } : {}) }] : []));
    toolTip = tooltipText();
    if (!tray) return;
    tray.setToolTip(toolTip);
    tray.setContextMenu(options.buildMenu(list));
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
    get menu() {
      return menuEntries;
    },
    get toolTip() {
      return toolTip;
    },
    setLanguage(next) {
      if (next === language) return;
      language = next;
      render();
    },
    update(next) {
      view = next;
      render();
    },
    destroy() {
      tray?.destroy();
      tray = undefined;
    },
  };
}
