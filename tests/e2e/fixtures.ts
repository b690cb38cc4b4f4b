/**
 * Every e2e test runs with two watchers: no console error or page error may occur, and no
 * request may leave the page's own origin (the app makes no network requests at all).
 */
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ watch: { requests: string[]; problems: string[] } }>({
  locale: 'en-US',
  watch: [
    async ({ context, baseURL }, use) => {
      const requests: string[] = [];
      const problems: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      context.on('page', (page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      });
      await use({ requests, problems });
      const origin = new URL(baseURL ?? '').origin;
      const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(foreign, 'requests that left the app origin').toEqual([]);
      expect(problems, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';

/** A cash account added through the Accounts page, as a user would. */
export async function addCashAccount(page: Page, name: string): Promise<void> {
  await page.goto('/#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const form = page.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Account name').fill(name);
  await form.getByLabel('Account type').selectOption('cash');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}
