import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEAD_DAYS_CHOICES } from '../../../shared/domain';
import { deliveryHistory } from '../../../shared/reminders';
import { PageHeader } from '../../components/PageHeader';
import { FormStatus } from '../../components/form/FormPanel';
import { CheckboxField, TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { useFormat } from '../../app/format';
import { useReminders } from './reminders-context';
import { useSettings } from '../../app/settings-context';
import { saveGlobalReminders, type GlobalReminderSettings } from './db';
import { getReminderState, onRemindersChanged, pauseReminders, setStartAtLogin, type ReminderState } from '../../platform';

/** The reminder centre: what is coming, what was shown, and how reminders behave. */
export function RemindersPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const { plan, global, markPaid, remindTomorrow } = useReminders();
  const [desktopState, setDesktopState] = useState<ReminderState | null>(null);
  const browserLog = useLiveQuery(() => db.reminderLog.orderBy('deliveredAt').reverse().limit(50).toArray(), [db]);
  useEffect(() => {
    const load = () => void getReminderState().then(setDesktopState);
    load();
    return onRemindersChanged(load);
  }, []);

  const nowIso = new Date().toISOString();
  const delivered = new Set([...(desktopState?.delivered ?? []).map((d) => d.key), ...(browserLog ?? []).map((d) => d.key)]);
  const upcoming = plan.filter((r) => r.fireAt >= nowIso || !delivered.has(r.key)).slice(0, 30);
  const history = deliveryHistory(desktopState ? desktopState.delivered.map((d) => ({ key: d.key, deliveredAt: d.deliveredAt, title: d.title, route: d.route, digest: d.digest })) : (browserLog ?? []));
  const instant = format.instant;

  return (
    <>
      <PageHeader title={t('reminderCentre.title')} subtitle={t('reminderCentre.subtitle')} />
      <section className="panel" aria-labelledby="upcoming-reminders">
        <h2 id="upcoming-reminders">{t('reminderCentre.upcoming')}</h2>
        {upcoming.length === 0 ? <p className="hint">{t('reminderCentre.noneUpcoming')}</p> : null}
        <ul className="reminder-list">
          {upcoming.map((reminder) => (
            <li key={reminder.key} className={`reminder ${reminder.kind}`}>
              <div>
                <Link to={reminder.route}>{reminder.title}</Link>
                <p className="hint">
                  {reminder.body} · {t('reminderCentre.at', { time: instant(reminder.fireAt) })}
                </p>
              </div>
              <div className="row-actions">
                <button type="button" className="secondary" onClick={() => void markPaid(reminder.dueKey)} aria-label={t('reminderCentre.markPaidNamed', { name: reminder.title })}>
                  {t('reminders.markPaid')}
                </button>
                <button type="button" className="secondary" onClick={() => void remindTomorrow(reminder.dueKey)} aria-label={t('reminderCentre.snoozeNamed', { name: reminder.title })}>
                  {t('reminders.remindTomorrow')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="delivered-reminders">
        <h2 id="delivered-reminders">{t('reminderCentre.delivered')}</h2>
        {history.length === 0 ? <p className="hint">{t('reminderCentre.noneDelivered')}</p> : null}
        <ul className="reminder-list">
          {history.map((entry) => (
            <li key={entry.key}>
              <Link to={entry.route}>{entry.title}</Link>
              <span className="hint">{instant(entry.deliveredAt)}</span>
            </li>
          ))}
        </ul>
      </section>
      {global ? <ReminderSettingsForm key={JSON.stringify(global)} initial={global} desktopState={desktopState} /> : null}
    </>
  );
}

function ReminderSettingsForm(props: { initial: GlobalReminderSettings; desktopState: ReminderState | null }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  // The typed custom days: a field of its own, read into leadDays when saving.
  const [custom, setCustom] = useState(props.initial.leadDays.filter((d) => !(LEAD_DAYS_CHOICES as readonly number[]).includes(d)).join(', '));
  const { draft, update: setDraft, errors, status, save } = useRecordForm<GlobalReminderSettings>({
    initial: props.initial,
    write: async (draft) => {
      const customDays = custom.split(/[,，\s]+/).filter(Boolean);
      if (customDays.some((text) => !/^\d{1,2}$/.test(text) || Number(text) > 60)) {
        return invalid({ custom: t('reminderCentre.customInvalid') });
      }
      const leadDays = [...draft.leadDays.filter((d) => (LEAD_DAYS_CHOICES as readonly number[]).includes(d)), ...customDays.map(Number)];
      const maxDays = Number(draft.overdue.maxDays);
      if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > 90) return invalid({ maxDays: t('reminderCentre.maxDaysInvalid') });
      try {
        await saveGlobalReminders(db, { ...draft, leadDays, overdue: { ...draft.overdue, maxDays } });
      } catch {
        // The settings' one free-form field the checks above leave to the schema.
        return invalid({ time: t('validation.time', { field: t('reminderCentre.timeOfDay') }) });
      }
    },
    onSaved: () => ({ status: t('settings.saved') }),
  });
  const toggleLead = (days: number, on: boolean) => setDraft((d) => ({ ...d, leadDays: on ? [...d.leadDays, days] : d.leadDays.filter((x) => x !== days) }));
  const pausedUntil = props.desktopState?.pausedUntil ?? draft.pausedUntil;

  return (
    <section className="panel form wide" aria-labelledby="reminder-settings">
      <h2 id="reminder-settings">{t('reminderCentre.settings')}</h2>
      <FormStatus status={status} />
      <CheckboxField label={t('reminderCentre.enabled')} checked={draft.enabled} onChange={(enabled) => setDraft((d) => ({ ...d, enabled }))} />
      <fieldset>
        <legend>{t('reminderCentre.when')}</legend>
        {LEAD_DAYS_CHOICES.map((days) => (
          <CheckboxField key={days} label={t(`reminderCentre.lead.${days}`)} checked={draft.leadDays.includes(days)} onChange={(on) => toggleLead(days, on)} />
        ))}
        <TextField label={t('reminderCentre.custom')} value={custom} onChange={setCustom} error={errors.custom} hint={t('reminderCentre.customHint')} />
        <TextField label={t('reminderCentre.timeOfDay')} type="time" value={draft.timeOfDay} onChange={(timeOfDay) => setDraft((d) => ({ ...d, timeOfDay }))} error={errors.time} />
      </fieldset>
      <fieldset>
        <legend>{t('reminderCentre.lateTitle')}</legend>
        <CheckboxField label={t('reminderCentre.overdue')} checked={draft.overdue.enabled} onChange={(enabled) => setDraft((d) => ({ ...d, overdue: { ...d.overdue, enabled } }))} />
        <TextField
          label={t('reminderCentre.maxDays')}
          value={String(draft.overdue.maxDays)}
          onChange={(text) => setDraft((d) => ({ ...d, overdue: { ...d.overdue, maxDays: Number(text) } }))}
          inputMode="numeric"
          error={errors.maxDays}
        />
      </fieldset>
      <fieldset>
        <legend>{t('reminderCentre.quiet')}</legend>
        <CheckboxField label={t('reminderCentre.quietEnabled')} checked={draft.quietHours.enabled} onChange={(enabled) => setDraft((d) => ({ ...d, quietHours: { ...d.quietHours, enabled } }))} />
        <div className="field-row">
          <TextField label={t('reminderCentre.quietStart')} type="time" value={draft.quietHours.start} onChange={(start) => setDraft((d) => ({ ...d, quietHours: { ...d.quietHours, start } }))} />
          <TextField label={t('reminderCentre.quietEnd')} type="time" value={draft.quietHours.end} onChange={(end) => setDraft((d) => ({ ...d, quietHours: { ...d.quietHours, end } }))} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('reminderCentre.pause')}</legend>
        <p className="hint">{pausedUntil && pausedUntil > new Date().toISOString() ? t('reminderCentre.pausedUntil', { time: new Date(pausedUntil).toLocaleString() }) : t('reminderCentre.notPaused')}</p>
        <div className="form-actions">
          {[1, 24].map((hours) => (
            <button
              key={hours}
              type="button"
              className="secondary"
              onClick={() => {
                const next = { ...draft, pausedUntil: new Date(Date.now() + hours * 3_600_000).toISOString() };
                setDraft(() => next);
                void saveGlobalReminders(db, next);
                void pauseReminders(next.pausedUntil);
              }}
            >
              {t(`reminderCentre.pauseFor.${hours}`)}
            </button>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const { pausedUntil: _resumed, ...next } = draft;
              setDraft(() => next);
              void saveGlobalReminders(db, next);
              void pauseReminders(null);
            }}
          >
            {t('reminders.resume')}
          </button>
        </div>
      </fieldset>
      {props.desktopState?.startAtLoginSupported ? (
        <CheckboxField label={t('reminders.startAtLogin')} checked={props.desktopState.startAtLogin} onChange={(enabled) => void setStartAtLogin(enabled)} />
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => void save()}>
          {t('common.save')}
        </button>
      </div>
    </section>
  );
}
