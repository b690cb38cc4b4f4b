// Takes the documentation screenshots (docs/screenshots/) from the built renderer in Debian's
// Chromium: the first-run screen, then each main page in zh-CN and en, light and dark, with the
// sample household loaded.
// Usage: npm run build:renderer && node scripts/screenshots.mjs
// For a quick look at a few pages: ONLY=budget,accounts LANGUAGES=en SCHEMES=light node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { viteEntry } from './vite-entry.mjs';

const PORT = 4175;
const BASE = `http://localhost:${PORT}`;
const OUT = 'docs/screenshots';
const PAGES = [
  ['dashboard', 'dashboard'],
  ['debts', 'debts'],
  ['debt-loan', 'debts/debt-mortgage'],
  ['debt-card', 'debts/debt-cmb-card'],
  ['debt-installment', 'debts/debt-huabei-phone'],
  ['institutions', 'debts/institutions'],
  ['planner', 'debts/planner'],
  ['late', 'debts/late'],
  ['calendar', 'calendar'],
  ['budget', 'budget'],
  ['categories', 'budget/categories'],
  ['bills', 'budget/bills'],
  ['accounts', 'accounts'],
  ['transactions', 'transactions'],
  [
    'import',
    'transactions/import',
    // The preview of an Alipay bill, before anything is written.
    async (page) => {
      await page.locator('#bill-file').setInputFiles('tests/fixtures/import/alipay-2026-09.csv');
      await page.locator('.virtual-table, [role="table"]').first().waitFor();
    },
  ],
  ['insurance', 'insurance'],
  ['policy', 'insurance/policy-ci'],
  ['policy-form', 'insurance/policy-term/edit'],
  ['family', 'insurance/family'],
  ['coverage', 'insurance/coverage'],
  ['claims', 'insurance/claims'],
  ['reports', 'reports'],
  ['reports-net-worth', 'reports?report=net-worth'],
  ['reminders', 'reminders'],
  ['settings', 'settings'],
];

const ONLY = process.env.ONLY?.split(',');
const LANGUAGES = process.env.LANGUAGES?.split(',') ?? ['en', 'zh-CN'];
const SCHEMES = process.env.SCHEMES?.split(',') ?? ['light', 'dark'];

mkdirSync(OUT, { recursive: true });
// A leftover preview would also block the next one: Vite allows one preview per project.
const server = spawn(process.execPath, [viteEntry(), 'preview', '--config', 'vite.config.ts', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not start on ${BASE}`);
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const language of LANGUAGES) {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language === 'en' ? 'en-US' : 'zh-CN', colorScheme: scheme });
      const page = await context.newPage();
      // The first-run screen, on the empty database, before the sample household is loaded.
      if (!ONLY || ONLY.includes('welcome')) {
        await page.goto(`${BASE}/#/dashboard`);
        await page.locator('.welcome form').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}/welcome-${language}-${scheme}.png` });
        await page.locator('.welcome button[type="submit"]').click();
        await page.locator('.welcome-choices').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}/welcome-start-${language}-${scheme}.png` });
      }
      await page.goto(`${BASE}/#/settings`);
      await page.locator('#sample-data button').click();
      await page.locator('dialog button.danger').click();
      await page.locator('.status.ok').waitFor();
      // A monthly budget for debts, so the planner and the dashboard show a plan.
      await page.goto(`${BASE}/#/debts/planner`);
      await page.locator('input').first().fill('20000');
      for (const [name, route, prepare] of PAGES.filter(([name]) => !ONLY || ONLY.includes(name))) {
        await page.goto(`${BASE}/#/${route}`);
        await page.locator('h1').waitFor();
        if (prepare) await prepare(page);
        // The pointer off the content, so no chart shows a hover tooltip.
        await page.mouse.move(0, 0);
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${OUT}/${name}-${language}-${scheme}.png` });
      }
      await context.close();
    }
  }
  await browser.close();
  console.log(`screenshots written to ${OUT}/`);
} finally {
  server.kill();
}
