import { describe, expect, it } from 'vitest';
import { ImportParseError } from '../../../shared/import/errors';
import { parseGenericCsv, previewCsv, suggestMapping } from '../../../shared/import/generic-csv';
import type { CsvMapping } from '../../../shared/import/types';

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected an ImportParseError');
}

const BASE: CsvMapping = {
  delimiter: ',',
  encoding: 'utf-8',
  headerLine: 1,
  dateFormat: 'YYYY-MM-DD',
  columns: { date: 'Date' },
  negateAmount: false,
  decimalComma: false,
};

const SIGNED = ['Date,Description,Amount,Reference', '2026-09-01,Coffee shop,-4.50,R1', '2026-09-02,Salary,"2,500.00",R2', '', '2026-09-03,"Rent, September",-1200,'].join('\n');
const SIGNED_MAPPING: CsvMapping = { ...BASE, columns: { date: 'Date', description: 'Description', amount: 'Amount', orderId: 'Reference' } };

const INOUT = [
  '招商银行交易流水',
  '账号：6214****1234',
  '交易日期,摘要,对方户名,收入金额,支出金额,余额,备注',
  '2026/09/01,消费,某超市,,128.50,"1,000.00",',
  '2026/09/05,工资,某公司,"8,000.00",,"9,000.00",九月',
].join('\r\n');
const INOUT_MAPPING: CsvMapping = {
  ...BASE,
  headerLine: 3,
  dateFormat: 'YYYY/MM/DD',
  columns: { date: '交易日期', description: '摘要', payee: '对方户名', inflow: '收入金额', outflow: '支出金额', note: '备注' },
};

const GERMAN = ['\ufeffBuchungstag;Empfänger;Verwendungszweck;Kategorie;Betrag', '01.09.2026;REWE;Einkauf;Lebensmittel;-1.234,56', '15.09.2026 08:30;Arbeitgeber GmbH;Gehalt;;2.500,00'].join('\n');
const GERMAN_MAPPING: CsvMapping = {
  ...BASE,
  delimiter: ';',
  dateFormat: 'DD.MM.YYYY',
  decimalComma: true,
  columns: { date: 'Buchungstag', payee: 'Empfänger', description: 'Verwendungszweck', category: 'Kategorie', amount: 'Betrag' },
};

const NO_HEADER = ['09/01/2026,STARBUCKS,4.50', '09/03/2026,REFUND AMAZON,-20.00'].join('\n');
const NO_HEADER_MAPPING: CsvMapping = { ...BASE, headerLine: 0, dateFormat: 'MM/DD/YYYY', negateAmount: true, columns: { date: '#1', payee: '#2', amount: '#3' } };

describe('parseGenericCsv', () => {
  it('reads a bank CSV with one signed amount column', () => {
    expect(parseGenericCsv(SIGNED, SIGNED_MAPPING)).toStrictEqual({
      format: 'csv',
      rows: [
        { line: 2, date: '2026-09-01', amount: -450, direction: 'out', payee: '', description: 'Coffee shop', sourceCategory: '', orderId: 'R1', closed: false, refund: false },
        { line: 3, date: '2026-09-02', amount: 250000, direction: 'in', payee: '', description: 'Salary', sourceCategory: '', orderId: 'R2', closed: false, refund: false },
        { line: 5, date: '2026-09-03', amount: -120000, direction: 'out', payee: '', description: 'Rent, September', sourceCategory: '', closed: false, refund: false },
      ],
    });
  });

  it('reads inflow and outflow columns after lead lines (CRLF)', () => {
    expect(parseGenericCsv(INOUT, INOUT_MAPPING).rows).toStrictEqual([
      { line: 4, date: '2026-09-01', amount: -12850, direction: 'out', payee: '某超市', description: '消费', sourceCategory: '', closed: false, refund: false },
      { line: 5, date: '2026-09-05', amount: 800000, direction: 'in', payee: '某公司', description: '工资', sourceCategory: '', note: '九月', closed: false, refund: false },
    ]);
  });

  it('reads ";" files with decimal commas and DD.MM.YYYY dates', () => {
    expect(parseGenericCsv(GERMAN, GERMAN_MAPPING).rows).toStrictEqual([
      { line: 2, date: '2026-09-01', amount: -123456, direction: 'out', payee: 'REWE', description: 'Einkauf', sourceCategory: 'Lebensmittel', closed: false, refund: false },
      { line: 3, date: '2026-09-15', time: '08:30:00', amount: 250000, direction: 'in', payee: 'Arbeitgeber GmbH', description: 'Gehalt', sourceCategory: '', closed: false, refund: false },
    ]);
  });

  it('reads a file without a header by column numbers, negating the amounts', () => {
    expect(parseGenericCsv(NO_HEADER, NO_HEADER_MAPPING).rows).toStrictEqual([
      { line: 1, date: '2026-09-01', amount: -450, direction: 'out', payee: 'STARBUCKS', description: '', sourceCategory: '', closed: false, refund: false },
      { line: 2, date: '2026-09-03', amount: 2000, direction: 'in', payee: 'REFUND AMAZON', description: '', sourceCategory: '', closed: false, refund: false },
    ]);
  });

  it('accepts "#n" references in a file with a header, and tab delimiters', () => {
    const tabbed = 'Date\tPayee\tAmount\n2026-09-01\tShop\t-1.00';
    const bill = parseGenericCsv(tabbed, { ...BASE, delimiter: '\t', columns: { date: '#1', payee: 'Payee', amount: '#3' } });
    expect(bill.rows).toStrictEqual([{ line: 2, date: '2026-09-01', amount: -100, direction: 'out', payee: 'Shop', description: '', sourceCategory: '', closed: false, refund: false }]);
  });

  it('refuses a mapping that does not fit the file', () => {
    expect(parseError(() => parseGenericCsv(SIGNED, { ...SIGNED_MAPPING, columns: { date: 'Date', amount: 'Betrag' } }))).toMatchObject({ code: 'bad-mapping', line: 1, detail: 'Betrag' });
    expect(parseError(() => parseGenericCsv(NO_HEADER, { ...NO_HEADER_MAPPING, columns: { date: '#1', amount: '#9' } }))).toMatchObject({ code: 'bad-mapping', detail: '#9' });
    expect(parseError(() => parseGenericCsv(NO_HEADER, { ...NO_HEADER_MAPPING, columns: { date: '#1', amount: 'Amount' } }))).toMatchObject({ code: 'bad-mapping', detail: 'Amount' });
    expect(parseError(() => parseGenericCsv(SIGNED, { ...SIGNED_MAPPING, columns: { date: 'Date' } }))).toMatchObject({ code: 'bad-mapping', detail: 'amount' });
    expect(parseError(() => parseGenericCsv(SIGNED, { ...SIGNED_MAPPING, headerLine: 40 }))).toMatchObject({ code: 'bad-mapping', detail: 'headerLine' });
  });

  it('names the line of a bad date or amount', () => {
    expect(parseError(() => parseGenericCsv(SIGNED, { ...SIGNED_MAPPING, dateFormat: 'DD/MM/YYYY' }))).toMatchObject({ code: 'bad-date', line: 2, detail: '2026-09-01' });
    expect(parseError(() => parseGenericCsv(SIGNED.replace('-4.50', 'four'), SIGNED_MAPPING))).toMatchObject({ code: 'bad-amount', line: 2, detail: 'four' });
    expect(parseError(() => parseGenericCsv(INOUT.replace('128.50', ''), INOUT_MAPPING))).toMatchObject({ code: 'bad-amount', line: 4 });
    // A decimal-comma amount read as decimal point is refused, not misread.
    expect(parseError(() => parseGenericCsv(GERMAN, { ...GERMAN_MAPPING, decimalComma: false }))).toMatchObject({ code: 'bad-amount', line: 2, detail: '-1.234,56' });
  });

  it('says empty when there are no records', () => {
    expect(parseError(() => parseGenericCsv('Date,Amount\n\n', { ...BASE, columns: { date: 'Date', amount: 'Amount' } }))).toMatchObject({ code: 'empty', line: 1 });
  });

  it('says encoding when the header is mojibake', () => {
    const misread = '\ufffd\ufffd\ufffd\ufffd,\ufffd\ufffd\n2026-09-01,1.00';
    expect(parseError(() => parseGenericCsv(misread, { ...BASE, columns: { date: '交易日期', amount: '金额' } }))).toMatchObject({ code: 'encoding' });
  });
});

describe('previewCsv', () => {
  it('guesses the delimiter and the header line', () => {
    expect(previewCsv(SIGNED)).toMatchObject({
      delimiter: ',',
      headerLineGuess: 1,
      header: ['Date', 'Description', 'Amount', 'Reference'],
      samples: [['2026-09-01', 'Coffee shop', '-4.50', 'R1'], ['2026-09-02', 'Salary', '2,500.00', 'R2'], ['2026-09-03', 'Rent, September', '-1200', '']],
    });
    expect(previewCsv(GERMAN)).toMatchObject({ delimiter: ';', headerLineGuess: 1 });
    expect(previewCsv(INOUT)).toMatchObject({ delimiter: ',', headerLineGuess: 3, header: ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额', '备注'] });
    expect(previewCsv('Datum\tBetrag\n2026-09-01\t1,00\n2026-09-02\t2,00')).toMatchObject({ delimiter: '\t', headerLineGuess: 1 });
    expect(previewCsv(NO_HEADER)).toMatchObject({ delimiter: ',', headerLineGuess: 0, header: [] });
  });

  it('finds a header with unknown names by its place before the values', () => {
    const text = 'Export of account 1234\nWhen,Who,How much\n2026-09-01,Shop,-1.00\n2026-09-02,Shop,-2.00';
    expect(previewCsv(text)).toMatchObject({ headerLineGuess: 2, header: ['When', 'Who', 'How much'] });
  });

  it('returns the first 20 rows with their lines, trimmed', () => {
    const text = ['a,b', ...Array.from({ length: 30 }, (_v, i) => `2026-09-${String((i % 28) + 1).padStart(2, '0')} , ${i}\t`)].join('\n');
    const preview = previewCsv(text, ',');
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[1]).toEqual(['2026-09-01', '0']);
    expect(preview.lines.slice(0, 3)).toEqual([1, 2, 3]);
    expect(previewCsv('', ',')).toMatchObject({ delimiter: ',', headerLineGuess: 0 });
  });
});

describe('suggestMapping', () => {
  const DEFAULTS = { dateFormat: 'YYYY-MM-DD', negateAmount: false, decimalComma: false };

  it('guesses Chinese bank headers', () => {
    expect(suggestMapping(['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额', '备注', '流水号'])).toStrictEqual({
      ...DEFAULTS,
      columns: { date: '交易日期', description: '摘要', payee: '对方户名', inflow: '收入金额', outflow: '支出金额', note: '备注', orderId: '流水号' },
    });
    expect(suggestMapping(['日期', '金额(元)', '交易对方', '分类']).columns).toStrictEqual({ date: '日期', amount: '金额(元)', payee: '交易对方', category: '分类' });
    expect(suggestMapping(['日期', '收入', '支出']).columns).toStrictEqual({ date: '日期', inflow: '收入', outflow: '支出' });
  });

  it('guesses English headers in any case', () => {
    expect(suggestMapping(['Transaction Date', 'Payee', 'Memo', 'Inflow', 'Outflow']).columns).toStrictEqual({
      date: 'Transaction Date', payee: 'Payee', note: 'Memo', inflow: 'Inflow', outflow: 'Outflow',
    });
    expect(suggestMapping([' date ', 'DESCRIPTION', 'Amount', 'Category']).columns).toStrictEqual({ date: 'date', description: 'DESCRIPTION', amount: 'Amount', category: 'Category' });
    expect(suggestMapping(['Posting Date', 'Details', 'Debit', 'Credit']).columns).toStrictEqual({ date: 'Posting Date', description: 'Details', outflow: 'Debit', inflow: 'Credit' });
  });

  it('guesses the date layout and decimal commas from sample rows', () => {
    expect(suggestMapping(['Buchungstag', 'Betrag'], [['01.09.2026', '-1.234,56'], ['15.09.2026', '2.500,00']])).toStrictEqual({
      columns: { date: 'Buchungstag', amount: 'Betrag' }, dateFormat: 'DD.MM.YYYY', negateAmount: false, decimalComma: true,
    });
    expect(suggestMapping(['交易日期', '收入金额', '支出金额'], [['2026/09/01', '', '128.50']])).toMatchObject({ dateFormat: 'YYYY/MM/DD', decimalComma: false });
    expect(suggestMapping(['Date', 'Amount'], [['09/13/2026', '4.50']])).toMatchObject({ dateFormat: 'MM/DD/YYYY' });
    expect(suggestMapping(['Date', 'Amount'], [['13/09/2026', '4.50']])).toMatchObject({ dateFormat: 'DD/MM/YYYY' });
    expect(suggestMapping(['Date', 'Amount'], [['20260901', '4']])).toMatchObject({ dateFormat: 'YYYYMMDD' });
  });

  it('fits the rest of a mapping, and leaves date empty when none is found', () => {
    const preview = previewCsv(GERMAN);
    const mapping: CsvMapping = { ...suggestMapping(preview.header, preview.samples), delimiter: preview.delimiter, encoding: 'utf-8', headerLine: preview.headerLineGuess };
    expect(mapping).toStrictEqual(GERMAN_MAPPING);
    expect(suggestMapping(['foo', 'bar'])).toStrictEqual({ ...DEFAULTS, columns: { date: '' } });
    expect(suggestMapping([])).toStrictEqual({ ...DEFAULTS, columns: { date: '' } });
    expect(parseError(() => parseGenericCsv('foo,bar\n1,2', { ...suggestMapping(['foo', 'bar']), delimiter: ',', encoding: 'utf-8', headerLine: 1 }))).toMatchObject({ code: 'bad-mapping', detail: 'date' });
  });
});
