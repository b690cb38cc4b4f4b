import { expect, test } from './fixtures';

test('institutions: add from a preset, edit, archive and restore; bad input shows a message and saves nothing', async ({ page }) => {
  await page.goto('/#/debts');
  await page.getByRole('link', { name: 'Institutions' }).click();
  await expect(page.getByRole('heading', { name: 'No institutions yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const form = page.getByRole('form', { name: 'New institution' });
  await form.getByLabel('Name').fill('   ');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Name is required.');
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table')).toHaveCount(0);

  await form.getByLabel('Preset').selectOption('cmb');
  await expect(form.getByLabel('Name')).toHaveValue('China Merchants Bank');
  await expect(form.getByLabel('Colour')).toHaveValue('#d6001c');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /China Merchants Bank/ });
  await expect(row).toContainText('Bank');
  await expect(row).toContainText('Active');

  await page.getByRole('button', { name: 'Edit China Merchants Bank' }).click();
  await page.getByRole('form', { name: 'Edit institution' }).getByLabel('Name').fill('CMB Shenzhen');
  await page.getByRole('form', { name: 'Edit institution' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row', { name: /CMB Shenzhen/ })).toBeVisible();

  await page.getByRole('button', { name: 'Archive CMB Shenzhen' }).click();
  await expect(page.getByRole('row', { name: /CMB Shenzhen/ })).toContainText('Archived');
  await page.getByRole('button', { name: 'Restore CMB Shenzhen' }).click();
  await expect(page.getByRole('row', { name: /CMB Shenzhen/ })).toContainText('Active');

  await page.reload();
  await expect(page.getByRole('row', { name: /CMB Shenzhen/ })).toBeVisible();
});
