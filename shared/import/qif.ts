/**
 * QIF (Quicken Interchange Format) account exports: a `!Type:` header, then records of one-letter
 * fields, each record ending with `^`. Only cash-like accounts are read (Bank, Cash, CCard, Oth A,
 * Oth L); `!Account` blocks, `!Option`/`!Clear` lines and sections of other types (Invst,
 * Memorized, Cat, Class ...) are skipped.
 *
 * QIF does not say which order its dates are in, so the caller picks (see guessQifDateOrder), and
 * it does not name a currency: amounts are read with two decimals unless the caller names the
 * account's currency.
 */
import { formatDate, isValidDate } from '../finance/dates';
import { ImportParseError } from './errors';
import { currencyDigits, decimalToMinor } from './text';
import type { BillRow, BillSplit, ParsedBill } from './types';

export type QifDateOrder = 'mdy' | 'dmy';

const READ_TYPES = new Set(['bank', 'cash', 'ccard', 'otha', 'othl']);

interface Line {
  number: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((line, index) => ({ number: index + 1, text: line }));
}

// ---------------------------------------------------------------- dates

/** 09/01/2026, 9/1'26, 09/01/26, 9-1-2026, " 9/ 1'26", 9.1.2026, and ISO 2026-09-01. */
const DATE_PARTS = /^(\d{1,2})[/.-](\d{1,2})(?:'|[/.-]'?)(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;

function dateParts(text: string): { first: number; second: number; year: number } | undefined {
  const compact = text.replace(/\s+/g, '');
  const match = DATE_PARTS.exec(compact);
  if (!match) return undefined;
  const yearText = match[3] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return { first: Number(match[1]), second: Number(match[2]), year };
}

function readDate(text: string, order: QifDateOrder, line: number): string {
  const compact = text.replace(/\s+/g, '');
  const iso = ISO_DATE.exec(compact);
  let date: string | undefined;
  if (iso) {
    date = formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  } else {
    const parts = dateParts(compact);
    if (parts) {
      const month = order === 'mdy' ? parts.first : parts.second;
      const day = order === 'mdy' ? parts.second : parts.first;
      date = formatDate(parts.year, month, day);
    }
  }
  if (date === undefined || !isValidDate(date)) throw new ImportParseError('bad-date', line, text.trim());
  return date;
}

/**
 * Which order the file's dates are in: a first number above 12 means day first ('dmy'), a
 * second number above 12 means month first ('mdy'). 'ambiguous' when no date tells, or when
 * dates point both ways.
 */
export function guessQifDateOrder(text: string): QifDateOrder | 'ambiguous' {
  if (typeof text !== 'string') return 'ambiguous';
  let dayFirst = false;
  let monthFirst = false;
  for (const { text: raw } of splitLines(text)) {
    if (!raw.startsWith('D')) continue;
    const parts = dateParts(raw.slice(1));
    if (!parts) continue;
    if (parts.first > 12 && parts.first <= 31 && parts.second <= 12) dayFirst = true;
    if (parts.second > 12 && parts.second <= 31 && parts.first <= 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return 'ambiguous';
  return dayFirst ? 'dmy' : 'mdy';
}

// ---------------------------------------------------------------- amounts

function readAmount(text: string, digits: number, line: number): number {
  let compact = text.trim().replace(/^([+-]?)\s*[$€£¥]\s*/, '$1');
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(compact)) compact = compact.replace(/,/g, '');
  const amount = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact) ? decimalToMinor(compact, digits) : undefined;
  if (amount === undefined) throw new ImportParseError('bad-amount', line, text.trim());
  return amount;
}

// ---------------------------------------------------------------- records

interface Field {
  code: string;
  value: string;
  line: number;
}

/** `[Savings]` (optionally `[Savings]/Class`) names an account: the record is a transfer. */
const TRANSFER = /^\[(.*)\](?:\/.*)?$/;

function buildRow(fields: Field[], order: QifDateOrder, digits: number): BillRow {
  const first = fields[0] as Field;
  const find = (code: string): Field | undefined => fields.find((field) => field.code === code);
  const dateField = find('D');
  if (dateField === undefined) throw new ImportParseError('bad-date', first.line, 'D');
  const date = readDate(dateField.value, order, dateField.line);
  const amountField = find('T') ?? find('U');
  if (amountField === undefined) throw new ImportParseError('bad-amount', first.line, 'T');
  const amount = readAmount(amountField.value, digits, amountField.line);

  let sourceCategory = (find('L')?.value ?? '').trim();
  let transfer = false;
  const transferMatch = TRANSFER.exec(sourceCategory);
  if (transferMatch) {
    transfer = true;
    sourceCategory = (transferMatch[1] ?? '').trim();
  } else if (/^--split--$/i.test(sourceCategory)) {
    sourceCategory = '';
  }

  const row: BillRow = {
    line: first.line,
    date,
    amount,
    direction: transfer ? 'neutral' : amount < 0 ? 'out' : 'in',
    payee: (find('P')?.value ?? '').trim(),
    description: (find('M')?.value ?? '').trim(),
    sourceCategory,
    closed: false,
    refund: false,
  };
  const number = (find('N')?.value ?? '').trim();
  // Check numbers identify a payment; words such as ATM, DEP or EFT do not.
  if (/\d/.test(number)) row.orderId = number;
  else if (number !== '') row.note = number;
  const status = (find('C')?.value ?? '').trim();
  if (status !== '') row.status = status;

  const splits = readSplits(fields, digits);
  if (splits.length > 0) row.splits = splits;
  return row;
}

function readSplits(fields: Field[], digits: number): BillSplit[] {
  const splits: BillSplit[] = [];
  let current: { category?: string; memo?: string; amount?: number } | undefined;
  const finish = (line: number): void => {
    if (current === undefined) return;
    if (current.amount === undefined) throw new ImportParseError('bad-amount', line, '$');
    const category = (current.category ?? '').trim();
    const transfer = TRANSFER.exec(category);
    const split: BillSplit = { category: transfer ? (transfer[1] ?? '').trim() : category, amount: current.amount };
    if (current.memo !== undefined && current.memo !== '') split.memo = current.memo;
    splits.push(split);
    current = undefined;
  };
  let lastLine = 0;
  for (const field of fields) {
    if (field.code !== 'S' && field.code !== 'E' && field.code !== '$') continue;
    if (field.code === 'S' || current === undefined) {
      finish(field.line);
      current = {};
    } else if ((field.code === 'E' && current.memo !== undefined) || (field.code === '$' && current.amount !== undefined)) {
      finish(field.line);
      current = {};
    }
    if (field.code === 'S') current.category = field.value;
    else if (field.code === 'E') current.memo = field.value.trim();
    else current.amount = readAmount(field.value, digits, field.line);
    lastLine = field.line;
  }
  finish(lastLine);
  return splits;
}

/** A record without its closing "^": kept when complete, otherwise the file was cut. */
function unterminated(fields: Field[], order: QifDateOrder, digits: number): BillRow {
  const complete = fields.some((field) => field.code === 'D') && fields.some((field) => field.code === 'T' || field.code === 'U');
  if (!complete) throw new ImportParseError('truncated', fields[0]?.line, 'no ^');
  return buildRow(fields, order, digits);
}

/**
 * Reads a QIF file. Throws `not-a-bill` without a `!Type:` header of a cash-like account,
 * `bad-date`/`bad-amount` for a record without (or with an unreadable) D or T line, `truncated`
 * for an incomplete last record, `empty` when there is no record.
 *
 * `currency`, when given, sets how many decimals an amount has (JPY none); two otherwise.
 */
export function parseQif(text: string, dateOrder: QifDateOrder, currency?: string): ParsedBill {
  if (typeof text !== 'string') throw new ImportParseError('not-a-bill');
  const lines = splitLines(text);
  const digits = currencyDigits(currency);
  const firstContent = lines.find((line) => line.text.trim() !== '');
  if (firstContent === undefined || !firstContent.text.trim().startsWith('!')) throw new ImportParseError('not-a-bill', firstContent?.number);

  const rows: BillRow[] = [];
  let sawReadableType = false;
  let mode: 'read' | 'skip' = 'skip';
  let fields: Field[] = [];

  for (const line of lines) {
    const textLine = line.text.replace(/\s+$/, '');
    if (textLine.trim() === '') continue;
    if (textLine.startsWith('!')) {
      if (fields.length > 0 && mode === 'read') rows.push(unterminated(fields, dateOrder, digits));
      fields = [];
      const type = /^!Type\s*:\s*(.*)$/i.exec(textLine.trim());
      if (type) {
        const name = (type[1] ?? '').replace(/\s+/g, '').toLowerCase();
        mode = READ_TYPES.has(name) ? 'read' : 'skip';
        if (mode === 'read') sawReadableType = true;
      } else {
        // !Account blocks, !Option:AutoSwitch, !Clear:AutoSwitch: nothing to read until the next header.
        mode = 'skip';
      }
      continue;
    }
    if (mode === 'skip') continue;
    const code = textLine.charAt(0);
    if (code === '^') {
      if (fields.length > 0) rows.push(buildRow(fields, dateOrder, digits));
      fields = [];
      continue;
    }
    fields.push({ code, value: textLine.slice(1), line: line.number });
  }

  if (!sawReadableType) throw new ImportParseError('not-a-bill', firstContent.number);
  if (fields.length > 0) rows.push(unterminated(fields, dateOrder, digits));
  if (rows.length === 0) throw new ImportParseError('empty', lines.length);
  return { format: 'qif', rows };
}
