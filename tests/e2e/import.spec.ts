import { fileURLToPath } from 'node:url';
import { addCashAccount as addAccount, expect, test, type Page } from './fixtures';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

async function openImport(page: Page, account: string) {
  await page.goto('/#/transactions/import');
  await page.getByLabel('Import into account').selectOption({ label: `${account} (CNY)` });
}

const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

test('Alipay: preview, import, duplicates flagged on a second import, undo', async ({ page }) => {
  await addAccount(page, 'Alipay balance');
  await page.goto('/#/budget');
  await page.getByRole('button', { name: 'Add the preset categories' }).click();
  await openImport(page, 'Alipay balance');
  await page.getByLabel('Bill file').setInputFiles(fixture('alipay-2026-09.csv'));
  await expect(page.getByLabel('Format')).toContainText('Detected: Alipay');
  await expect(page.getByLabel('Text encoding')).toContainText('Detected: GB18030');
  // 10 rows: the closed order and its refund are skipped, the rest (incl. 2 neutral transfers) added.
  await expect(preview(page)).toContainText('10 rows in the file: 8 to add, 0 duplicates, 2 skipped');
  const table = page.getByRole('table', { name: 'Preview' });
  await expect(table).toContainText('楼下早餐店');
  await expect(table).toContainText('Closed order: skipped');
  await expect(table).toContainText('Refund of a closed order: skipped');
  // The file's own category suggests ours.
  await expect(page.getByLabel('Category of line 26 (楼下早餐店)')).toHaveValue(/.+/);
  await expect(page.getByLabel('Category of line 26 (楼下早餐店)').locator('option:checked')).toHaveText('Food & dining');
  await page.getByRole('button', { name: 'Import 8 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '8 transactions imported from alipay-2026-09.csv' })).toBeVisible();

  await page.goto('/#/transactions');
  await expect(page.getByRole('table', { name: 'Transactions' })).toContainText('楼下早餐店');
  await expect(page.locator('.subtitle')).toContainText('8 transactions');

  // The same file again: every imported row is a duplicate and unticked.
  await openImport(page, 'Alipay balance');
  await page.getByLabel('Bill file').setInputFiles(fixture('alipay-2026-09.csv'));
  await expect(preview(page)).toContainText('10 rows in the file: 0 to add, 8 duplicates, 2 skipped');
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('Duplicate: already imported');
  await expect(page.getByRole('button', { name: /Import 0 transactions/ })).toBeDisabled();

  // Undo the first import from the history.
  await page.getByRole('button', { name: 'Undo the import of alipay-2026-09.csv' }).click();
  await page.goto('/#/transactions');
  await expect(page.getByRole('table', { name: 'Transactions' })).toHaveCount(0);
});

test('WeChat Pay .xlsx and JD CSV import through the file picker', async ({ page }) => {
  await addAccount(page, 'WeChat balance');
  await openImport(page, 'WeChat balance');
  await page.getByLabel('Bill file').setInputFiles(fixture('wechat-2025-08.xlsx'));
  await expect(page.getByLabel('Format')).toContainText('Detected: WeChat Pay');
  await expect(preview(page)).toContainText('7 rows in the file: 7 to add');
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('Refund of line');
  await page.getByRole('button', { name: 'Import 7 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '7 transactions imported' })).toBeVisible();

  await addAccount(page, 'JD');
  await openImport(page, 'JD');
  await page.getByLabel('Bill file').setInputFiles(fixture('jd-2026-09.csv'));
  await expect(page.getByLabel('Format')).toContainText('Detected: JD');
  await expect(preview(page)).toContainText('7 rows in the file: 7 to add');
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('-CN¥131.77');
  await page.getByRole('button', { name: 'Import 7 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '7 transactions imported' })).toBeVisible();
});

test('a file that is not a bill gets a clear message and nothing is written', async ({ page }) => {
  await addAccount(page, 'Cash');
  await openImport(page, 'Cash');
  await page.getByLabel('Bill file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Dear diary, today I bought nothing.') });
  await expect(page.getByRole('alert')).toContainText('not a bill Clearday recognises');
  await expect(preview(page)).toHaveCount(0);
});

test('a bank CSV goes through the column mapping, which is remembered for the next file', async ({ page }) => {
  await addAccount(page, 'Bank');
  await openImport(page, 'Bank');
  // A bank export with a lead line, semicolons, day-first dates and separate in/out columns.
  const csv = ['Account 000123 statement', 'Booking date;Text;Paid in;Paid out;Reference', '01.09.2026;Salary Tech Co;18500,00;;R1', '03.09.2026;Supermarket;;68,50;R2', '04.09.2026;Cinema;;90,00;R3', ''].join('\n');
  await page.getByLabel('Bill file').setInputFiles({ name: 'bank.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const mapping = page.getByRole('region', { name: 'Map the columns' });
  await expect(mapping).toBeVisible();
  await expect(mapping.getByLabel('Separator')).toHaveValue(';');
  await expect(mapping.getByLabel('Header row (line number)')).toHaveValue('2');
  await mapping.getByLabel('Date format').selectOption('DD.MM.YYYY');
  await mapping.getByLabel('Date column').selectOption('Booking date');
  await mapping.getByLabel('Amounts').selectOption('split');
  await mapping.getByLabel('Money in column').selectOption('Paid in');
  await mapping.getByLabel('Money out column').selectOption('Paid out');
  await mapping.getByLabel('Payee column').selectOption('Text');
  await mapping.getByLabel('Transaction id column').selectOption('Reference');
  await mapping.getByLabel('Decimal comma (1.234,56)').check();
  await expect(preview(page)).toContainText('3 rows in the file: 3 to add, 0 duplicates, 0 skipped');
  const table = page.getByRole('table', { name: 'Preview' });
  await expect(table).toContainText('CN¥18,500.00');
  await expect(table).toContainText('-CN¥68.50');
  await expect(table).toContainText('Sep 4, 2026');
  await page.getByRole('button', { name: 'Import 3 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 transactions imported from bank.csv' })).toBeVisible();

  // The next month's file from the same bank: the mapping comes back by itself; the overlap is a duplicate.
  const next = ['Account 000123 statement', 'Booking date;Text;Paid in;Paid out;Reference', '04.09.2026;Cinema;;90,00;R3', '02.10.2026;Pharmacy;;35,20;R4', ''].join('\n');
  await page.getByLabel('Bill file').setInputFiles({ name: 'bank-10.csv', mimeType: 'text/csv', buffer: Buffer.from(next) });
  await expect(mapping.getByLabel('Date format')).toHaveValue('DD.MM.YYYY');
  await expect(mapping.getByLabel('Money out column')).toHaveValue('Paid out');
  await expect(preview(page)).toContainText('2 rows in the file: 1 to add, 1 duplicates, 0 skipped');
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('-CN¥35.20');
});

test('QIF with a date-order choice, and an OFX bill in another currency is refused', async ({ page }) => {
  await addAccount(page, 'Cash');
  await openImport(page, 'Cash');
  await page.getByLabel('Bill file').setInputFiles(fixture('checking-2026-09.qif'));
  await expect(page.getByLabel('Format')).toContainText('Detected: QIF');
  await expect(page.getByLabel('QIF date order')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('ACME PAYROLL');
  await expect(page.getByRole('table', { name: 'Preview' })).toContainText('Sep 1, 2026');

  await page.getByLabel('Bill file').setInputFiles(fixture('checking-2026-09.ofx'));
  await expect(page.getByRole('alert')).toContainText('This file is in EUR, but the account Cash is in CNY.');
  await expect(preview(page)).toHaveCount(0);
});
