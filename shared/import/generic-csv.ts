/**
 * Any bank's CSV, read through a mapping the user made on the column-mapping screen:
 * `previewCsv` shows the first rows and guesses the delimiter and header line, `suggestMapping`
 * guesses the columns from common header names (zh and en), `parseGenericCsv` applies a mapping.
 */
import { ImportParseError } from './errors';
import type { BillRow, CsvMapping, ParsedBill } from './types';
import { cleanCell, dateTimeFromParts, isBlankRow, looksMisdecoded, normalizeHeader, parseAmount, parseDateTime, splitCsv, withoutUndefined } from './text';
import type { DateTime, TableRow } from './text';

// ---------------------------------------------------------------- dates

export type DateFormat = CsvMapping['dateFormat'];

const TIME_SUFFIX = /(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/.source;
const DAY_FIRST = new RegExp(`^(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})${TIME_SUFFIX}`);
const YEAR_FIRST = new RegExp(`^(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})${TIME_SUFFIX}`);
const COMPACT_DATE = new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${TIME_SUFFIX}`);

/** A date in a user-chosen layout (generic CSV), with an optional "HH:MM(:SS)" after it. */
export function parseDateAs(cell: string, format: DateFormat, line?: number): DateTime {
  const text = cleanCell(cell).normalize('NFKC');
  let result: DateTime | undefined;
  if (format === 'YYYY-MM-DD' || format === 'YYYY/MM/DD') {
    const m = YEAR_FIRST.exec(text);
    if (m) result = dateTimeFromParts(m[1], m[2], m[3], m[4], m[5], m[6]);
  } else if (format === 'YYYYMMDD') {
    const m = COMPACT_DATE.exec(text);
    if (m) result = dateTimeFromParts(m[1], m[2], m[3], m[4], m[5], m[6]);
  } else {
    const m = DAY_FIRST.exec(text);
    if (m) result = format === 'MM/DD/YYYY' ? dateTimeFromParts(m[3], m[1], m[2], m[4], m[5], m[6]) : dateTimeFromParts(m[3], m[2], m[1], m[4], m[5], m[6]);
  }
  if (result === undefined) throw new ImportParseError('bad-date', line, cleanCell(cell));
  return result;
}

// ---------------------------------------------------------------- parse

const DELIMITERS = [',', ';', '\t', '|'] as const;
type Delimiter = CsvMapping['delimiter'];
type ColumnKey = keyof CsvMapping['columns'];

function isDelimiter(value: string): value is Delimiter {
  return (DELIMITERS as readonly string[]).includes(value);
}

/** "#3" -> column index 2; undefined for a header name. */
function numberedColumn(ref: string): number | undefined {
  const match = /^#\s*(\d{1,4})$/.exec(ref.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  return number >= 1 ? number - 1 : undefined;
}

function resolveColumn(ref: string, header: readonly string[] | undefined, headerLine: number, text: string, width: number): number {
  const numbered = numberedColumn(ref);
  if (numbered !== undefined) {
    if (numbered < width) return numbered;
    throw new ImportParseError('bad-mapping', headerLine || undefined, ref);
  }
  if (header) {
    const wanted = normalizeHeader(ref);
    const exact = header.findIndex((cell) => cleanCell(cell) === cleanCell(ref));
    const index = exact !== -1 ? exact : header.findIndex((cell) => normalizeHeader(cell) === wanted);
    if (index !== -1 && wanted !== '') return index;
  }
  if (looksMisdecoded(text)) throw new ImportParseError('encoding', headerLine || undefined);
  throw new ImportParseError('bad-mapping', headerLine || undefined, ref);
}

/** Applies the user's mapping. Amounts are signed (negative is money out) as `BillRow` wants. */
export function parseGenericCsv(text: string, mapping: CsvMapping): ParsedBill {
  const source = String(text);
  if (typeof mapping !== 'object' || mapping === null || typeof mapping.columns !== 'object' || mapping.columns === null) {
    throw new ImportParseError('bad-mapping', undefined, 'mapping');
  }
  if (!isDelimiter(mapping.delimiter)) throw new ImportParseError('bad-mapping', undefined, 'delimiter');
  const headerLine = mapping.headerLine;
  if (!Number.isInteger(headerLine) || headerLine < 0) throw new ImportParseError('bad-mapping', undefined, 'headerLine');

  const { rows, unterminatedRow } = splitCsv(source, mapping.delimiter);
  let headerIndex = -1;
  if (headerLine > 0) {
    headerIndex = rows.findIndex((row) => row.line === headerLine);
    if (headerIndex === -1) throw new ImportParseError('bad-mapping', headerLine, 'headerLine');
  }
  const header = headerIndex === -1 ? undefined : (rows[headerIndex] as TableRow).cells;

  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  const columns = mapping.columns;
  const index = new Map<ColumnKey, number>();
  for (const key of ['date', 'payee', 'description', 'category', 'amount', 'inflow', 'outflow', 'orderId', 'note'] as const) {
    const ref = columns[key];
    if (ref === undefined || ref === '') continue;
    if (typeof ref !== 'string') throw new ImportParseError('bad-mapping', undefined, key);
    index.set(key, resolveColumn(ref, header, headerLine, source, width));
  }
  if (!index.has('date')) throw new ImportParseError('bad-mapping', undefined, 'date');
  if (!index.has('amount') && !index.has('inflow') && !index.has('outflow')) throw new ImportParseError('bad-mapping', undefined, 'amount');

  if (unterminatedRow !== -1 && unterminatedRow > headerIndex) throw new ImportParseError('truncated', rows[unterminatedRow]?.line);

  const decimalComma = mapping.decimalComma === true;
  const billRows: BillRow[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (isBlankRow(row.cells)) continue;
    const cell = (key: ColumnKey): string => {
      const at = index.get(key);
      return at === undefined ? '' : cleanCell(row.cells[at]);
    };
    const line = row.line;
    const { date, time } = mapping.dateFormat ? parseDateAs(cell('date'), mapping.dateFormat, line) : parseDateTime(cell('date'), line);
    let amount: number;
    if (index.has('amount')) {
      amount = parseAmount(cell('amount'), line, { decimalComma });
      if (mapping.negateAmount === true && amount !== 0) amount = -amount;
    } else {
      const inflowText = cell('inflow');
      const outflowText = cell('outflow');
      if (inflowText === '' && outflowText === '') throw new ImportParseError('bad-amount', line, '');
      const inflow = inflowText === '' ? 0 : Math.abs(parseAmount(inflowText, line, { decimalComma }));
      const outflow = outflowText === '' ? 0 : Math.abs(parseAmount(outflowText, line, { decimalComma }));
      amount = inflow - outflow;
    }
    billRows.push(
      withoutUndefined({
        line,
        date,
        time,
        amount: amount === 0 ? 0 : amount,
        direction: amount < 0 ? ('out' as const) : ('in' as const),
        payee: cell('payee'),
        description: cell('description'),
        sourceCategory: cell('category'),
        orderId: cell('orderId') || undefined,
        note: cell('note') || undefined,
        closed: false,
        refund: false,
      }),
    );
  }
  if (billRows.length === 0) throw new ImportParseError('empty', headerLine || undefined);
  return { format: 'csv', rows: billRows };
}

// ---------------------------------------------------------------- preview

export interface CsvPreview {
  /** The delimiter given, or the one guessed from the text. */
  delimiter: Delimiter;
  /** The first 20 rows, cells trimmed. */
  rows: string[][];
  /** 1-based line of each of `rows` (a quoted cell may span lines). */
  lines: number[];
  /** 1-based line of the likely header row; 0 when the file seems to have none. */
  headerLineGuess: number;
  /** The cells of the guessed header row ([] when none), for the column choices. */
  header: string[];
  /** Up to 5 non-blank rows after the guessed header (or from the top), for `suggestMapping`. */
  samples: string[][];
}

const PREVIEW_ROWS = 20;
const SCAN_ROWS = 200;

function guessDelimiter(rows: readonly TableRow[][]): Delimiter {
  // Pick the delimiter that gives the most rows sharing one field count above 1.
  let best: Delimiter = ',';
  let bestScore = 0;
  rows.forEach((candidateRows, position) => {
    const counts = new Map<number, number>();
    for (const row of candidateRows) {
      if (row.cells.length > 1) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
    }
    let score = 0;
    for (const [width, count] of counts) score = Math.max(score, count * 1000 + Math.min(width, 999));
    if (score > bestScore) {
      bestScore = score;
      best = DELIMITERS[position] ?? ',';
    }
  });
  return best;
}

function looksLikeValue(cell: string): boolean {
  const text = cleanCell(cell);
  if (text === '') return false;
  if (/^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(text) || /^\d{8}$/.test(text)) return true;
  return /^[-+(]?[¥￥$€£]?\s?[-+]?[\d.,' ]+\)?$/.test(text);
}

/** The first 20 rows, the delimiter and a guess of the header line, for the mapping screen. */
export function previewCsv(text: string, delimiter?: Delimiter): CsvPreview {
  const source = String(text);
  const chosen: Delimiter =
    delimiter !== undefined && isDelimiter(delimiter) ? delimiter : guessDelimiter(DELIMITERS.map((candidate) => splitCsv(source.slice(0, 65536), candidate).rows.slice(0, SCAN_ROWS)));
  const all = splitCsv(source, chosen).rows;
  const scanned = all.slice(0, SCAN_ROWS);

  // The header is the first row with a recognisable date column, else the first row of the
  // table's width (most common field count) made of text only and followed by a value row.
  const widths = new Map<number, number>();
  for (const row of scanned) if (row.cells.filter((cell) => cleanCell(cell) !== '').length > 1) widths.set(row.cells.length, (widths.get(row.cells.length) ?? 0) + 1);
  let tableWidth = 0;
  let widthCount = 0;
  for (const [width, count] of widths) if (count > widthCount || (count === widthCount && width > tableWidth)) [tableWidth, widthCount] = [width, count];

  let headerIndex = scanned.findIndex((row) => {
    const cells = row.cells.map(cleanCell);
    return cells.filter((cell) => cell !== '').length > 1 && suggestMapping(cells).columns.date !== '' && !cells.some(looksLikeValue);
  });
  if (headerIndex === -1) {
    headerIndex = scanned.findIndex((row, i) => {
      const cells = row.cells.map(cleanCell);
      const next = scanned[i + 1];
      return (
        row.cells.length === tableWidth &&
        cells.filter((cell) => cell !== '').length > 1 &&
        !cells.some(looksLikeValue) &&
        next !== undefined &&
        next.cells.some(looksLikeValue)
      );
    });
  }
  const headerRow = headerIndex === -1 ? undefined : scanned[headerIndex];
  const preview = all.slice(0, PREVIEW_ROWS);
  return {
    delimiter: chosen,
    rows: preview.map((row) => row.cells.map(cleanCell)),
    lines: preview.map((row) => row.line),
    headerLineGuess: headerRow?.line ?? 0,
    header: headerRow ? headerRow.cells.map(cleanCell) : [],
    samples: scanned
      .slice(headerIndex + 1)
      .filter((row) => !isBlankRow(row.cells))
      .slice(0, 5)
      .map((row) => row.cells.map(cleanCell)),
  };
}

// ---------------------------------------------------------------- suggestions

/** Common header names per field, compared after normalizeHeader and without a unit "(元)". */
const HEADER_ALIASES: Record<ColumnKey, readonly string[]> = {
  date: [
    '日期', '交易日期', '记账日期', '入账日期', '交易时间', '记账时间', '发生日期', '交易日',
    'date', 'transaction date', 'trans date', 'posting date', 'posted date', 'post date', 'booking date', 'value date', 'datum', 'buchungstag',
  ],
  amount: ['金额', '交易金额', '发生额', '交易额', '人民币金额', 'amount', 'transaction amount', 'amt', 'betrag', 'montant', 'importe'],
  inflow: ['收入', '收入金额', '存入', '存入金额', '贷方金额', '贷方发生额', '贷方', '收款金额', 'inflow', 'credit', 'credits', 'credit amount', 'deposit', 'deposits', 'money in', 'paid in', 'in'],
  outflow: ['支出', '支出金额', '支取', '支取金额', '借方金额', '借方发生额', '借方', '付款金额', 'outflow', 'debit', 'debits', 'debit amount', 'withdrawal', 'withdrawals', 'money out', 'paid out', 'out'],
  payee: [
    '对方户名', '对方名称', '对方账户名', '交易对方', '收款人', '收/付款人', '商户名称', '商户',
    'payee', 'name', 'merchant', 'counterparty', 'beneficiary', 'recipient', 'empfänger', 'auftraggeber/empfänger', 'begünstigter/zahlungspflichtiger',
  ],
  description: ['摘要', '交易摘要', '用途', '交易说明', '商品说明', '商品', '交易描述', '说明', 'description', 'details', 'narrative', 'transaction description', 'particulars', 'verwendungszweck', 'buchungstext'],
  category: ['分类', '类别', '交易分类', '交易类型', 'category', 'type', 'kategorie'],
  orderId: ['流水号', '交易流水号', '交易单号', '交易号', '订单号', '交易订单号', '凭证号', 'transaction id', 'reference', 'ref', 'id', 'fitid'],
  note: ['备注', '附言', '附加信息', 'note', 'notes', 'memo', 'comment', 'remarks'],
};

const UNIT_SUFFIX = /\((?:元|人民币|rmb|cny|usd|eur|\$|¥|€)\)$/;

function headerKey(cell: string): string {
  return normalizeHeader(cell).replace(UNIT_SUFFIX, '');
}

const NORMALIZED_ALIASES = Object.fromEntries(
  (Object.keys(HEADER_ALIASES) as ColumnKey[]).map((key) => [key, new Set(HEADER_ALIASES[key].map(headerKey))]),
) as Record<ColumnKey, Set<string>>;

/** What `suggestMapping` fills in; the caller adds delimiter, encoding and header line. */
export type CsvMappingSuggestion = Pick<CsvMapping, 'columns' | 'dateFormat' | 'negateAmount' | 'decimalComma'>;

const DATE_FORMATS: readonly CsvMapping['dateFormat'][] = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYYMMDD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'];

function parsesAs(value: string, format: CsvMapping['dateFormat']): boolean {
  try {
    parseDateAs(value, format);
    return true;
  } catch {
    return false;
  }
}

/** The first layout that reads every sample date ("/" and "-" both count for year-first layouts). */
function guessDateFormat(values: readonly string[]): CsvMapping['dateFormat'] {
  const dates = values.filter((value) => value !== '');
  if (dates.length === 0) return 'YYYY-MM-DD';
  // Layouts whose separator the samples use come first (the parser is lenient about separators).
  const separator = /^\d+([-/.])/.exec(dates[0] ?? '')?.[1] ?? '';
  const candidates = [...DATE_FORMATS.filter((format) => separator !== '' && format.includes(separator)), ...DATE_FORMATS];
  return candidates.find((format) => dates.every((date) => parsesAs(date, format))) ?? 'YYYY-MM-DD';
}

/** 1.234,56 or 12,50 (and no 1,234.56 or 12.50) in the amount samples. */
function guessDecimalComma(values: readonly string[]): boolean {
  const amounts = values.filter((value) => value !== '');
  return amounts.some((value) => /\d,\d{1,2}$/.test(value)) && !amounts.some((value) => /\d\.\d{1,2}$/.test(value));
}

/**
 * Guesses which header is which field from common names in Chinese and English, and, from a few
 * sample rows when given, the date layout and decimal commas. Column values are header texts
 * (trimmed, as in the file); a header is used for one field at most; `columns.date` is '' when no
 * date column was recognised.
 */
export function suggestMapping(headers: readonly string[], samples: readonly (readonly string[])[] = []): CsvMappingSuggestion {
  const columns: Partial<CsvMapping['columns']> = {};
  const positions = new Map<ColumnKey, number>();
  const used = new Set<number>();
  const keys = Array.isArray(headers) ? headers.map((cell) => headerKey(typeof cell === 'string' ? cell : '')) : [];
  for (const field of Object.keys(HEADER_ALIASES) as ColumnKey[]) {
    // Earlier aliases are more specific: prefer them.
    for (const alias of HEADER_ALIASES[field]) {
      const wanted = headerKey(alias);
      const position = keys.findIndex((key, i) => !used.has(i) && key === wanted && NORMALIZED_ALIASES[field].has(key));
      if (position !== -1) {
        used.add(position);
        positions.set(field, position);
        columns[field] = cleanCell(headers[position]);
        break;
      }
    }
  }
  const sampleRows = Array.isArray(samples) ? samples.filter((row) => Array.isArray(row)) : [];
  const valuesOf = (field: ColumnKey): string[] => {
    const position = positions.get(field);
    return position === undefined ? [] : sampleRows.map((row) => cleanCell(row[position]));
  };
  return {
    columns: { ...columns, date: columns.date ?? '' },
    dateFormat: guessDateFormat(valuesOf('date')),
    negateAmount: false,
    decimalComma: guessDecimalComma([...valuesOf('amount'), ...valuesOf('inflow'), ...valuesOf('outflow')]),
  };
}
