/**
 * The first sheet of an .xlsx file as rows of strings, for the WeChat Pay export. Uses
 * read-excel-file's universal build (no Web Worker, so no extra CSP allowance). Dates become
 * "YYYY-MM-DD HH:MM:SS" as the bill shows them; numbers keep their digits.
 */
import { readSheet } from 'read-excel-file/universal';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // The sheet stores wall-clock times; the library hands them over as UTC instants.
    return `${cell.getUTCFullYear()}-${two(cell.getUTCMonth() + 1)}-${two(cell.getUTCDate())} ${two(cell.getUTCHours())}:${two(cell.getUTCMinutes())}:${two(cell.getUTCSeconds())}`;
  }
  return String(cell);
}

export async function readFirstSheet(bytes: Uint8Array): Promise<string[][]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = await readSheet(buffer);
  return rows.map((row) => row.map(cellText));
}
