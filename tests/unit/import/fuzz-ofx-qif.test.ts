import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { parseOfx } from '../../../shared/import/ofx';
import { prepareImport } from '../../../shared/import/prepare';
import { guessQifDateOrder, parseQif } from '../../../shared/import/qif';
import type { BillRow, CategoryChoice, ExistingTransaction, ParsedBill } from '../../../shared/import/types';

const numRuns = 300;

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'latin1');
}

const card = fixture('card-2026-09.ofx');
const checking = fixture('checking-2026-09.ofx');
const qif = fixture('checking-2026-09.qif');

/** Runs a parser: it may return or throw an ImportParseError, nothing else. */
function returnsOrRefuses(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof ImportParseError) return true;
    throw error;
  }
}

const ofxTokens = fc.constantFrom(
  '<OFX>',
  '</OFX>',
  'OFXHEADER:100\n',
  '<?xml version="1.0"?>',
  '<?OFX OFXHEADER="200"?>',
  '<STMTTRN>',
  '</STMTTRN>',
  '<STMTRS>',
  '</STMTRS>',
  '<CCSTMTRS>',
  '<BANKTRANLIST>',
  '</BANKTRANLIST>',
  '<BANKACCTFROM>',
  '</BANKACCTFROM>',
  '<ACCTID>',
  '</ACCTID>',
  '<CURDEF>',
  '<DTSTART>',
  '<DTEND>',
  '<TRNTYPE>',
  '<DTPOSTED>',
  '</DTPOSTED>',
  '<TRNAMT>',
  '</TRNAMT>',
  '<FITID>',
  '<NAME>',
  '</NAME>',
  '<PAYEE>',
  '</PAYEE>',
  '<MEMO>',
  '<MEMO/>',
  '<!-- note -->',
  '<!DOCTYPE x>',
  '<',
  '>',
  '</',
  '&amp;',
  '&#0;',
  '&#xFFFFFF;',
  '&#55296;',
  '&bogus;',
  '20260903120000[-5:EST]',
  '20260931',
  '20260910',
  '99999999999999',
  '-42.17',
  '-12.345',
  '1,234.56',
  '.',
  '-',
  'USD',
  'JPY',
  'XYZ',
  'ABCD',
  '4111111111111111',
  'GROCERY',
  ' ',
  '\n',
  '\r\n',
  '\r',
);

const tagSoup = fc.array(ofxTokens, { maxLength: 60 }).map((tokens) => tokens.join(''));

/** An OFX file with a valid skeleton around random transaction tokens. */
const framedSoup = fc.tuple(tagSoup, fc.boolean()).map(([soup, xml]) =>
  xml ? `<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX><BANKMSGSRSV1><STMTRS><CURDEF>EUR</CURDEF><BANKTRANLIST>${soup}</BANKTRANLIST></STMTRS></BANKMSGSRSV1></OFX>` : `OFXHEADER:100\n\n<OFX><CCSTMTRS><CURDEF>USD<BANKTRANLIST>${soup}</BANKTRANLIST></CCSTMTRS></OFX>`,
);

const qifLines = fc.constantFrom(
  '!Type:Bank',
  '!Type:CCard',
  '!Type:Oth L',
  '!Type:Invst',
  '!Account',
  '!Option:AutoSwitch',
  '^',
  'D09/01/2026',
  'D14/09/2026',
  "D9/1'26",
  'D2026-09-01',
  'D99/99/9999',
  'D',
  'D/',
  "D'",
  'T-12.00',
  'T2,500.00',
  'T1,2,3',
  'T',
  'U-1.005',
  'PPayee',
  'MMemo',
  'L[Savings]',
  'L[',
  'LUtilities:Water',
  'N101',
  'NATM',
  'SFood',
  'E',
  '$-5.00',
  '$',
  '$x',
  'C*',
  '',
  ' ',
);

const qifSoup = fc.array(qifLines, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('OFX and QIF parsers under random input', () => {
  it('parseOfx returns or throws ImportParseError on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => returnsOrRefuses(() => parseOfx(text))),
      { numRuns },
    );
  });

  it('parseOfx returns or throws ImportParseError on tag soup', () => {
    fc.assert(
      fc.property(tagSoup, (text) => returnsOrRefuses(() => parseOfx(text))),
      { numRuns },
    );
    fc.assert(
      fc.property(framedSoup, (text) => returnsOrRefuses(() => parseOfx(text))),
      { numRuns },
    );
  });

  it('parseOfx returns or throws ImportParseError on a fixture cut anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(card, checking), fc.nat(), (text, at) => returnsOrRefuses(() => parseOfx(text.slice(0, at % (text.length + 1))))),
      { numRuns },
    );
  });

  it('parseOfx returns only well-formed rows when it returns', () => {
    fc.assert(
      fc.property(framedSoup, (text) => {
        let bill: ParsedBill;
        try {
          bill = parseOfx(text);
        } catch (error) {
          if (error instanceof ImportParseError) return true;
          throw error;
        }
        for (const row of bill.rows) {
          expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isSafeInteger(row.amount)).toBe(true);
          expect(row.line).toBeGreaterThanOrEqual(1);
        }
        return true;
      }),
      { numRuns },
    );
  });

  it('parseQif (both orders) and guessQifDateOrder cope with any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(['mdy', 'dmy', 'ambiguous']).toContain(guessQifDateOrder(text));
        return returnsOrRefuses(() => parseQif(text, 'mdy')) && returnsOrRefuses(() => parseQif(text, 'dmy'));
      }),
      { numRuns },
    );
  });

  it('parseQif (both orders) and guessQifDateOrder cope with random QIF lines', () => {
    fc.assert(
      fc.property(qifSoup, fc.constantFrom('\n', '\r\n', '\r'), (text, newline) => {
        const source = text.replace(/\n/g, newline);
        expect(['mdy', 'dmy', 'ambiguous']).toContain(guessQifDateOrder(source));
        return returnsOrRefuses(() => parseQif(source, 'mdy')) && returnsOrRefuses(() => parseQif(source, 'dmy'));
      }),
      { numRuns },
    );
  });

  it('parseQif copes with the fixture cut anywhere', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom<'mdy' | 'dmy'>('mdy', 'dmy'), (at, order) => {
        const text = qif.slice(0, at % (qif.length + 1));
        expect(['mdy', 'dmy', 'ambiguous']).toContain(guessQifDateOrder(text));
        return returnsOrRefuses(() => parseQif(text, order));
      }),
      { numRuns },
    );
  });
});

const dateArb = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
  ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const idArb = fc.option(fc.constantFrom('A1', 'A2', 'A3', 'B1', '4200001002202609120005', ''), { nil: undefined });
const payeeArb = fc.constantFrom('Coffee', 'COFFEE', 'Ｃｏｆｆｅｅ', 'coffee shop', '', '某外卖平台', '花呗', ' ');
const categoryTextArb = fc.constantFrom('', '餐饮美食', '转账红包', 'Utilities:Water', 'Income:Salary', '工资', 'Pets', '退款', ':', '::x');

const billRowArb: fc.Arbitrary<BillRow> = fc
  .record({
    line: fc.integer({ min: 1, max: 10_000 }),
    date: dateArb,
    amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    direction: fc.constantFrom<BillRow['direction']>('in', 'out', 'neutral'),
    payee: payeeArb,
    description: fc.string({ maxLength: 10 }),
    sourceCategory: categoryTextArb,
    orderId: idArb,
    merchantOrderId: idArb,
    closed: fc.boolean(),
    refund: fc.boolean(),
    refundOf: idArb,
    fee: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    refunded: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    splits: fc.option(fc.array(fc.record({ category: categoryTextArb, amount: fc.integer({ min: -10_000, max: 10_000 }) }), { maxLength: 3 }), { nil: undefined }),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as BillRow);

const existingArb: fc.Arbitrary<ExistingTransaction> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    date: dateArb,
    amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    payee: payeeArb,
    importKey: fc.option(fc.constantFrom('csv:A1', 'ofx:A2', 'alipay:B1', 'wechat:4200001002202609120005:refund', ''), { nil: undefined }),
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as ExistingTransaction);

const choices: CategoryChoice[] = [
  { id: 'food', kind: 'expense', preset: 'food', names: ['Food'] },
  { id: 'util', kind: 'expense', preset: 'utilities', names: ['Utilities'] },
  { id: 'pets', kind: 'expense', names: ['Pets', ''] },
  { id: 'salary', kind: 'income', preset: 'salary', names: ['Salary'] },
  { id: 'other-in', kind: 'income', preset: 'other-income', names: [] },
];

describe('prepareImport under random rows', () => {
  it('never throws and returns one prepared row per input row, in order', () => {
    fc.assert(
      fc.property(
        fc.array(billRowArb, { maxLength: 30 }),
        fc.array(existingArb, { maxLength: 30 }).map((list) => list.map((tx, i) => ({ ...tx, id: `e${i}` }))),
        fc.constantFrom('transfer' as const, 'skip' as const),
        fc.constantFrom('alipay' as const, 'wechat' as const, 'jd' as const, 'csv' as const, 'ofx' as const, 'qif' as const),
        fc.array(fc.record({ payee: payeeArb, categoryId: fc.constantFrom('food', 'salary', 'pets', 'missing') }), { maxLength: 4 }),
        (rows, existing, neutral, format, rules) => {
          const prepared = prepareImport({ format, rows }, { format, neutral, existing, categories: choices, rules });
          expect(prepared).toHaveLength(rows.length);
          prepared.forEach((item, i) => {
            expect(item.row).toBe(rows[i]);
            if (item.kind === 'refund') expect(item.amount).toBeGreaterThanOrEqual(0);
            if (item.action === 'duplicate') expect(item.duplicateOf).toBeDefined();
            if (item.categoryId !== undefined) expect(item.categorySource).not.toBe('none');
          });
          // A transaction matched by content (not by its import key) is claimed by one row at most.
          const byContent = prepared
            .filter((item) => item.duplicateOf !== undefined && !item.duplicateOf.startsWith('line:'))
            .filter((item) => existing[Number(item.duplicateOf?.slice(1))]?.importKey !== item.importKey)
            .map((item) => item.duplicateOf);
          expect(new Set(byContent).size).toBe(byContent.length);
          return true;
        },
      ),
      { numRuns },
    );
  });
});
