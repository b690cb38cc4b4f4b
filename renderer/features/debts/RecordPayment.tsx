import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Debt, Payment } from '../../../shared/domain';
import { decimalText, FinanceInputError, parseMoney } from '../../../shared/finance';
import { prepaymentWhatIf } from '../../../shared/debts';
import { isOpen, remaining, type Due } from '../../../shared/dues';
import { SelectField, TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { lastPayment, recordPayment } from '../dues';

const EXTRA = 'extra';

interface PaymentDraft {
  /** The due date paid towards, or EXTRA. */
  target: string;
  amount: string;
  paidOn: string;
  accountId: string;
  mode: 'keep-payment' | 'keep-term';
}

/**
 * Records a payment against one due (full or partial, decided by the amount) or, for a loan,
 * an extra payment, whose effect is shown before it is saved. The last payment can be undone.
 */
export function RecordPayment(props: { debt: Debt; dues: Due[]; payments: Payment[]; onDone(message: string): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const deleteWithUndo = useDeleteWithUndo();
  const { debt } = props;
  const canPrepay = debt.terms.kind === 'loan' && debt.terms.method !== 'bullet';
  const open = props.dues.filter(isOpen);
  const accounts = useLiveQuery(() => db.accounts.filter((a) => !a.archived && a.currency === debt.currency).toArray(), [db, debt.currency]) ?? [];
  const last = useLiveQuery(() => lastPayment(db, 'debt', debt.id), [db, debt.id, props.payments.length]);
  const money = (minor: number) => format.money(minor, debt.currency);
  const initialTarget = open[0]?.dueDate ?? (canPrepay ? EXTRA : '');
  const initialDue = open.find((d) => d.dueDate === initialTarget);

  const { draft, set, setter, errors, save } = useRecordForm<PaymentDraft, number>({
    initial: { target: initialTarget, amount: initialDue ? decimalText(remaining(initialDue), debt.currency) : '', paidOn: localToday(), accountId: '', mode: 'keep-payment' },
    fieldLabel: (field) => t(`payment.field.${field}`, { defaultValue: field }),
    write: async (draft) => {
      const due = open.find((d) => d.dueDate === draft.target);
      const isExtra = draft.target === EXTRA;
      const messages: Record<string, string> = {};
      let parsed = 0;
      try {
        parsed = parseMoney(draft.amount, debt.currency);
        if (parsed <= 0) messages.amount = t('validation.positive', { field: t('payment.amount') });
      } catch (error) {
        if (!(error instanceof FinanceInputError)) throw error;
        messages.amount = t(draft.amount.trim() ? 'validation.money' : 'validation.required', { field: t('payment.amount') });
      }
      if (!draft.target) messages.target = t('validation.required', { field: t('payment.target') });
      if (Object.keys(messages).length > 0) return invalid(messages);
      const left = due ? remaining(due) : 0;
      await recordPayment(db, {
        source: 'debt',
        sourceId: debt.id,
        ...(due ? { dueDate: due.dueDate } : {}),
        paidOn: draft.paidOn,
        amount: parsed,
        currency: debt.currency,
        kind: isExtra ? 'extra' : parsed >= left ? 'full' : 'partial',
        ...(isExtra ? { prepaymentMode: draft.mode } : {}),
        ...(draft.accountId ? { accountId: draft.accountId } : {}),
        payee: debt.name,
      });
      return parsed;
    },
    // The page re-mounts this form for the next due; the message lives in the page.
    onSaved: (parsed) => props.onDone(t('payment.saved', { amount: money(parsed) })),
  });
  const { target, paidOn, mode } = draft;

  let amount: number | null = null;
  try {
    amount = draft.amount.trim() ? parseMoney(draft.amount, debt.currency) : null;
  } catch {
    amount = null;
  }
  const isExtra = target === EXTRA;
  const whatIf =
    isExtra && debt.terms.kind === 'loan' && amount !== null && amount > 0 ? safeWhatIf(() => prepaymentWhatIf(debt.terms as Extract<Debt['terms'], { kind: 'loan' }>, props.payments, { paidOn, amount: amount ?? 0, mode })) : null;

  const chooseTarget = (value: string) => {
    const chosen = open.find((d) => d.dueDate === value);
    set({ target: value, amount: chosen ? decimalText(remaining(chosen), debt.currency) : '' });
  };

  return (
    <section className="panel form" aria-labelledby="record-payment-heading">
      <h2 id="record-payment-heading">{t('payment.title')}</h2>
      <SelectField
        label={t('payment.target')}
        value={target}
        error={errors.target}
        options={[
          ...open.map((d) => ({
            value: d.dueDate,
            label: t('payment.dueOption', { date: format.date(d.dueDate), amount: money(remaining(d)), status: t(`calendar.status.${d.status}`) }),
          })),
          ...(canPrepay ? [{ value: EXTRA, label: t('payment.extraOption') }] : []),
        ]}
        onChange={chooseTarget}
      />
      <div className="field-row">
        <TextField label={t('payment.amount')} value={draft.amount} onChange={setter('amount')} inputMode="decimal" error={errors.amount} />
        <TextField label={t('payment.paidOn')} type="date" value={paidOn} onChange={setter('paidOn')} error={errors.paidOn} />
      </div>
      <SelectField
        label={t('payment.account')}
        value={draft.accountId}
        options={[{ value: '', label: t('payment.noAccount') }, ...accounts.map((a) => ({ value: a.id, label: a.name }))]}
        onChange={setter('accountId')}
      />
      {isExtra ? (
        <>
          <SelectField
            label={t('payment.mode')}
            value={mode}
            options={(['keep-payment', 'keep-term'] as const).map((m) => ({ value: m, label: t(`payment.modes.${m}`) }))}
            onChange={setter('mode')}
          />
          {whatIf ? (
            <dl className="what-if" aria-label={t('payment.whatIf')}>
              <dt>{t('payment.interestSaved')}</dt>
              <dd>{money(whatIf.interestSaved)}</dd>
              <dt>{t('payment.fee')}</dt>
              <dd>{money(whatIf.fee)}</dd>
              <dt>{t('payment.netSaving')}</dt>
              <dd>{money(whatIf.interestSaved - whatIf.fee)}</dd>
              <dt>{t('payment.newEnd')}</dt>
              <dd>
                {whatIf.endDateAfter ? format.date(whatIf.endDateAfter) : t('payment.settled')}
                {whatIf.endDateBefore && whatIf.endDateAfter !== whatIf.endDateBefore ? ` (${t('payment.wasEnd', { date: format.date(whatIf.endDateBefore) })})` : ''}
              </dd>
              <dt>{t('payment.newPayment')}</dt>
              <dd>
                {money(whatIf.paymentAfter)}
                {whatIf.paymentAfter !== whatIf.paymentBefore ? ` (${t('payment.wasPayment', { amount: money(whatIf.paymentBefore) })})` : ''}
              </dd>
            </dl>
          ) : null}
        </>
      ) : null}
      <div className="form-actions">
        {last ? (
          <button type="button" className="secondary" onClick={() => void deleteWithUndo({ kind: 'payment', id: last.id }, t('payment.undone')).then(() => props.onDone(''))}>
            {t('payment.undo', { date: format.date(last.paidOn), amount: money(last.amount) })}
          </button>
        ) : null}
        <button type="button" onClick={() => void save()}>
          {t('payment.save')}
        </button>
      </div>
    </section>
  );
}

function safeWhatIf<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    // An amount beyond the balance or a date past the end has no what-if; saving reports why.
    if (error instanceof FinanceInputError) return null;
    throw error;
  }
}
