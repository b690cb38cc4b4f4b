import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { parseJd } from '../../../shared/import/jd';
import type { BillRow } from '../../../shared/import/types';

const FIXTURE = new URL('../../fixtures/import/jd-2026-09.csv', import.meta.url);
const text = readFileSync(FIXTURE, 'utf8');
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

/** Every row of jd-2026-09.csv, written out from the file. */
const EXPECTED: BillRow[] = [
  {
    line: 23, date: '2026-09-02', time: '10:20:30', amount: -5980, direction: 'out', payee: '京东商城', description: '洗衣液 x2', sourceCategory: '日用百货',
    method: '白条', status: '交易成功', orderId: '283001', closed: false, refund: false,
  },
  {
    // "131.77(已退款89.84)": the amount shown already has the refund deducted.
    line: 24, date: '2026-09-04', time: '15:00:00', amount: -13177, direction: 'out', payee: '京东商城', description: '蓝牙耳机', sourceCategory: '数码电器',
    method: '招商银行信用卡(5678)', status: '交易成功', orderId: '283002', closed: false, refund: false, refunded: 8984,
  },
  {
    line: 25, date: '2026-09-06', time: '09:00:00', amount: -110000, direction: 'neutral', payee: '京东金融', description: '白条还款-2026年08月账单',
    sourceCategory: '信用借还', method: '招商银行储蓄卡(1234)', status: '交易成功', orderId: '283003', closed: false, refund: false,
  },
  {
    line: 26, date: '2026-09-08', time: '16:30:00', amount: -39900, direction: 'out', payee: '京东商城', description: '电饭煲', sourceCategory: '厨房电器',
    method: '白条', status: '交易成功', orderId: '283004', note: '分期3期', closed: false, refund: false,
  },
  {
    line: 27, date: '2026-09-12', time: '11:11:00', amount: -200000, direction: 'neutral', payee: '京东金融', description: '金条还款-第3期',
    sourceCategory: '信用借还', method: '招商银行储蓄卡(1234)', status: '交易成功', orderId: '283005', closed: false, refund: false,
  },
  {
    line: 28, date: '2026-09-20', time: '19:00:00', amount: -93620, direction: 'out', payee: '京东商城', description: '零食礼包', sourceCategory: '食品酒饮',
    method: '京东支付', status: '交易成功', orderId: '283006', closed: false, refund: false,
  },
  {
    line: 29, date: '2026-09-21', time: '08:00:00', amount: 2000, direction: 'in', payee: '京东金融', description: '小金库收益', sourceCategory: '投资理财',
    method: '小金库', status: '交易成功', orderId: '283007', closed: false, refund: false,
  },
];

/** Splits a JD line into cells (JD writes no quotes). */
function cells(line: string): string[] {
  return line.split(',');
}

describe('parseJd on the fixture', () => {
  it('reads every row', () => {
    expect(parseJd(text).rows).toStrictEqual(EXPECTED);
  });

  it('reads what the lead lines state', () => {
    const { rows: _rows, ...rest } = parseJd(text);
    expect(rest).toStrictEqual({ format: 'jd', currency: 'CNY', accountHint: 'jd_****', period: { start: '2026-09-01', end: '2026-09-30' }, declaredCount: 7 });
  });

  it('matches the summary: 4 expenses of 1526.77', () => {
    const spent = EXPECTED.filter((row) => row.direction === 'out').reduce((sum, row) => sum + row.amount, 0);
    expect(spent).toBe(-152677);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(lines[21]).toBe('交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,商家订单号,备注');
  });
});

describe('parseJd on variants', () => {
  it('maps shuffled columns by header name', () => {
    // A fixed shuffle of the 11 named columns; the trailing ", ," cells stay at the end.
    const order = [6, 3, 10, 0, 8, 1, 9, 2, 5, 7, 4];
    const shuffled = lines.map((line, index) => {
      if (index < 21 || line === '') return line;
      const all = cells(line);
      return [...order.map((i) => all[i] ?? ''), ...all.slice(11)].join(',');
    });
    expect(shuffled[21]).toBe('收/支,金额,备注,交易时间,交易订单号,商户名称,商家订单号,交易说明,交易状态,交易分类,收/付款方式');
    expect(parseJd(shuffled.join('\n')).rows).toStrictEqual(EXPECTED);
  });

  it('reads the file without a BOM, with CRLF endings and an extra lead line', () => {
    expect(parseJd(text.slice(1)).rows).toStrictEqual(EXPECTED);
    expect(parseJd(lines.join('\r\n')).rows).toStrictEqual(EXPECTED);
    expect(parseJd(['京东金融', ...lines].join('\n')).rows).toStrictEqual(EXPECTED.map((row) => ({ ...row, line: row.line + 1 })));
  });

  it('reads a full-width refund note and ¥ amounts', () => {
    const variant = text.replace('131.77(已退款89.84)', '¥131.77（已退款￥89.84）').replace(',59.80,', ',￥59.80,');
    const rows = parseJd(variant).rows;
    expect(rows[0]?.amount).toBe(-5980);
    expect(rows[1]).toMatchObject({ amount: -13177, refunded: 8984 });
  });
});

describe('parseJd errors', () => {
  it('refuses text that is not a bill', () => {
    expect(parseError(() => parseJd('\ufeff导出信息：\n没有记录'))).toMatchObject({ code: 'not-a-bill' });
    const alipay = new TextDecoder('gb18030').decode(readFileSync(new URL('../../fixtures/import/alipay-2026-09.csv', import.meta.url)));
    expect(parseError(() => parseJd(alipay))).toMatchObject({ code: 'not-a-bill' });
    expect(parseError(() => parseJd(readFileSync(new URL('../../fixtures/import/wechat-2026-09.csv', import.meta.url), 'utf8')))).toMatchObject({ code: 'not-a-bill' });
  });

  it('says truncated when fewer rows than declared are there', () => {
    expect(parseError(() => parseJd(lines.slice(0, 25).join('\n')))).toMatchObject({ code: 'truncated', line: 25, detail: '3/7' });
  });

  it('names a missing column, the line of a bad amount and of a bad date', () => {
    const noDirection = lines.map((line, index) => (index === 21 ? line.replace(',收/支,', ',方向,') : line)).join('\n');
    expect(parseError(() => parseJd(noDirection))).toMatchObject({ code: 'missing-column', line: 22, detail: '收/支' });
    expect(parseError(() => parseJd(text.replace('131.77(已退款89.84)', '131.77(已退款八十)')))).toMatchObject({ code: 'bad-amount', line: 24 });
    expect(parseError(() => parseJd(text.replace('2026-09-20 19:00:00', '2026-09-20 19-00')))).toMatchObject({ code: 'bad-date', line: 28, detail: '2026-09-20 19-00' });
  });
});
