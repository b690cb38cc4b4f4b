/**
 * The one error type every parser throws. `code` picks a translated message (import.errors.*),
 * `line` names where the problem is, `detail` carries the offending text for the message.
 */
export const IMPORT_ERROR_CODES = [
  /** The file is not a bill of the chosen or any known format (no header row found). */
  'not-a-bill',
  /** Header found but a required column is missing (detail: the column name). */
  'missing-column',
  /** The file ends early: fewer rows than it declares, an unterminated tag, a cut-off record. */
  'truncated',
  /** The text is not in the expected encoding (replacement characters, mojibake in the header). */
  'encoding',
  /** A date cell that is not a date (detail: the cell). */
  'bad-date',
  /** An amount cell that is not an amount (detail: the cell). */
  'bad-amount',
  /** The file has a header but no transactions. */
  'empty',
  /** A generic-CSV mapping that does not fit the file (detail: the column). */
  'bad-mapping',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportParseError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly line?: number,
    readonly detail?: string,
  ) {
    super(`${code}${line !== undefined ? ` at line ${line}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'ImportParseError';
  }
}
