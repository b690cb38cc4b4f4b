import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Debt } from '../../../shared/domain';
import { PageHeader } from '../../components/PageHeader';
import { FormProblem } from '../../components/form/FormPanel';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';
import { useCurrencyOptions } from '../../components/form/currency';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { debtFromDraft, draftOf, emptyDraft, type DebtDraft, type DebtKind } from './debt-draft';
import { loadDebtForm } from './queries';

const KINDS: DebtKind[] = ['loan', 'credit-card', 'credit-line', 'installment'];

/** Add or edit one debt; each kind has its own fields and its own defaults. */
export function DebtFormPage() {
  const { debtId } = useParams();
  // The lender chosen in the first-run screen (or on an institution) comes preselected.
  const [params] = useSearchParams();
  const chosenInstitution = params.get('institution');
  const { db, settings } = useSettings();
  const data = useLiveQuery(() => loadDebtForm(db, debtId), [db, debtId]);
  if (!data) return null;
  const initial = data.existing ? draftOf(data.existing) : { ...emptyDraft('loan', settings.baseCurrency, localToday()), institutionId: data.institutions.find((i) => i.id === chosenInstitution)?.id ?? data.institutions[0]?.id ?? '' };
  return <DebtForm key={debtId ?? 'new'} debtId={debtId} initial={initial} existing={data.existing} institutions={data.institutions} parents={data.parents} />;
}

function DebtForm(props: {
  debtId: string | undefined;
  initial: DebtDraft;
  existing: Debt | undefined;
  institutions: { id: string; name: string }[];
  parents: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const navigate = useNavigate();
  // The debt as the form opened it: only the user's own changes are written over later ones.
  const [base] = useState(props.existing);
  const currencyOptions = useCurrencyOptions();
  const label = (field: string) => t(`debtForm.field.${field.replace(/^terms\./, '')}`);
  const { draft, setter: set, errors, problem, save } = useRecordForm<DebtDraft, Debt>({
    initial: props.initial,
    fieldLabel: label,
    write: (draft) => {
      const result = debtFromDraft(draft);
      if (!result.ok) return invalid(result.errors);
      // Editing keeps the debt's archive state, which this form does not show.
      return props.debtId ? repositories.debts.saveEdit(props.debtId, { ...result.debt, archived: base?.archived ?? false }, base) : repositories.debts.add(result.debt);
    },
    onSaved: (saved) => void navigate(`/debts/${saved.id}`),
  });
  const error = (field: string) => errors[field];

  if (props.institutions.length === 0) {
    return (
      <>
        <PageHeader title={t('debtForm.addTitle')} />
        <section className="empty-state">
          <h2>{t('debtForm.needInstitution.title')}</h2>
          <p>{t('debtForm.needInstitution.description')}</p>
          <Link className="button" to="/debts/institutions">
            {t('institutions.add')}
          </Link>
        </section>
      </>
    );
  }

  const money = (key: keyof DebtDraft, field: string, hint?: string) => (
    <TextField label={label(field)} value={String(draft[key])} onChange={set(key) as (v: string) => void} error={error(field)} inputMode="decimal" hint={hint} />
  );
  const text = (key: keyof DebtDraft, field: string, hint?: string, type?: 'date') => (
    <TextField label={label(field)} value={String(draft[key])} onChange={set(key) as (v: string) => void} error={error(field)} hint={hint} type={type} />
  );

  return (
    <>
      <PageHeader title={props.debtId ? t('debtForm.editTitle') : t('debtForm.addTitle')} />
      <form
        className="panel form wide"
        aria-label={props.debtId ? t('debtForm.editTitle') : t('debtForm.addTitle')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {!props.debtId ? (
          <SelectField label={t('debtForm.field.kind')} value={draft.kind} options={KINDS.map((kind) => ({ value: kind, label: t(`debts.kindName.${kind}`) }))} onChange={set('kind')} />
        ) : null}
        {text('name', 'name', t(`debtForm.nameHint.${draft.kind}`))}
        <SelectField label={label('institutionId')} value={draft.institutionId} options={props.institutions.map((i) => ({ value: i.id, label: i.name }))} onChange={set('institutionId')} error={error('institutionId')} />
        <SelectField label={label('currency')} value={draft.currency} options={currencyOptions} onChange={set('currency')} error={error('currency')} />

        {draft.kind === 'loan' ? (
          <fieldset>
            <legend>{t('debtForm.section.loan')}</legend>
            {money('principal', 'terms.principal')}
            <div className="field-row">
              {text('rate', 'terms.rate', t('debtForm.percentHint'))}
              <SelectField
                label={label('rateBasis')}
                value={draft.rateBasis}
                options={(['annual', 'monthly', 'daily'] as const).map((basis) => ({ value: basis, label: t(`debtForm.rateBasis.${basis}`) }))}
                onChange={set('rateBasis')}
              />
            </div>
            {text('termMonths', 'terms.termMonths')}
            <SelectField
              label={label('method')}
              value={draft.method}
              options={(['annuity', 'equal-principal', 'interest-only', 'bullet'] as const).map((method) => ({ value: method, label: t(`debts.method.${method}`) }))}
              onChange={set('method')}
            />
            <div className="field-row">
              {text('startDate', 'terms.startDate', undefined, 'date')}
              {text('dueDay', 'terms.dueDay', t('debtForm.dueDayHint'))}
            </div>
            <div className="field-row">
              {text('prepaymentFee', 'terms.prepaymentFeeRate', t('debtForm.percentHint'))}
              {text('penaltyMultiplier', 'terms.penaltyMultiplier', t('debtForm.penaltyHint'))}
            </div>
            <SelectField
              label={label('dayBasis')}
              value={draft.dayBasis}
              options={(['360', '365'] as const).map((basis) => ({ value: basis, label: t(`debtForm.dayBasis.${basis}`) }))}
              onChange={set('dayBasis')}
            />
          </fieldset>
        ) : null}

        {draft.kind === 'credit-card' ? (
          <fieldset>
            <legend>{t('debtForm.section.card')}</legend>
            {money('creditLimit', 'terms.creditLimit')}
            {text('statementDay', 'terms.statementDay', t('debtForm.dueDayHint'))}
            <div className="field-row">
              <SelectField
                label={label('dueRule')}
                value={draft.dueRule}
                options={(['days-after-statement', 'day-of-month'] as const).map((rule) => ({ value: rule, label: t(`debtForm.dueRule.${rule}`) }))}
                onChange={set('dueRule')}
              />
              {text('dueRuleValue', draft.dueRule === 'day-of-month' ? 'terms.due.day' : 'terms.due.days')}
            </div>
            <div className="field-row">
              {text('minimumPercent', 'terms.minimumPayment.percentOfPurchases', t('debtForm.percentHint'))}
              {money('minimumFloor', 'terms.minimumPayment.floor')}
            </div>
            <div className="field-row">
              {text('revolvingDailyRate', 'terms.revolvingDailyRate', t('debtForm.dailyRateHint'))}
              <SelectField
                label={label('interestMethod')}
                value={draft.interestMethod}
                options={(['whole-statement', 'unpaid-part'] as const).map((method) => ({ value: method, label: t(`debtForm.interestMethod.${method}`) }))}
                onChange={set('interestMethod')}
              />
            </div>
            <div className="field-row">
              {text('latePercent', 'terms.lateCharge.percentOfUnpaidMinimum', t('debtForm.percentHint'))}
              {money('lateFloor', 'terms.lateCharge.floor')}
            </div>
            <div className="field-row">
              {text('graceDays', 'terms.graceDays')}
              {money('tolerance', 'terms.tolerance')}
            </div>
            <CheckboxField label={label('countBothEnds')} checked={draft.countBothEnds} onChange={set('countBothEnds')} />
          </fieldset>
        ) : null}

        {draft.kind === 'credit-line' ? (
          <fieldset>
            <legend>{t('debtForm.section.line')}</legend>
            {money('creditLimit', 'terms.creditLimit')}
            <div className="field-row">
              {text('billDay', 'terms.billDay', t('debtForm.dueDayHint'))}
              {text('dueDay', 'terms.dueDay', t('debtForm.dueDayHint'))}
            </div>
            {text('overdueDailyRate', 'terms.overdueDailyRate', t('debtForm.dailyRateHint'))}
          </fieldset>
        ) : null}

        {draft.kind === 'installment' ? (
          <fieldset>
            <legend>{t('debtForm.section.installment')}</legend>
            {money('principal', 'terms.principal')}
            <div className="field-row">
              {text('periods', 'terms.periods')}
              {text('feeRate', 'terms.feeRate', t('debtForm.feeRateHint'))}
            </div>
            <SelectField
              label={label('feeMode')}
              value={draft.feeMode}
              options={(['per-period-on-principal', 'upfront'] as const).map((mode) => ({ value: mode, label: t(`debtForm.feeMode.${mode}`) }))}
              onChange={set('feeMode')}
            />
            {text('firstDueDate', 'terms.firstDueDate', undefined, 'date')}
            {props.parents.length > 0 ? (
              <SelectField
                label={label('parentDebtId')}
                value={draft.parentDebtId}
                options={[{ value: '', label: t('debtForm.noParent') }, ...props.parents.map((p) => ({ value: p.id, label: p.name }))]}
                onChange={set('parentDebtId')}
              />
            ) : null}
          </fieldset>
        ) : null}

        {text('note', 'note')}
        <FormProblem problem={problem} />
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </button>
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
    </>
  );
}
