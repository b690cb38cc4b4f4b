import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import type { BillRow } from '../../../shared/import/types';
import { parseWechatCsv, parseWechatRows } from '../../../shared/import/wechat';

const CSV = new URL('../../fixtures/import/wechat-2026-09.csv', import.meta.url);
const XLSX = new URL('../../fixtures/import/wechat-2025-08.xlsx', import.meta.url);
const text = readFileSync(CSV, 'utf8');
const lines = text.split('\n');

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected an ImportParseError');
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** A sheet cell as the renderer hands it over: text, with dates as 'YYYY-MM-DD HH:MM:SS' (UTC). */
function cellToString(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())} ${pad2(cell.getUTCHours())}:${pad2(cell.getUTCMinutes())}:${pad2(cell.getUTCSeconds())}`;
  }
  return String(cell);
}

/** Every row of wechat-2026-09.csv, written out from the file. */
const EXPECTED_CSV: BillRow[] = [
  {
    line: 18, date: '2026-09-01', time: '07:58:00', amount: -650, direction: 'out', payee: '某便利店', description: '饮料', sourceCategory: '商户消费',
    method: '零钱', status: '支付成功', orderId: '4200001001202609010001', merchantOrderId: '10001', closed: false, refund: false,
  },
  {
    line: 19, date: '2026-09-03', time: '20:10:00', amount: 6600, direction: 'in', payee: '王*', description: '', sourceCategory: '微信红包',
    status: '已存入零钱', orderId: '1000039901202609030002', closed: false, refund: false,
  },
  {
    line: 20, date: '2026-09-06', time: '13:00:00', amount: -320000, direction: 'out', payee: '房东', description: '', sourceCategory: '转账',
    method: '招商银行(1234)', status: '对方已收钱', orderId: '1000050001202609060003', note: '9月房租', closed: false, refund: false,
  },
  {
    // Credit-card repayment: "/" (neutral), out of 零钱.
    line: 21, date: '2026-09-09', time: '09:30:00', amount: -200000, direction: 'neutral', payee: '招商银行信用卡', description: '', sourceCategory: '信用卡还款',
    method: '零钱', status: '支付成功', orderId: '1000060001202609090004', closed: false, refund: false,
  },
  {
    line: 22, date: '2026-09-12', time: '18:45:00', amount: -4580, direction: 'out', payee: '某外卖平台', description: '外卖订单', sourceCategory: '商户消费',
    method: '零钱通', status: '支付成功', orderId: '4200001002202609120005', merchantOrderId: '20005', closed: false, refund: false,
  },
  {
    // The refund keeps the original's 交易单号.
    line: 23, date: '2026-09-13', time: '10:00:00', amount: 4580, direction: 'in', payee: '某外卖平台', description: '外卖订单', sourceCategory: '商户消费-退款',
    method: '零钱通', status: '已全额退款', orderId: '4200001002202609120005', merchantOrderId: '20005', closed: false, refund: true,
    refundOf: '4200001002202609120005',
  },
  {
    // Withdrawal: neutral, out, with its fee in 备注.
    line: 24, date: '2026-09-18', time: '22:00:00', amount: -50000, direction: 'neutral', payee: '招商银行(1234)', description: '', sourceCategory: '零钱提现',
    method: '零钱', status: '提现已到账', orderId: '1000070001202609180007', note: '服务费¥0.50', closed: false, refund: false, fee: 50,
  },
];

const META = { format: 'wechat', currency: 'CNY', accountHint: '小明', period: { start: '2026-09-01', end: '2026-09-30' }, declaredCount: 7 };

describe('parseWechatCsv on the fixture', () => {
  it('reads every row', () => {
    expect(parseWechatCsv(text).rows).toStrictEqual(EXPECTED_CSV);
  });

  it('reads what the lead lines state', () => {
    const { rows: _rows, ...rest } = parseWechatCsv(text);
    expect(rest).toStrictEqual(META);
  });

  it('checks the fixture layout the expectations rely on', () => {
    expect(lines[16]).toBe('交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注');
  });
});

describe('parseWechatCsv on variants', () => {
  it('finds the header after the extra lead line added in 2026', () => {
    const bill = parseWechatCsv(['微信支付账单明细（2026版）,,,,,,,,,,', ...lines].join('\n'));
    expect(bill.rows).toStrictEqual(EXPECTED_CSV.map((row) => ({ ...row, line: row.line + 1 })));
  });

  it('reads CRLF endings and a BOM', () => {
    expect(parseWechatCsv(`\ufeff${lines.join('\r\n')}`).rows).toStrictEqual(EXPECTED_CSV);
  });

  it('reads ¥ and ￥ alike', () => {
    const swapped = text.replace(/[¥￥]/g, (sign) => (sign === '¥' ? '￥' : '¥'));
    expect(parseWechatCsv(swapped).rows).toStrictEqual(EXPECTED_CSV.map((row) => (row.note === '服务费¥0.50' ? { ...row, note: '服务费￥0.50' } : row)));
    expect(parseWechatCsv(text.replace(/[¥￥]/g, '')).rows.map((row) => row.amount)).toEqual([-650, 6600, -320000, -200000, -4580, 4580, -50000]);
  });

  it('maps reordered columns by header name', () => {
    // Move 金额(元) (index 5) to the front in the header and every record.
    const moved = lines.map((line, index) => {
      if (index < 16 || line === '') return line;
      const rows = line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? [];
      const cells = rows.map((cell) => cell.replace(/,$/, '')).filter((_cell, i) => i < 11);
      const [amount] = cells.splice(5, 1);
      return [amount, ...cells].join(',');
    });
    expect(moved[16]).toBe('金额(元),交易时间,交易类型,交易对方,商品,收/支,支付方式,当前状态,交易单号,商户单号,备注');
    expect(parseWechatCsv(moved.join('\n')).rows).toStrictEqual(EXPECTED_CSV);
  });
});

describe('parseWechatCsv errors', () => {
  it('refuses text that is not a bill', () => {
    expect(parseError(() => parseWechatCsv('a,b,c\n1,2,3'))).toMatchObject({ code: 'not-a-bill' });
    const alipay = new TextDecoder('gb18030').decode(readFileSync(new URL('../../fixtures/import/alipay-2026-09.csv', import.meta.url)));
    expect(parseError(() => parseWechatCsv(alipay))).toMatchObject({ code: 'not-a-bill' });
    expect(parseError(() => parseWechatCsv(readFileSync(new URL('../../fixtures/import/jd-2026-09.csv', import.meta.url), 'utf8')))).toMatchObject({ code: 'not-a-bill' });
  });

  it('names a missing 金额(元) column', () => {
    const noAmount = lines.map((line, index) => (index === 16 ? line.replace('金额(元),', '') : line)).join('\n');
    expect(parseError(() => parseWechatCsv(noAmount))).toMatchObject({ code: 'missing-column', line: 17, detail: '金额(元)' });
  });

  it('says truncated when fewer rows than declared are there', () => {
    expect(parseError(() => parseWechatCsv(lines.slice(0, 21).join('\n')))).toMatchObject({ code: 'truncated', detail: '4/7' });
  });

  it('says truncated when a quoted amount is cut off', () => {
    const cut = `${lines.slice(0, 19).join('\n')}\n2026-09-06 13:00:00,转账,房东,/,支出,"¥3,2`;
    expect(parseError(() => parseWechatCsv(cut))).toMatchObject({ code: 'truncated', line: 20 });
  });

  it('names the line of a bad amount and a bad date', () => {
    expect(parseError(() => parseWechatCsv(text.replace('¥66.00', '¥66.0.0')))).toMatchObject({ code: 'bad-amount', line: 19, detail: '¥66.0.0' });
    expect(parseError(() => parseWechatCsv(text.replace('2026-09-12 18:45:00', '2026-09-12 18:45:61')))).toMatchObject({ code: 'bad-date', line: 22 });
  });

  it('says encoding for UTF-8 read as GBK', () => {
    const misread = new TextDecoder('gb18030').decode(readFileSync(CSV));
    expect(parseError(() => parseWechatCsv(misread))).toMatchObject({ code: 'encoding' });
  });
});

describe('parseWechatRows (.xlsx)', () => {
  let sheet: string[][] = [];
  beforeAll(async () => {
    const data = await readSheet(readFileSync(XLSX));
    sheet = data.map((row) => row.map(cellToString));
  });

  it('reads every row of the sheet', () => {
    // The sheet holds the same records as the CSV on rows 18-24 (no trailing tabs): the same rows, written out above.
    const expected = EXPECTED_CSV;
    expect(sheet[16]?.slice(0, 3)).toEqual(['交易时间', '交易类型', '交易对方']);
    expect(parseWechatRows(sheet).rows).toStrictEqual(expected);
  });

  it('reads what the lead rows state', () => {
    const { rows: _rows, ...rest } = parseWechatRows(sheet);
    expect(rest).toStrictEqual(META);
  });

  it('reads Excel date cells converted to text and Excel serial numbers', () => {
    const rows = sheet.map((row) => [...row]);
    (rows[17] as string[])[0] = cellToString(new Date(Date.UTC(2026, 8, 1, 7, 58, 0)));
    (rows[18] as string[])[0] = '46268.84027777778';
    const bill = parseWechatRows(rows);
    expect(bill.rows[0]).toMatchObject({ date: '2026-09-01', time: '07:58:00' });
    expect(bill.rows[1]).toMatchObject({ date: '2026-09-03', time: '20:10:00' });
  });

  it('gives the same errors as the CSV', () => {
    expect(parseError(() => parseWechatRows([['hello'], ['world']]))).toMatchObject({ code: 'not-a-bill' });
    expect(parseError(() => parseWechatRows(sheet.slice(0, 20)))).toMatchObject({ code: 'truncated', detail: '3/7' });
    const header = sheet[16] ?? [];
    expect(parseError(() => parseWechatRows([header]))).toMatchObject({ code: 'empty', line: 1 });
    expect(parseError(() => parseWechatRows([header, ['2026-09-01', '商户消费', '某店', '/', '支出', 'abc', '零钱', '支付成功', '1', '/', '/']]))).toMatchObject({
      code: 'bad-amount',
      line: 2,
      detail: 'abc',
    });
  });
});
