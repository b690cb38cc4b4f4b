import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  addDays,
  addMonthsToMonth,
  daysInMonthOf,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  sumByCurrency,
  weekdayIndex,
} from '../../shared/domain';
import { useObligations } from '../app/useObligations';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../app/format';
import { localToday } from '../app/today';

/** One month of everything that falls due, across every institution. */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = localToday();
  const [searchParams, setSearchParams] = useSearchParams();
  // The month is in the URL (#/calendar?month=2026-03) so a reminder or a link can open it.
  const requested = searchParams.get('month');
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : monthOf(today);
  const setMonth = (next: string) => setSearchParams({ month: next }, { replace: true });
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);

  const data = useObligations(from, to, today);
  const monthTotal = sumByCurrency((data?.obligations ?? []).filter((o) => o.status !== 'info'), (o) => o.amount - o.paid);

  if (data && !data.hasSources) {
    return <EmptyPage section="calendar" />;
  }

  const leadingBlanks = weekdayIndex(from);
  const days = Array.from({ length: daysInMonthOf(month) }, (_, i) => addDays(from, i));
  const weekdays = Array.from({ length: 7 }, (_, i) => t(`calendar.weekday.${i}`));

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={
          monthTotal.length > 0
            ? t('calendar.monthTotal', { month: format.month(month), total: monthTotal.map(([currency, amount]) => format.money(amount, currency)).join(' + ') })
            : format.month(month)
        }
        actions={
          <>
            <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, -1))}>
              {t('calendar.previous')}
            </button>
            <button type="button" className="secondary" onClick={() => setMonth(monthOf(today))}>
              {t('calendar.today')}
            </button>
            <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, 1))}>
              {t('calendar.next')}
            </button>
          </>
        }
      />
      <div className="calendar-grid" role="grid" aria-label={format.month(month)}>
        <div role="row" className="calendar-row header">
          {weekdays.map((name) => (
            <div role="columnheader" key={name} className="calendar-weekday">
              {name}
            </div>
          ))}
        </div>
        <div role="row" className="calendar-row">
          {Array.from({ length: leadingBlanks }, (_, i) => (
            <div key={`blank-${i}`} className="calendar-cell blank" aria-hidden="true" />
          ))}
          {days.map((date) => {
            const items = data?.obligations.filter((item) => item.dueDate === date) ?? [];
            return (
              <div role="gridcell" key={date} className={`calendar-cell${date === today ? ' today' : ''}`} aria-label={format.date(date)}>
                <span className="calendar-day">{Number(date.slice(8))}</span>
                {items.map((item) => (
                  <span
                    key={item.key}
                    className={`calendar-item status-${item.status}`}
                    style={{ borderLeftColor: data?.institutions.get(item.institutionId ?? '')?.color ?? 'var(--muted)' }}
                    title={`${t(`calendar.kind.${item.kind}`)} · ${t(`calendar.status.${item.status}`)}`}
                  >
                    <span>{item.title}</span>
                    {item.status !== 'info' ? <span className="calendar-amount">{format.money(item.amount, item.currency)}</span> : null}
                  </span>
                ))}
              </div>
            );
          })}
          {Array.from({ length: (7 - ((leadingBlanks + days.length) % 7)) % 7 }, (_, i) => (
            <div key={`trailing-${i}`} className="calendar-cell blank" aria-hidden="true" />
          ))}
        </div>
      </div>
    </>
  );
}
