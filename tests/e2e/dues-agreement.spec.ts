import { expect, test, type Page } from './fixtures';

/**
 * One household, every place that says what is due: a premium in the last days of its grace
 * period and a loan instalment paid in part. The bell, the dashboard, the calendar grid and the
 * agenda must count the premium once and show the instalment's remaining amount alike.
 */

async function addInstitution(page: Page, fill: (form: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const form = page.getByRole('form', { name: 'New institution' });
  await fill(form);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('the bell, the dashboard, the calendar and its agenda agree on a premium in grace and a partly paid instalment', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await addInstitution(page, async (form) => {
    await form.getByLabel('Preset').selectOption('ccb');
  });
  await addInstitution(page, async (form) => {
    await form.getByLabel('Name').fill('Ping An');
    await form.getByLabel('Kind').selectOption({ label: 'Insurer' });
  });
  await page.goto('/#/insurance/family');
  await page.getByRole('button', { name: 'Add a family member' }).first().click();
  const member = page.getByRole('form', { name: 'Add a family member' });
  await member.getByLabel('Name').fill('Li Wei');
  await member.getByLabel('Relation').selectOption({ label: 'Me' });
  await member.getByLabel('Birth date').fill('1988-04-12');
  await member.getByRole('button', { name: 'Save' }).click();
  await expect(member).toBeHidden();

  // A yearly premium due today, left unpaid: 60 days of grace, the last one Jan 21, 2027.
  await page.goto('/#/insurance/new');
  const policy = page.getByRole('form', { name: 'Add a policy' });
  await policy.getByLabel('Type').selectOption({ label: 'Medical' });
  await policy.getByLabel('Product name').fill('e-Sheng medical');
  await policy.getByLabel('Policy number').fill('M-88');
  await policy.getByLabel('Insured person').selectOption({ label: 'Li Wei' });
  await policy.getByLabel('Sum assured').fill('4,000,000');
  await policy.getByLabel('Premium', { exact: true }).fill('368');
  await policy.getByLabel('Premium frequency').selectOption({ label: 'Annual' });
  await policy.getByLabel('Effective date').fill('2026-11-22');
  await policy.getByLabel('The premiums due up to today are paid').uncheck();
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e-Sheng medical' })).toBeVisible();

  // A loan whose first instalment (CN¥2,992.60) falls due on Jan 20, 2027.
  await page.goto('/#/debts/new');
  const loan = page.getByRole('form', { name: 'Add a debt' });
  await loan.getByLabel('Name').fill('Car loan');
  await loan.getByLabel('Principal').fill('100000');
  await loan.getByLabel('Interest rate (%)').fill('4.9');
  await loan.getByLabel('Term (months)').fill('36');
  await loan.getByLabel('Start date').fill('2026-12-20');
  await loan.getByLabel('Due day').fill('20');
  await loan.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Car loan' })).toBeVisible();

  // Two days before the grace ends, CN¥1,000.00 of the instalment is paid.
  await page.clock.setSystemTime(new Date('2027-01-19T10:00:00+08:00'));
  await page.reload();
  const panel = page.getByRole('region', { name: 'Record a payment' });
  await expect(panel.getByLabel('Payment for')).toHaveValue('2027-01-20');
  await panel.getByLabel('Amount paid').fill('1000');
  await panel.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment of' })).toHaveText('Payment of CN¥1,000.00 saved.');

  // The bell: the late premium and the instalment, each once (the grace end restates the premium).
  await expect(page.getByRole('navigation').getByLabel('2 due soon or late')).toHaveText('2');

  await page.goto('/#/dashboard');
  const upcoming = page.getByRole('region', { name: 'Due in the next 7 days, and anything late' });
  const rows = upcoming.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'e-Sheng medical' })).toContainText('CN¥368.00');
  await expect(rows.filter({ hasText: 'Car loan' })).toContainText('CN¥1,992.60');

  await page.goto('/#/calendar?month=2027-01');
  const cell = page.getByRole('gridcell', { name: 'Jan 20, 2027' });
  await expect(cell).toContainText('Car loan');
  await expect(cell).toContainText('CN¥1,992.60');
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(agenda.getByRole('row', { name: /Car loan/ })).toContainText('CN¥1,992.60');
  const late = agenda.getByRole('table', { name: 'Late: pay these first' });
  await expect(late.getByRole('row')).toHaveCount(1);
  await expect(late).toContainText('e-Sheng medical');
  await expect(agenda).toContainText('To pay: CN¥368.00');
  // The last day of grace is shown on its date, and adds nothing to the week's total.
  await expect(page.getByRole('gridcell', { name: 'Jan 21, 2027' })).toContainText('e-Sheng medical');
  await expect(agenda.getByRole('row', { name: /Jan 21, 2027/ })).toContainText('Grace period ends');
  await expect(agenda).toContainText('To pay: CN¥1,992.60');
});
