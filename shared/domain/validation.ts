/**
 * Turns schema failures into field errors the UI can translate: a code plus parameters,
 * never an English sentence baked into the domain.
 */
import type { z } from 'zod';

export type FieldErrorCode =
  | 'required'
  | 'invalid_type'
  | 'too_small'
  | 'too_big'
  | 'too_large'
  | 'invalid_value'
  | 'date'
  | 'month'
  | 'currency'
  | 'color'
  | 'time'
  | 'instant'
  | 'negative'
  | 'not_integer'
  | 'money'
  | 'percent'
  | 'too_many_decimals'
  | 'positive'
  | 'split_sum'
  | 'same_account'
  | 'nothing_due'
  | 'currency_mismatch'
  | 'share_total'
  | 'needs_birth_date'
  | 'before_start'
  | 'invalid';

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

export class DomainValidationError extends Error {
  constructor(
    readonly entity: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(`${entity}: ${fieldErrors.map((e) => `${e.field} ${e.code}`).join(', ')}`);
    this.name = 'DomainValidationError';
  }
}

const CUSTOM_CODES = new Set(['date', 'month', 'currency', 'color', 'time', 'negative', 'too_large', 'instant']);

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const field = issue.path.map(String).join('.') || '(value)';
    if (issue.code === 'custom' || (issue.code === 'invalid_format' && CUSTOM_CODES.has(issue.message))) {
      const code = CUSTOM_CODES.has(issue.message) ? (issue.message as FieldErrorCode) : 'invalid';
      return { field, code };
    }
    switch (issue.code) {
      case 'invalid_type':
        return { field, code: issue.input === undefined ? 'required' : 'invalid_type' };
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return { field, code: 'required' };
        return { field, code: 'too_small', params: { minimum: Number(issue.minimum) } };
      case 'too_big':
        return { field, code: 'too_big', params: { maximum: Number(issue.maximum) } };
      case 'invalid_value':
      case 'invalid_union':
        return { field, code: 'invalid_value' };
      case 'not_multiple_of':
        return { field, code: 'not_integer' };
      default:
        return { field, code: 'invalid' };
    }
  });
}

/** Parses `input` with `schema` or throws a DomainValidationError naming each bad field. */
export function validateEntity<S extends z.ZodType>(entity: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainValidationError(entity, toFieldErrors(result.error));
  return result.data;
}
