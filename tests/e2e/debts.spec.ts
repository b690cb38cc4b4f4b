import { expect, test, type Page } from './fixtures';

async function addInstitution(page: Page, preset: string) {
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const form = page.getByRole('form', { name: 'New institution' });
  await form.getByLabel('Preset').selectOption(preset);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('a new user adds a loan through the form and sees the engine figures', async ({ page }) => {
  await addInstitution(page, 'ccb');
  await page.goto('/#/debts');
  await page.getByRole('link', { name: 'Add a debt' }).first().click();
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Name').fill('Car loan');
  await form.getByLabel('Principal').fill('¥100,000.00');
  await form.getByLabel('Interest rate (%)').fill('4.9');
  await form.getByLabel('Term (months)').fill('36');
  await form.getByLabel('Start date').fill('2026-01-15');
  await form.getByLabel('Due day').fill('15');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Car loan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Key figures' })).toContainText('4.90%');
  const schedule = page.getByRole('table', { name: 'Repayment schedule' });
  // DOMAIN.md's public example: 100,000 at 4.9 % over 36 months -> 2,992.60 a month; month 1 interest 408.33.
  await expect(schedule.getByRole('row').nth(1)).toContainText('CN¥2,992.60');
  await expect(schedule.getByRole('row').nth(1)).toContainText('CN¥408.33');
  await expect(schedule.getByRole('row').nth(1)).toContainText('CN¥2,584.27');
});

test('an installment plan shows its true APR beside the quoted fee', async ({ page }) => {
  await addInstitution(page, 'alipay');
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Kind of debt').selectOption('installment');
  await form.getByLabel('Name').fill('Phone 12 periods');
  await form.getByLabel('Principal').fill('12000');
  await form.getByLabel('Number of periods').fill('12');
  await form.getByLabel('Fee per period (%)').fill('0.6');
  await form.getByLabel('First due date').fill('2026-12-10');
  await form.getByRole('button', { name: 'Save' }).click();

  const figures = page.getByRole('region', { name: 'Key figures' });
  // DOMAIN.md: 12,000 in 12 periods at 0.6 % a month: payment 1,072.00, fee 864.00, APR about 13.03 %.
  await expect(figures).toContainText('13.03%');
  await expect(figures).toContainText('Quoted: 0.60% fee per period');
  await expect(figures).toContainText('CN¥864.00');
  await expect(page.getByRole('table', { name: 'Repayment schedule' }).getByRole('row').nth(1)).toContainText('CN¥1,072.00');
});

test('invalid input shows a message next to each field and saves nothing', async ({ page }) => {
  await addInstitution(page, 'cmb');
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Kind of debt').selectOption('credit-card');
  await form.getByLabel('Name').fill('CMB card');
  await form.getByLabel('Credit limit').fill('fifty thousand');
  await form.getByLabel('Statement day').fill('32');
  await form.getByLabel('Revolving interest (% per day)').fill('abc');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Credit limit must be an amount such as 1,234.56.')).toBeVisible();
  await expect(form.getByText('Revolving interest (% per day) must be a percentage such as 4.9.')).toBeVisible();
  await expect(form.getByLabel('Credit limit')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Credit limit').fill('50,000');
  await form.getByLabel('Revolving interest (% per day)').fill('0.05');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Statement day must be at most 31.')).toBeVisible();

  await page.goto('/#/debts');
  await expect(page.getByRole('heading', { name: 'No debts yet' })).toBeVisible();
});

test('recording payments marks dues paid, lowers the balance, previews an extra payment, and undoes', async ({ page }) => {
  await addInstitution(page, 'ccb');
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Name').fill('Car loan');
  await form.getByLabel('Principal').fill('100000');
  await form.getByLabel('Interest rate (%)').fill('4.9');
  await form.getByLabel('Term (months)').fill('36');
  await form.getByLabel('Start date').fill('2020-01-15');
  await form.getByLabel('Due day').fill('15');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Car loan' })).toBeVisible();

  // The loan started in 2020: every instalment is late until paid.
  await expect(page.getByRole('alert').filter({ hasText: 'Late by' })).toBeVisible();
  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect(figures.getByRole('article').filter({ hasText: 'Still owed' })).toContainText('CN¥100,000.00');

  const panel = page.getByRole('region', { name: 'Record a payment' });
  await expect(panel.getByLabel('Payment for')).toHaveValue('2020-02-15');
  await expect(panel.getByLabel('Amount paid')).toHaveValue('2992.60');
  await panel.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment of' })).toHaveText('Payment of CN¥2,992.60 saved.');
  await expect(figures.getByRole('article').filter({ hasText: 'Still owed' })).toContainText('CN¥97,415.73');
  const schedule = page.getByRole('table', { name: 'Repayment schedule' });
  await expect(schedule.getByRole('row').nth(1)).toContainText('Paid');
  await expect(schedule.getByRole('row').nth(2)).toContainText('Overdue');

  const next = page.getByRole('region', { name: 'Record a payment' });
  await next.getByLabel('Payment for').selectOption('extra');
  await next.getByLabel('Amount paid').fill('10,000');
  await next.getByLabel('Paid on').fill('2020-02-20');
  const whatIf = next.getByRole('definition').first();
  await expect(whatIf).not.toHaveText('CN¥0.00');
  await expect(next.getByText('Keep the monthly payment, finish sooner')).toBeAttached();
  await expect(next.locator('dl')).toContainText('Interest saved');
  await expect(next.locator('dl')).toContainText('was');

  await next.getByRole('button', { name: /Undo last payment/ }).click();
  await expect(figures.getByRole('article').filter({ hasText: 'Still owed' })).toContainText('CN¥100,000.00');
  await expect(schedule.getByRole('row').nth(1)).toContainText('Overdue');
});

test('a credit card: statements entered per month with dates from the card terms, then on the calendar', async ({ page }) => {
  await addInstitution(page, 'cmb');
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Kind of debt').selectOption('credit-card');
  await form.getByLabel('Name').fill('CMB card');
  await form.getByLabel('Credit limit').fill('50,000');
  await form.getByLabel('Statement day').fill('5');
  await form.getByLabel('Days after statement').fill('18');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Key figures' })).toContainText('18.25%');

  const statement = page.getByRole('region', { name: 'Enter a statement' });
  await statement.getByLabel('Statement month').fill('2026-03');
  await expect(statement).toContainText('Statement on Mar 5, 2026, due Mar 23, 2026');
  await statement.getByLabel('Statement balance').fill('¥3,845.64');
  await expect(statement.getByLabel('Minimum payment')).toHaveValue('384.56');
  await statement.getByLabel('Already paid (optional)').fill('384.56');
  await statement.getByRole('button', { name: 'Save statement' }).click();
  await expect(statement.getByRole('status')).toHaveText('The March 2026 statement is saved.');
  await expect(page.getByRole('region', { name: 'Statements' })).toContainText('CN¥3,845.64');

  await statement.getByLabel('Statement month').fill('2026-03');
  await statement.getByLabel('Statement balance').fill('100');
  await statement.getByRole('button', { name: 'Save statement' }).click();
  await expect(statement.getByText('There is already a statement for March 2026.')).toBeVisible();

  await page.goto('/#/calendar?month=2026-03');
  await expect(page.getByRole('gridcell', { name: 'Mar 23, 2026' })).toContainText('CMB card');
});

test('the late-payment page prices what is late, names its sources, and keeps a log of collection contacts', async ({ page }) => {
  await addInstitution(page, 'icbc');
  await page.goto('/#/debts/new');
  const form = page.getByRole('form', { name: 'Add a debt' });
  await form.getByLabel('Name').fill('Old loan');
  await form.getByLabel('Principal').fill('10000');
  await form.getByLabel('Interest rate (%)').fill('6');
  await form.getByLabel('Term (months)').fill('12');
  await form.getByLabel('Start date').fill('2021-01-10');
  await form.getByLabel('Due day').fill('10');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'What happens next, and your rights' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'When a payment is late' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Late right now' })).toContainText(/Old loan.*late by \d+ days · cost so far CN¥[\d,.]+ · about CN¥[\d,.]+ more each day/);
  await expect(page.getByRole('region', { name: 'What lenders and collectors may not do' })).toContainText('Article 68');
  await expect(page.getByRole('region', { name: 'Your credit report' })).toContainText('5 years');

  const log = page.getByRole('region', { name: 'Collection contacts' });
  await log.getByLabel('Date').fill('2026-11-20');
  await log.getByRole('button', { name: 'Add to the log' }).click();
  await expect(log.getByText('Who contacted you is required.')).toBeVisible();
  await expect(log.getByRole('table')).toHaveCount(0);

  await log.getByLabel('Who contacted you').fill('Collector Zhang, 400-000-0000');
  await log.getByLabel('How').selectOption('phone');
  await log.getByLabel('What was said').fill('Asked to pay by Friday; threatened to call my employer.');
  await log.getByRole('button', { name: 'Add to the log' }).click();
  await expect(log.getByRole('table', { name: 'Collection contacts' })).toContainText('Collector Zhang');
  await page.reload();
  await expect(page.getByRole('table', { name: 'Collection contacts' })).toContainText('threatened to call my employer');
  await page.getByRole('button', { name: 'Delete the contact of Nov 20, 2026' }).click();
  await expect(page.getByRole('table', { name: 'Collection contacts' })).toHaveCount(0);
});
