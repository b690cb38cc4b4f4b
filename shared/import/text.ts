/**
 * Small text helpers shared by several bill parsers: cleaning cells, splitting CSV (papaparse),
 * finding the header row by its text, mapping columns by name, reading amounts and dates, and
 * the lead lines and table layout the Chinese bills (Alipay, WeChat, JD) have in common. What
 * only one format needs lives in that format's file. Every failure is an ImportParseError
 * naming the line.
 */
import Papa from 'papaparse';
import { daysInMonth, dayNumberOf, formatDate, fromDayNumber } from '../finance/dates';
import { minorUnitDigits, parseMoney } from '../finance/money';
import { ImportParseError } from './errors';

// ---------------------------------------------------------------- cells

const EDGE_SPACE = /^(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+|(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+$/g;

/** Trims a cell: spaces, tabs, full-width spaces, a BOM, zero-width characters, at both ends. */
export function cleanCell(cell: unknown): string {
  if (typeof cell === 'string') return cell.replace(EDGE_SPACE, '');
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  return '';
}

/** Chinese bills write "/" for an empty cell. */
export function cellOrEmpty(cell: unknown): string {
  const text = cleanCell(cell);
  return text === '/' ? '' : text;
}

/** A cleaned cell, or undefined when empty or "/" (for optional BillRow fields). */
export function optionalCell(cell: unknown): string | undefined {
  const text = cellOrEmpty(cell);
  return text === '' ? undefined : text;
}

/** Header text compared loosely: NFKC (full-width parentheses), no spaces, lower case. */
export function normalizeHeader(cell: unknown): string {
  return cleanCell(cell).normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// ---------------------------------------------------------------- rows

/** One record of a table: its cells and the 1-based line (or sheet row) where it starts. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface CsvSplit {
  rows: TableRow[];
  /** The delimiter papaparse used (guessed when none was given). */
  delimiter: string;
  /** Index into `rows` of the first row with an unterminated quoted cell, or -1. */
  unterminatedRow: number;
}

function lineBreaksIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) count += 1;
    else if (c === 13) {
      count += 1;
      if (text.charCodeAt(i + 1) === 10) i += 1;
    }
  }
  return count;
}

/**
 * Splits CSV text into rows with their line numbers (a quoted cell may span lines). A leading
 * BOM is dropped; empty lines are kept as rows with one empty cell so numbering stays right.
 */
export function splitCsv(text: string, delimiter?: string): CsvSplit {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const result = Papa.parse<string[]>(source, {
    ...(delimiter ? { delimiter } : { delimitersToGuess: [',', '\t', ';', '|'] }),
    skipEmptyLines: false,
  });
  const rows: TableRow[] = [];
  let line = 1;
  for (const raw of result.data) {
    const cells = Array.isArray(raw) ? raw.map((cell) => (typeof cell === 'string' ? cell : cleanCell(cell))) : [];
    rows.push({ line, cells });
    line += 1 + cells.reduce((sum, cell) => sum + lineBreaksIn(cell), 0);
  }
  let unterminatedRow = -1;
  for (const error of result.errors) {
    if (error.code === 'MissingQuotes' && typeof error.row === 'number') {
      unterminatedRow = unterminatedRow === -1 ? error.row : Math.min(unterminatedRow, error.row);
    }
  }
  return { rows, delimiter: result.meta.delimiter || delimiter || ',', unterminatedRow };
}

/** True when every cell is empty after cleaning. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cleanCell(cell) === '');
}

/** A header name and its aliases; the first is the name reported in `missing-column`. */
export type HeaderNames = string | readonly string[];

function aliasesOf(names: HeaderNames): readonly string[] {
  return typeof names === 'string' ? [names] : names;
}

/** Index of the column whose header is one of `names` (compared loosely), or -1. */
export function columnIndex(header: readonly string[], names: HeaderNames): number {
  const wanted = new Set(aliasesOf(names).map(normalizeHeader));
  return header.findIndex((cell) => wanted.has(normalizeHeader(cell)));
}

/**
 * Index of the header row: the first row holding at least `minimum` (default: all) of the
 * required headers, each given as a name or a list of aliases. -1 when there is none. Lead lines
 * vary between exports, so the row is found by its text, never by its position.
 */
export function findHeaderLine(rows: readonly (readonly string[])[], requiredHeaders: readonly HeaderNames[], minimum = requiredHeaders.length): number {
  const wanted = requiredHeaders.map((names) => new Set(aliasesOf(names).map(normalizeHeader)));
  const needed = Math.max(1, Math.min(minimum, wanted.length));
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    const present = new Set(row.map(normalizeHeader));
    let found = 0;
    for (const names of wanted) {
      for (const name of names) {
        if (present.has(name)) {
          found += 1;
          break;
        }
      }
    }
    if (found >= needed) return index;
  }
  return -1;
}

// ---------------------------------------------------------------- encoding

/** "交易时间" after a wrong decoding: UTF-8 read as GBK, GBK read as Latin-1/1252, UTF-8 read as 1252. */
const MOJIBAKE_MARKERS = ['浜ゆ槗鏃堕棿', '½»Ò×Ê±¼ä', 'äº¤æ˜“æ—¶é—´', 'äº¤æ\u0098\u0093æ\u0097¶é\u0097´'];

/** True for text that looks like a binary file rather than text (NUL and other C0 controls). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls += 1;
  }
  return controls > 0 && controls * 50 >= sample.length;
}

/** True when the text was decoded with the wrong encoding (replacement characters, mojibake). */
export function looksMisdecoded(text: string): boolean {
  if (looksBinary(text)) return false;
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1 && replacements < 3; i = text.indexOf('\ufffd', i + 1)) replacements += 1;
  if (replacements >= 3) return true;
  return MOJIBAKE_MARKERS.some((marker) => text.includes(marker));
}

/** The error for a file whose header row was not found. */
export function noHeaderError(text: string): ImportParseError {
  return new ImportParseError(looksMisdecoded(text) ? 'encoding' : 'not-a-bill');
}

// ---------------------------------------------------------------- amounts

export interface AmountOptions {
  /** 1.234,56 instead of 1,234.56. */
  decimalComma?: boolean;
}

/**
 * Amount text to signed minor units (fen): "12.50", "¥3,200.00", "￥45.80", "-1,234.5", "+20",
 * "(12.30)", "USD 5.00", full-width digits. Two decimals at most. Throws `bad-amount` with the
 * line and the cell.
 */
export function parseAmount(cell: string, line?: number, options: AmountOptions = {}): number {
  const text = cleanCell(cell);
  let source = text;
  if (options.decimalComma) {
    // 1.234,56 / 1 234,56 / 1'234,56 -> 1234.56
    source = source.replace(/[.'\u00a0\u202f ]/g, '').replace(',', '.');
    if (source.includes(',')) throw new ImportParseError('bad-amount', line, text);
  }
  // Amounts are read currency-agnostically (the caller knows the account): drop an ISO code.
  source = source.replace(/^([+-]?)\s*[A-Za-z]{3}\s*(?=[-+(¥￥$€£\d.])/, '$1').replace(/(?<=[\d.])\s*[A-Za-z]{3}$/, '').replace(/^\+/, '');
  try {
    return parseMoney(source, 'CNY');
  } catch {
    throw new ImportParseError('bad-amount', line, text);
  }
}

/**
 * A plain decimal ("-42.17", "+5", ".5", "-12.345", or "12,5" with a decimal comma) as integer
 * minor units with `digits` decimals, rounding half away from zero on the digits beyond, using
 * string and integer arithmetic only. Returns undefined for anything else, thousands separators
 * included, and for amounts beyond the safe integer range.
 */
export function decimalToMinor(text: string, digits: number): number | undefined {
  const match = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] ?? '';
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  if (whole.length > 15) return undefined;
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  let value = Number((whole === '' ? '0' : whole) + kept);
  const next = fraction.charAt(digits);
  if (next !== '' && next >= '5') value += 1;
  if (!Number.isSafeInteger(value)) return undefined;
  return sign === '-' && value !== 0 ? -value : value;
}

/** Decimals of `currency`'s minor unit; 2 when the file names no currency or one we do not know. */
export function currencyDigits(currency: string | undefined): number {
  if (currency === undefined) return 2;
  try {
    return minorUnitDigits(currency);
  } catch {
    return 2;
  }
}

// ---------------------------------------------------------------- dates

export interface DateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS */
  time?: string;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function buildDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return formatDate(year, month, day);
}

function buildTime(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

// 2026-09-01 08:12:03 · 2026/9/1 8:12 · 2026.09.01 · 2026年9月1日 08:12 · 2026-09-01T08:12:03(.000)(Z)
const YMD_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d{1,6})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2}):?(\d{2})?)?$/;
// Excel serial day number (1900 date system), optionally with a day fraction for the time.
const EXCEL_SERIAL = /^(\d{5})(?:\.(\d+))?$/;
const EXCEL_EPOCH = dayNumberOf(1899, 12, 30);

/** A date (and time, when hour and minute are given) from its parts as matched, or undefined when it is no real date. */
export function dateTimeFromParts(y?: string, mo?: string, d?: string, h?: string, mi?: string, s?: string): DateTime | undefined {
  const date = buildDate(Number(y), Number(mo), Number(d));
  if (date === undefined) return undefined;
  if (h === undefined || mi === undefined) return { date };
  const time = buildTime(Number(h), Number(mi), Number(s ?? '0'));
  return time === undefined ? undefined : { date, time };
}

function fromExcelSerial(whole: string, fraction: string | undefined): DateTime | undefined {
  const days = Number(whole);
  // 1982-02-18 .. 2173-10-13: a five-digit day number that is plausibly a transaction date.
  if (days < 30000 || days > 99999) return undefined;
  const date = fromDayNumber(EXCEL_EPOCH + days);
  if (fraction === undefined || /^0*$/.test(fraction)) return { date };
  const seconds = Math.round(Number(`0.${fraction.slice(0, 12)}`) * 86400);
  if (seconds >= 86400) return { date: fromDayNumber(EXCEL_EPOCH + days + 1), time: '00:00:00' };
  return { date, time: buildTime(Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60) ?? '00:00:00' };
}

/**
 * A bill's date-time cell: "2026-09-01 08:12:03", "2026/9/1 8:12", "2026.09.01", "2026年9月1日",
 * "20260901", ISO "2026-09-01T08:12:03", or an Excel serial number (46266.34). Throws `bad-date`.
 */
export function parseDateTime(cell: string, line?: number): DateTime {
  const text = cleanCell(cell).normalize('NFKC');
  const ymd = YMD_TIME.exec(text) ?? COMPACT.exec(text);
  const serial = ymd ? null : EXCEL_SERIAL.exec(text);
  const result = ymd ? dateTimeFromParts(ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6]) : serial ? fromExcelSerial(serial[1] ?? '', serial[2]) : undefined;
  if (result === undefined) throw new ImportParseError('bad-date', line, cleanCell(cell));
  return result;
}

// ---------------------------------------------------------------- lead lines

/** "共10笔记录" / "共：7笔记录" in the lead lines. */
export function declaredCountIn(lead: string): number | undefined {
  const match = /共\s*[:：]?\s*(\d{1,9})\s*笔记录/.exec(lead);
  return match ? Number(match[1]) : undefined;
}

/** "起始时间：[2026-09-01 ...] 终止时间：[2026-09-30 ...]" or "日期区间：2026-09-01 至 2026-09-30". */
export function periodIn(lead: string): { start: string; end: string } | undefined {
  const pair =
    /起始时间\s*[:：]\s*\[?\s*([\d/.-]+)[^\]\n]*\]?[\s\S]*?终止时间\s*[:：]\s*\[?\s*([\d/.-]+)/.exec(lead) ??
    /日期区间\s*[:：]\s*([\d/.-]+)[^至\n]*至\s*([\d/.-]+)/.exec(lead);
  if (!pair) return undefined;
  try {
    const start = parseDateTime(pair[1] ?? '').date;
    const end = parseDateTime(pair[2] ?? '').date;
    return start <= end ? { start, end } : undefined;
  } catch {
    return undefined;
  }
}

/** The value after "label：" in the lead lines, brackets removed ("微信昵称：[小明]" -> 小明). */
export function leadValue(lead: string, label: string): string | undefined {
  const match = new RegExp(`${label}\\s*[:：]\\s*\\[?([^\\],\\n\\r]*)`).exec(lead);
  const value = match ? cleanCell(match[1]) : '';
  return value === '' ? undefined : value;
}

// ---------------------------------------------------------------- bill tables

/** Columns a bill parser reads: header names (with aliases) and whether the file must have it. */
export type ColumnSpecs<K extends string> = Record<K, { names: HeaderNames; required?: boolean }>;

export interface BillRecord<K extends string> {
  line: number;
  /** The cleaned cell of a column ('' when the file has no such column or the row is short). */
  cell: (key: K) => string;
}

export interface BillTable<K extends string> {
  /** The lead lines before the header, joined with newlines. */
  lead: string;
  headerLine: number;
  records: BillRecord<K>[];
  declaredCount?: number;
}

export interface BillTableOptions<K extends string> {
  columns: ColumnSpecs<K>;
  /** Headers that identify the header row, and how many of them must be there. */
  identify: readonly HeaderNames[];
  minimum: number;
  /** The whole text (or the sheet's cells), checked for a wrong decoding when no header is found. */
  text: string;
  /** Row index of an unterminated quoted cell, or -1. */
  unterminatedRow?: number;
}

const DATE_START = /^\d{4}\s*[-/.年]/;

/**
 * Finds the header row, maps the columns by name and returns the records after it, with the
 * checks every bill needs: a header (`not-a-bill`/`encoding`), required columns
 * (`missing-column`), rows (`empty`) and the declared record count or a cut-off row (`truncated`).
 * Blank rows and one-cell footer or separator rows after the header are skipped.
 */
export function readBillTable<K extends string>(rows: readonly TableRow[], options: BillTableOptions<K>): BillTable<K> {
  const headerIndex = findHeaderLine(
    rows.map((row) => row.cells),
    options.identify,
    options.minimum,
  );
  if (headerIndex === -1) throw noHeaderError(options.text);
  const headerRow = rows[headerIndex] as TableRow;

  const indexes = new Map<K, number>();
  let widest = 0;
  for (const key of Object.keys(options.columns) as K[]) {
    const spec = options.columns[key];
    const index = columnIndex(headerRow.cells, spec.names);
    if (index === -1) {
      if (spec.required) {
        if (looksMisdecoded(options.text)) throw new ImportParseError('encoding', headerRow.line);
        throw new ImportParseError('missing-column', headerRow.line, aliasesOf(spec.names)[0]);
      }
      continue;
    }
    indexes.set(key, index);
    if (spec.required) widest = Math.max(widest, index + 1);
  }

  const lead = rows
    .slice(0, headerIndex)
    .map((row) => row.cells.map(cleanCell).filter((cell) => cell !== '').join(','))
    .join('\n');

  if (options.unterminatedRow !== undefined && options.unterminatedRow > headerIndex) {
    throw new ImportParseError('truncated', rows[options.unterminatedRow]?.line);
  }

  const candidates = rows.slice(headerIndex + 1).filter((row) => !isBlankRow(row.cells));
  const records: BillRecord<K>[] = [];
  candidates.forEach((row, position) => {
    const last = position === candidates.length - 1;
    const filled = row.cells.filter((cell) => cleanCell(cell) !== '').length;
    if (filled < 2) {
      // A footer or separator line; a lone date on the last line is a record cut short.
      if (last && DATE_START.test(cleanCell(row.cells.find((cell) => cleanCell(cell) !== '')))) {
        throw new ImportParseError('truncated', row.line);
      }
      return;
    }
    if (last && row.cells.length < widest) throw new ImportParseError('truncated', row.line);
    const cells = row.cells;
    records.push({ line: row.line, cell: (key) => {
      const index = indexes.get(key);
      return index === undefined ? '' : cleanCell(cells[index]);
    } });
  });

  const declaredCount = declaredCountIn(lead);
  if (declaredCount !== undefined && records.length < declaredCount) {
    const lastLine = candidates.at(-1)?.line ?? headerRow.line;
    throw new ImportParseError('truncated', lastLine, `${records.length}/${declaredCount}`);
  }
  if (records.length === 0) throw new ImportParseError('empty', headerRow.line);
  return { lead, headerLine: headerRow.line, records, ...(declaredCount !== undefined ? { declaredCount } : {}) };
}

/** 收入 -> in, 支出 -> out, 不计收支 / "/" / anything else -> neutral. */
export function directionOf(cell: string): 'in' | 'out' | 'neutral' {
  const text = cleanCell(cell);
  if (text === '支出' || text === '已支出') return 'out';
  if (text === '收入' || text === '已收入') return 'in';
  return 'neutral';
}

const NEUTRAL_INFLOW = /退款|收益|利息|分红|赎回|返现|奖励|充值/;

/**
 * Signs an amount by the row's direction. Neutral rows take the sign of their likely effect:
 * a refund, yield, interest or top-up is money in; a repayment, withdrawal or transfer out is out.
 * An explicit minus in the file wins for neutral rows.
 */
export function signedAmount(amount: number, direction: 'in' | 'out' | 'neutral', refund: boolean, texts: readonly string[]): number {
  const size = Math.abs(amount);
  if (direction === 'out') return size === 0 ? 0 : -size;
  if (direction === 'in') return size;
  if (amount < 0) return amount;
  if (refund || texts.some((text) => NEUTRAL_INFLOW.test(text))) return size;
  return size === 0 ? 0 : -size;
}

/** Closed or failed orders: nothing moved. */
export function isClosedStatus(status: string): boolean {
  return /关闭|失败|撤销|已取消|交易取消|未支付/.test(status);
}

/** A copy without the keys whose value is undefined (optional fields stay absent). */
export function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) {
    if (copy[key] === undefined) delete copy[key];
  }
  return copy;
}
