import type { TFunction } from 'i18next';
import { FinanceInputError, parseMoney } from '../../../shared/finance';

/**
 * Reads a money field the way every form does: "¥1,234.56" pasted or typed, translated
 * messages naming the field when it is empty, not an amount, or not above zero.
 */
export function readMoney(
  text: string,
  currency: string,
  t: TFunction,
  label: string,
  rules: { required?: boolean; positive?: boolean; allowNegative?: boolean } = {},
): { value: number | undefined; error?: string } {
  if (!text.trim()) return rules.required ? { value: undefined, error: t('validation.required', { field: label }) } : { value: undefined };
  try {
    const value = parseMoney(text, currency);
    if (rules.positive && value <= 0) return { value: undefined, error: t('validation.positive', { field: label }) };
    if (!rules.allowNegative && value < 0) return { value: undefined, error: t('validation.negative', { field: label }) };
    return { value };
  } catch (error) {
    if (!(error instanceof FinanceInputError)) throw error;
    const code = error.code === 'too-many-decimals' ? 'too_many_decimals' : error.code === 'out-of-range' ? 'too_large' : 'money';
    return { value: undefined, error: t(`validation.${code}`, { field: label }) };
  }
}
