import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  addDays,
  addMonthsToMonth,
  daysInMonthOf,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  sumByCurrency,
  weekdayIndex,
} from '../../../shared/domain';
import { useDues } from '../dues';
import { PERF_MARKS, useReadyMark } from '../../app/perf';
import { useSettings } from '../../app/settings-context';
import { saveTextFile } from '../../platform';
import { amountShown, amountToPay, remaining, type Due } from '../../../shared/dues';
import { duesCalendarText } from './ics';
import type { Institution } from '../../../shared/domain';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { EmptyPage } from '../../components/EmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../app/format';
import { localToday } from '../../app/today';

/** One month of everything that falls due, across every institution. */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { db } = useSettings();
  const today = localToday();
  const [searchParams, setSearchParams] = useSearchParams();
  // The month is in the URL (#/calendar?month=2026-03) so a reminder or a link can open it.
  const requested = searchParams.get('month');
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : monthOf(today);
  const setMonth = (next: string) => setSearchParams({ month: next }, { replace: true });
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);

  // A year back as well, so anything still late shows on top of whichever month is open.
  const lookBack = addDays(today, -365) < from ? addDays(today, -365) : from;
  const data = useDues({ from: lookBack, to }, today);
  useReadyMark(PERF_MARKS.calendarReady, data !== undefined);
  const inMonth = (data?.dues ?? []).filter((o) => o.dueDate >= from);
  const lateBefore = (data?.dues ?? []).filter((o) => o.dueDate < from && o.status === 'overdue');
  // A grace-period end restates an unpaid premium already listed: amountToPay counts it once.
  const monthTotal = sumByCurrency(inMonth, amountToPay);
  const money = (pairs: [string, number][]) => pairs.map(([currency, amount]) => format.money(amount, currency)).join(' + ');
  // The agenda: late items first, then the month week by week (weeks start on Monday).
  const weeks = new Map<string, Due[]>();
  for (const item of inMonth.filter((o) => o.status !== 'overdue')) {
    const monday = addDays(item.dueDate, -weekdayIndex(item.dueDate));
    weeks.set(monday, [...(weeks.get(monday) ?? []), item]);
  }
  const overdueItems = [...lateBefore, ...inMonth.filter((o) => o.status === 'overdue')];

  /** The next twelve months of dues as an .ics file, with alarms at the user's lead times. */
  const exportIcs = async () => {
    const text = await duesCalendarText(db, today, {
      now: new Date().toISOString(),
      describe: (due, lender) => ({
        summary: t('calendar.icsSummary', { name: due.title, amount: format.money(remaining(due), due.currency) }),
        description: t('calendar.icsDescription', { kind: t(`calendar.kind.${due.kind}`), lender, date: format.date(due.dueDate) }),
      }),
    });
    await saveTextFile(`clearday-dues-${today}.ics`, text, ['ics']);
  };

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
            ? t('calendar.monthTotal', { month: format.month(month), total: money(monthTotal) })
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
            <button type="button" className="secondary" onClick={() => void exportIcs()}>
              {t('calendar.exportIcs')}
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
            const items = inMonth.filter((item) => item.dueDate === date);
            const dayTotal = sumByCurrency(items, amountToPay);
            return (
              <div role="gridcell" key={date} className={`calendar-cell${date === today ? ' today' : ''}`} aria-label={format.date(date)}>
                <span className="calendar-day">{Number(date.slice(8))}</span>
                {items.length > 1 && dayTotal.some(([, amount]) => amount > 0) ? <span className="calendar-day-total">{t('calendar.dayTotal', { total: money(dayTotal) })}</span> : null}
                {items.map((item) => (
                  <span
                    key={item.key}
                    className={`calendar-item status-${item.status}`}
                    style={{ borderLeftColor: data?.institutions.get(item.institutionId ?? '')?.color ?? 'var(--muted)' }}
                    title={`${t(`calendar.kind.${item.kind}`)} · ${t(`calendar.status.${item.status}`)}`}
                  >
                    <span>{item.title}</span>
                    {item.status !== 'info' ? <span className="calendar-amount">{format.money(amountShown(item), item.currency)}</span> : null}
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
      <section className="panel" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('calendar.agenda')}</h2>
        {overdueItems.length === 0 && weeks.size === 0 ? <p className="hint">{t('calendar.nothingThisMonth')}</p> : null}
        {overdueItems.length > 0 ? (
          <AgendaGroup title={t('calendar.lateGroup')} total={money(sumByCurrency(overdueItems, amountToPay))} items={overdueItems} institutions={data?.institutions} late />
        ) : null}
        {[...weeks.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([monday, items]) => (
            <AgendaGroup
              key={monday}
              title={t('calendar.week', { from: format.date(monday < from ? from : monday), to: format.date(addDays(monday, 6) > to ? to : addDays(monday, 6)) })}
              total={money(sumByCurrency(items, amountToPay))}
              items={items}
              institutions={data?.institutions}
            />
          ))}
      </section>
    </>
  );
}

function AgendaGroup(props: { title: string; total: string; items: Due[]; institutions: Map<string, Institution> | undefined; late?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={`agenda-group${props.late ? ' late' : ''}`}>
      <div className="agenda-header">
        <span>{props.title}</span>
        <span className="num">{t('calendar.groupTotal', { total: props.total })}</span>
      </div>
      <table className="agenda" aria-label={props.title}>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.key} className={`status-${item.status}`}>
            <td className="agenda-date">{format.date(item.dueDate)}</td>
            <td>
              <InstitutionBadge institution={props.institutions?.get(item.institutionId ?? '')} />
            </td>
            <td>
              <Link to={item.route}>{item.title}</Link>
            </td>
            <td>{t(`calendar.kind.${item.kind}`)}</td>
            <td>{t(`calendar.status.${item.status}`)}</td>
            <td className="num">{item.status === 'info' ? '' : format.money(amountShown(item), item.currency)}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </div>
  );
}
