/**
 * From a chosen file to a parsed bill: sniff .xlsx, decode text, detect the format from the
 * content (the file name is only a hint), and hand over to the format's parser. Generic CSV
 * files stop at a preview so the user can map the columns.
 */
import {
  detectFormat,
  guessQifDateOrder,
  ImportParseError,
  parseAlipay,
  parseGenericCsv,
  parseJd,
  parseOfx,
  parseQif,
  parseWechatCsv,
  parseWechatRows,
  previewCsv,
  type CsvMapping,
  type ImportFormat,
  type ParsedBill,
} from '../../../shared/import';
import { decodeBill, isZip, type TextEncodingName } from './decode';
import { readFirstSheet } from './xlsx';

export interface ReadOptions {
  format?: ImportFormat;
  encoding?: TextEncodingName;
  qifDateOrder?: 'mdy' | 'dmy';
}

export type ReadResult =
  | { kind: 'bill'; bill: ParsedBill; encoding: TextEncodingName | 'xlsx'; qifOrder?: 'mdy' | 'dmy' | 'ambiguous' }
  | { kind: 'csv'; text: string; encoding: TextEncodingName; preview: ReturnType<typeof previewCsv> };

/** Many U+FFFD characters mean the bytes were decoded with the wrong encoding. */
function looksMisdecoded(text: string): boolean {
  let bad = 0;
  for (const char of text.slice(0, 4000)) if (char === '\uFFFD') bad += 1;
  return bad >= 3;
}

export async function readBillFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  if (bytes.length === 0) throw new ImportParseError('empty');
  if (isZip(bytes)) {
    let rows: string[][];
    try {
      rows = await readFirstSheet(bytes);
    } catch {
      throw new ImportParseError('not-a-bill', undefined, '.xlsx');
    }
    return { kind: 'bill', bill: parseWechatRows(rows), encoding: 'xlsx' };
  }
  const { text, encoding } = decodeBill(bytes, options.encoding);
  const format = options.format ?? detectFormat(text);
  switch (format) {
    case 'alipay':
      return { kind: 'bill', bill: parseAlipay(text), encoding };
    case 'wechat':
      return { kind: 'bill', bill: parseWechatCsv(text), encoding };
    case 'jd':
      return { kind: 'bill', bill: parseJd(text), encoding };
    case 'ofx':
      return { kind: 'bill', bill: parseOfx(text), encoding };
    case 'qif': {
      const guessed = guessQifDateOrder(text);
      const order = options.qifDateOrder ?? (guessed === 'dmy' ? 'dmy' : 'mdy');
      return { kind: 'bill', bill: parseQif(text, order), encoding, qifOrder: options.qifDateOrder ?? guessed };
    }
    case 'csv':
      return { kind: 'csv', text, encoding, preview: previewCsv(text) };
    default:
      // Text that is not a table (a single line, prose) is not offered the column mapping: the
      // user can still force "CSV" in the format choice.
      if (looksMisdecoded(text)) throw new ImportParseError('encoding');
      throw new ImportParseError('not-a-bill');
  }
}

export function readGenericCsv(text: string, mapping: CsvMapping): ParsedBill {
  return parseGenericCsv(text, mapping);
}
