import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const COMMON_CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'JPY', 'GBP'];

/** Every ISO 4217 code the runtime knows, common ones first, named in the UI language. */
export function useCurrencyOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : COMMON_CURRENCIES;
    const codes = [...COMMON_CURRENCIES, ...known.filter((code) => !COMMON_CURRENCIES.includes(code))];
    return codes.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
  }, [i18n.language]);
}
