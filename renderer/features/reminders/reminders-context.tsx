/**
 * The reminder plan, computed whenever the data, the reminder settings, the language or the day
 * change, and handed to whoever delivers it: the main process on the desktop, the page itself in
 * a browser. The reminder centre reads the same plan.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain';
import { formatMoney } from '../../../shared/finance';
import { obligationsBetween, type Obligation } from '../../../shared/obligations';
import { deliveryWindow, planReminders, type PlannedReminder } from '../../../shared/reminders';
import { loadReminderSettings, overridesOf, type GlobalReminderSettings } from './db';
import { isDesktop, onReminderAction, sendReminderPlan, showNotification } from '../../platform';
import { renewPolicy } from '../insurance';
import { loadObligationSources, recordPayment } from '../dues';
import { runBrowserReminders } from './browser-reminders';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';

const HORIZON_DAYS = 60;
const SNOOZES_KEY = 'reminderSnoozes';
/** After the main process refused a plan, it is sent again this soon (and at every recomputation). */
const RETRY_HAND_OVER_MS = 60_000;

interface RemindersValue {
  plan: PlannedReminder[];
  obligations: Obligation[];
  global: GlobalReminderSettings | undefined;
  /** Why the last plan did not reach the main process (desktop), or null when it did. */
  handOverProblem: string | null;
  markPaid(obligationKey: string): Promise<void>;
  remindTomorrow(obligationKey: string): Promise<void>;
}

const RemindersContext = createContext<RemindersValue | null>(null);

/** Re-renders at the next hour, so "today" and the plan's window move on while the app stays open. */
function useHourTick(): number {
  const [tick, setTick] = useState(() => Math.floor(Date.now() / 3_600_000));
  useEffect(() => {
    const delay = 3_600_000 - (Date.now() % 3_600_000) + 1_000;
    const timer = setTimeout(() => setTick(Math.floor(Date.now() / 3_600_000)), delay);
    return () => clearTimeout(timer);
  }, [tick]);
  return tick;
}

export function RemindersProvider(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const tick = useHourTick();
  const today = localToday();

  const data = useLiveQuery(async () => {
    const from = addDays(today, -HORIZON_DAYS);
    const to = addDays(today, HORIZON_DAYS);
    const [sources, reminderSettings, snoozeRow] = await Promise.all([loadObligationSources(db, from, to), loadReminderSettings(db), db.settings.get(SNOOZES_KEY)]);
    const obligations = obligationsBetween(sources, from, to, today);
    const snoozes = Array.isArray(snoozeRow?.value) ? (snoozeRow.value as { obligationKey: string; date: string }[]) : [];
    const { global, overrides } = reminderSettings;
    const plan = global.enabled
      ? planReminders(
          obligations,
          {
            ...global,
            overrides: overridesOf(overrides),
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            language: settings.language,
            locale: settings.formatLocale,
            institutionNames: Object.fromEntries(sources.institutions.map((i) => [i.id, i.name])),
            snoozes: snoozes.filter((s) => s.date >= addDays(today, -1)),
          },
          new Date().toISOString(),
          HORIZON_DAYS,
        )
      : [];
    return { plan, obligations, global };
    // `tick` is a dependency on purpose: it recomputes the window as the hours pass.
  }, [db, settings.language, settings.formatLocale, today, tick]);

  const plan = data?.plan;
  const [handOverProblem, setHandOverProblem] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  const texts = {
    digestTitle: t('reminders.digestTitle'),
    markPaid: t('reminders.markPaid'),
    remindTomorrow: t('reminders.remindTomorrow'),
    nextDue: t('reminders.nextDue'),
    nothingDue: t('reminders.nothingDue'),
    pauseHour: t('reminders.pauseHour'),
    pauseTomorrow: t('reminders.pauseTomorrow'),
    resume: t('reminders.resume'),
    startAtLogin: t('reminders.startAtLogin'),
  };
  const textsKey = JSON.stringify(texts);

  useEffect(() => {
    if (!plan || !data) return undefined;
    if (isDesktop()) {
      let current = true;
      let retryTimer: ReturnType<typeof setTimeout> | undefined;
      const nextDues = data.obligations
        .filter((o) => o.status !== 'paid' && o.status !== 'info' && o.dueDate >= today)
        .slice(0, 5)
        .map((o) => ({ label: t('reminders.trayDue', { date: o.dueDate, name: o.title, amount: formatMoney(Math.max(0, o.amount - o.paid), o.currency, settings.formatLocale) }), route: o.route }));
      const generatedAt = new Date().toISOString();
      // Cut to what the main process holds; the hourly recomputation moves the window on.
      const { reminders } = deliveryWindow(plan, generatedAt);
      sendReminderPlan({ generatedAt, reminders, nextDues, texts: JSON.parse(textsKey) as typeof texts }).then(
        () => {
          if (current) setHandOverProblem(null);
        },
        (error: unknown) => {
          // Never dropped: the shell shows it, and the plan goes again shortly.
          if (!current) return;
          // Electron's "Error invoking remote method '…': Error: " says nothing to the user.
          const message = error instanceof Error ? error.message : String(error);
          setHandOverProblem(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
          retryTimer = setTimeout(() => setRetry((n) => n + 1), RETRY_HAND_OVER_MS);
        },
      );
      return () => {
        current = false;
        if (retryTimer) clearTimeout(retryTimer);
      };
    }
    return runBrowserReminders(plan, { db, now: () => Date.now(), show: showNotification, digestTitle: (JSON.parse(textsKey) as typeof texts).digestTitle });
    // Texts are compared by value through textsKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, db, textsKey, retry]);

  const markPaid = async (obligationKey: string) => {
    const due = data?.obligations.find((o) => o.key === obligationKey);
    // A deposit maturing or a cooling-off period ending is information, not a payment.
    if (!due || due.status === 'paid' || due.status === 'info' || due.source === 'account') return;
    // A premium is paid from the policy's paying account, so it reaches the budget as spending.
    const policy = due.source === 'policy' ? await db.policies.get(due.sourceId) : undefined;
    const account = policy?.payingAccountId ? await db.accounts.get(policy.payingAccountId) : undefined;
    // Paying a renewal renews the policy: the renewal premium becomes an ordinary premium.
    const renewedOn = due.kind === 'renewal' ? await renewPolicy(db, due.sourceId) : undefined;
    await recordPayment(db, {
      source: due.source,
      sourceId: due.sourceId,
      // A grace-period end stands for its premium: the payment settles that premium's due date.
      dueDate: renewedOn ?? due.paymentDueDate ?? due.dueDate,
      ...(account && !account.archived && account.currency === due.currency ? { accountId: account.id } : {}),
      paidOn: localToday(),
      amount: Math.max(0, due.amount - due.paid),
      currency: due.currency,
      kind: 'full',
      payee: due.title,
    });
  };
  const remindTomorrow = async (obligationKey: string) => {
    const row = await db.settings.get(SNOOZES_KEY);
    const snoozes = Array.isArray(row?.value) ? (row.value as { obligationKey: string; date: string }[]) : [];
    await db.settings.put({ key: SNOOZES_KEY, value: [...snoozes.filter((s) => s.date >= localToday()), { obligationKey, date: addDays(localToday(), 1) }] });
  };

  // Notification actions chosen on the desktop arrive with the reminder's key.
  useEffect(
    () =>
      onReminderAction((key, action) => {
        const reminder = plan?.find((r) => r.key === key);
        if (!reminder) return;
        void (action === 'mark-paid' ? markPaid(reminder.obligationKey) : remindTomorrow(reminder.obligationKey));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan],
  );

  const value: RemindersValue = { plan: plan ?? [], obligations: data?.obligations ?? [], global: data?.global, handOverProblem, markPaid, remindTomorrow };
  return <RemindersContext.Provider value={value}>{props.children}</RemindersContext.Provider>;
}

export function useReminders(): RemindersValue {
  const value = useContext(RemindersContext);
  if (!value) throw new Error('useReminders outside RemindersProvider');
  return value;
}
