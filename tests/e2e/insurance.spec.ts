import { expect, test, type Page } from './fixtures';

async function addMember(page: Page, name: string, relation: string, birthDate: string, income: string) {
  await page.getByRole('button', { name: 'Add a family member' }).first().click();
  const form = page.getByRole('form', { name: 'Add a family member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Relation').selectOption({ label: relation });
  await form.getByLabel('Birth date').fill(birthDate);
  await form.getByLabel('Annual income').fill(income);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function addPolicy(page: Page, fields: { type: string; name: string; number: string; insured: string; sum: string; premium: string; frequency: string; effective: string; todayUnpaid?: boolean }) {
  await page.goto('/#/insurance');
  await page.getByRole('link', { name: 'Add a policy' }).first().click();
  const form = page.getByRole('form', { name: 'Add a policy' });
  await form.getByLabel('Type').selectOption({ label: fields.type });
  await form.getByLabel('Product name').fill(fields.name);
  await form.getByLabel('Policy number').fill(fields.number);
  await form.getByLabel('Insured person').selectOption({ label: fields.insured });
  await form.getByLabel('Sum assured').fill(fields.sum);
  await form.getByLabel('Premium', { exact: true }).fill(fields.premium);
  await form.getByLabel('Premium frequency').selectOption({ label: fields.frequency });
  await form.getByLabel('Effective date').fill(fields.effective);
  if (fields.todayUnpaid) await form.getByLabel('The premiums due up to today are paid').uncheck();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible();
}

test('a new user insures the family: members, policies, premiums in the calendar, a lapse, coverage hints and a claim', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.goto('/#/debts/institutions');
  await page.getByRole('button', { name: 'Add institution' }).first().click();
  const institution = page.getByRole('form', { name: 'New institution' });
  await institution.getByLabel('Name').fill('Ping An');
  await institution.getByLabel('Kind').selectOption({ label: 'Insurer' });
  await institution.getByRole('button', { name: 'Save' }).click();
  await expect(institution).toBeHidden();

  await page.goto('/#/insurance/family');
  await expect(page.getByRole('heading', { name: 'No family members yet' })).toBeVisible();
  await addMember(page, 'Li Wei', 'Me', '1988-04-12', '260,000');
  await addMember(page, 'Wang Fang', 'Spouse', '1990-09-03', '180000');
  await expect(page.getByRole('row', { name: /Li Wei/ })).toContainText('Apr 12, 1988 (age 38)');

  // A policy form that does not add up says so and saves nothing.
  await page.goto('/#/insurance/new');
  const form = page.getByRole('form', { name: 'Add a policy' });
  await form.getByLabel('Beneficiaries', { exact: true }).selectOption({ label: 'Named people' });
  await form.getByLabel('Beneficiary 1: name').fill('Wang Fang');
  await form.getByLabel('Beneficiary 1: share (%)').fill('60');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'add up to 60.00 %' })).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'Product name is required.' })).toBeVisible();

  await addPolicy(page, { type: 'Critical illness', name: 'Ping An Fu', number: 'P1020', insured: 'Li Wei', sum: '500,000', premium: '8,600', frequency: 'Annual', effective: '2026-11-22' });
  await expect(page.getByRole('status', { name: 'Policy state' })).toContainText('Inside the cooling-off period until Dec 7, 2026');
  await addPolicy(page, { type: 'Term life', name: 'Term life 2046', number: 'T-77', insured: 'Li Wei', sum: '2,000,000', premium: '315', frequency: 'Monthly', effective: '2026-12-05' });
  await addPolicy(page, { type: 'Medical', name: 'e-Sheng medical', number: 'M-88', insured: 'Wang Fang', sum: '4,000,000', premium: '368', frequency: 'Annual', effective: '2026-11-22', todayUnpaid: true });

  await page.goto('/#/insurance');
  await page.getByLabel('Search policies').fill('t-77');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('Term life 2046');
  await page.getByLabel('Search policies').fill('');

  // Premiums are dues like any other: in the calendar, and a reminder is planned.
  await page.goto('/#/calendar?month=2026-12');
  await expect(page.getByRole('main')).toContainText('Term life 2046');
  await page.goto('/#/reminders');
  await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Term life 2046');

  // Pay the first term-life premium ahead of its date; the critical-illness one was paid at purchase.
  await page.goto('/#/insurance');
  await page.getByRole('link', { name: 'Term life 2046' }).click();
  await page.getByRole('button', { name: 'Pay the premium due Dec 5, 2026' }).click();
  await page.getByRole('form', { name: 'Pay the premium due Dec 5, 2026' }).getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Premium of CN¥315.00 due Dec 5, 2026 recorded as paid.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Premiums' }).getByRole('row', { name: /Dec 5, 2026/ })).toContainText('Paid');

  // Two months on, the unpaid medical premium is past its 60-day grace: the policy has lapsed.
  await page.clock.setSystemTime(new Date('2027-01-23T10:00:00+08:00'));
  await page.goto('/#/dashboard');
  await page.reload();
  const warning = page.getByRole('alert', { name: 'Insurance needs attention' });
  await expect(warning).toContainText('e-Sheng medical lapsed on Jan 22, 2027');
  await expect(warning).toContainText('Term life 2046 has an unpaid premium of CN¥315.00; the grace period ends Mar 6, 2027.');
  await expect(warning).not.toContainText('Ping An Fu');
  await warning.getByRole('link', { name: 'e-Sheng medical' }).click();
  await expect(page.getByRole('alert', { name: 'Policy state' })).toContainText('Lapsed on Jan 22, 2027');

  // The coverage matrix and its hints.
  await page.goto('/#/insurance/coverage');
  const matrix = page.getByRole('table', { name: /Sum assured and premium per year/ });
  await expect(matrix.getByRole('row', { name: /Li Wei/ })).toContainText('CN¥500,000.00');
  const hints = page.getByRole('region', { name: 'Hints' });
  await expect(hints).toContainText('Li Wei: critical-illness cover is CN¥500,000.00; the rule of thumb suggests about CN¥1,300,000.00.');
  await expect(hints).toContainText('Wang Fang has no medical cover.');
  await expect(page.getByText(/Not counted: e-Sheng medical \(lapsed\)/)).toBeVisible();

  // A claim, with a document attached.
  await page.goto('/#/insurance/claims');
  await page.getByRole('button', { name: 'Add a claim' }).first().click();
  const claim = page.getByRole('form', { name: 'Add a claim' });
  await claim.getByLabel('Policy').selectOption({ label: 'Ping An Fu (P1020)' });
  await claim.getByLabel('Date of the event').fill('2027-01-10');
  await claim.getByLabel('Amount claimed').fill('20,000');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim).toBeHidden();
  const documents = page.getByRole('region', { name: 'Documents of the claim on Ping An Fu' });
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await documents.getByLabel('Add documents…').setInputFiles({ name: 'hospital-receipt.png', mimeType: 'image/png', buffer: png });
  await expect(documents).toContainText('hospital-receipt.png');
  await documents.getByLabel('Add documents…').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(documents.getByRole('alert')).toContainText('notes.txt is not a PDF or an image');
  await expect(page.getByRole('row', { name: /Ping An Fu/ })).toContainText('CN¥20,000.00');
  await expect(page.getByRole('button', { name: /Documents of the claim filed .* \(1\)/ })).toBeVisible();
});
