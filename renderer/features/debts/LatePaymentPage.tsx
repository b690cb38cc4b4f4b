import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CollectionContactSchema, type CollectionContact } from '../../../shared/domain';
import { PageHeader } from '../../components/PageHeader';
import { FormStatus } from '../../components/form/FormPanel';
import { SelectField, TextField } from '../../components/form/fields';
import { useRecordForm } from '../../components/form/useRecordForm';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { localToday } from '../../app/today';
import { loadLatePayments } from './queries';

const CHANNELS = CollectionContactSchema.shape.channel.options;
const SECTIONS = ['cost', 'credit', 'mayNot', 'may', 'can'] as const;

interface ContactDraft {
  debtId: string;
  date: string;
  time: string;
  who: string;
  channel: CollectionContact['channel'];
  summary: string;
}

/**
 * What a late payment costs (from each contract's penalty terms), what happens next, the rules
 * that bind lenders and collectors with their sources, and the user's own log of contacts.
 */
export function LatePaymentPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const today = localToday();
  const data = useLiveQuery(() => loadLatePayments(db, today), [db, today]);

  return (
    <>
      <PageHeader title={t('late.title')} subtitle={t('late.subtitle')} />
      <p className="panel notice">{t('late.disclaimer')}</p>
      <section className="panel" aria-labelledby="late-now">
        <h2 id="late-now">{t('late.nowLate')}</h2>
        {data && data.late.length === 0 ? <p className="hint">{t('late.nothingLate')}</p> : null}
        <ul className="late-list">
          {data?.late.map(({ debt, overdue }) => (
            <li key={debt.id}>
              <Link to={`/debts/${debt.id}`}>{debt.name}</Link>
              <span>
                {t('late.lateRow', {
                  amount: format.money(overdue.amount, debt.currency),
                  days: overdue.days,
                  cost: format.money(overdue.costSoFar, debt.currency),
                  perDay: format.money(overdue.costPerDay, debt.currency),
                })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {SECTIONS.map((section) => (
        <section key={section} className="panel" aria-labelledby={`late-${section}`}>
          <h2 id={`late-${section}`}>{t(`late.${section}Title`)}</h2>
          <ul className="rules">
            {(t(`late.${section}`, { returnObjects: true }) as string[]).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
      {data ? <ContactLog debts={data.debts} contacts={data.contacts} names={data.names} /> : null}
    </>
  );
}

function ContactLog(props: { debts: { id: string; name: string }[]; contacts: CollectionContact[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const format = useFormat();
  const deleteWithUndo = useDeleteWithUndo();
  const { draft, setter: set, errors, status, save: add } = useRecordForm<ContactDraft, CollectionContact>({
    initial: { debtId: props.debts[0]?.id ?? '', date: localToday(), time: '', who: '', channel: 'phone', summary: '' },
    fieldLabel: (field) => t(`late.${field}`, { defaultValue: field }),
    write: (draft) =>
      repositories.collectionContacts.add({
        debtId: draft.debtId,
        date: draft.date,
        ...(draft.time ? { time: draft.time } : {}),
        who: draft.who,
        channel: draft.channel,
        summary: draft.summary,
      }),
    onSaved: () => ({ next: (draft) => ({ ...draft, time: '', who: '', summary: '' }), status: t('late.added') }),
  });

  return (
    <section className="panel form wide" aria-labelledby="contact-log">
      <h2 id="contact-log">{t('late.logTitle')}</h2>
      <p className="hint">{t('late.logIntro')}</p>
      <FormStatus status={status} />
      {props.debts.length > 0 ? (
        <>
          <SelectField label={t('late.debt')} value={draft.debtId} options={props.debts.map((d) => ({ value: d.id, label: d.name }))} onChange={set('debtId')} error={errors.debtId} />
          <div className="field-row three">
            <TextField label={t('late.date')} type="date" value={draft.date} onChange={set('date')} error={errors.date} />
            <TextField label={t('late.time')} type="time" value={draft.time} onChange={set('time')} error={errors.time} />
            <SelectField label={t('late.channel')} value={draft.channel} options={CHANNELS.map((c) => ({ value: c, label: t(`late.channels.${c}`) }))} onChange={set('channel')} />
          </div>
          <TextField label={t('late.who')} value={draft.who} onChange={set('who')} error={errors.who} />
          <TextField label={t('late.summary')} value={draft.summary} onChange={set('summary')} error={errors.summary} />
          <div className="form-actions">
            <button type="button" onClick={() => void add()}>
              {t('late.add')}
            </button>
          </div>
        </>
      ) : null}
      {props.contacts.length === 0 ? (
        <p className="hint">{t('late.empty')}</p>
      ) : (
        <table aria-label={t('late.logTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('late.date')}</th>
              <th scope="col">{t('late.debt')}</th>
              <th scope="col">{t('late.who')}</th>
              <th scope="col">{t('late.channel')}</th>
              <th scope="col">{t('late.summary')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.contacts.map((contact) => (
              <tr key={contact.id}>
                <td>
                  {format.date(contact.date)} {contact.time ?? ''}
                </td>
                <td>{props.names.get(contact.debtId) ?? ''}</td>
                <td>{contact.who}</td>
                <td>{t(`late.channels.${contact.channel}`)}</td>
                <td>{contact.summary}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => void deleteWithUndo({ kind: 'collectionContact', id: contact.id }, t('undo.deletedContact', { date: format.date(contact.date) }))} aria-label={t('late.deleteNamed', { date: format.date(contact.date) })}>
                    {t('late.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
