import { expect, test } from './fixtures';

test('the planner compares strategies, says when a budget can never work, and renders its chart', async ({ page }) => {
  // The sample's debts end on dates relative to today: a fixed day keeps the count of open debts.
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');

  await page.goto('/#/debts');
  await page.getByRole('link', { name: 'Payoff planner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payoff planner' })).toBeVisible();

  const budget = page.getByLabel('Monthly budget for debts');
  await budget.fill('100');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This budget does not cover the minimum payments.');
  await expect(alert).toContainText(/A monthly budget of CN¥[\d,]+\.\d\d would clear them\./);

  await budget.fill('20,000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const comparison = page.getByRole('table', { name: 'Strategies side by side' });
  for (const name of ['Avalanche (highest rate first)', 'Snowball (smallest balance first)', 'Minimums only']) {
    await expect(comparison.getByRole('rowheader', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })).toBeVisible();
  }
  await expect(comparison.getByRole('row', { name: /Avalanche/ })).toContainText('cheapest');
  await expect(page.getByRole('figure', { name: 'Balances over time' }).locator('.recharts-area').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Payoff order' }).getByRole('row')).toHaveCount(7);

  // One-off extra payment shortens the plan or keeps it: never lengthens it.
  const monthsBefore = Number(await comparison.getByRole('row', { name: /Avalanche/ }).getByRole('cell').nth(1).textContent());
  await page.getByLabel('Extra amount').fill('50000');
  await page.getByRole('button', { name: 'Add extra payment' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'CN¥50,000.00' })).toBeVisible();
  const monthsAfter = Number(await comparison.getByRole('row', { name: /Avalanche/ }).getByRole('cell').nth(1).textContent());
  expect(monthsAfter).toBeLessThanOrEqual(monthsBefore);

  // Custom order, and the settings survive a reload.
  await page.getByLabel('Strategy').selectOption('custom');
  await page.getByRole('button', { name: /^Move .* down$/ }).first().click();
  await page.reload();
  await expect(page.getByLabel('Monthly budget for debts')).toHaveValue('20000.00');
  await expect(page.getByLabel('Strategy')).toHaveValue('custom');

  await expect(page.getByRole('status').filter({ hasText: /A monthly budget of .* clears everything by/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '%' }).first()).toBeVisible();
});

test('the custom order can be changed by dragging', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');
  await page.goto('/#/debts/planner');
  await page.getByLabel('Monthly budget for debts').fill('20000');
  await page.getByLabel('Strategy').selectOption('custom');
  const items = page.getByRole('list', { name: 'Order to pay off' }).getByRole('listitem');
  const first = (await items.nth(0).locator('span').textContent()) ?? '';
  const third = (await items.nth(2).locator('span').textContent()) ?? '';
  await items.nth(2).dragTo(items.nth(0));
  await expect(items.nth(0).locator('span')).toHaveText(third);
  await expect(items.nth(1).locator('span')).toHaveText(first);
});
