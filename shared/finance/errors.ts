/**
 * The one error type the finance engine throws for bad input. `field` names the input that was
 * wrong (a dotted path such as `debts[2].balance`) and `code` says how, so the UI can translate
 * the message instead of showing English text.
 */
export type FinanceErrorCode =
  | 'required'
  | 'empty'
  | 'negative'
  | 'not-integer'
  | 'not-finite'
  | 'out-of-range'
  | 'bad-date'
  | 'bad-money'
  | 'too-many-decimals'
  | 'bad-currency'
  | 'currency-mismatch'
  | 'duplicate'
  | 'unknown-id'
  | 'not-applicable'
  | 'no-rate';

export class FinanceInputError extends Error {
  readonly field: string;
  readonly code: FinanceErrorCode;

  constructor(field: string, code: FinanceErrorCode, detail?: string) {
    super(`${field}: ${detail ?? code}`);
    this.name = 'FinanceInputError';
    this.field = field;
    this.code = code;
  }
}

// ---------------------------------------------------------------- validators

/** A whole number of minor units that stays a safe integer. */
export function requireMinor(field: string, value: unknown, options: { allowNegative?: boolean } = {}): number {
  const n = requireFinite(field, value);
  if (!Number.isInteger(n)) throw new FinanceInputError(field, 'not-integer', 'must be a whole number of minor units');
  if (!Number.isSafeInteger(n)) throw new FinanceInputError(field, 'out-of-range', 'is beyond the safe integer range');
  if (n < 0 && !options.allowNegative) throw new FinanceInputError(field, 'negative', 'must not be negative');
  return n;
}

/** An integer count (periods, days, months) within [min, max]. */
export function requireInt(field: string, value: unknown, min: number, max: number): number {
  const n = requireFinite(field, value);
  if (!Number.isInteger(n)) throw new FinanceInputError(field, 'not-integer', 'must be a whole number');
  if (n < min || n > max) throw new FinanceInputError(field, n < 0 && min >= 0 ? 'negative' : 'out-of-range', `must be between ${min} and ${max}`);
  return n;
}

/** Rates are decimal fractions (0.049 = 4.9 %); 10 (1000 %) is the sanity ceiling, as in the stored schemas. */
export function requireRate(field: string, value: unknown, max = 10): number {
  const n = requireFinite(field, value);
  if (n < 0) throw new FinanceInputError(field, 'negative', 'must not be negative');
  if (n > max) throw new FinanceInputError(field, 'out-of-range', `must be at most ${max}`);
  return n;
}

export function requireFinite(field: string, value: unknown): number {
  if (value === undefined || value === null) throw new FinanceInputError(field, 'required', 'is required');
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FinanceInputError(field, 'not-finite', 'must be a finite number');
  return value;
}

export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new FinanceInputError(field, 'out-of-range', `must be one of ${allowed.join(', ')}`);
}

export function requireArray<T>(field: string, value: unknown): readonly T[] {
  if (!Array.isArray(value)) throw new FinanceInputError(field, 'required', 'must be a list');
  return value as readonly T[];
}

/** Results must stay safe integers too; a computation that leaves the range is the input's fault. */
export function ensureSafe(field: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new FinanceInputError(field, 'out-of-range', 'the result leaves the safe integer range');
  return value;
}
