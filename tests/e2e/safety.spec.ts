import { expect, test, type Page } from './fixtures';

async function loadSample(page: Page) {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');
}

test('deleting a debt, a policy or an account shows Undo, and Undo brings everything back', async ({ page }) => {
  await loadSample(page);
  await page.goto('/#/debts/debt-cmb-card');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Debts' })).toBeVisible();
  const toast = page.getByRole('status').filter({ hasText: 'CMB Platinum card deleted, with its statements and payments.' });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('link', { name: 'CMB Platinum card', exact: true })).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'CMB Platinum card', exact: true }).first()).toBeVisible();

  await page.goto('/#/insurance/policy-ci');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insurance' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ping An Fu critical illness' })).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'deleted, with its premiums' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Ping An Fu critical illness' })).toBeVisible();

  await page.goto('/#/accounts');
  const before = await page.getByRole('row', { name: /WeChat balance/ }).textContent();
  await page.getByRole('button', { name: 'Delete account ICBC debit card' }).click();
  await expect(page.getByRole('row', { name: /ICBC debit card/ })).toHaveCount(0);
  // The other leg of a transfer stays in its own account: its balance does not move.
  await expect(page.getByRole('row', { name: /WeChat balance/ })).toHaveText(before ?? '');
  await page.getByRole('status').filter({ hasText: 'Account ICBC debit card deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /ICBC debit card/ })).toBeVisible();
});

test('deleting an institution says what goes with it and asks first; Undo restores it all', async ({ page }) => {
  await loadSample(page);
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Delete China Merchants Bank' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete China Merchants Bank?' });
  await expect(dialog).toContainText(/This deletes China Merchants Bank and everything under it: 1 debt, 1 account, \d+ transactions, \d+ payments, \d+ statements/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /China Merchants Bank/ })).toBeVisible();

  await page.getByRole('button', { name: 'Delete China Merchants Bank' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete all of it' }).click();
  await expect(page.getByRole('row', { name: /China Merchants Bank/ })).toHaveCount(0);
  await page.goto('/#/debts');
  await expect(page.getByRole('link', { name: 'CMB Platinum card', exact: true })).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'China Merchants Bank deleted, with everything under it.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'CMB Platinum card', exact: true }).first()).toBeVisible();
});

test('text that looks like HTML, right-to-left text, emoji and very long names render as plain text', async ({ page }) => {
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const hostile = '<img src=x onerror="window.__pwned=1">🏦 بنك '.concat('很长的名字'.repeat(30));
  const form = page.getByRole('form', { name: 'New institution' });
  await form.getByLabel('Name').fill(hostile.slice(0, 120));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /onerror/ });
  await expect(row).toContainText('<img src=x onerror="window.__pwned=1">🏦 بنك');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // A long name wraps inside the table instead of widening the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a write refused because the disk is full is said in words', async ({ page }) => {
  await page.goto('/#/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    void Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The disk is full: your last change was not saved.');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
