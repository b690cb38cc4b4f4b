import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlipay } from '../../../shared/import/alipay';
import { detectFormat } from '../../../shared/import/detect';
import { ImportParseError } from '../../../shared/import/errors';
import { parseGenericCsv } from '../../../shared/import/generic-csv';
import { parseJd } from '../../../shared/import/jd';
import type { CsvMapping, ParsedBill } from '../../../shared/import/types';
import { IMPORT_FORMATS } from '../../../shared/import/types';
import { parseWechatCsv, parseWechatRows } from '../../../shared/import/wechat';

const RUNS = 300;

function fixture(name: string, encoding = 'utf-8'): string {
  return new TextDecoder(encoding).decode(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
}

/** The fixture up to and including its header line. */
function upToHeader(text: string, headerLine: number): string {
  return text.split(/\r?\n/).slice(0, headerLine).join('\n');
}

const ALIPAY_HEAD = upToHeader(fixture('alipay-2026-09.csv', 'gb18030'), 25);
const WECHAT_HEAD = upToHeader(fixture('wechat-2026-09.csv'), 17);
const JD_HEAD = upToHeader(fixture('jd-2026-09.csv'), 22);
const WECHAT_HEAD_ROWS = WECHAT_HEAD.split('\n').map((line) => line.split(','));

/** Returns normally, or throws an ImportParseError; anything else fails the property. */
function parsesOrRefuses(run: () => ParsedBill): void {
  let bill: ParsedBill;
  try {
    bill = run();
  } catch (error) {
    if (error instanceof ImportParseError) return;
    throw error;
  }
  expect(bill.rows.length).toBeGreaterThan(0);
  for (const row of bill.rows) {
    expect(Number.isInteger(row.line) && row.line >= 1).toBe(true);
    expect(Number.isSafeInteger(row.amount)).toBe(true);
    expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (row.time !== undefined) expect(row.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(['in', 'out', 'neutral']).toContain(row.direction);
    if (row.fee !== undefined) expect(Number.isSafeInteger(row.fee) && row.fee > 0).toBe(true);
    if (row.refunded !== undefined) expect(Number.isSafeInteger(row.refunded) && row.refunded >= 0).toBe(true);
  }
}

const TOKENS = [
  '2026-09-01 08:12:03', '2026/9/1 8:12', '2026-02-30', '46266.5', '20260901', '¥6.50', '"¥3,200.00"', '￥45.80', '12.50', '-1,234.56', '1.234,56',
  '131.77(已退款89.84)', '(已退款)', '99999999999999999999', '支出', '收入', '不计收支', '/', '退款', '交易关闭', '服务费¥0.50', '共3笔记录', '共：99笔记录',
  '交易时间', '金额', '金额(元)', '收/支', '"', '""', '"a\nb"', '\t', '\ufeff', '\ufffd', '\u3000', '', ' ', '#1', '-', '.', ',',
];

const cell = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
const cellRow = fc.array(cell, { maxLength: 14 });
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const randomCsv = fc.tuple(fc.array(cellRow, { maxLength: 25 }), lineBreak).map(([rows, br]) => rows.map((row) => row.join(',')).join(br));
const randomText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.constantFrom('交', '易', '时', '间', ',', '\n', '"', '金', '额', '1', '2', '-', ' ', ':', '¥', '.') }),
);
const withHead = (head: string) => fc.tuple(randomCsv, lineBreak).map(([body, br]) => `${head}${br}${body}`);

describe('bill parsers never throw anything but ImportParseError', () => {
  const parsers: [string, (text: string) => ParsedBill, string][] = [
    ['parseAlipay', parseAlipay, ALIPAY_HEAD],
    ['parseWechatCsv', parseWechatCsv, WECHAT_HEAD],
    ['parseJd', parseJd, JD_HEAD],
  ];

  for (const [name, parse, head] of parsers) {
    it(`${name}: random strings`, () => {
      fc.assert(fc.property(randomText, (text) => parsesOrRefuses(() => parse(text))), { numRuns: RUNS });
    });

    it(`${name}: random CSV`, () => {
      fc.assert(fc.property(randomCsv, (text) => parsesOrRefuses(() => parse(text))), { numRuns: RUNS });
    });

    it(`${name}: the real header followed by random cells`, () => {
      fc.assert(fc.property(withHead(head), (text) => parsesOrRefuses(() => parse(text))), { numRuns: RUNS });
    });
  }

  it('parseWechatRows: random sheets, and the real lead rows followed by random cells', () => {
    fc.assert(fc.property(fc.array(cellRow, { maxLength: 25 }), (rows) => parsesOrRefuses(() => parseWechatRows(rows))), { numRuns: RUNS });
    fc.assert(
      fc.property(fc.array(cellRow, { maxLength: 25 }), (rows) => parsesOrRefuses(() => parseWechatRows([...WECHAT_HEAD_ROWS, ...rows]))),
      { numRuns: RUNS },
    );
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }))), (rows) => parsesOrRefuses(() => parseWechatRows(rows))), { numRuns: RUNS });
  });

  it('parseAlipay, parseWechatCsv, parseJd: fixture records with random cells swapped in', () => {
    const bodies: [(text: string) => ParsedBill, string[]][] = [
      [parseAlipay, fixture('alipay-2026-09.csv', 'gb18030').split('\r\n')],
      [parseWechatCsv, fixture('wechat-2026-09.csv').split('\n')],
      [parseJd, fixture('jd-2026-09.csv').split('\n')],
    ];
    for (const [parse, lines] of bodies) {
      fc.assert(
        fc.property(fc.nat(lines.length - 1), fc.nat(13), cell, (lineIndex, cellIndex, replacement) => {
          const changed = [...lines];
          const cells = (changed[lineIndex] ?? '').split(',');
          cells[Math.min(cellIndex, cells.length - 1)] = replacement;
          changed[lineIndex] = cells.join(',');
          parsesOrRefuses(() => parse(changed.join('\n')));
        }),
        { numRuns: RUNS },
      );
    }
  });
});

describe('parseGenericCsv never throws anything but ImportParseError', () => {
  const columnRef = fc.oneof(fc.constantFrom('Date', 'Amount', 'Payee', '#1', '#2', '#3', '#0', '#99', '', '交易日期', '金额'), fc.string({ maxLength: 6 }));
  const mapping: fc.Arbitrary<CsvMapping> = fc.record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    encoding: fc.constantFrom('utf-8', 'gb18030', 'utf-16le'),
    headerLine: fc.nat(4),
    dateFormat: fc.constantFrom('YYYY-MM-DD', 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD'),
    columns: fc.record(
      { date: columnRef, payee: columnRef, description: columnRef, category: columnRef, amount: columnRef, inflow: columnRef, outflow: columnRef, orderId: columnRef, note: columnRef },
      { requiredKeys: ['date'] },
    ),
    negateAmount: fc.boolean(),
    decimalComma: fc.boolean(),
  });
  const bankCsv = fc
    .tuple(fc.array(fc.array(fc.oneof(cell, fc.constantFrom('2026-09-01', '01.09.2026', '09/01/2026', '-4.50', '1.234,56')), { maxLength: 6 }), { maxLength: 20 }), lineBreak)
    .map(([rows, br]) => ['Date,Payee,Amount', ...rows.map((row) => row.join(','))].join(br));

  it('random strings, random CSV and a bank header with random cells, under random mappings', () => {
    fc.assert(fc.property(randomText, mapping, (text, m) => parsesOrRefuses(() => parseGenericCsv(text, m))), { numRuns: RUNS });
    fc.assert(fc.property(randomCsv, mapping, (text, m) => parsesOrRefuses(() => parseGenericCsv(text, m))), { numRuns: RUNS });
    fc.assert(fc.property(bankCsv, mapping, (text, m) => parsesOrRefuses(() => parseGenericCsv(text, m))), { numRuns: RUNS });
  });

  it('a fixed good mapping over random bank rows', () => {
    const good: CsvMapping = {
      delimiter: ',', encoding: 'utf-8', headerLine: 1, dateFormat: 'YYYY-MM-DD', columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, negateAmount: false, decimalComma: false,
    };
    fc.assert(fc.property(bankCsv, (text) => parsesOrRefuses(() => parseGenericCsv(text, good))), { numRuns: RUNS });
  });
});

describe('detectFormat never throws', () => {
  it('returns a known format or undefined for any text', () => {
    const check = (text: string) => {
      const format = detectFormat(text);
      if (format !== undefined) expect(IMPORT_FORMATS).toContain(format);
    };
    fc.assert(fc.property(randomText, check), { numRuns: RUNS });
    fc.assert(fc.property(randomCsv, check), { numRuns: RUNS });
    fc.assert(fc.property(fc.oneof(withHead(ALIPAY_HEAD), withHead(WECHAT_HEAD), withHead(JD_HEAD)), check), { numRuns: RUNS });
  });
});
