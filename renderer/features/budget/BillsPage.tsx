import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecurringBill } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import type { Due } from '../../../shared/dues';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { categoryName } from '../../components/categoryName';
import { useCurrencyOptions } from '../../components/form/currency';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { postRecurringBill } from './db';
import { loadBillLookups, loadBills } from './queries';
import { FormPanel } from '../../components/form/FormPanel';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';

type RecurrenceKind = RecurringBill['recurrence']['kind'];
const RECURRENCES: RecurrenceKind[] = ['monthly', 'quarterly', 'yearly', 'every-n-weeks'];

interface Draft {
  id?: string;
  /** The stored row this draft was made from, as the form opened it: what saveEdit compares with. */
  base?: RecurringBill;
  name: string;
  amount: string;
  currency: string;
  recurrence: RecurrenceKind;
  weeks: string;
  nextDate: string;
  accountId: string;
  categoryId: string;
  archived: boolean;
}

function draftOf(bill: RecurringBill | undefined, currency: string): Draft {
  if (!bill) return { name: '', amount: '', currency, recurrence: 'monthly', weeks: '2', nextDate: localToday(), accountId: '', categoryId: '', archived: false };
  return {
    id: bill.id,
    base: bill,
    name: bill.name,
    amount: decimalText(bill.amount, bill.currency),
    currency: bill.currency,
    recurrence: bill.recurrence.kind,
    weeks: bill.recurrence.kind === 'every-n-weeks' ? String(bill.recurrence.weeks) : '2',
    nextDate: bill.nextDate,
    accountId: bill.accountId ?? '',
    categoryId: bill.categoryId ?? '',
    archived: bill.archived,
  };
}

function BillForm(props: { initial: Draft; onDone(): void }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const currencies = useCurrencyOptions();
  const lookups = useLiveQuery(() => loadBillLookups(db), [db]);
  const label = (field: string) => t(`bills.field.${field}`);
  const { draft, set, errors, problem, save } = useRecordForm<Draft, RecurringBill>({
    initial: props.initial,
    fieldLabel: (field) => label(field.split('.')[0] ?? field),
    write: (draft) => {
      const amount = readMoney(draft.amount, draft.currency, t, label('amount'), { required: true, positive: true });
      const weeks = Number(draft.weeks);
      const messages: Record<string, string> = {};
      if (amount.error) messages.amount = amount.error;
      if (draft.recurrence === 'every-n-weeks' && !(Number.isInteger(weeks) && weeks >= 1 && weeks <= 52)) messages.weeks = t('validation.too_big', { field: label('weeks'), maximum: 52 });
      if (Object.keys(messages).length > 0 || amount.value === undefined) return invalid(messages);
      const row = {
        name: draft.name,
        amount: amount.value,
        currency: draft.currency,
        recurrence: draft.recurrence === 'every-n-weeks' ? { kind: 'every-n-weeks' as const, weeks } : { kind: draft.recurrence },
        nextDate: draft.nextDate,
        ...(draft.accountId ? { accountId: draft.accountId } : {}),
        ...(draft.categoryId ? { categoryId: draft.categoryId } : {}),
        archived: draft.archived,
      };
      return draft.id ? repositories.recurringBills.saveEdit(draft.id, row, props.initial.base) : repositories.recurringBills.add(row);
    },
    onSaved: () => props.onDone(),
  });

  return (
    <FormPanel title={draft.id ? t('bills.editTitle') : t('bills.addTitle')} onSave={save} onCancel={props.onDone} problem={problem}>
      <div className="form-grid">
        <TextField label={label('name')} value={draft.name} onChange={(name) => set({ name })} error={errors.name} autoFocus />
        <TextField label={label('amount')} value={draft.amount} inputMode="decimal" onChange={(amount) => set({ amount })} error={errors.amount} />
        <SelectField label={label('currency')} value={draft.currency} options={currencies} onChange={(currency) => set({ currency })} />
        <SelectField label={label('recurrence')} value={draft.recurrence} options={RECURRENCES.map((kind) => ({ value: kind, label: t(`bills.recurrence.${kind}`) }))} onChange={(recurrence) => set({ recurrence })} />
        {draft.recurrence === 'every-n-weeks' ? <TextField label={label('weeks')} value={draft.weeks} inputMode="numeric" onChange={(weeks) => set({ weeks })} error={errors.weeks} /> : null}
        <TextField label={label('nextDate')} type="date" value={draft.nextDate} onChange={(nextDate) => set({ nextDate })} error={errors.nextDate} hint={t('bills.nextDateHint')} />
        <SelectField
          label={label('account')}
          value={draft.accountId}
          options={[{ value: '', label: t('bills.noAccount') }, ...(lookups?.accounts ?? []).filter((a) => !a.archived).map((a) => ({ value: a.id, label: a.name }))]}
          onChange={(accountId) => set({ accountId })}
        />
        <SelectField
          label={label('category')}
          value={draft.categoryId}
          options={[{ value: '', label: t('transactions.uncategorized') }, ...(lookups?.categories ?? []).filter((c) => c.kind === 'expense' && !c.archived).map((c) => ({ value: c.id, label: categoryName(c, t) }))]}
          onChange={(categoryId) => set({ categoryId })}
        />
        {draft.id ? <CheckboxField label={label('archived')} checked={draft.archived} onChange={(archived) => set({ archived })} /> : null}
      </div>
    </FormPanel>
  );
}

/** Rent, utilities, phone, memberships: each one a due in the calendar and the reminders. */
export function BillsPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const today = localToday();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [status, setStatus] = useState('');

  const data = useLiveQuery(() => loadBills(db, { today, currency: settings.baseCurrency }), [db, today, settings.baseCurrency]);

  const markPaid = async (bill: RecurringBill, due: Due) => {
    await postRecurringBill(db, bill, due.dueDate, today);
    setStatus(t('bills.posted', { name: bill.name, date: format.date(due.dueDate) }));
  };

  const add = () => setEditing(draftOf(undefined, settings.baseCurrency));

  return (
    <>
      <PageHeader
        title={t('bills.title')}
        subtitle={data && data.bills.length > 0 ? t('bills.monthlyTotal', { amount: format.money(data.monthlyTotal, settings.baseCurrency) }) : undefined}
        actions={
          <>
            <Link className="button secondary" to="/budget">
              {t('categories.backToBudget')}
            </Link>
            <button type="button" onClick={add}>
              {t('bills.add')}
            </button>
          </>
        }
      />
      {editing ? <BillForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} /> : null}
      <p className="status ok" role="status">
        {status}
      </p>
      {data && data.bills.length === 0 && !editing ? (
        <EmptyState title={t('bills.empty.title')} description={t('bills.empty.description')}>
          <button type="button" onClick={add}>
            {t('bills.add')}
          </button>
        </EmptyState>
      ) : null}
      {data && data.bills.length > 0 ? (
        <table className="panel">
          <thead>
            <tr>
              <th scope="col">{t('bills.field.name')}</th>
              <th scope="col" className="num">
                {t('bills.field.amount')}
              </th>
              <th scope="col">{t('bills.field.recurrence')}</th>
              <th scope="col">{t('bills.nextDue')}</th>
              <th scope="col">{t('bills.field.account')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.bills.map((bill) => {
              const due = data.nextDue.get(bill.id);
              return (
                <tr key={bill.id} className={bill.archived ? 'archived' : due?.status === 'overdue' ? 'overdue' : undefined}>
                  <th scope="row">
                    {bill.name}
                    <span className="hint"> {categoryName(bill.categoryId ? data.categories.get(bill.categoryId) : undefined, t)}</span>
                  </th>
                  <td className="num">{format.money(bill.amount, bill.currency)}</td>
                  <td>{bill.recurrence.kind === 'every-n-weeks' ? t('bills.everyWeeks', { count: bill.recurrence.weeks }) : t(`bills.recurrence.${bill.recurrence.kind}`)}</td>
                  <td>
                    {bill.archived ? t('bills.stopped') : due ? format.date(due.dueDate) : ''}
                    {due?.status === 'overdue' && !bill.archived ? <span className="warning-tag">{t('bills.late')}</span> : null}
                  </td>
                  <td>{bill.accountId ? data.accounts.get(bill.accountId) : t('bills.noAccount')}</td>
                  <td className="row-actions">
                    {due && !bill.archived ? (
                      <button type="button" onClick={() => void markPaid(bill, due)} aria-label={t('bills.markPaidNamed', { name: bill.name, date: format.date(due.dueDate) })}>
                        {t('bills.markPaid')}
                      </button>
                    ) : null}
                    <button type="button" className="secondary" onClick={() => setEditing(draftOf(bill, settings.baseCurrency))} aria-label={t('bills.editNamed', { name: bill.name })}>
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
