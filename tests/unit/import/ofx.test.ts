import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { decodeEntities, parseOfx } from '../../../shared/import/ofx';
import { decimalToMinor } from '../../../shared/import/text';
import type { BillRow, ParsedBill } from '../../../shared/import/types';

function fixture(name: string): string {
  // CHARSET 1252 / UTF-8: both fixtures are plain ASCII; latin1 is the caller's job for 1252.
  return readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'latin1');
}

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportParseError);
    return error as ImportParseError;
  }
  throw new Error('expected an ImportParseError');
}

const cardCrlf = fixture('card-2026-09.ofx');
/** The same file with LF line endings, easier to edit in tests. */
const card = cardCrlf.replace(/\r\n/g, '\n');
const checking = fixture('checking-2026-09.ofx');

const cardRows: BillRow[] = [
  {
    line: 15,
    date: '2026-09-03',
    time: '12:00:00',
    amount: -4217,
    currency: 'USD',
    direction: 'out',
    payee: 'GROCERY MART #12',
    description: 'Groceries',
    sourceCategory: 'DEBIT',
    orderId: 'CC2026090301',
    closed: false,
    refund: false,
  },
  {
    line: 16,
    date: '2026-09-10',
    amount: -1599,
    currency: 'USD',
    direction: 'out',
    payee: 'STREAMING SVC',
    description: '',
    sourceCategory: 'DEBIT',
    orderId: 'CC2026091002',
    closed: false,
    refund: false,
  },
  {
    line: 17,
    date: '2026-09-25',
    amount: 50000,
    currency: 'USD',
    direction: 'in',
    payee: 'PAYMENT - THANK YOU',
    description: '',
    sourceCategory: 'PAYMENT',
    orderId: 'CC2026092503',
    closed: false,
    refund: false,
  },
  {
    line: 18,
    date: '2026-09-28',
    amount: -250,
    currency: 'USD',
    direction: 'out',
    payee: 'FOREIGN TX FEE',
    description: 'Fee & charges',
    sourceCategory: 'FEE',
    orderId: 'CC2026092804',
    closed: false,
    refund: false,
  },
];

const expectedCard: ParsedBill = {
  format: 'ofx',
  currency: 'USD',
  accountHint: '•••• 1111',
  period: { start: '2026-09-01', end: '2026-09-30' },
  rows: cardRows,
};

const expectedChecking: ParsedBill = {
  format: 'ofx',
  currency: 'EUR',
  accountHint: '•••• 0123',
  period: { start: '2026-09-01', end: '2026-09-30' },
  rows: [
    {
      line: 6,
      date: '2026-09-01',
      amount: 250000,
      currency: 'EUR',
      direction: 'in',
      payee: 'ACME PAYROLL',
      description: '',
      sourceCategory: 'DIRECTDEP',
      orderId: 'B001',
      closed: false,
      refund: false,
    },
    {
      line: 7,
      date: '2026-09-05',
      amount: -85000,
      currency: 'EUR',
      direction: 'out',
      payee: 'MORTGAGE BANK',
      description: 'Loan 7781 installment',
      sourceCategory: 'DIRECTDEBIT',
      orderId: 'B002',
      closed: false,
      refund: false,
    },
    {
      line: 8,
      date: '2026-09-12',
      amount: -2340,
      currency: 'EUR',
      direction: 'out',
      payee: 'BAKERY',
      description: '',
      sourceCategory: 'POS',
      orderId: 'B003',
      closed: false,
      refund: false,
    },
  ],
};

/** Rows without their line numbers, for layouts that move lines around. */
function withoutLines(bill: ParsedBill): unknown {
  return { ...bill, rows: bill.rows.map(({ line: _line, ...rest }) => rest) };
}

describe('parseOfx on the fixtures', () => {
  it('reads the OFX 1.0.2 SGML credit-card statement (unclosed leaves, an entity, a time zone)', () => {
    expect(parseOfx(card)).toEqual(expectedCard);
  });

  it('reads the OFX 2.2 XML checking statement', () => {
    expect(parseOfx(checking)).toEqual(expectedChecking);
  });
});

describe('parseOfx layout variants', () => {
  it('reads the SGML file with CRLF line endings (as shipped) and with LF, line numbers unchanged', () => {
    expect(cardCrlf.split('\r\n')).toHaveLength(21);
    expect(parseOfx(cardCrlf)).toEqual(expectedCard);
    expect(card).not.toContain('\r');
    expect(parseOfx(card)).toEqual(expectedCard);
  });

  it('reads the SGML file with old Mac CR line endings', () => {
    expect(parseOfx(card.replace(/\r?\n/g, '\r'))).toEqual(expectedCard);
  });

  it('reads the SGML file with a BOM and leading blank lines', () => {
    const bill = parseOfx(`\ufeff\n\n${card}`);
    expect(bill.rows.map((row) => row.line)).toEqual([17, 18, 19, 20]);
  });

  it('reads every transaction when the whole body is on one line', () => {
    const [header = '', body = ''] = card.split('\n\n');
    const oneLine = `${header}\n\n${body.replace(/\n/g, '')}`;
    const bill = parseOfx(oneLine);
    expect(withoutLines(bill)).toEqual(withoutLines(expectedCard));
    expect(bill.rows.map((row) => row.line)).toEqual([11, 11, 11, 11]);
  });

  it('reads every leaf on its own line, each transaction starting on its own line', () => {
    const spread = card.replace(/<(?!\/?(?:OFX)>)/g, '\n<');
    const bill = parseOfx(spread);
    expect(withoutLines(bill)).toEqual(withoutLines(expectedCard));
    const lines = spread.split('\n');
    expect(bill.rows.map((row) => lines[row.line - 1])).toEqual(['<STMTTRN>', '<STMTTRN>', '<STMTTRN>', '<STMTTRN>']);
  });

  it('reads XML with whitespace and newlines inside aggregates and around values', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?OFX OFXHEADER="200" VERSION="220"?>',
      '<OFX>',
      '  <BANKMSGSRSV1>',
      '    <STMTTRNRS>',
      '      <STMTRS>',
      '        <CURDEF>EUR</CURDEF>',
      '        <BANKACCTFROM>',
      '          <ACCTID> 9876543210 </ACCTID>',
      '        </BANKACCTFROM>',
      '        <BANKTRANLIST>',
      '          <DTSTART>20260901000000</DTSTART>',
      '          <DTEND>20260930235959.999[+1:CET]</DTEND>',
      '          <STMTTRN>',
      '            <TRNTYPE>',
      '              POS',
      '            </TRNTYPE>',
      '            <DTPOSTED>20260912083015.000[+1:CET]</DTPOSTED>',
      '            <TRNAMT>  -23.40  </TRNAMT>',
      '            <FITID>B003</FITID>',
      '            <PAYEE>',
      '              <NAME>CAFÉ &lt;LE&gt; &#233;t&#xE9; &quot;ONE&quot; &apos;TWO&apos;</NAME>',
      '            </PAYEE>',
      '            <MEMO/>',
      '          </STMTTRN>',
      '        </BANKTRANLIST>',
      '      </STMTRS>',
      '    </STMTTRNRS>',
      '  </BANKMSGSRSV1>',
      '</OFX>',
      '',
    ].join('\n');
    expect(parseOfx(xml)).toEqual({
      format: 'ofx',
      currency: 'EUR',
      accountHint: '•••• 3210',
      period: { start: '2026-09-01', end: '2026-09-30' },
      rows: [
        {
          line: 14,
          date: '2026-09-12',
          time: '08:30:15',
          amount: -2340,
          currency: 'EUR',
          direction: 'out',
          payee: 'CAFÉ <LE> été "ONE" \'TWO\'',
          description: '',
          sourceCategory: 'POS',
          orderId: 'B003',
          closed: false,
          refund: false,
        },
      ],
    });
  });

  it('keeps the calendar date as written even when the time zone would move it', () => {
    const late = card.replace('20260910<TRNAMT>', '20260910233000[-8:PST]<TRNAMT>');
    const row = parseOfx(late).rows[1];
    expect(row?.date).toBe('2026-09-10');
    expect(row?.time).toBe('23:30:00');
  });

  it('takes lower-case tags and a NAME-less transaction with PAYEE/NAME', () => {
    const lower = card.replace('<NAME>STREAMING SVC', '<payee><name>STREAMING SVC</payee>').replace('<TRNTYPE>DEBIT<DTPOSTED>20260910', '<trntype>DEBIT<dtposted>20260910');
    const row = parseOfx(lower).rows[1];
    expect(row?.payee).toBe('STREAMING SVC');
    expect(row?.sourceCategory).toBe('DEBIT');
    expect(row?.date).toBe('2026-09-10');
  });

  it('reads a bank statement and a card statement in one file, each row in its own currency', () => {
    const [header = '', body = ''] = checking.split('<OFX>');
    const cardBody = card.slice(card.indexOf('<CREDITCARDMSGSRSV1>'), card.indexOf('</OFX>'));
    const both = `${header}<OFX>${body.replace('</OFX>', `${cardBody}</OFX>`)}`;
    const bill = parseOfx(both);
    expect(bill.currency).toBe('EUR');
    expect(bill.accountHint).toBe('•••• 0123');
    expect(bill.rows.map((row) => [row.orderId, row.currency, row.amount])).toEqual([
      ['B001', 'EUR', 250000],
      ['B002', 'EUR', -85000],
      ['B003', 'EUR', -2340],
      ['CC2026090301', 'USD', -4217],
      ['CC2026091002', 'USD', -1599],
      ['CC2026092503', 'USD', 50000],
      ['CC2026092804', 'USD', -250],
    ]);
  });

  it('uses the currency’s own minor digits (JPY has none, KWD three)', () => {
    expect(parseOfx(card.replace('<CURDEF>USD', '<CURDEF>JPY').replace('-42.17', '-4217')).rows[0]?.amount).toBe(-4217);
    expect(parseOfx(card.replace('<CURDEF>USD', '<CURDEF>KWD').replace('-42.17', '-42.175')).rows[0]?.amount).toBe(-42175);
  });
});

describe('parseOfx amounts', () => {
  it('rounds extra decimals half away from zero', () => {
    expect(parseOfx(card.replace('-42.17', '-12.345')).rows[0]?.amount).toBe(-1235);
    expect(parseOfx(card.replace('-42.17', '-12.344999')).rows[0]?.amount).toBe(-1234);
    expect(parseOfx(card.replace('-42.17', '12.345')).rows[0]?.amount).toBe(1235);
    expect(parseOfx(card.replace('-42.17', '+0.005')).rows[0]?.amount).toBe(1);
    expect(parseOfx(card.replace('-42.17', '-.5')).rows[0]?.amount).toBe(-50);
    expect(parseOfx(card.replace('-42.17', '7')).rows[0]?.amount).toBe(700);
    expect(parseOfx(card.replace('-42.17', '-0.001')).rows[0]?.amount).toBe(0);
  });

  it('accepts a decimal comma, as the OFX spec allows', () => {
    expect(parseOfx(card.replace('-42.17', '-42,17')).rows[0]?.amount).toBe(-4217);
  });

  it('refuses thousands separators and other non-amounts with bad-amount and the line', () => {
    for (const bad of ['-1,234.56', '1 234.56', '12.3.4', 'abc', '-', '$5.00', '1e3']) {
      const error = parseError(() => parseOfx(card.replace('-15.99', bad)));
      expect(error.code).toBe('bad-amount');
      expect(error.line).toBe(16);
    }
    expect(parseError(() => parseOfx(card.replace('-15.99', '-1,234.56'))).detail).toBe('-1,234.56');
  });

  it('refuses a CRLF file with a bad amount on the right line', () => {
    const error = parseError(() => parseOfx(cardCrlf.replace('-2.50', '-2.5.0')));
    expect([error.code, error.line, error.detail]).toEqual(['bad-amount', 18, '-2.5.0']);
  });

  it('refuses a transaction without TRNAMT, and amounts beyond the safe range', () => {
    const missing = parseError(() => parseOfx(card.replace('<TRNAMT>-15.99', '')));
    expect([missing.code, missing.line]).toEqual(['bad-amount', 16]);
    expect(parseError(() => parseOfx(card.replace('-15.99', '99999999999999999.99'))).code).toBe('bad-amount');
  });

  it('decimalToMinor works on text alone', () => {
    expect(decimalToMinor('-12.345', 2)).toBe(-1235);
    expect(decimalToMinor('-12.355', 2)).toBe(-1236);
    expect(decimalToMinor('0.29', 2)).toBe(29);
    expect(decimalToMinor('1.5', 0)).toBe(2);
    expect(decimalToMinor('-1.4', 0)).toBe(-1);
    expect(decimalToMinor('000012.10', 2)).toBe(1210);
    expect(decimalToMinor('.', 2)).toBeUndefined();
    expect(decimalToMinor('', 2)).toBeUndefined();
    expect(decimalToMinor('-0.004', 2)).toBe(0);
    expect(Object.is(decimalToMinor('-0.004', 2), -0)).toBe(false);
  });
});

describe('parseOfx dates', () => {
  it('refuses impossible dates and times with bad-date and the line', () => {
    for (const bad of ['20260931', '2026091', '20261301', '20260910250000', 'yesterday', '2026-09-10']) {
      const error = parseError(() => parseOfx(card.replace('<DTPOSTED>20260910', `<DTPOSTED>${bad}`)));
      expect([error.code, error.line]).toEqual(['bad-date', 16]);
    }
  });

  it('refuses a transaction without DTPOSTED', () => {
    const error = parseError(() => parseOfx(card.replace('<DTPOSTED>20260910', '')));
    expect([error.code, error.line]).toEqual(['bad-date', 16]);
  });

  it('reads minutes-only times and fractional seconds', () => {
    expect(parseOfx(card.replace('<DTPOSTED>20260910', '<DTPOSTED>202609100930')).rows[1]?.time).toBe('09:30:00');
    expect(parseOfx(card.replace('<DTPOSTED>20260910', '<DTPOSTED>20260910093015.123')).rows[1]?.time).toBe('09:30:15');
  });

  it('refuses a bad statement period', () => {
    const error = parseError(() => parseOfx(card.replace('<DTEND>20260930', '<DTEND>20260931')));
    expect([error.code, error.line]).toEqual(['bad-date', 14]);
  });
});

describe('parseOfx refusals', () => {
  it('says not-a-bill for text that is not OFX', () => {
    for (const text of ['', 'hello', 'Date,Amount\n2026-09-01,12.00\n', '<html><body>hi</body></html>', '!Type:Bank\nD09/01/2026\nT-1\n^\n']) {
      expect(parseError(() => parseOfx(text)).code).toBe('not-a-bill');
    }
  });

  it('says truncated for a file cut inside the third STMTTRN, naming its line', () => {
    const cut = card.slice(0, card.indexOf('<FITID>CC2026092503'));
    const error = parseError(() => parseOfx(cut));
    expect([error.code, error.line]).toEqual(['truncated', 17]);
  });

  it('says truncated for a file cut inside a tag', () => {
    const cut = card.slice(0, card.indexOf('<FITID>CC2026092503') + 3);
    expect(parseError(() => parseOfx(cut)).code).toBe('truncated');
  });

  it('says truncated for a file cut after a complete transaction but before </OFX>', () => {
    const cut = card.slice(0, card.indexOf('</BANKTRANLIST>'));
    expect(parseError(() => parseOfx(cut)).code).toBe('truncated');
    const xmlCut = checking.slice(0, checking.indexOf('<STMTTRN><TRNTYPE>POS'));
    expect(parseError(() => parseOfx(xmlCut)).code).toBe('truncated');
  });

  it('says truncated for an XML file cut inside the last transaction', () => {
    const cut = checking.slice(0, checking.indexOf('<NAME>BAKERY'));
    const error = parseError(() => parseOfx(cut));
    expect([error.code, error.line]).toEqual(['truncated', 8]);
  });

  it('says truncated when a STMTTRN opens before the previous one is closed', () => {
    const merged = card.replace('<MEMO>Groceries</STMTTRN>', '<MEMO>Groceries');
    const error = parseError(() => parseOfx(merged));
    expect([error.code, error.line]).toEqual(['truncated', 15]);
  });

  it('says truncated for a header with no body', () => {
    const error = parseError(() => parseOfx(card.slice(0, card.indexOf('<OFX>'))));
    expect(error.code).toBe('truncated');
  });

  it('says empty for a statement without transactions', () => {
    const empty = card.replace(/<STMTTRN>.*<\/STMTTRN>\n/g, '');
    expect(parseError(() => parseOfx(empty)).code).toBe('empty');
  });
});

describe('decodeEntities', () => {
  it('decodes the XML entities and numeric references, and leaves the rest alone', () => {
    expect(decodeEntities('Fee &amp; charges')).toBe('Fee & charges');
    expect(decodeEntities('&lt;&gt;&quot;&apos;&#65;&#x42;')).toBe('<>"\'AB');
    expect(decodeEntities('&AMP; &bogus; & &#xD800; &#99999999;')).toBe('& &bogus; & &#xD800; &#99999999;');
  });
});
