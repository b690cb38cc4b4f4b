/**
 * Issue 10: a newcomer opens Clearday, goes through the first-run screen in Chinese or English,
 * adds a first debt starting from its lender, and reaches a planned debt with its reminders.
 * Texts come from the translation files, so both languages walk the same path.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';

type Language = 'en' | 'zh-CN';
const LOCALES: Record<Language, unknown> = {
  en: JSON.parse(readFileSync('shared/i18n/locales/en.json', 'utf8')),
  'zh-CN': JSON.parse(readFileSync('shared/i18n/locales/zh-CN.json', 'utf8')),
};

/** The text of a translation key, with {{name}} values filled in. */
function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], LOCALES[language]);
  if (typeof found !== 'string') throw new Error(`no text for ${key} in ${language}`);
  return found.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''));
}

async function walkOnboarding(page: Page, language: Language, debtName: string) {
  const T = (key: string, values?: Record<string, string | number>) => text(language, key, values);
  // A fixed day, so the loan's dues and reminders are the same on every run.
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+08:00') });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: text('en', 'welcome.title') })).toBeVisible();

  // Step 1: the language switches the screen at once; the currency is the budget's.
  await page.getByRole('combobox', { name: text('en', 'settings.field.language') }).selectOption(language);
  await expect(page.getByRole('heading', { name: T('welcome.title') })).toBeVisible();
  await expect(page.getByText(T('welcome.step', { step: 1, total: 2 }))).toBeVisible();
  await page.getByRole('combobox', { name: T('settings.field.baseCurrency') }).selectOption('CNY');
  await page.getByRole('button', { name: T('welcome.continue') }).click();

  // Step 2: the first debt, starting with its lender.
  await expect(page.getByRole('heading', { name: T('welcome.startTitle') })).toBeVisible();
  const firstDebt = page.getByRole('form', { name: T('welcome.firstDebt') });
  await firstDebt.getByLabel(T('welcome.lender')).selectOption('ccb');
  await firstDebt.getByRole('button', { name: T('welcome.addDebt') }).click();

  const form = page.getByRole('form', { name: T('debtForm.addTitle') });
  await expect(form.getByLabel(T('debtForm.field.institutionId'))).toHaveValue(/.+/);
  await expect(form.getByLabel(T('debtForm.field.institutionId')).locator('option:checked')).toHaveText(T('institution.preset.ccb'));
  await form.getByLabel(T('debtForm.field.name')).fill(debtName);
  await form.getByLabel(T('debtForm.field.principal')).fill('100,000');
  await form.getByLabel(T('debtForm.field.rate')).fill('4.9');
  await form.getByLabel(T('debtForm.field.termMonths')).fill('36');
  await form.getByLabel(T('debtForm.field.startDate')).fill('2026-11-15');
  await form.getByLabel(T('debtForm.field.dueDay')).fill('15');
  await form.getByRole('button', { name: T('common.save') }).click();

  // The debt with its engine figures: DOMAIN.md's example, 100,000 at 4.9 % over 36 months.
  await expect(page.getByRole('heading', { level: 1, name: debtName })).toBeVisible();
  await expect(page.getByRole('table', { name: T('debtDetail.schedule') }).getByRole('row').nth(1)).toContainText('2,992.60');

  // Its reminders: the first instalment (Dec 15) is coming up.
  await page.getByRole('link', { name: T('nav.reminders') }).click();
  await expect(page.getByRole('region', { name: T('reminderCentre.upcoming') })).toContainText(debtName);

  // And its plan: with a budget, the planner says when the debt is paid off.
  await page.goto('/#/debts/planner');
  await page.getByLabel(T('planner.budget')).fill('5,000');
  await expect(page.getByRole('table', { name: T('planner.order') })).toContainText(debtName);
  await page.getByRole('link', { name: T('nav.dashboard') }).click();
  await expect(page.getByRole('heading', { name: T('dashboard.debtFree') })).toBeVisible();
  // The debt-free card names a month now, instead of asking for a budget.
  await expect(page.getByText(T('dashboard.debtFreeHint', { strategy: T('planner.strategies.avalanche') }))).toBeVisible();
  await expect(page.getByRole('link', { name: T('dashboard.setBudget') })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: T('welcome.title') })).toHaveCount(0);

  // Finished once: a reload goes straight to the dashboard, in the chosen language.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: T('dashboard.title') })).toBeVisible();
  await expect(page.getByRole('heading', { name: T('dashboard.debtFree') })).toBeVisible();
}

test('a newcomer sets up Clearday in English and reaches a planned debt with reminders', async ({ page }) => {
  await walkOnboarding(page, 'en', 'Car loan');
});

test('a newcomer sets up Clearday in Chinese and reaches a planned debt with reminders', async ({ page }) => {
  await walkOnboarding(page, 'zh-CN', '车贷');
});

test('the first-run screen can load the sample household or start empty, and is not shown again', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Load the sample household' }).click();
  await expect(page.getByRole('heading', { name: 'Total debt' })).toBeVisible();
  await page.getByRole('link', { name: 'Debts' }).click();
  await expect(page.getByRole('link', { name: 'CCB mortgage', exact: true }).first()).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Clearday' })).toHaveCount(0);
});

test('starting empty leaves the ordinary empty dashboard, which offers the sample household', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start with nothing and add things later' }).click();
  await expect(page.getByRole('heading', { name: 'Everything you owe, in one place' })).toBeVisible();
  await page.reload();
  const empty = page.getByRole('region', { name: 'Everything you owe, in one place' });
  await expect(empty).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Clearday' })).toHaveCount(0);
  await expect(empty.getByRole('link', { name: 'Explore with the sample household' })).toBeVisible();
  await empty.getByRole('link', { name: 'Add a debt' }).click();
  // No lender yet: the form says to add one first, and links there.
  await expect(page.getByRole('link', { name: 'Add institution' })).toBeVisible();
});

test('someone who already keeps data (here one account, nothing due, nothing spent) never meets the first-run screen', async ({ page }) => {
  await page.goto('/#/accounts');
  await page.getByRole('button', { name: 'Add account' }).first().click();
  const form = page.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Account name').fill('Savings');
  await form.getByLabel('Account type').selectOption('savings');
  await form.getByLabel('Opening balance').fill('5,000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'Everything you owe, in one place' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Clearday' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load the sample household' })).toHaveCount(0);
  // And it is remembered: the flag is set, so a reload asks nothing either.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Everything you owe, in one place' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Clearday' })).toHaveCount(0);
});
