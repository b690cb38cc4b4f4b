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
import { fullSettlement, isPayable, nextOpenDues, remaining, type Due } from '../../../shared/dues';
import { deliveryWindow, type PlannedReminder } from '../../../shared/reminders';
import type { GlobalReminderSettings } from './db';
import { loadReminderPlan } from './queries';
import { isDesktop, onReminderAction, sendReminderPlan, showNotification } from '../../platform';
import { renewPolicy } from '../insurance';
import { postRecurringBill } from '../budget';
import { recordPayment } from '../dues';
import { runBrowserReminders } from './browser-reminders';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { readSetting, writeSetting } from '../../db/settings';

/** After the main process refused a plan, it is sent again this soon (and at every recomputation). */
const RETRY_HAND_OVER_MS = 60_000;

interface RemindersValue {
  plan: PlannedReminder[];
  dues: Due[];
  global: GlobalReminderSettings | undefined;
  /** Why the last plan did not reach the main process (desktop), or null when it did. */
  handOverProblem: string | null;
  markPaid(dueKey: string): Promise<void>;
  remindTomorrow(dueKey: string): Promise<void>;
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

  const data = useLiveQuery(
    () => loadReminderPlan(db, { today, now: new Date().toISOString(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, language: settings.language, locale: settings.formatLocale }),
    // `tick` is a dependency on purpose: it recomputes the window as the hours pass.
    [db, settings.language, settings.formatLocale, today, tick],
  );

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
      const nextDues = nextOpenDues(data.dues, today)
        .slice(0, 5)
        .map((due) => ({ label: t('reminders.trayDue', { date: due.dueDate, name: due.title, amount: formatMoney(remaining(due), due.currency, settings.formatLocale) }), route: due.route }));
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

  const markPaid = async (dueKey: string) => {
    const due = data?.dues.find((o) => o.key === dueKey);
    if (!due || !isPayable(due)) return;
    // A bill is paid as the bills page pays it: with its spending, from its own account.
    if (due.source === 'bill') {
      const bill = await db.recurringBills.get(due.sourceId);
      if (bill) await postRecurringBill(db, bill, due.dueDate, localToday());
      return;
    }
    const policy = due.source === 'policy' ? await db.policies.get(due.sourceId) : undefined;
    const payingAccount = policy?.payingAccountId ? await db.accounts.get(policy.payingAccountId) : undefined;
    // Paying a renewal renews the policy first: the renewal premium becomes an ordinary premium.
    const renewedOn = due.kind === 'renewal' ? await renewPolicy(db, due.sourceId) : undefined;
    const settlement = fullSettlement(due, localToday(), { payingAccount, renewedOn });
    if (settlement) await recordPayment(db, settlement);
  };
  const remindTomorrow = async (dueKey: string) => {
    await db.transaction('rw', db.settings, async () => {
      const snoozes = await readSetting(db, 'reminderSnoozes');
      await writeSetting(db, 'reminderSnoozes', [...snoozes.filter((s) => s.date >= localToday()), { dueKey, date: addDays(localToday(), 1) }]);
    });
  };

  // Notification actions chosen on the desktop arrive with the reminder's key.
  useEffect(
    () =>
      onReminderAction((key, action) => {
        const reminder = plan?.find((r) => r.key === key);
        if (!reminder) return;
        void (action === 'mark-paid' ? markPaid(reminder.dueKey) : remindTomorrow(reminder.dueKey));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan],
  );

  const value: RemindersValue = { plan: plan ?? [], dues: data?.dues ?? [], global: data?.global, handOverProblem, markPaid, remindTomorrow };
  return <RemindersContext.Provider value={value}>{props.children}</RemindersContext.Provider>;
}

export function useReminders(): RemindersValue {
  const value = useContext(RemindersContext);
  if (!value) throw new Error('useReminders outside RemindersProvider');
  return value;
}
