import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const PAGES = [
  { path: '/dashboard', en: 'Dashboard', zh: '概览' },
  { path: '/debts', en: 'Debts', zh: '负债' },
  { path: '/calendar', en: 'Calendar', zh: '还款日历' },
  { path: '/budget', en: 'Budget', zh: '预算' },
  { path: '/transactions', en: 'Transactions', zh: '收支明细' },
  { path: '/insurance', en: 'Insurance', zh: '保险' },
  { path: '/reports', en: 'Reports', zh: '报表' },
  { path: '/reminders', en: 'Reminders', zh: '提醒' },
  { path: '/settings', en: 'Settings', zh: '设置' },
];

test('the shell loads, and every navigation target renders its page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/dashboard$/);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const target of PAGES) {
    await nav.getByRole('link', { name: target.en }).click();
    await expect(page).toHaveURL(new RegExp(`#${target.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: target.en })).toBeVisible();
  }
});

test('empty pages say what will appear there and offer the way to fill them', async ({ page }) => {
  await page.goto('/#/debts');
  await expect(page.getByRole('heading', { name: 'No debts yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Explore with the sample household' }).click();
  await expect(page).toHaveURL(/#\/settings/);
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeInViewport();

  await page.goto('/#/budget/categories');
  const categories = page.getByRole('region', { name: 'No categories yet' });
  await categories.getByRole('button', { name: 'Add the preset categories' }).click();
  await expect(page.getByRole('rowheader', { name: 'Food & dining' })).toBeVisible();
  await expect(categories).toBeHidden();
});

test('the language switch changes the visible texts at once, and settings persist across reload', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '负债' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('combobox', { name: '本位币' }).selectOption('USD');
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await page.getByRole('combobox', { name: '数字和日期格式' }).selectOption('en-GB');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  await expect(page.getByRole('combobox', { name: '本位币' })).toHaveValue('USD');
  await expect(page.getByRole('combobox', { name: '主题' })).toHaveValue('dark');
  await expect(page.getByRole('combobox', { name: '数字和日期格式' })).toHaveValue('en-GB');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test.describe('with a Chinese system locale', () => {
  test.use({ locale: 'zh-CN' });
  test('the first start follows the OS language', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '概览' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '欢迎使用 Clearday' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  });
});

test('the sample household loads after confirmation and fills every page', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace your data with the sample household?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('/#/debts');
  await expect(page.getByRole('heading', { name: 'No debts yet' })).toBeVisible();

  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status')).toHaveText('The sample household is loaded.');

  await page.getByRole('link', { name: 'Debts' }).click();
  await expect(page.getByRole('region', { name: 'Which card for a purchase today' }).getByRole('row')).toHaveCount(3);
  for (const name of ['CMB Platinum card', 'ICBC Constellation card', 'JD Baitiao', 'JD Jintiao', 'Alipay Huabei', 'CCB mortgage', 'BOC car loan']) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
  }
  await page.getByRole('link', { name: 'Insurance' }).click();
  await expect(page.getByRole('cell', { name: 'Ping An Fu critical illness' })).toBeVisible();
  await page.getByRole('link', { name: 'Transactions' }).click();
  await expect(page.getByText(/^\d+ transactions$/)).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('link', { name: 'Budget' }).click();
  await expect(page.getByRole('rowheader', { name: 'Food & dining' })).toBeVisible();
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('figure', { name: /^Spending by category/ }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByRole('button', { name: 'Income and spending' }).click();
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByRole('table', { name: /Income and spending per month/ }).getByRole('row')).toHaveCount(13);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Income' })).toBeVisible();
});

test('every response carries the production Content-Security-Policy', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("connect-src 'self'");
});

test('transactions export as a UTF-8 CSV with a byte-order mark, in the interface language', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status')).toHaveText('The sample household is loaded.');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.goto('/#/transactions');
  await expect(page.getByText(/^共 \d+ 笔$/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('日期,账户,交易对方,分类,金额,币种,标签,备注');
  expect(lines.length).toBeGreaterThan(1000);
  expect(lines.some((line) => /^\d{4}-\d{2}-\d{2},ICBC debit card,.*,工资,18500\.00,CNY,,$/.test(line))).toBe(true);
});
