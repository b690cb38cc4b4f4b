import { describe, expect, it, vi } from 'vitest';
import en from '../../../shared/i18n/locales/en.json';
import zhCN from '../../../shared/i18n/locales/zh-CN.json';
import { createTrayController, type TrayLike, type TrayMenuItem } from '../../../electron/tray';
import { languageFromLocale, trayLabels } from '../../../electron/tray-labels';

interface FakeMenu {
  readonly items: readonly TrayMenuItem[];
}

function fakeTray() {
  const state: { menu: FakeMenu | null; toolTip: string; click?: () => void; destroyed: boolean } = { menu: null, toolTip: '', destroyed: false };
  const tray: TrayLike<FakeMenu> = {
    setContextMenu: (menu) => (state.menu = menu),
    setToolTip: (toolTip) => (state.toolTip = toolTip),
    on: (_event, listener) => (state.click = listener),
    destroy: () => (state.destroyed = true),
  };
  const labels = () => state.menu?.items.flatMap((item) => ('label' in item ? [item.label] : [])) ?? [];
  const clickItem = (id: 'open' | 'quit') => {
    const item = state.menu?.items.find((entry) => 'id' in entry && entry.id === id);
    if (item && 'click' in item) item.click();
  };
  return { tray, state, labels, clickItem };
}

function setup(language: 'en' | 'zh-CN' = 'en') {
  const fake = fakeTray();
  const onOpen = vi.fn();
  const onQuit = vi.fn();
  const buildMenu = vi.fn((items: readonly TrayMenuItem[]): FakeMenu => ({ items }));
  const controller = createTrayController({ createTray: () => fake.tray, buildMenu, language, onOpen, onQuit });
  return { ...fake, controller, onOpen, onQuit, buildMenu };
}

describe('tray labels', () => {
  it('come from the shared translation files', () => {
    expect(trayLabels('en')).toEqual({ open: en.tray.open, quit: en.tray.quit, tooltip: en.tray.tooltip });
    expect(trayLabels('zh-CN')).toEqual({ open: zhCN.tray.open, quit: zhCN.tray.quit, tooltip: zhCN.tray.tooltip });
    expect(trayLabels('zh-CN').open).toBe('打开 Clearday');
    expect(trayLabels('zh-CN').quit).toBe('退出');
    expect(trayLabels('en').open).toBe('Open Clearday');
    expect(trayLabels('en').quit).toBe('Quit');
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH-hk', 'zh-CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
  ] as const)('the OS locale %j starts the tray in %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('createTrayController', () => {
  it('builds an Open / Quit menu in the initial language', () => {
    const { labels, state, controller } = setup('zh-CN');
    expect(labels()).toEqual(['打开 Clearday', '退出']);
    expect(state.toolTip).toBe(zhCN.tray.tooltip);
    expect(controller.hasTray).toBe(true);
  });

  it('switches the labels when the renderer reports another language', () => {
    const { labels, controller, buildMenu, state } = setup('en');
    expect(labels()).toEqual(['Open Clearday', 'Quit']);
    controller.setLanguage('zh-CN');
    expect(labels()).toEqual(['打开 Clearday', '退出']);
    expect(state.toolTip).toBe(zhCN.tray.tooltip);
    expect(controller.language).toBe('zh-CN');
    controller.setLanguage('zh-CN');
    expect(buildMenu).toHaveBeenCalledTimes(2);
  });

  it('Quit calls the quit action; Open and a click on the icon show the window', () => {
    const { clickItem, state, onOpen, onQuit } = setup();
    clickItem('quit');
    expect(onQuit).toHaveBeenCalledTimes(1);
    clickItem('open');
    state.click?.();
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('survives a platform without a tray', () => {
    const log = vi.fn();
    const controller = createTrayController<FakeMenu>({
      createTray: () => {
        throw new Error('no StatusNotifier host');
      },
      buildMenu: (items) => ({ items }),
      language: 'en',
      onOpen: vi.fn(),
      onQuit: vi.fn(),
      log,
    });
    expect(controller.hasTray).toBe(false);
    expect(() => controller.setLanguage('zh-CN')).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no StatusNotifier host'));
  });

  it('destroys the tray icon on request', () => {
    const { controller, state } = setup();
    controller.destroy();
    expect(state.destroyed).toBe(true);
    expect(controller.hasTray).toBe(false);
  });
});
