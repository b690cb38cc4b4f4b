import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormStatus } from '../../components/form/FormPanel';
import { SelectField, TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { useSettings } from '../../app/settings-context';
import { DEFAULT_REMINDERS, saveItemReminders } from './db';

type Choice = 'default' | 'off' | 'own';

/** Reminders for one item: the defaults, none at all, or its own days before. */
export function ItemReminders(props: { itemKey: string }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  // Wrapped so that "still loading" (undefined) differs from "no override" ({ row: undefined }).
  const data = useLiveQuery(async () => ({ row: await db.reminderSettings.get(props.itemKey) }), [db, props.itemKey]);
  // Kept here: saving changes the row, which starts the form over, and the confirmation must stay.
  const [saved, setSaved] = useState('');
  if (!data) return null;
  const { row } = data;
  const choice: Choice = !row ? 'default' : row.enabled ? 'own' : 'off';
  return <ItemRemindersForm key={`${choice}-${row?.updatedAt ?? ''}`} itemKey={props.itemKey} initial={choice} initialDays={row?.preferences?.leadDays ?? DEFAULT_REMINDERS.leadDays} label={t('itemReminders.title')} saved={saved} onSaved={setSaved} />;
}

function ItemRemindersForm(props: { itemKey: string; initial: Choice; initialDays: number[]; label: string; saved: string; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const { draft, setter, errors, save } = useRecordForm<{ choice: Choice; days: string }>({
    initial: { choice: props.initial, days: props.initialDays.join(', ') },
    write: async ({ choice, days }) => {
      if (choice === 'own') {
        const parts = days.split(/[,，\s]+/).filter(Boolean);
        if (parts.length === 0 || parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > 60)) return invalid({ days: t('reminderCentre.customInvalid') });
        await saveItemReminders(db, props.itemKey, { enabled: true, leadDays: parts.map(Number) });
      } else {
        await saveItemReminders(db, props.itemKey, choice === 'off' ? { enabled: false } : null);
      }
    },
    onSaved: () => props.onSaved(t('settings.saved')),
  });
  const { choice } = draft;

  return (
    <section className="panel form" aria-labelledby={`reminders-${props.itemKey}`}>
      <h2 id={`reminders-${props.itemKey}`}>{props.label}</h2>
      <FormStatus status={props.saved} />
      <SelectField
        label={t('itemReminders.choice')}
        value={choice}
        options={(['default', 'off', 'own'] as const).map((c) => ({ value: c, label: t(`itemReminders.choices.${c}`) }))}
        onChange={setter('choice')}
      />
      {choice === 'own' ? <TextField label={t('itemReminders.days')} value={draft.days} onChange={setter('days')} error={errors.days} hint={t('reminderCentre.customHint')} /> : null}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void save()}>
          {t('common.save')}
        </button>
      </div>
    </section>
  );
}
