/** Number, money and date formatting through Intl, in the user's chosen format locale. */
import { useMemo } from 'react';
import { formatMoney, minorUnitDigits } from '../../shared/finance';
import { useSettings } from './settings-context';

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
    // Contract rates are shown as written (0.625 %), computed ones to two decimals.
    const rateFormat = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 4 });
    const integerFormat = new Intl.NumberFormat(locale);
    // Instants (a reminder's time, a backup's) in the user's own time zone.
    const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
      /** Chart axes only ("¥1.2M"): rounded on purpose, never for a figure the user reads as exact. */
      compactMoney: (minor: number, currency: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(minor / 10 ** minorUnitDigits(currency)),
      date: (isoDate: string) => dateFormat.format(toUtcDate(isoDate)),
      month: (month: string) => monthFormat.format(toUtcDate(`${month}-01`)),
      percent: (fraction: number) => percentFormat.format(fraction),
      rate: (fraction: number) => rateFormat.format(fraction),
      integer: (value: number) => integerFormat.format(value),
      instant: (iso: string) => instantFormat.format(new Date(iso)),
    };
  }, [locale]);
}
