import { useTranslation } from 'react-i18next';
import { monthOf, type Debt, type DebtTerms } from '../../../shared/domain';
import { decimalText, FinanceInputError, parseMoney } from '../../../shared/finance';
import { statementDates, suggestedMinimum } from '../../../shared/debts';
import { FormStatus } from '../../components/form/FormPanel';
import { TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { recordPayment } from '../dues';

type BilledTerms = Extract<DebtTerms, { kind: 'credit-card' } | { kind: 'credit-line' }>;

interface StatementDraft {
  month: string;
  balance: string;
  minimum: string;
  paid: string;
}

/**
 * Enters one month's statement as printed on the bill: its balance, its minimum (suggested by
 * the card's rule) and what has been paid towards it. The dates follow from the card's terms.
 */
export function AddStatement(props: { debt: Debt & { terms: BilledTerms } }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const { debt } = props;
  const parse = (field: string, text: string, messages: Record<string, string>, optional = false): number => {
    if (optional && text.trim() === '') return 0;
    try {
      const value = parseMoney(text, debt.currency);
      if (value < 0) messages[field] = t('validation.negative', { field: t(`statement.${field}`) });
      return value;
    } catch (error) {
      if (!(error instanceof FinanceInputError)) throw error;
      messages[field] = t(text.trim() ? 'validation.money' : 'validation.required', { field: t(`statement.${field}`) });
      return 0;
    }
  };
  const datesOf = (month: string) => (/^\d{4}-\d{2}$/.test(month) ? statementDates(debt.terms, month) : null);

  const { draft, set, setter, errors, status, save } = useRecordForm<StatementDraft, string>({
    initial: { month: monthOf(localToday()), balance: '', minimum: '', paid: '' },
    fieldLabel: (field) => t(`statement.${field}`, { defaultValue: field }),
    write: async ({ month, balance, minimum, paid }) => {
      const dates = datesOf(month);
      const messages: Record<string, string> = {};
      if (!dates) messages.month = t('validation.month', { field: t('statement.month') });
      const balanceValue = parse('balance', balance, messages);
      const minimumValue = parse('minimum', minimum, messages);
      const paidValue = parse('paid', paid, messages, true);
      if (!messages.minimum && minimumValue > balanceValue) messages.minimum = t('statement.minimumAboveBalance');
      if (Object.keys(messages).length > 0 || !dates) return invalid(messages);
      try {
        await repositories.statements.add({ id: `stmt-${debt.id}-${month}`, debtId: debt.id, month, statementDate: dates.statementDate, dueDate: dates.dueDate, balance: balanceValue, minimumDue: minimumValue });
        if (paidValue > 0) {
          await recordPayment(db, { source: 'debt', sourceId: debt.id, dueDate: dates.dueDate, paidOn: localToday() < dates.dueDate ? localToday() : dates.dueDate, amount: paidValue, currency: debt.currency, kind: paidValue >= balanceValue ? 'full' : 'partial', payee: debt.name });
        }
      } catch (error) {
        // The month's statement is already there: its id is made of the debt and the month.
        if (error instanceof Error && error.name === 'ConstraintError') return invalid({ month: t('statement.exists', { month: format.month(month) }) });
        throw error;
      }
      return month;
    },
    onSaved: (month) => ({ next: (draft) => ({ ...draft, balance: '', minimum: '', paid: '' }), status: t('statement.saved', { month: format.month(month) }) }),
  });
  const dates = datesOf(draft.month);

  const onBalance = (text: string) => {
    set({ balance: text });
    try {
      const value = parseMoney(text, debt.currency);
      if (value >= 0) set({ minimum: decimalText(suggestedMinimum(debt.terms, value), debt.currency) });
    } catch {
      // Half-typed amounts suggest nothing yet.
    }
  };

  return (
    <section className="panel form" aria-labelledby="add-statement-heading">
      <h2 id="add-statement-heading">{t('statement.title')}</h2>
      <FormStatus status={status} />
      <TextField label={t('statement.month')} type="month" value={draft.month} onChange={setter('month')} error={errors.month} hint={dates ? t('statement.dates', { statementDate: format.date(dates.statementDate), dueDate: format.date(dates.dueDate) }) : undefined} />
      <div className="field-row">
        <TextField label={t('statement.balance')} value={draft.balance} onChange={onBalance} inputMode="decimal" error={errors.balance} />
        <TextField label={t('statement.minimum')} value={draft.minimum} onChange={setter('minimum')} inputMode="decimal" error={errors.minimum} />
      </div>
      <TextField label={t('statement.paid')} value={draft.paid} onChange={setter('paid')} inputMode="decimal" error={errors.paid} hint={t('statement.paidHint')} />
      <div className="form-actions">
        <button type="button" onClick={() => void save()}>
          {t('statement.save')}
        </button>
      </div>
    </section>
  );
}
