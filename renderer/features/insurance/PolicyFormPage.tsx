import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { POLICY_TYPES, PremiumFrequencySchema, type Policy } from '../../../shared/domain';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { PageHeader } from '../../components/PageHeader';
import { useCurrencyOptions } from '../../components/form/currency';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';
import { ASSET_TYPES, draftOfPolicy, emptyPolicyDraft, policyFromDraft, withType, type PolicyDraft } from './policy-draft';
import { FormProblem } from '../../components/form/FormPanel';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { loadPolicyForm } from './queries';

const TERM_KINDS = ['years', 'to-age', 'lifetime'] as const;

/** Add or edit one policy: who is covered, for what, at what premium and on which dates. */
export function PolicyFormPage() {
  const { policyId } = useParams();
  const { db, settings } = useSettings();
  const data = useLiveQuery(() => loadPolicyForm(db, policyId), [db, policyId]);
  if (!data) return null;
  const initial = data.existing
    ? draftOfPolicy(data.existing)
    : emptyPolicyDraft(settings.baseCurrency, localToday(), { insurerId: data.institutions[0]?.id ?? '', memberId: data.members.find((m) => m.relation === 'self')?.id ?? data.members[0]?.id ?? '' });
  return <PolicyForm key={policyId ?? 'new'} policyId={policyId} initial={initial} {...data} existing={data.existing} />;
}

function PolicyForm(props: {
  policyId: string | undefined;
  initial: PolicyDraft;
  existing: Policy | undefined;
  institutions: { id: string; name: string }[];
  members: { id: string; name: string; birthDate?: string | undefined }[];
  accounts: { id: string; name: string; currency: string }[];
}) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const navigate = useNavigate();
  const currencyOptions = useCurrencyOptions();
  // The policy as the form opened it: only the user's own changes are written over later ones.
  const [base] = useState(props.existing);
  const label = (field: string) => t(`policyForm.field.${field.replace(/^(beneficiaries|subLimits)\.\d+\.(\w+)$/, '$1_$2')}`);
  const { draft, setter: set, update: setDraft, errors, problem, save } = useRecordForm<PolicyDraft, Policy>({
    initial: props.initial,
    fieldLabel: label,
    write: (draft) => {
      const birthDate = draft.insuredKind === 'member' ? props.members.find((m) => m.id === draft.memberId)?.birthDate : undefined;
      const result = policyFromDraft(draft, { today: localToday(), ...(props.existing ? { existing: props.existing } : {}), ...(birthDate ? { birthDate } : {}) });
      if (!result.ok) return invalid(result.errors);
      return props.policyId ? repositories.policies.saveEdit(props.policyId, result.policy, base) : repositories.policies.add(result.policy);
    },
    onSaved: (saved) => void navigate(`/insurance/${saved.id}`),
  });

  const title = props.policyId ? t('policyForm.editTitle') : t('policyForm.addTitle');
  if (props.institutions.length === 0) {
    return (
      <>
        <PageHeader title={title} />
        <section className="empty-state">
          <h2>{t('policyForm.needInsurer.title')}</h2>
          <p>{t('policyForm.needInsurer.description')}</p>
          <Link className="button" to="/debts/institutions">
            {t('institutions.add')}
          </Link>
        </section>
      </>
    );
  }

  const text = (key: keyof PolicyDraft, field: string, options: { hint?: string; type?: 'date'; decimal?: boolean } = {}) => (
    <TextField label={label(field)} value={String(draft[key])} onChange={set(key) as (v: string) => void} error={errors[field]} hint={options.hint} type={options.type} inputMode={options.decimal ? 'decimal' : undefined} />
  );
  const termFields = (prefix: 'paymentTerm' | 'coverageTerm') => {
    const kindKey = `${prefix}Kind` as const;
    const valueKey = `${prefix}Value` as const;
    return (
      <div className="field-row">
        <SelectField label={label(prefix)} value={draft[kindKey]} options={TERM_KINDS.map((kind) => ({ value: kind, label: t(`policyForm.termKind.${kind}`) }))} onChange={set(kindKey)} />
        {draft[kindKey] !== 'lifetime' ? (
          <TextField label={t(`policyForm.termValue.${draft[kindKey]}`, { term: label(prefix) })} value={draft[valueKey]} inputMode="numeric" onChange={set(valueKey)} error={errors[prefix]} />
        ) : null}
      </div>
    );
  };
  const updateList = <K extends 'beneficiaries' | 'subLimits'>(key: K, index: number, change: Partial<PolicyDraft[K][number]>) =>
    setDraft((d) => ({ ...d, [key]: d[key].map((item, i) => (i === index ? { ...item, ...change } : item)) }));
  const memberOptions = props.members.map((m) => ({ value: m.id, label: m.name }));

  return (
    <>
      <PageHeader title={title} subtitle={t('policyForm.subtitle')} />
      <form
        className="panel form wide"
        aria-label={title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('policyForm.section.policy')}</legend>
          <div className="field-row">
            <SelectField label={label('type')} value={draft.type} options={POLICY_TYPES.map((type) => ({ value: type, label: t(`insurance.policyType.${type}`) }))} onChange={(type) => setDraft((d) => withType(d, type))} />
            <SelectField label={label('insurerId')} value={draft.insurerId} options={props.institutions.map((i) => ({ value: i.id, label: i.name }))} onChange={set('insurerId')} error={errors.insurerId} />
          </div>
          <div className="field-row">
            {text('productName', 'productName')}
            {text('policyNumber', 'policyNumber')}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('policyForm.section.people')}</legend>
          {props.members.length === 0 ? (
            <p className="hint">
              {t('policyForm.noMembers')} <Link to="/insurance/family">{t('family.add')}</Link>
            </p>
          ) : null}
          <div className="field-row">
            <SelectField label={label('insuredKind')} value={draft.insuredKind} options={(['member', 'asset'] as const).map((kind) => ({ value: kind, label: t(`policyForm.insuredKind.${kind}`) }))} onChange={set('insuredKind')} />
            {draft.insuredKind === 'member' ? (
              <SelectField label={label('insured')} value={draft.memberId} options={[{ value: '', label: t('policyForm.choose') }, ...memberOptions]} onChange={set('memberId')} error={errors.insured} />
            ) : (
              <TextField label={label('assetDescription')} value={draft.assetDescription} onChange={set('assetDescription')} error={errors.insured} hint={t(`policyForm.assetHint.${ASSET_TYPES.includes(draft.type) ? draft.type : 'other'}`)} />
            )}
          </div>
          <SelectField label={label('policyholderId')} value={draft.policyholderId} options={[{ value: '', label: t('policyForm.notRecorded') }, ...memberOptions]} onChange={set('policyholderId')} />
          {draft.insuredKind === 'member' ? (
            <>
              <SelectField
                label={label('beneficiaryKind')}
                value={draft.beneficiaryKind}
                options={(['legal-heirs', 'named'] as const).map((kind) => ({ value: kind, label: t(`policyForm.beneficiaryKind.${kind}`) }))}
                onChange={set('beneficiaryKind')}
              />
              {draft.beneficiaryKind === 'named' ? (
                <div className="list-editor" role="group" aria-label={t('policyForm.beneficiariesGroup')}>
                  {draft.beneficiaries.map((beneficiary, index) => (
                    <div className="field-row three" key={index}>
                      <TextField label={t('policyForm.beneficiaryName', { n: index + 1 })} value={beneficiary.name} onChange={(name) => updateList('beneficiaries', index, { name })} error={errors[`beneficiaries.${index}.name`]} />
                      <TextField label={t('policyForm.beneficiaryShare', { n: index + 1 })} value={beneficiary.share} inputMode="decimal" onChange={(share) => updateList('beneficiaries', index, { share })} error={errors[`beneficiaries.${index}.share`]} />
                      <TextField label={t('policyForm.beneficiaryOrder', { n: index + 1 })} value={beneficiary.order} inputMode="numeric" onChange={(order) => updateList('beneficiaries', index, { order })} error={errors[`beneficiaries.${index}.order`]} />
                    </div>
                  ))}
                  {errors.beneficiaries ? (
                    <p className="field-error" role="alert">
                      {errors.beneficiaries}
                    </p>
                  ) : null}
                  <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
                    <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, beneficiaries: [...d.beneficiaries, { name: '', share: '', order: '1' }] }))}>
                      {t('policyForm.addBeneficiary')}
                    </button>
                    {draft.beneficiaries.length > 1 ? (
                      <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, beneficiaries: d.beneficiaries.slice(0, -1) }))}>
                        {t('policyForm.removeBeneficiary')}
                      </button>
                    ) : null}
                  </div>
                  <p className="field-hint">{t('policyForm.beneficiaryHint')}</p>
                </div>
              ) : null}
            </>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('policyForm.section.cover')}</legend>
          <div className="field-row three">
            <SelectField label={label('currency')} value={draft.currency} options={currencyOptions} onChange={(currency) => setDraft((d) => ({ ...d, currency, payingAccountId: '' }))} />
            {text('sumAssured', 'sumAssured', { decimal: true })}
            {text('premium', 'premium', { decimal: true })}
          </div>
          <SelectField label={label('frequency')} value={draft.frequency} options={PremiumFrequencySchema.options.map((f) => ({ value: f, label: t(`policyForm.frequency.${f}`) }))} onChange={set('frequency')} />
          {draft.frequency !== 'single' ? termFields('paymentTerm') : null}
          {termFields('coverageTerm')}
          <div className="list-editor" role="group" aria-label={t('policyForm.subLimitsGroup')}>
            {draft.subLimits.map((limit, index) => (
              <div className="field-row" key={index}>
                <TextField label={t('policyForm.subLimitName', { n: index + 1 })} value={limit.name} onChange={(name) => updateList('subLimits', index, { name })} error={errors[`subLimits.${index}.name`]} />
                <TextField label={t('policyForm.subLimitAmount', { n: index + 1 })} value={limit.amount} inputMode="decimal" onChange={(amount) => updateList('subLimits', index, { amount })} error={errors[`subLimits.${index}.amount`]} />
              </div>
            ))}
            <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
              <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, subLimits: [...d.subLimits, { name: '', amount: '' }] }))}>
                {t('policyForm.addSubLimit')}
              </button>
              {draft.subLimits.length > 0 ? (
                <button type="button" className="secondary" onClick={() => setDraft((d) => ({ ...d, subLimits: d.subLimits.slice(0, -1) }))}>
                  {t('policyForm.removeSubLimit')}
                </button>
              ) : null}
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('policyForm.section.dates')}</legend>
          <div className="field-row">
            {text('effectiveDate', 'effectiveDate', { type: 'date' })}
            {text('renewalDate', 'renewalDate', { type: 'date', hint: t('policyForm.renewalHint') })}
          </div>
          <div className="field-row three">
            {text('coolingOffDays', 'coolingOffDays', { hint: t('policyForm.coolingOffHint') })}
            {text('waitingPeriodDays', 'waitingPeriodDays', { hint: t('policyForm.waitingHint') })}
            {text('gracePeriodDays', 'gracePeriodDays', { hint: t('policyForm.graceHint') })}
          </div>
          {!props.policyId ? <CheckboxField label={label('paidUpToToday')} checked={draft.paidUpToToday} onChange={set('paidUpToToday')} hint={t('policyForm.paidUpToTodayHint')} /> : null}
          <CheckboxField label={label('guaranteedRenewal')} checked={draft.guaranteedRenewal} onChange={set('guaranteedRenewal')} />
          <CheckboxField label={label('premiumWaiver')} checked={draft.premiumWaiver} onChange={set('premiumWaiver')} hint={t('policyForm.waiverHint')} />
        </fieldset>

        <fieldset>
          <legend>{t('policyForm.section.payment')}</legend>
          <SelectField
            label={label('payingAccountId')}
            value={draft.payingAccountId}
            options={[{ value: '', label: t('policyForm.notRecorded') }, ...props.accounts.filter((a) => a.currency === draft.currency).map((a) => ({ value: a.id, label: a.name }))]}
            onChange={set('payingAccountId')}
          />
          {text('note', 'note')}
        </fieldset>

        <FormProblem problem={problem} />
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void navigate(props.policyId ? `/insurance/${props.policyId}` : '/insurance')}>
            {t('common.cancel')}
          </button>
          <button type="submit">{t('common.save')}</button>
        </div>
      </form>
    </>
  );
}
