/**
 * Guesses a bill's format from its decoded text, for the file picker: OFX by its header or
 * <OFX> tag, QIF by its !Type: line, Alipay / WeChat / JD by their header rows (lead lines
 * vary), any other delimited table as generic CSV. Undefined when nothing fits, including text
 * that was decoded with the wrong encoding (the caller can retry with another one).
 */
import { ALIPAY_HEADER } from './alipay';
import { JD_HEADER } from './jd';
import { cleanCell, findHeaderLine, looksMisdecoded, splitCsv } from './text';
import type { ImportFormat } from './types';
import { WECHAT_HEADER } from './wechat';

const SCAN_LINES = 120;

export function detectFormat(text: string): ImportFormat | undefined {
  const source = String(text).replace(/^\ufeff/, '');
  const head = source.slice(0, 65536);
  const trimmed = head.replace(/^\s+/, '');

  if (/^OFXHEADER\s*:/i.test(trimmed) || /<\?OFX\s[^>]*OFXHEADER/i.test(head) || /<OFX>/i.test(head)) return 'ofx';
  if (/^!(?:Type|Account|Option|Clear)\b/i.test(trimmed)) return 'qif';

  const lines = head.split(/\r\n|\r|\n/, SCAN_LINES);
  const cells = lines.map((line) => line.split(/[,\t]/).map(cleanCell));
  // Each header is identified by names the other two do not have (see the parsers).
  for (const [format, header] of [
    ['jd', JD_HEADER],
    ['wechat', WECHAT_HEADER],
    ['alipay', ALIPAY_HEADER],
  ] as const) {
    if (findHeaderLine(cells, header.names, header.minimum) !== -1) return format;
  }

  if (looksMisdecoded(head)) return undefined;
  return looksTabular(head) ? 'csv' : undefined;
}

/** At least two rows (one header, one record) sharing a field count above one. */
function looksTabular(text: string): boolean {
  if (hasControlCharacters(text.slice(0, 4096))) return false;
  for (const delimiter of [',', ';', '\t', '|']) {
    const rows = splitCsv(text, delimiter).rows.slice(0, SCAN_LINES);
    const counts = new Map<number, number>();
    for (const row of rows) {
      if (row.cells.length < 2 || row.cells.filter((cell) => cleanCell(cell) !== '').length < 2) continue;
      const count = (counts.get(row.cells.length) ?? 0) + 1;
      if (count >= 2) return true;
      counts.set(row.cells.length, count);
    }
  }
  return false;
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return true;
  }
  return false;
}
