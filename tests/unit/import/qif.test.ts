import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { guessQifDateOrder, parseQif } from '../../../shared/import/qif';
import type { ParsedBill } from '../../../shared/import/types';

const qif = readFileSync(new URL('../../fixtures/import/checking-2026-09.qif', import.meta.url), 'utf8');

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportParseError);
    return error as ImportParseError;
  }
  throw new Error('expected an ImportParseError');
}

const expected: ParsedBill = {
  format: 'qif',
  rows: [
    {
      line: 2,
      date: '2026-09-01',
      amount: 250000,
      direction: 'in',
      payee: 'ACME PAYROLL',
      description: '',
      sourceCategory: 'Income:Salary',
      closed: false,
      refund: false,
    },
    {
      line: 7,
      date: '2026-09-05',
      amount: -85000,
      direction: 'out',
      payee: 'MORTGAGE BANK',
      description: 'Loan 7781',
      sourceCategory: 'Loan:Mortgage',
      closed: false,
      refund: false,
    },
    {
      line: 13,
      date: '2026-09-14',
      amount: -12000,
      direction: 'out',
      payee: 'CITY UTILITIES',
      description: '',
      sourceCategory: '',
      closed: false,
      refund: false,
      splits: [
        { category: 'Utilities:Water', amount: -4500 },
        { category: 'Utilities:Electric', amount: -7500 },
      ],
    },
  ],
};

/** The fixture with day-first dates. */
const dayFirst = qif.replace('D09/01/2026', 'D01/09/2026').replace('D09/05/2026', 'D05/09/2026').replace('D09/14/2026', 'D14/09/2026');

describe('parseQif on the fixture', () => {
  it('reads every record, the split included', () => {
    expect(parseQif(qif, 'mdy')).toEqual(expected);
  });

  it('reads the same file written with dd/mm dates as dmy', () => {
    expect(parseQif(dayFirst, 'dmy')).toEqual(expected);
  });

  it('refuses the fixture read in the wrong order (14 is no month)', () => {
    const error = parseError(() => parseQif(qif, 'dmy'));
    expect([error.code, error.line, error.detail]).toEqual(['bad-date', 13, '09/14/2026']);
  });

  it('reads CRLF line endings and a BOM with the same line numbers', () => {
    expect(parseQif(`\ufeff${qif.replace(/\n/g, '\r\n')}`, 'mdy')).toEqual(expected);
  });
});

describe('guessQifDateOrder', () => {
  it('says mdy for the fixture: 14 > 12 sits in the day position of 09/14/2026', () => {
    expect(guessQifDateOrder(qif)).toBe('mdy');
  });

  it('says dmy for the day-first file', () => {
    expect(guessQifDateOrder(dayFirst)).toBe('dmy');
  });

  it('says ambiguous when every date could be either, or when dates disagree, or there are none', () => {
    expect(guessQifDateOrder('!Type:Bank\nD09/01/2026\nT-1.00\n^\nD03/04/26\nT-2.00\n^\n')).toBe('ambiguous');
    expect(guessQifDateOrder('!Type:Bank\nD09/14/2026\nT-1.00\n^\nD14/09/2026\nT-2.00\n^\n')).toBe('ambiguous');
    expect(guessQifDateOrder('!Type:Bank\n')).toBe('ambiguous');
    expect(guessQifDateOrder('')).toBe('ambiguous');
  });

  it('reads Quicken’s apostrophe years and padded days', () => {
    expect(guessQifDateOrder("!Type:Bank\nD 9/25'26\nT-1.00\n^\n")).toBe('mdy');
    expect(guessQifDateOrder("!Type:Bank\nD25/ 9'26\nT-1.00\n^\n")).toBe('dmy');
  });
});

describe('parseQif fields', () => {
  const one = (record: string, order: 'mdy' | 'dmy' = 'mdy') => parseQif(`!Type:Bank\n${record}\n^\n`, order).rows[0];

  it('reads the date forms Quicken and banks write, two-digit years as 20xx', () => {
    const dates = ['D09/01/2026', "D9/1'26", 'D09/01/26', 'D9-1-2026', "D 9/ 1'26", 'D9.1.2026', "D09/01' 26", 'D2026-09-01'];
    for (const date of dates) expect(one(`${date}\nT-1.00`)?.date).toBe('2026-09-01');
    expect(one("D1/9'26\nT-1.00", 'dmy')?.date).toBe('2026-09-01');
  });

  it('reads amounts with thousands separators, a plus sign, a currency symbol, U when T is missing', () => {
    expect(one('D09/01/2026\nT1,234,567.89')?.amount).toBe(123456789);
    expect(one('D09/01/2026\nT+12')?.amount).toBe(1200);
    expect(one('D09/01/2026\nT-$12.50')?.amount).toBe(-1250);
    expect(one('D09/01/2026\nU-7.10')?.amount).toBe(-710);
    expect(one('D09/01/2026\nT-7.10\nU-7.1000')?.amount).toBe(-710);
  });

  it('reads amounts in the minor digits of a named currency', () => {
    expect(parseQif('!Type:Bank\nD09/01/2026\nT-1,235\n^\n', 'mdy', 'JPY').rows[0]?.amount).toBe(-1235);
  });

  it('reads P, M, L, N and C; a check number becomes the order id, a word the note', () => {
    expect(one('D09/01/2026\nT-12.00\nPCoffee Shop\nMLatte\nLDining\nN1042\nCX')).toEqual({
      line: 2,
      date: '2026-09-01',
      amount: -1200,
      direction: 'out',
      payee: 'Coffee Shop',
      description: 'Latte',
      sourceCategory: 'Dining',
      orderId: '1042',
      status: 'X',
      closed: false,
      refund: false,
    });
    const atm = one('D09/01/2026\nT-40.00\nNATM');
    expect(atm?.orderId).toBeUndefined();
    expect(atm?.note).toBe('ATM');
  });

  it('makes a transfer category [Savings] a neutral row keeping the account name', () => {
    const row = one('D09/02/2026\nT-200.00\nPTransfer\nL[Savings]');
    expect(row?.direction).toBe('neutral');
    expect(row?.sourceCategory).toBe('Savings');
    expect(row?.amount).toBe(-20000);
    expect(one('D09/02/2026\nT200.00\nL[Savings Account]/Household')?.sourceCategory).toBe('Savings Account');
  });

  it('reads splits with memos, and a split whose amount comes before its category', () => {
    const row = one('D09/03/2026\nT-30.00\nSFood\nELunch\n$-10.00\nSHousehold\n$-20.00');
    expect(row?.splits).toEqual([
      { category: 'Food', amount: -1000, memo: 'Lunch' },
      { category: 'Household', amount: -2000 },
    ]);
    expect(one('D09/03/2026\nT-30.00\n$-30.00\nE Gift')?.splits).toEqual([{ category: '', amount: -3000, memo: 'Gift' }]);
  });

  it('refuses a split without an amount', () => {
    const error = parseError(() => parseQif('!Type:Bank\nD09/03/2026\nT-30.00\nSFood\n^\n', 'mdy'));
    expect(error.code).toBe('bad-amount');
  });
});

describe('parseQif file structure', () => {
  it('accepts every cash-like account type', () => {
    for (const type of ['Bank', 'Cash', 'CCard', 'Oth A', 'Oth L', 'bank', 'CCard ']) {
      expect(parseQif(`!Type:${type}\nD09/01/2026\nT-1.00\n^\n`, 'mdy').rows).toHaveLength(1);
    }
  });

  it('skips !Account blocks and options, and sections of other types', () => {
    const text = [
      '!Option:AutoSwitch',
      '!Account',
      'NChecking',
      'TBank',
      '^',
      'NSavings',
      'TBank',
      '^',
      '!Clear:AutoSwitch',
      '!Type:Cat',
      'NFood',
      'E',
      '^',
      '!Account',
      'NChecking',
      'TBank',
      '^',
      '!Type:Bank',
      'D09/01/2026',
      'T-5.00',
      'PBakery',
      '^',
      '!Type:Invst',
      'D09/02/2026',
      'NBuy',
      'T-100.00',
      '^',
    ].join('\n');
    const bill = parseQif(text, 'mdy');
    expect(bill.rows.map((row) => [row.line, row.payee, row.amount])).toEqual([[19, 'Bakery', -500]]);
  });

  it('accepts a complete last record without ^', () => {
    const bill = parseQif(qif.replace(/\^\n$/, ''), 'mdy');
    expect(bill).toEqual(expected);
    expect(parseQif('!Type:Bank\nD09/01/2026\nT-1.00', 'mdy').rows).toHaveLength(1);
  });

  it('says truncated for an incomplete last record without ^', () => {
    const error = parseError(() => parseQif('!Type:Bank\nD09/01/2026\nT-1.00\n^\nD09/02/2026\nPCoffee', 'mdy'));
    expect([error.code, error.line]).toEqual(['truncated', 5]);
  });

  it('says bad-date with the line for an unreadable or impossible date', () => {
    const bad = parseError(() => parseQif(qif.replace('D09/05/2026', 'D09/31/2026'), 'mdy'));
    expect([bad.code, bad.line, bad.detail]).toEqual(['bad-date', 7, '09/31/2026']);
    const words = parseError(() => parseQif(qif.replace('D09/05/2026', 'Dtomorrow'), 'mdy'));
    expect([words.code, words.line]).toEqual(['bad-date', 7]);
  });

  it('says bad-date or bad-amount naming the record for a record without D or T', () => {
    const noDate = parseError(() => parseQif(qif.replace('D09/05/2026\n', ''), 'mdy'));
    expect([noDate.code, noDate.line]).toEqual(['bad-date', 7]);
    const noAmount = parseError(() => parseQif(qif.replace('T-850.00\n', ''), 'mdy'));
    expect([noAmount.code, noAmount.line]).toEqual(['bad-amount', 7]);
  });

  it('says bad-amount with the line for an unreadable amount', () => {
    for (const amount of ['T12,5', 'Tabc', 'T1.2.3', 'T']) {
      const error = parseError(() => parseQif(qif.replace('T-850.00', amount), 'mdy'));
      expect([error.code, error.line]).toEqual(['bad-amount', 8]);
    }
  });

  it('says not-a-bill without a !Type: header of a cash-like account', () => {
    for (const text of ['', 'D09/01/2026\nT-1.00\n^\n', 'hello', '!Type:Invst\nD09/01/2026\nT-1.00\n^\n', '!Account\nNChecking\n^\n']) {
      expect(parseError(() => parseQif(text, 'mdy')).code).toBe('not-a-bill');
    }
  });

  it('says empty for a header without records', () => {
    expect(parseError(() => parseQif('!Type:Bank\n\n', 'mdy')).code).toBe('empty');
  });
});
