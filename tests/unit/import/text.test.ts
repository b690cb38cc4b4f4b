import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { parseDateAs } from '../../../shared/import/generic-csv';
import { parseJdAmount } from '../../../shared/import/jd';
import {
  cellOrEmpty,
  cleanCell,
  columnIndex,
  declaredCountIn,
  directionOf,
  findHeaderLine,
  isClosedStatus,
  leadValue,
  looksMisdecoded,
  normalizeHeader,
  optionalCell,
  parseAmount,
  parseDateTime,
  periodIn,
  signedAmount,
  splitCsv,
  withoutUndefined,
} from '../../../shared/import/text';
import { feeFromNote, sheetRows } from '../../../shared/import/wechat';

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected an ImportParseError');
}

describe('cells', () => {
  it('trims tabs, spaces, full-width spaces, a BOM and zero-width characters', () => {
    expect(cleanCell('2026090122001400001\t')).toBe('2026090122001400001');
    expect(cleanCell('  早餐 \t ')).toBe('早餐');
    expect(cleanCell('\u3000花呗\u3000')).toBe('花呗');
    expect(cleanCell('\ufeff导出信息：')).toBe('导出信息：');
    expect(cleanCell('\u200b金额\u200d')).toBe('金额');
    expect(cleanCell('a b')).toBe('a b');
  });

  it('turns non-strings into text or nothing', () => {
    expect(cleanCell(undefined)).toBe('');
    expect(cleanCell(null)).toBe('');
    expect(cleanCell(12.5)).toBe('12.5');
    expect(cleanCell({})).toBe('');
  });

  it('reads "/" as an empty cell', () => {
    expect(cellOrEmpty(' / ')).toBe('');
    expect(cellOrEmpty('招商银行(1234)')).toBe('招商银行(1234)');
    expect(optionalCell('/')).toBeUndefined();
    expect(optionalCell('\t')).toBeUndefined();
    expect(optionalCell('零钱')).toBe('零钱');
  });

  it('compares headers loosely (full-width parentheses, spaces, case)', () => {
    expect(normalizeHeader('金额（元）')).toBe('金额(元)');
    expect(normalizeHeader(' Transaction Date ')).toBe('transactiondate');
  });
});

describe('findHeaderLine and columnIndex', () => {
  const lead = [['微信支付账单明细', '', ''], ['共7笔记录', '', ''], ['']];
  const header = ['交易时间', '交易类型', '金额(元)', '备注'];

  it('finds the header by its text wherever the lead lines put it', () => {
    expect(findHeaderLine([...lead, header, ['2026-09-01 07:58:00', '商户消费', '¥6.50', '/']], ['交易时间', '交易类型'])).toBe(3);
    expect(findHeaderLine([['新增的一行'], ...lead, header], ['交易时间', '交易类型'])).toBe(4);
    expect(findHeaderLine([header], ['交易时间', '交易类型'])).toBe(0);
  });

  it('accepts aliases, a minimum count, and untrimmed header cells', () => {
    expect(findHeaderLine([[' 交易时间\t', '金额（元）']], ['交易时间', ['金额', '金额(元)']])).toBe(0);
    expect(findHeaderLine([['交易时间', '金额']], ['交易时间', '金额', '交易状态'], 2)).toBe(0);
    expect(findHeaderLine([['交易时间', '金额']], ['交易时间', '金额', '交易状态'])).toBe(-1);
  });

  it('returns -1 when no row has the headers', () => {
    expect(findHeaderLine([['hello'], []], ['交易时间'])).toBe(-1);
    expect(findHeaderLine([], ['交易时间'])).toBe(-1);
  });

  it('maps columns by header name with aliases', () => {
    expect(columnIndex(header, ['金额', '金额(元)'])).toBe(2);
    expect(columnIndex(['金额（元）'], ['金额(元)'])).toBe(0);
    expect(columnIndex(header, '备注')).toBe(3);
    expect(columnIndex(header, '交易单号')).toBe(-1);
  });
});

describe('parseAmount', () => {
  it('reads amounts to minor units with ¥, ￥, thousands separators and signs', () => {
    expect(parseAmount('12.50')).toBe(1250);
    expect(parseAmount('¥6.50')).toBe(650);
    expect(parseAmount('¥3,200.00')).toBe(320000);
    expect(parseAmount('￥45.80')).toBe(4580);
    expect(parseAmount(' 1.23\t')).toBe(123);
    expect(parseAmount('-1,234.56')).toBe(-123456);
    expect(parseAmount('+20')).toBe(2000);
    expect(parseAmount('(12.30)')).toBe(-1230);
    expect(parseAmount('１２.５')).toBe(1250);
    expect(parseAmount('0.00')).toBe(0);
    expect(parseAmount('USD 5.00')).toBe(500);
    expect(parseAmount('-EUR 5')).toBe(-500);
    expect(parseAmount('45.80元')).toBe(4580);
    expect(parseAmount('$4.50')).toBe(450);
  });

  it('reads decimal-comma amounts when asked', () => {
    expect(parseAmount('1.234,56', 1, { decimalComma: true })).toBe(123456);
    expect(parseAmount('-12,5', 1, { decimalComma: true })).toBe(-1250);
    expect(parseAmount('2 500,00', 1, { decimalComma: true })).toBe(250000);
    expect(parseError(() => parseAmount('1,2,3', 4, { decimalComma: true }))).toMatchObject({ code: 'bad-amount', line: 4, detail: '1,2,3' });
  });

  it('throws bad-amount with the line and the cell', () => {
    expect(parseError(() => parseAmount('abc', 7))).toMatchObject({ code: 'bad-amount', line: 7, detail: 'abc' });
    expect(parseError(() => parseAmount('', 8))).toMatchObject({ code: 'bad-amount', line: 8, detail: '' });
    expect(parseError(() => parseAmount('12.345', 9))).toMatchObject({ code: 'bad-amount', line: 9 });
    expect(parseError(() => parseAmount('1,23', 10))).toMatchObject({ code: 'bad-amount', line: 10, detail: '1,23' });
    expect(parseError(() => parseAmount('12.5x', 11))).toMatchObject({ code: 'bad-amount', line: 11, detail: '12.5x' });
    expect(parseError(() => parseAmount('99999999999999999999', 12))).toMatchObject({ code: 'bad-amount', line: 12 });
  });
});

describe('parseJdAmount and feeFromNote', () => {
  it('splits a partly refunded JD amount', () => {
    expect(parseJdAmount('131.77(已退款89.84)')).toEqual({ amount: 13177, refunded: 8984 });
    expect(parseJdAmount('131.77（已退款89.84）\t')).toEqual({ amount: 13177, refunded: 8984 });
    expect(parseJdAmount('131.77(已退款¥89.84元)')).toEqual({ amount: 13177, refunded: 8984 });
    expect(parseJdAmount('59.80')).toEqual({ amount: 5980 });
    expect(parseJdAmount('0.00(已全额退款)')).toEqual({ amount: 0 });
  });

  it('throws bad-amount for a broken JD amount', () => {
    expect(parseError(() => parseJdAmount('131.77(已退款abc)', 24))).toMatchObject({ code: 'bad-amount', line: 24, detail: '131.77(已退款abc)' });
    expect(parseError(() => parseJdAmount('x(已退款1.00)', 25))).toMatchObject({ code: 'bad-amount', line: 25 });
  });

  it('reads a WeChat withdrawal fee from the note', () => {
    expect(feeFromNote('服务费¥0.50')).toBe(50);
    expect(feeFromNote('服务费￥1.00')).toBe(100);
    expect(feeFromNote('服务费 0.10元')).toBe(10);
    expect(feeFromNote('手续费：¥2.00')).toBe(200);
    expect(feeFromNote('9月房租')).toBeUndefined();
    expect(feeFromNote('服务费¥0.00')).toBeUndefined();
    expect(feeFromNote(undefined)).toBeUndefined();
  });
});

describe('parseDateTime', () => {
  it('reads the bills’ date-time layouts', () => {
    expect(parseDateTime('2026-09-01 08:12:03')).toEqual({ date: '2026-09-01', time: '08:12:03' });
    expect(parseDateTime('2026/9/1 8:12')).toEqual({ date: '2026-09-01', time: '08:12:00' });
    expect(parseDateTime('2026-09-02 10:20:30\t')).toEqual({ date: '2026-09-02', time: '10:20:30' });
    expect(parseDateTime('2026.09.01')).toEqual({ date: '2026-09-01' });
    expect(parseDateTime('2026年9月1日 08:12')).toEqual({ date: '2026-09-01', time: '08:12:00' });
    expect(parseDateTime('2026-09-01T08:12:03.000Z')).toEqual({ date: '2026-09-01', time: '08:12:03' });
    expect(parseDateTime('20260901')).toEqual({ date: '2026-09-01' });
    expect(parseDateTime('2024-02-29 23:59:59')).toEqual({ date: '2024-02-29', time: '23:59:59' });
  });

  it('reads Excel serial day numbers', () => {
    // 2026-09-01 is day 46266 counted from 1899-12-30.
    expect(parseDateTime('46266')).toEqual({ date: '2026-09-01' });
    expect(parseDateTime('46266.5')).toEqual({ date: '2026-09-01', time: '12:00:00' });
    expect(parseDateTime('46266.25')).toEqual({ date: '2026-09-01', time: '06:00:00' });
  });

  it('throws bad-date with the line and the cell', () => {
    expect(parseError(() => parseDateTime('2026-02-30', 3))).toMatchObject({ code: 'bad-date', line: 3, detail: '2026-02-30' });
    expect(parseError(() => parseDateTime('2025-02-29', 3))).toMatchObject({ code: 'bad-date' });
    expect(parseError(() => parseDateTime('2026-13-01', 3))).toMatchObject({ code: 'bad-date' });
    expect(parseError(() => parseDateTime('2026-09-01 25:00', 4))).toMatchObject({ code: 'bad-date', line: 4 });
    expect(parseError(() => parseDateTime('yesterday', 5))).toMatchObject({ code: 'bad-date', line: 5, detail: 'yesterday' });
    expect(parseError(() => parseDateTime('', 6))).toMatchObject({ code: 'bad-date', line: 6, detail: '' });
    expect(parseError(() => parseDateTime('12345', 7))).toMatchObject({ code: 'bad-date' });
  });

  it('reads a user-chosen date layout', () => {
    expect(parseDateAs('01/09/2026', 'DD/MM/YYYY')).toEqual({ date: '2026-09-01' });
    expect(parseDateAs('09/01/2026', 'MM/DD/YYYY')).toEqual({ date: '2026-09-01' });
    expect(parseDateAs('01.09.2026 14:05', 'DD.MM.YYYY')).toEqual({ date: '2026-09-01', time: '14:05:00' });
    expect(parseDateAs('20260901', 'YYYYMMDD')).toEqual({ date: '2026-09-01' });
    expect(parseDateAs('2026/9/1', 'YYYY/MM/DD')).toEqual({ date: '2026-09-01' });
    expect(parseDateAs('2026-09-01 08:00:01', 'YYYY-MM-DD')).toEqual({ date: '2026-09-01', time: '08:00:01' });
    expect(parseError(() => parseDateAs('2026-09-01', 'DD/MM/YYYY', 2))).toMatchObject({ code: 'bad-date', line: 2, detail: '2026-09-01' });
    expect(parseError(() => parseDateAs('13/13/2026', 'MM/DD/YYYY', 3))).toMatchObject({ code: 'bad-date', line: 3 });
  });
});

describe('lead lines', () => {
  const lead = '支付宝账户：138****0000\n起始时间：[2026-09-01 00:00:00]    终止时间：[2026-09-30 23:59:59]\n共10笔记录';

  it('reads the declared count, the period and labelled values', () => {
    expect(declaredCountIn(lead)).toBe(10);
    expect(declaredCountIn('共：7笔记录')).toBe(7);
    expect(declaredCountIn('no count')).toBeUndefined();
    expect(periodIn(lead)).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(periodIn('日期区间：2026-09-01 至 2026-09-30')).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(periodIn('起始时间：[2026-09-31] 终止时间：[2026-10-01]')).toBeUndefined();
    expect(leadValue(lead, '支付宝账户')).toBe('138****0000');
    expect(leadValue('微信昵称：[小明]', '微信昵称')).toBe('小明');
    expect(leadValue('微信昵称：[]', '微信昵称')).toBeUndefined();
  });
});

describe('splitCsv and sheetRows', () => {
  it('numbers rows by line, counting line breaks inside quoted cells', () => {
    const { rows } = splitCsv('a,b\r\n"x\r\ny",2\r\n\r\nlast,3\r\n', ',');
    expect(rows.map((row) => [row.line, row.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '2']],
      [4, ['']],
      [5, ['last', '3']],
      [6, ['']],
    ]);
  });

  it('drops a leading BOM and reports an unterminated quote', () => {
    const split = splitCsv('\ufeffa,b\n1,"2\n3,4', ',');
    expect(split.rows[0]?.cells).toEqual(['a', 'b']);
    expect(split.unterminatedRow).toBe(1);
    expect(splitCsv('a,b\n1,2', ',').unterminatedRow).toBe(-1);
  });

  it('turns sheet cells into numbered string rows', () => {
    expect(sheetRows([['a', ''], ['b']])).toEqual([
      { line: 1, cells: ['a', ''] },
      { line: 2, cells: ['b'] },
    ]);
  });
});

describe('directions, signs and status', () => {
  it('reads 收/支', () => {
    expect(directionOf('支出')).toBe('out');
    expect(directionOf('收入')).toBe('in');
    expect(directionOf('不计收支')).toBe('neutral');
    expect(directionOf('/')).toBe('neutral');
    expect(directionOf('')).toBe('neutral');
  });

  it('signs neutral rows by their likely effect', () => {
    expect(signedAmount(1250, 'out', false, [])).toBe(-1250);
    expect(signedAmount(-1250, 'out', false, [])).toBe(-1250);
    expect(signedAmount(50000, 'in', false, [])).toBe(50000);
    expect(signedAmount(128000, 'neutral', false, ['信用借还', '花呗主动还款'])).toBe(-128000);
    expect(signedAmount(123, 'neutral', false, ['投资理财', '余额宝-2026.09.19-收益发放'])).toBe(123);
    expect(signedAmount(39900, 'neutral', true, ['退款'])).toBe(39900);
    expect(signedAmount(-500, 'neutral', false, ['收益'])).toBe(-500);
    expect(signedAmount(0, 'neutral', false, [])).toBe(0);
    expect(Object.is(signedAmount(0, 'out', false, []), -0)).toBe(false);
  });

  it('recognises closed and failed orders', () => {
    expect(isClosedStatus('交易关闭')).toBe(true);
    expect(isClosedStatus('支付失败')).toBe(true);
    expect(isClosedStatus('交易成功')).toBe(false);
    expect(isClosedStatus('退款成功')).toBe(false);
  });
});

describe('looksMisdecoded and withoutUndefined', () => {
  it('spots replacement characters and mojibake, not binary files', () => {
    expect(looksMisdecoded('\ufffd\ufffd,\ufffd\ufffd')).toBe(true);
    expect(looksMisdecoded('浜ゆ槗鏃堕棿,浜ゆ槗绫诲瀷')).toBe(true);
    expect(looksMisdecoded('½»Ò×Ê±¼ä,½»Ò×·ÖÀà')).toBe(true);
    expect(looksMisdecoded('交易时间,金额')).toBe(false);
    expect(looksMisdecoded('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\ufffd\ufffd\ufffd')).toBe(false);
  });

  it('drops undefined keys only', () => {
    expect(Object.keys(withoutUndefined({ a: 1, b: undefined, c: '', d: false }))).toEqual(['a', 'c', 'd']);
  });
});
