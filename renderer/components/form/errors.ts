import type { TFunction } from 'i18next';
import type { FieldError } from '../../../shared/domain';

/** One translated message per field, the first error of each field; the field's label names it. */
export function fieldErrorMessages(fieldErrors: readonly FieldError[], t: TFunction, fieldLabel: (field: string) => string): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const fieldError of fieldErrors) {
    if (messages[fieldError.field]) continue;
    messages[fieldError.field] = translateFieldError(fieldError, t, fieldLabel(fieldError.field));
  }
  return messages;
}

export function translateFieldError(fieldError: FieldError, t: TFunction, label: string): string {
  return t(`validation.${fieldError.code}`, { field: label, ...fieldError.params });
}
