import { expect, test, type Page } from './fixtures';

async function addAccount(page: Page, name: string, kind: string, opening: string) {
  await page.goto('/#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const form = page.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Account name').fill(name);
  await form.getByLabel('Account type').selectOption(kind);
  await form.getByLabel('Opening balance').fill(opening);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

function thisMonth(day: string): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${day}`;
}

test('a new user creates accounts, enters and splits transactions, budgets and sees overspending', async ({ page }) => {
  await addAccount(page, 'Debit card', 'debit', '10,000.00');
  await addAccount(page, 'Cash', 'cash', '500');
  const assets = page.getByRole('region', { name: 'Net worth' });
  await expect(assets).toContainText('CN¥10,500.00');

  // Categories come from the presets.
  await page.goto('/#/budget');
  await page.getByRole('button', { name: 'Add the preset categories' }).click();
  await page.getByLabel('Budget for Food & dining').fill('1000');
  await page.getByLabel('Budget for Food & dining').press('Enter');
  await page.getByLabel('Budget for Shopping').fill('200');
  await page.getByLabel('Budget for Shopping').press('Enter');
  await expect(page.getByRole('region', { name: 'Budget for the month' })).toContainText('CN¥1,200.00');

  // Quick entry: type, tab, Enter; the next entry is ready at once.
  await page.goto('/#/transactions');
  const quick = page.getByRole('form', { name: 'Quick entry' });
  await quick.getByLabel('Date').fill(thisMonth('02'));
  await quick.getByLabel('Amount', { exact: true }).fill('¥1,150.00');
  await quick.getByLabel('Payee').fill('Hotpot dinner');
  await quick.getByLabel('Account', { exact: true }).selectOption({ label: 'Debit card' });
  await quick.getByLabel('Category').selectOption({ label: 'Food & dining' });
  await quick.getByLabel('Payee').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved: Hotpot dinner' })).toBeVisible();
  await expect(quick.getByLabel('Payee')).toBeFocused();
  await expect(quick.getByLabel('Amount', { exact: true })).toHaveValue('');

  // A supermarket receipt split between food and shopping.
  await quick.getByLabel('Amount', { exact: true }).fill('300');
  await quick.getByLabel('Payee').fill('Supermarket');
  await quick.getByLabel('Category').selectOption({ label: 'Food & dining' });
  await quick.getByRole('button', { name: 'Add' }).click();
  await page.getByRole('button', { name: /Edit Supermarket/ }).click();
  const editor = page.getByRole('form', { name: 'Edit transaction' });
  await editor.getByRole('button', { name: 'Add a part' }).click();
  await editor.getByLabel('Amount of part 1').fill('100');
  await editor.getByLabel('Category of part 2').selectOption({ label: 'Shopping' });
  await editor.getByLabel('Amount of part 2').fill('150');
  await expect(editor.getByRole('status')).toContainText('Still to assign: CN¥50.00');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert').first()).toContainText('must add up');
  await editor.getByLabel('Amount of part 2').fill('200');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('table', { name: 'Transactions' })).toContainText('Split into 2 parts');

  // A transfer moves money without spending it.
  await quick.getByRole('button', { name: 'Transfer' }).click();
  await quick.getByLabel('Amount', { exact: true }).fill('200');
  await quick.getByLabel('Payee').fill('ATM');
  await quick.getByLabel('Account', { exact: true }).selectOption({ label: 'Debit card' });
  await quick.getByLabel('To account').selectOption({ label: 'Cash' });
  await quick.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('table', { name: 'Transactions' })).toContainText('Transfer to Cash');

  // Food: 1,150 + 100 = 1,250 against 1,000: overspent by 250. Shopping: 200 of 200.
  await page.goto('/#/budget');
  const food = page.getByRole('row', { name: /Food & dining/ });
  await expect(food).toContainText('CN¥1,250.00');
  await expect(food).toContainText('-CN¥250.00');
  await expect(food).toContainText('Overspent');
  await expect(page.getByRole('row', { name: /Shopping/ })).not.toContainText('Overspent');
  await expect(page.getByRole('region', { name: 'Budget for the month' })).toContainText('1 category overspent');

  // Balances: debit 10,000 - 1,150 - 300 - 200 = 8,350; cash 500 + 200 = 700.
  await page.goto('/#/accounts');
  await expect(page.getByRole('row', { name: /Debit card/ })).toContainText('CN¥8,350.00');
  await expect(page.getByRole('row', { name: /Cash/ })).toContainText('CN¥700.00');

  // Delete with undo.
  await page.goto('/#/transactions');
  await page.getByRole('button', { name: /Edit Hotpot dinner/ }).click();
  await page.getByRole('form', { name: 'Edit transaction' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('table', { name: 'Transactions' })).not.toContainText('Hotpot dinner');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('table', { name: 'Transactions' })).toContainText('Hotpot dinner');
});

test('search and filters narrow the list, and reports render with a table view', async ({ page }) => {
  await page.goto('/#/settings');
  await page.locator('#sample-data button').click();
  await page.locator('dialog button.danger').click();
  await expect(page.locator('.status.ok')).toBeVisible();

  await page.goto('/#/transactions');
  const subtitle = page.locator('.subtitle');
  await expect(subtitle).toContainText('transactions');
  await page.getByLabel('Search payee, note, tag or category').fill('subway');
  await expect(subtitle).toContainText(' of ');
  const rows = page.getByRole('table', { name: 'Transactions' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Subway');
  await page.getByLabel('Amount at least').fill('abc');
  await expect(page.getByText('Amount at least must be an amount')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(subtitle).not.toContainText(' of ');

  await page.goto('/#/reports');
  await expect(page.getByRole('figure')).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  for (const report of ['Monthly spending', 'Income and spending', 'Net worth', 'Total debt']) {
    await page.getByRole('button', { name: report, exact: true }).click();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const table = page.getByRole('table', { name: /Total debt at each month end/ });
  await expect(table.getByRole('row')).toHaveCount(13);
});
