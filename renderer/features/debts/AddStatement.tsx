import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthOf, type Debt, type DebtTerms } from '../../../shared/domain';
import { decimalText, FinanceInputError, parseMoney } from '../../../shared/finance';
import { statementDates, suggestedMinimum } from '../../../shared/debts';
import { fieldMessages } from '../../components/form/errors';
import { TextField } from '../../components/form/fields';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { recordPayment } from '../dues';

type BilledTerms = Extract<DebtTerms, { kind: 'credit-card' } | { kind: 'credit-line' }>;

/**
 * Enters one month's statement as printed on the bill: its balance, its minimum (suggested by
 * the card's rule) and what has been paid towards it. The dates follow from the card's terms.
 */
export function AddStatement(props: { debt: Debt & { terms: BilledTerms } }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const { debt } = props;
  const [month, setMonth] = useState(monthOf(localToday()));
  const [balance, setBalance] = useState('');
  const [minimum, setMinimum] = useState('');
  const [paid, setPaid] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const dates = /^\d{4}-\d{2}$/.test(month) ? statementDates(debt.terms, month) : null;

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

  const onBalance = (text: string) => {
    setBalance(text);
    try {
      const value = parseMoney(text, debt.currency);
      if (value >= 0) setMinimum(decimalText(suggestedMinimum(debt.terms, value), debt.currency));
    } catch {
      // Half-typed amounts suggest nothing yet.
    }
  };

  const save = async () => {
    const messages: Record<string, string> = {};
    if (!dates) messages.month = t('validation.month', { field: t('statement.month') });
    const balanceValue = parse('balance', balance, messages);
    const minimumValue = parse('minimum', minimum, messages);
    const paidValue = parse('paid', paid, messages, true);
    if (!messages.minimum && minimumValue > balanceValue) messages.minimum = t('statement.minimumAboveBalance');
    if (Object.keys(messages).length > 0 || !dates) return setErrors(messages);
    try {
      await repositories.statements.add({ id: `stmt-${debt.id}-${month}`, debtId: debt.id, month, statementDate: dates.statementDate, dueDate: dates.dueDate, balance: balanceValue, minimumDue: minimumValue });
      if (paidValue > 0) {
        await recordPayment(db, { source: 'debt', sourceId: debt.id, dueDate: dates.dueDate, paidOn: localToday() < dates.dueDate ? localToday() : dates.dueDate, amount: paidValue, currency: debt.currency, kind: paidValue >= balanceValue ? 'full' : 'partial', payee: debt.name });
      }
      setErrors({});
      setBalance('');
      setMinimum('');
      setPaid('');
      setStatus(t('statement.saved', { month: format.month(month) }));
    } catch (error) {
      if (error instanceof Error && error.name === 'ConstraintError') return setErrors({ month: t('statement.exists', { month: format.month(month) }) });
      const fields = fieldMessages(error, t, (field) => t(`statement.${field}`, { defaultValue: field }));
      if (!fields) throw error;
      setErrors(fields);
    }
  };

  return (
    <section className="panel form" aria-labelledby="add-statement-heading">
      <h2 id="add-statement-heading">{t('statement.title')}</h2>
      <div role="status" className="status ok">
        {status}
      </div>
      <TextField label={t('statement.month')} type="month" value={month} onChange={setMonth} error={errors.month} hint={dates ? t('statement.dates', { statementDate: format.date(dates.statementDate), dueDate: format.date(dates.dueDate) }) : undefined} />
      <div className="field-row">
        <TextField label={t('statement.balance')} value={balance} onChange={onBalance} inputMode="decimal" error={errors.balance} />
        <TextField label={t('statement.minimum')} value={minimum} onChange={setMinimum} inputMode="decimal" error={errors.minimum} />
      </div>
      <TextField label={t('statement.paid')} value={paid} onChange={setPaid} inputMode="decimal" error={errors.paid} hint={t('statement.paidHint')} />
      <div className="form-actions">
        <button type="button" onClick={() => void save()}>
          {t('statement.save')}
        </button>
      </div>
    </section>
  );
}
