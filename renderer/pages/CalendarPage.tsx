import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  daysInMonthOf,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  weekdayIndex,
  type RecurringBill,
} from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';
import { localToday } from '../app/today';

interface CalendarItem {
  id: string;
  date: string;
  label: string;
  amount?: number;
  currency: string;
  kind: 'statement' | 'bill' | 'deposit' | 'renewal';
  color: string;
}

/** Dates of a recurring bill that fall inside [from, to]. */
function billDates(bill: RecurringBill, from: string, to: string): string[] {
  const dates: string[] = [];
  let date = bill.nextDate;
  for (let step = 1; date <= to && step < 500; step += 1) {
    if (date >= from) dates.push(date);
    const r = bill.recurrence;
    date =
      r.kind === 'every-n-weeks'
        ? addDays(bill.nextDate, step * 7 * r.weeks)
        : addMonths(bill.nextDate, step * (r.kind === 'monthly' ? 1 : r.kind === 'quarterly' ? 3 : 12));
  }
  return dates;
}

/** One month of everything that falls due, across every institution. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const today = localToday();
  const [month, setMonth] = useState(monthOf(today));
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);

  const data = useLiveQuery(async () => {
    const [statements, debts, institutions, bills, accounts, policies, debtCount] = await Promise.all([
      db.statements.where('dueDate').between(from, to, true, true).toArray(),
      db.debts.toArray(),
      db.institutions.toArray(),
      db.recurringBills.filter((b) => !b.archived).toArray(),
      db.accounts.filter((a) => a.kind === 'fixed-deposit' && !a.archived).toArray(),
      db.policies.filter((p) => !p.archived && p.renewalDate !== undefined).toArray(),
      db.debts.count(),
    ]);
    const debtsById = new Map(debts.map((d) => [d.id, d]));
    const colorOf = new Map(institutions.map((i) => [i.id, i.color]));
    const items: CalendarItem[] = [];
    for (const s of statements) {
      const debt = debtsById.get(s.debtId);
      if (!debt || debt.archived) continue;
      items.push({ id: s.id, date: s.dueDate, label: debt.name, amount: s.balance, currency: debt.currency, kind: 'statement', color: colorOf.get(debt.institutionId) ?? '#6b7280' });
    }
    for (const bill of bills) {
      for (const date of billDates(bill, from, to)) {
        items.push({ id: `${bill.id}-${date}`, date, label: bill.name, amount: bill.amount, currency: bill.currency, kind: 'bill', color: '#7c3aed' });
      }
    }
    for (const account of accounts) {
      const maturity = account.fixedDeposit?.maturityDate;
      if (maturity && maturity >= from && maturity <= to) {
        items.push({ id: account.id, date: maturity, label: account.name, currency: account.currency, kind: 'deposit', color: colorOf.get(account.institutionId ?? '') ?? '#0891b2' });
      }
    }
    for (const policy of policies) {
      if (policy.renewalDate && policy.renewalDate >= from && policy.renewalDate <= to) {
        items.push({ id: policy.id, date: policy.renewalDate, label: policy.productName, amount: policy.premium, currency: policy.currency, kind: 'renewal', color: colorOf.get(policy.insurerId) ?? '#0891b2' });
      }
    }
    items.sort((a, b) => a.date.localeCompare(b.date));
    return { items, hasAnything: debtCount > 0 || bills.length > 0 || policies.length > 0 };
  }, [db, from, to]);

  if (data && !data.hasAnything) {
    return <EmptyPage section="calendar" />;
  }

  const leadingBlanks = weekdayIndex(from);
  const days = Array.from({ length: daysInMonthOf(month) }, (_, i) => addDays(from, i));
  const weekdays = Array.from({ length: 7 }, (_, i) => t(`calendar.weekday.${i}`));

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={format.month(month)}
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
            const items = data?.items.filter((item) => item.date === date) ?? [];
            return (
              <div role="gridcell" key={date} className={`calendar-cell${date === today ? ' today' : ''}`} aria-label={format.date(date)}>
                <span className="calendar-day">{Number(date.slice(8))}</span>
                {items.map((item) => (
                  <span key={item.id} className="calendar-item" style={{ borderLeftColor: item.color }} title={t(`calendar.kind.${item.kind}`)}>
                    <span>{item.label}</span>
                    {item.amount !== undefined ? <span className="calendar-amount">{format.money(item.amount, item.currency)}</span> : null}
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
