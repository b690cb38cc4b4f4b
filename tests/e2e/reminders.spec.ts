import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { expect, test } from './fixtures';

test.use({ timezoneId: 'Asia/Shanghai' });

test('a debt due tomorrow yields a browser notification, and the reminder centre lists it', async ({ page }) => {
  // Record notifications instead of asking the browser for permission.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
  });
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  const shown = () => page.evaluate(() => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications);

  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  await page.getByRole('form', { name: 'New institution' }).getByLabel('Preset').selectOption('alipay');
  await page.getByRole('form', { name: 'New institution' }).getByRole('button', { name: 'Save' }).click();
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Kind of debt').selectOption('installment');
  await form.getByLabel('Name').fill('Phone plan');
  await form.getByLabel('Principal').fill('1200');
  await form.getByLabel('Number of periods').fill('3');
  await form.getByLabel('Fee per period (%)').fill('0');
  await form.getByLabel('First due date').fill('2026-11-23');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone plan' })).toBeVisible();

  // 09:00 today (the day before) has passed: one notification for this due, not one per reminder.
  await expect.poll(shown).toEqual([{ title: 'Due tomorrow: Phone plan', body: 'CN¥400.00 to Alipay, due Nov 23, 2026' }]);

  await page.getByRole('link', { name: 'Reminders' }).click();
  const upcoming = page.getByRole('region', { name: 'Coming up' });
  await expect(upcoming).toContainText('Due today: Phone plan');
  await expect(page.getByRole('region', { name: 'Shown' })).toContainText('Due tomorrow: Phone plan');

  // Tomorrow at nine the next one comes, on its own.
  await page.clock.runFor('23:05:00');
  await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual(['Due tomorrow: Phone plan', 'Due today: Phone plan']);

  // A reload never repeats what was shown.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reminders' })).toBeVisible();
  await expect.poll(async () => (await shown()).length).toBe(0);
});

test('the calendar exports a year of dues as an .ics file with alarms', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');
  await page.goto('/#/calendar');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to calendar (.ics)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^clearday-dues-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  expect(events.length).toBeGreaterThan(12);
  expect(events.some((e) => e.summary.startsWith('CCB mortgage: pay CN¥5,124.20'))).toBe(true);
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  // The default lead days: a week, three days and one day before, and on the day.
  expect(events[0]!.component.getAllSubcomponents('valarm')).toHaveLength(4);
});
