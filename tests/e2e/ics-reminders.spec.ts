import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** A debt's own reminder days reach the calendar file, and a debt with reminders off gets no alarm. */
test('the .ics export carries each debt\'s own reminder settings, in both languages', async ({ page }, testInfo) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const institution = page.getByRole('form', { name: 'New institution' });
  await institution.getByLabel('Preset').selectOption('ccb');
  await institution.getByRole('button', { name: 'Save' }).click();
  await expect(institution).toBeHidden();

  for (const [name, dueDay] of [['Car loan', '10'], ['Mortgage', '20']] as const) {
    await page.goto('/#/debts/new');
    const form = page.getByRole('form', { name: 'Add a debt' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Principal').fill('100000');
    await form.getByLabel('Interest rate (%)').fill('4.9');
    await form.getByLabel('Term (months)').fill('12');
    await form.getByLabel('Start date').fill('2026-11-10');
    await form.getByLabel('Due day').fill(dueDay);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const reminders = page.getByRole('region', { name: 'Reminders for this debt' });
    // A new debt offers the guide's default days, a week before included.
    await reminders.getByLabel('Remind me').selectOption({ label: 'On my own days before' });
    await expect(reminders.getByLabel('Days before the due date')).toHaveValue('7, 3, 1, 0');
    if (name === 'Car loan') await reminders.getByLabel('Days before the due date').fill('10');
    else await reminders.getByLabel('Remind me').selectOption({ label: 'Never for this debt' });
    await reminders.getByRole('button', { name: 'Save' }).click();
    await expect(reminders.getByRole('status')).toHaveText('Saved.');
  }

  for (const language of ['en', 'zh-CN'] as const) {
    await page.goto('/#/settings');
    await page.getByLabel('Language', { exact: true }).selectOption(language);
    await page.goto('/#/calendar?month=2026-12');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: language === 'en' ? 'Export to calendar (.ics)' : '导出到日历（.ics）' }).click();
    const file = testInfo.outputPath(`dues-${language}.ics`);
    await (await download).saveAs(file);
    const events = readFileSync(file, 'utf8').split('BEGIN:VEVENT').slice(1);
    const car = events.find((event) => event.includes('UID:debt:') && event.includes('DTSTART;VALUE=DATE:20261210'));
    const mortgage = events.find((event) => event.includes('DTSTART;VALUE=DATE:20261220'));
    // 10 days before at 09:00 = 9 days 15 hours before the all-day event starts.
    expect(car?.match(/TRIGGER:[^\r\n]+/g)).toEqual(['TRIGGER:-P9DT15H0M']);
    expect(mortgage).toBeDefined();
    expect(mortgage).not.toContain('BEGIN:VALARM');
  }
});
