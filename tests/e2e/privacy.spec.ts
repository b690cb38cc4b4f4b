import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const ROUTES = [
  'dashboard',
  'debts',
  'debts/debt-mortgage',
  'debts/debt-cmb-card',
  'debts/institutions',
  'debts/planner',
  'debts/late',
  'debts/new',
  'calendar',
  'budget',
  'budget/categories',
  'budget/bills',
  'accounts',
  'transactions',
  'transactions/import',
  'insurance',
  'insurance/policy-ci',
  'insurance/policy-ci/edit',
  'insurance/family',
  'insurance/coverage',
  'insurance/claims',
  'reports',
  'reports?report=net-worth',
  'reminders',
  'settings',
];

test('a journey through every page, an import, a backup and a restore makes no request outside the app', async ({ page, watch, baseURL }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace with sample data' }).click();
  await expect(page.getByRole('status').first()).toHaveText('The sample household is loaded.');

  for (const route of ROUTES) {
    await page.goto(`/#/${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await page.goto('/#/transactions/import');
  await page.getByLabel('Bill file').setInputFiles(fileURLToPath(new URL('../fixtures/import/jd-2026-09.csv', import.meta.url)));
  await page.getByRole('button', { name: /Import \d+ transactions/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'transactions imported' })).toBeVisible();

  await page.goto('/#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const file = await (await download).path();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('region', { name: 'Backup to restore' }).getByRole('button', { name: 'Check and restore…' }).click();
  const safety = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Replace my data' }).click();
  await safety;
  await expect(page.getByRole('status').filter({ hasText: /^Restored/ })).toBeVisible();

  // Every request went to the app's own origin (the fixture checks this after every test too).
  const origin = new URL(baseURL ?? '').origin;
  expect(watch.requests.length).toBeGreaterThan(10);
  expect(watch.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
});
