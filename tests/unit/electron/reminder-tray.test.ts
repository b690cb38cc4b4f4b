import { describe, expect, it, vi } from 'vitest';
import { PAUSE_HOUR_MS, createTrayController, tomorrowMorning, type TrayLike, type TrayMenuItem, type TrayView } from '../../../electron/tray';
import { fallbackReminderTexts } from '../../../electron/tray-labels';
import { START, TEXTS } from './reminder-fakes';

interface FakeMenu {
  readonly items: readonly TrayMenuItem[];
}

function setup() {
  const state: { menu: FakeMenu | null; toolTip: string } = { menu: null, toolTip: '' };
  const tray: TrayLike<FakeMenu> = {
    setContextMenu: (menu) => (state.menu = menu),
    setToolTip: (toolTip) => (state.toolTip = toolTip),
    on: () => undefined,
    destroy: () => undefined,
  };
  const onOpen = vi.fn();
  const onOpenRoute = vi.fn();
  const onPause = vi.fn();
  const onStartAtLogin = vi.fn();
  const controller = createTrayController({
    createTray: () => tray,
    buildMenu: (items) => ({ items }),
    language: 'en',
    onOpen,
    onQuit: vi.fn(),
    onOpenRoute,
    onPause,
    onStartAtLogin,
    now: () => START,
  });
  const items = () => state.menu?.items.flatMap((item) => ('id' in item ? [item] : [])) ?? [];
  const click = (id: string) => items().find((item) => item.id === id)?.click();
  return { state, controller, items, click, onOpen, onOpenRoute, onPause, onStartAtLogin };
}

const VIEW: TrayView = {
  nextDues: [
    { label: 'Mar 5 · CMB card · ¥1,200.00', route: '/debts/cmb' },
    { label: 'Mar 9 · Huabei · ¥300.00', route: '/debts/huabei' },
  ],
  texts: TEXTS,
  pausedUntil: null,
  startAtLogin: false,
  startAtLoginSupported: true,
};

describe('tray reminder menu', () => {
  it('lists the next dues, Open, the pause choices, Start at login and Quit; the tooltip names the next due', () => {
    const { controller, items, state } = setup();
    controller.update(VIEW);
    expect(items().map((item) => item.id)).toEqual(['due-0', 'due-1', 'open', 'pause-hour', 'pause-tomorrow', 'start-at-login', 'quit']);
    expect(items().map((item) => item.label)).toEqual([
      'Mar 5 · CMB card · ¥1,200.00',
      'Mar 9 · Huabei · ¥300.00',
      'Open Clearday',
      'Pause reminders for 1 hour',
      'Pause reminders until tomorrow',
      'Start at login',
      'Quit',
    ]);
    expect(state.toolTip).toBe('Next due: Mar 5 · CMB card · ¥1,200.00');
    expect(controller.toolTip).toBe(state.toolTip);
    expect(controller.menu.find((entry) => entry.id === 'start-at-login')).toEqual({ id: 'start-at-login', label: 'Start at login', checked: false });
  });

  it('each due opens its route; the pause items pause for an hour or until 08:00 tomorrow', () => {
    const { controller, click, onOpenRoute, onPause } = setup();
    controller.update(VIEW);
    click('due-1');
    expect(onOpenRoute).toHaveBeenCalledWith('/debts/huabei');
    click('pause-hour');
    click('pause-tomorrow');
    expect(onPause.mock.calls).toEqual([[START + PAUSE_HOUR_MS], [tomorrowMorning(START)]]);
    const morning = new Date(tomorrowMorning(START));
    expect([morning.getHours(), morning.getMinutes()]).toEqual([8, 0]);
    expect(tomorrowMorning(START) - START).toBeGreaterThan(0);
    expect(tomorrowMorning(START) - START).toBeLessThanOrEqual(33 * 3_600_000);
  });

  it('offers Resume while paused', () => {
    const { controller, items, click, onPause, state } = setup();
    controller.update({ ...VIEW, nextDues: [], pausedUntil: new Date(START + 3_600_000).toISOString() });
    expect(items().map((item) => item.id)).toEqual(['open', 'resume', 'pause-hour', 'pause-tomorrow', 'start-at-login', 'quit']);
    click('resume');
    expect(onPause).toHaveBeenCalledWith(null);
    expect(state.toolTip).toBe('Nothing due soon');
  });

  it('toggles Start at login as a checkbox and hides it where unsupported', () => {
    const { controller, items, click, onStartAtLogin } = setup();
    controller.update(VIEW);
    click('start-at-login');
    expect(onStartAtLogin).toHaveBeenLastCalledWith(true);
    controller.update({ ...VIEW, startAtLogin: true });
    expect(items().find((item) => item.id === 'start-at-login')).toMatchObject({ type: 'checkbox', checked: true });
    click('start-at-login');
    expect(onStartAtLogin).toHaveBeenLastCalledWith(false);
    controller.update({ ...VIEW, startAtLoginSupported: false });
    expect(items().some((item) => item.id === 'start-at-login')).toBe(false);
  });

  it('uses the locale texts until the renderer sends its own, and keeps at most five dues', () => {
    const { controller, items } = setup();
    expect(items().find((item) => item.id === 'pause-hour')?.label).toBe(fallbackReminderTexts('en').pauseHour);
    controller.setLanguage('zh-CN');
    expect(items().find((item) => item.id === 'pause-hour')?.label).toBe(fallbackReminderTexts('zh-CN').pauseHour);
    const dues = Array.from({ length: 7 }, (_, i) => ({ label: `due ${i}`, route: `/debts/${i}` }));
    controller.update({ ...VIEW, nextDues: dues });
    expect(items().filter((item) => item.id.startsWith('due-'))).toHaveLength(5);
  });
});
