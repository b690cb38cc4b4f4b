/**
 * Remembers the window's size, position and maximized state in userData/state/window.json.
 * The restore logic is pure (it takes the displays' work areas), the file is written through
 * state-file.ts (atomic and synced), and saves are debounced so dragging a window does not hammer
 * the disk.
 */
import { z } from 'zod';
import { createStateFile, parseStateText, type StateFileSystem } from './state-file';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rectangle;
  readonly isMaximized: boolean;
}

export interface RestoredWindowState {
  /** x and y are left out when the saved position is not visible: the OS then centres the window. */
  readonly bounds: { width: number; height: number; x?: number; y?: number };
  readonly isMaximized: boolean;
}

export interface WindowSizeLimits {
  readonly defaultWidth: number;
  readonly defaultHeight: number;
  readonly minWidth: number;
  readonly minHeight: number;
}

export const WINDOW_SIZE_LIMITS: WindowSizeLimits = { defaultWidth: 1200, defaultHeight: 800, minWidth: 800, minHeight: 560 };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const WindowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: z.boolean(),
});

/** The saved file, or undefined when it is missing, corrupt or from an incompatible shape. */
export function parseWindowState(text: string): WindowState | undefined {
  return parseStateText(text, WindowStateSchema);
}

/** The strip along the top of a window where the title bar sits: it must stay reachable. */
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_WIDTH = 64;
const MIN_VISIBLE_HEIGHT = 16;

export function intersection(a: Rectangle, b: Rectangle): Rectangle | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/** The work area that shows enough of the window's title bar to grab it, if any. */
export function findVisibleWorkArea(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(TITLE_BAR_HEIGHT, bounds.height) };
  return workAreas.find((area) => {
    const visible = intersection(titleBar, area);
    return visible !== undefined && visible.width >= MIN_VISIBLE_WIDTH && visible.height >= MIN_VISIBLE_HEIGHT;
  });
}

/**
 * Decides the bounds to open with. `workAreas` lists the current displays' work areas, primary
 * first. A saved position is used only when its title bar is on a current display (a monitor
 * may have been unplugged); the size never exceeds the display it opens on.
 */
export function restoreWindowState(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
  limits: WindowSizeLimits = WINDOW_SIZE_LIMITS,
): RestoredWindowState {
  const primary = workAreas[0];
  if (!saved) {
    return { bounds: fitSize(limits.defaultWidth, limits.defaultHeight, primary, limits), isMaximized: false };
  }
  const area = findVisibleWorkArea(saved.bounds, workAreas);
  if (!area) {
    return { bounds: fitSize(saved.bounds.width, saved.bounds.height, primary, limits), isMaximized: saved.isMaximized };
  }
  const { width, height } = fitSize(saved.bounds.width, saved.bounds.height, area, limits);
  // Pull the window fully onto the display it is visible on.
  const x = clamp(saved.bounds.x, area.x, area.x + area.width - width);
  const y = clamp(saved.bounds.y, area.y, area.y + area.height - height);
  return { bounds: { x, y, width, height }, isMaximized: saved.isMaximized };
}

function fitSize(width: number, height: number, area: Rectangle | undefined, limits: WindowSizeLimits): { width: number; height: number } {
  const maxWidth = area?.width ?? Number.POSITIVE_INFINITY;
  const maxHeight = area?.height ?? Number.POSITIVE_INFINITY;
  return {
    width: Math.round(Math.min(Math.max(width, limits.minWidth), maxWidth)),
    height: Math.round(Math.min(Math.max(height, limits.minHeight), maxHeight)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}

export interface WindowStateStore {
  load(): Promise<WindowState | undefined>;
  save(state: WindowState): Promise<void>;
}

/**
 * Reads and writes one JSON file through state-file.ts, so a crash mid-write leaves the old
 * state rather than half a file, and two saves never race on the temporary file.
 */
export function createWindowStateStore(filePath: string, fs: StateFileSystem, log: (message: string) => void = () => undefined): WindowStateStore {
  const file = createStateFile({ path: filePath, fs, schema: WindowStateSchema, serialize: (state) => `${JSON.stringify(state, null, 2)}\n`, log });
  return {
    load: () => file.load(),
    save: (state) =>
      file.save(state).catch((error: unknown) => {
        // Losing the window position is not worth crashing the app over.
        log(`window state not saved: ${error instanceof Error ? error.message : String(error)}`);
      }),
  };
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WindowStateTracker {
  /** Saves now if a save is pending (or always when `force`). */
  flush(force?: boolean): void;
  dispose(): void;
}

export const WINDOW_STATE_SAVE_DELAY_MS = 500;

/** Saves the window's state a moment after it stops moving, and at once when it closes. */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  timers: Timers,
  delayMs: number = WINDOW_STATE_SAVE_DELAY_MS,
): WindowStateTracker {
  let pending: unknown;
  let disposed = false;

  const saveNow = () => {
    if (disposed || window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    save({
      bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) },
      isMaximized: window.isMaximized(),
    });
  };
  const cancelPending = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };
  const schedule = () => {
    cancelPending();
    pending = timers.setTimeout(() => {
      pending = undefined;
      saveNow();
    }, delayMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  // "close" fires even when the window is only hidden to the tray: a good moment to persist.
  window.on('close', () => {
    cancelPending();
    saveNow();
  });

  return {
    flush(force = false) {
      if (pending === undefined && !force) return;
      cancelPending();
      saveNow();
    },
    dispose() {
      cancelPending();
      disposed = true;
    },
  };
}
