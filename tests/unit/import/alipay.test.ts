import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAlipay } from '../../../shared/import/alipay';
import { ImportParseError } from '../../../shared/import/errors';
import type { BillRow } from '../../../shared/import/types';

const FIXTURE = new URL('../../fixtures/import/alipay-2026-09.csv', import.meta.url);
const bytes = readFileSync(FIXTURE);
const text = new TextDecoder('gb18030').decode(bytes);
const lines = text.split('\r\n');

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected an ImportParseError');
}

/** Every row of alipay-2026-09.csv, written out from the file. */
const EXPECTED: BillRow[] = [
  {
    line: 26, date: '2026-09-01', time: '08:12:03', amount: -1250, direction: 'out', payee: '楼下早餐店', description: '早餐', sourceCategory: '餐饮美食',
    method: '余额宝', status: '交易成功', orderId: '2026090122001400001', merchantOrderId: 'M20260901001', closed: false, refund: false,
  },
  {
    line: 27, date: '2026-09-02', time: '12:30:45', amount: -8630, direction: 'out', payee: '某某超市', description: '日用品', sourceCategory: '日用百货',
    method: '花呗', status: '交易成功', orderId: '2026090222001400002', merchantOrderId: 'M20260902002', closed: false, refund: false,
  },
  {
    line: 28, date: '2026-09-05', time: '19:02:11', amount: 50000, direction: 'in', payee: '李*', description: '转账', sourceCategory: '转账红包',
    status: '交易成功', orderId: '2026090520001400003', closed: false, refund: false,
  },
  {
    // Huabei repayment: 不计收支, money out of the paying card.
    line: 29, date: '2026-09-07', time: '09:15:00', amount: -128000, direction: 'neutral', payee: '花呗', description: '花呗主动还款-2026年08月账单',
    sourceCategory: '信用借还', method: '招商银行储蓄卡(1234)', status: '还款成功', orderId: '2026090722001400004', closed: false, refund: false,
  },
  {
    line: 30, date: '2026-09-10', time: '21:40:18', amount: -39900, direction: 'out', payee: '某服饰旗舰店', description: '外套', sourceCategory: '服饰装扮',
    method: '花呗', status: '交易关闭', orderId: '2026091022001400005', merchantOrderId: 'T20260910005', closed: true, refund: false,
  },
  {
    line: 31, date: '2026-09-11', time: '10:00:00', amount: 39900, direction: 'neutral', payee: '某服饰旗舰店', description: '退款-外套', sourceCategory: '退款',
    method: '花呗', status: '退款成功', orderId: '2026091022001400005_1', merchantOrderId: 'T20260910005', closed: false, refund: true,
    refundOf: '2026091022001400005',
  },
  {
    line: 32, date: '2026-09-15', time: '18:20:33', amount: -3560, direction: 'out', payee: '某出行平台', description: '打车', sourceCategory: '交通出行',
    method: '招商银行信用卡(5678)', status: '交易成功', orderId: '2026091522001400007', merchantOrderId: 'D20260915007', closed: false, refund: false,
  },
  {
    // 余额宝 yield: 不计收支, money in.
    line: 33, date: '2026-09-20', time: '00:05:00', amount: 123, direction: 'neutral', payee: '余额宝', description: '余额宝-2026.09.19-收益发放',
    sourceCategory: '投资理财', status: '交易成功', orderId: '2026092000001400008', closed: false, refund: false,
  },
  {
    line: 34, date: '2026-09-25', time: '11:11:11', amount: -21540, direction: 'out', payee: '某电力公司', description: '电费', sourceCategory: '充值缴费',
    method: '余额宝', status: '支付成功', orderId: '2026092522001400009', merchantOrderId: 'E20260925009', note: '9月电费', closed: false, refund: false,
  },
  {
    line: 35, date: '2026-09-28', time: '14:22:10', amount: -3200, direction: 'out', payee: '某咖啡店', description: '咖啡', sourceCategory: '餐饮美食',
    method: '花呗', status: '等待确认收货', orderId: '2026092822001400010', merchantOrderId: 'C20260928010', closed: false, refund: false,
  },
];

/** The fixture's header line, split into its cells. */
const HEADER_LINE = 25;

function withLines(replace: (all: string[]) => string[]): string {
  return replace([...lines]).join('\r\n');
}

describe('parseAlipay on the fixture', () => {
  it('reads every row with its line, amount, direction and ids', () => {
    const bill = parseAlipay(text);
    expect(bill.rows).toStrictEqual(EXPECTED);
  });

  it('reads what the lead lines state', () => {
    const { rows: _rows, ...rest } = parseAlipay(text);
    expect(rest).toStrictEqual({
      format: 'alipay',
      currency: 'CNY',
      accountHint: '138****0000',
      period: { start: '2026-09-01', end: '2026-09-30' },
      declaredCount: 10,
    });
  });

  it('checks the fixture layout the expectations rely on', () => {
    expect(lines[HEADER_LINE - 1]).toBe('交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,');
    expect(lines[25]?.startsWith('2026-09-01 08:12:03,餐饮美食,楼下早餐店')).toBe(true);
  });
});

describe('parseAlipay on variants', () => {
  it('reads LF line endings and a BOM the same way', () => {
    expect(parseAlipay(lines.join('\n')).rows).toStrictEqual(EXPECTED);
    expect(parseAlipay(`\ufeff${text}`).rows).toStrictEqual(EXPECTED);
  });

  it('finds the header after an extra lead line', () => {
    const bill = parseAlipay(withLines((all) => ['支付宝交易记录明细查询', ...all]));
    expect(bill.rows).toStrictEqual(EXPECTED.map((row) => ({ ...row, line: row.line + 1 })));
    expect(bill.declaredCount).toBe(10);
  });

  it('maps reordered columns by header name', () => {
    // Swap 金额 (6) and 交易时间 (0) in the header and every data row.
    const swapped = withLines((all) =>
      all.map((line, index) => {
        if (index < HEADER_LINE - 1 || line === '') return line;
        const cells = line.split(',');
        [cells[0], cells[6]] = [cells[6] ?? '', cells[0] ?? ''];
        return cells.join(',');
      }),
    );
    expect(parseAlipay(swapped).rows).toStrictEqual(EXPECTED);
  });

  it('skips separator and footer lines after the records', () => {
    const withFooter = withLines((all) => [...all.slice(0, 35), '------------------------------------------------------------------------------------', '导出时间：[2026-10-02 10:11:12]', '']);
    expect(parseAlipay(withFooter).rows).toStrictEqual(EXPECTED);
  });

  it('accepts amounts written with ¥ and thousands separators', () => {
    const yen = withLines((all) => all.map((line) => line.replace(',1280.00,', ',"¥1,280.00",')));
    expect(parseAlipay(yen).rows[3]?.amount).toBe(-128000);
  });
});

describe('parseAlipay errors', () => {
  it('refuses text that is not a bill', () => {
    expect(parseError(() => parseAlipay('hello, world\nthis is a letter'))).toMatchObject({ code: 'not-a-bill' });
    expect(parseError(() => parseAlipay(''))).toMatchObject({ code: 'not-a-bill' });
    const png = new TextDecoder('utf-8').decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0xfd, 0x9c]));
    expect(parseError(() => parseAlipay(png))).toMatchObject({ code: 'not-a-bill' });
  });

  it('refuses WeChat and JD bills', () => {
    const other = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
    expect(parseError(() => parseAlipay(other('wechat-2026-09.csv')))).toMatchObject({ code: 'not-a-bill' });
    expect(parseError(() => parseAlipay(other('jd-2026-09.csv')))).toMatchObject({ code: 'not-a-bill' });
  });

  it('says encoding when the GBK bytes were decoded as UTF-8', () => {
    const mojibake = new TextDecoder('utf-8').decode(bytes);
    expect(mojibake).toContain('\ufffd');
    expect(parseError(() => parseAlipay(mojibake))).toMatchObject({ code: 'encoding' });
  });

  it('says truncated when fewer rows than declared are there', () => {
    // Cut after 5 data rows (lines 26-30); the file declares 共10笔记录.
    const cut = withLines((all) => all.slice(0, 30));
    expect(parseError(() => parseAlipay(cut))).toMatchObject({ code: 'truncated', line: 30, detail: '5/10' });
  });

  it('says truncated when the last record is cut mid-row', () => {
    const cut = `${withLines((all) => all.slice(0, 34))}\r\n2026-09-28 14:22:10,餐饮美食`;
    expect(parseError(() => parseAlipay(cut))).toMatchObject({ code: 'truncated', line: 35 });
    const dateOnly = `${withLines((all) => all.slice(0, 34))}\r\n2026-09-28 14:2`;
    expect(parseError(() => parseAlipay(dateOnly))).toMatchObject({ code: 'truncated', line: 35 });
  });

  it('names a missing column', () => {
    const noAmount = withLines((all) => all.map((line, index) => (index === HEADER_LINE - 1 ? line.replace(',金额,', ',') : line)));
    expect(parseError(() => parseAlipay(noAmount))).toMatchObject({ code: 'missing-column', line: 25, detail: '金额' });
  });

  it('names the line of a bad amount', () => {
    const bad = withLines((all) => all.map((line) => line.replace(',86.30,', ',86.3x,')));
    expect(parseError(() => parseAlipay(bad))).toMatchObject({ code: 'bad-amount', line: 27, detail: '86.3x' });
  });

  it('names the line of a bad date', () => {
    const bad = withLines((all) => all.map((line) => line.replace('2026-09-05 19:02:11', '2026-09-32 19:02:11')));
    expect(parseError(() => parseAlipay(bad))).toMatchObject({ code: 'bad-date', line: 28, detail: '2026-09-32 19:02:11' });
  });

  it('says empty when the header has no records and no count', () => {
    const empty = withLines((all) => all.slice(0, 25).filter((line) => !line.startsWith('共')));
    expect(parseError(() => parseAlipay(empty))).toMatchObject({ code: 'empty', line: 24 });
  });
});
