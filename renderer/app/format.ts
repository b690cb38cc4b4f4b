/** Number, money and date formatting through Intl, in the user's chosen format locale. */
import { useMemo } from 'react';
import { useSettings } from './settings-context';

const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function formatMinor(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  // Division is for display only; the stored value stays an integer.
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minor / 10 ** digits,
  );
}

function toUtcDate(isoDate: string): Date {
  return new Date(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10) || '1')));
}

export function useFormat() {
  const { settings } = useSettings();
  const locale = settings.formatLocale;
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const integerFormat = new Intl.NumberFormat(locale);
    return {
      locale,
      money: (minor: number, currency: string) => formatMinor(minor, currency, locale),
      date: (isoDate: string) => dateFormat.format(toUtcDate(isoDate)),
      month: (month: string) => monthFormat.format(toUtcDate(`${month}-01`)),
      percent: (fraction: number) => percentFormat.format(fraction),
      integer: (value: number) => integerFormat.format(value),
    };
  }, [locale]);
}
