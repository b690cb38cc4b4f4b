import type { TFunction } from 'i18next';
import { DomainValidationError, type FieldError } from '../../../shared/domain';

/** One translated message per field, from a validation error; the field's label names it. */
export function fieldMessages(error: unknown, t: TFunction, fieldLabel: (field: string) => string): Record<string, string> | null {
  if (!(error instanceof DomainValidationError)) return null;
  const messages: Record<string, string> = {};
  for (const fieldError of error.fieldErrors) {
    if (messages[fieldError.field]) continue;
    messages[fieldError.field] = translateFieldError(fieldError, t, fieldLabel(fieldError.field));
  }
  return messages;
}

export function translateFieldError(fieldError: FieldError, t: TFunction, label: string): string {
  return t(`validation.${fieldError.code}`, { field: label, ...fieldError.params });
}
