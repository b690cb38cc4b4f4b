/**
 * The renderer as the desktop app runs it, with a stand-in for the preload's bridge: the main
 * process it talks to refuses the first reminder plans. The refusal must not be dropped: every
 * page says so, the plan goes again within a minute, and once it is taken the warning goes. Each
 * plan handed over fits the contract's bound.
 */
import { expect, test } from './fixtures';

test('a reminder plan the main process refuses is said on every page and sent again until it is taken', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.addInitScript(() => {
    const state = { refusals: 2, plans: [] as number[] };
    (window as unknown as { __bridge: typeof state }).__bridge = state;
    const answers: Record<string, unknown> = {
      'app:getInfo': { version: '0.1.0', platform: 'linux', systemLocale: 'en-US', isDevelopment: false },
      'reminders:getState': { delivered: [], pausedUntil: null, startAtLogin: false, startAtLoginSupported: true },
      'backup:list': { folder: '/home/ana/.config/Clearday/backups', custom: false, missing: false, backups: [] },
    };
    Object.defineProperty(window, 'clearday', {
      value: Object.freeze({
        invoke(channel: string, request: { reminders?: unknown[] }) {
          if (channel === 'reminders:setPlan') {
            state.plans.push(request.reminders?.length ?? -1);
            if (state.refusals > 0) {
              state.refusals -= 1;
              return Promise.reject(new Error("Error invoking remote method 'reminders:setPlan': backup-disk-full: ENOSPC"));
            }
          }
          return Promise.resolve(answers[channel]);
        },
        on: () => () => undefined,
      }),
    });
  });
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');

  const warning = page.getByRole('alert').filter({ hasText: 'Reminders could not be handed to the notification scheduler' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Clearday tries again within a minute');
  // The main process's words are only under the details, without Electron's wrapping.
  await warning.getByText('Technical details').click();
  await expect(warning.locator('code')).toHaveText('backup-disk-full: ENOSPC');
  // On another page too.
  await page.goto('/#/dashboard');
  await expect(warning).toBeVisible();
  // A minute later it goes again, and once taken the warning goes.
  await page.clock.fastForward(61_000);
  await page.clock.fastForward(61_000);
  await expect(warning).toHaveCount(0);
  const plans = await page.evaluate(() => (window as unknown as { __bridge: { plans: number[] } }).__bridge.plans);
  expect(plans.length).toBeGreaterThanOrEqual(3);
  expect(plans.every((size) => size >= 0 && size <= 5000)).toBe(true);
});
