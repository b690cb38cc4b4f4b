import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { POLICY_TYPES, parseWholeNumber, type Policy } from '../../../shared/domain';
import type { CoverageByType } from '../../../shared/insurance';
import type { CoverageRules } from '../../../shared/domain';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { CheckboxField, TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { writeSetting } from '../../db/settings';
import { loadCoverage } from './queries';

/** Who in the family is covered by what: a matrix of cover and premiums, household totals, and hints at gaps. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const today = localToday();
  const currency = settings.baseCurrency;
  const money = (minor: number) => format.money(minor, currency);
  const data = useLiveQuery(() => loadCoverage(db, { today, currency }), [db, today, currency]);
  if (!data) return <PageHeader title={t('coverage.title')} />;
  const { overview, members } = data;
  const types = POLICY_TYPES.filter((type) => overview.household[type]);
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? '';
  const cell = (cells: CoverageByType, type: Policy['type']) => {
    const value = cells[type];
    if (!value)
      return (
        <td key={type} className="num muted">
          –
        </td>
      );
    return (
      <td key={type} className="num">
        {money(value.sumAssured)}
        <br />
        <span className="muted">{t('coverage.perYear', { amount: money(value.annualPremium) })}</span>
      </td>
    );
  };
  const hasOthers = Object.keys(overview.others).length > 0;

  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        subtitle={t('coverage.subtitle', { currency })}
        actions={
          <Link className="button secondary" to="/insurance">
            {t('insurance.backToPolicies')}
          </Link>
        }
      />
      {members.length === 0 ? (
        <EmptyState title={t('family.emptyTitle')} description={t('coverage.needMembers')}>
          <Link className="button" to="/insurance/family">
            {t('family.add')}
          </Link>
        </EmptyState>
      ) : (
        <>
          <section className="cards" aria-label={t('coverage.totals')}>
            <article className="card">
              <h2>{t('coverage.totalPremium')}</h2>
              <p className="figure">{money(overview.totalAnnualPremium)}</p>
            </article>
            <article className="card">
              <h2>{t('coverage.income')}</h2>
              <p className="figure">{overview.totalIncome > 0 ? money(overview.totalIncome) : '–'}</p>
              {overview.totalIncome === 0 ? <p className="hint">{t('coverage.noIncome')}</p> : null}
            </article>
            <article className="card">
              <h2>{t('coverage.share')}</h2>
              <p className="figure">{overview.premiumShareBasisPoints !== undefined ? format.percent(overview.premiumShareBasisPoints / 10_000) : '–'}</p>
              <p className="hint">{t('coverage.shareHint')}</p>
            </article>
          </section>

          <section className="panel" aria-label={t('coverage.hintsTitle')}>
            <h2>{t('coverage.hintsTitle')}</h2>
            {overview.gaps.length === 0 ? (
              <p>{t('coverage.noGaps')}</p>
            ) : (
              <ul className="plain-list">
                {overview.gaps.map((gap) => (
                  <li key={`${gap.memberId}-${gap.kind}`}>
                    {gap.kind === 'life' || gap.kind === 'critical-illness'
                      ? t(`coverage.gap.${gap.kind}`, { name: nameOf(gap.memberId), have: money(gap.have), suggested: money(gap.suggested) })
                      : t(`coverage.gap.${gap.kind}`, { name: nameOf(gap.memberId) })}
                  </li>
                ))}
              </ul>
            )}
            <p className="field-hint">{t('coverage.notAdvice')}</p>
          </section>

          {types.length > 0 ? (
            <div className="table-scroll">
              <table className="panel">
                <caption>{t('coverage.matrixCaption', { currency })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.member')}</th>
                    {types.map((type) => (
                      <th key={type} scope="col" className="num">
                        {t(`insurance.policyType.${type}`)}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t('coverage.premiumColumn')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.members.map((member) => (
                    <tr key={member.memberId}>
                      <th scope="row">{nameOf(member.memberId)}</th>
                      {types.map((type) => (
                        cell(member.byType, type)
                      ))}
                      <td className="num">{money(member.annualPremium)}</td>
                    </tr>
                  ))}
                  {hasOthers ? (
                    <tr>
                      <th scope="row">{t('coverage.others')}</th>
                      {types.map((type) => (
                        cell(overview.others, type)
                      ))}
                      <td className="num">{money(Object.values(overview.others).reduce((sum, c) => sum + (c?.annualPremium ?? 0), 0))}</td>
                    </tr>
                  ) : null}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('coverage.household')}</th>
                    {types.map((type) => (
                      cell(overview.household, type)
                    ))}
                    <td className="num">{money(overview.totalAnnualPremium)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          ) : (
            <p className="panel">
              {t('coverage.noPolicies')} <Link to="/insurance/new">{t('insurance.addPolicy')}</Link>
            </p>
          )}
          {overview.excluded.length > 0 ? (
            <p className="muted">
              {t('coverage.excluded', { list: overview.excluded.map((e) => `${data.policiesById.get(e.policyId)?.productName ?? ''} (${t(`coverage.exclusion.${e.reason}`)})`).join(', ') })}
            </p>
          ) : null}
          <RulesForm key={JSON.stringify(data.rules)} rules={data.rules} />
        </>
      )}
    </>
  );
}

function RulesForm(props: { rules: CoverageRules }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const { draft, setter, errors, save } = useRecordForm({
    initial: { life: String(props.rules.lifeMultiple), illness: String(props.rules.criticalIllnessMultiple), medical: props.rules.requireMedical, accident: props.rules.requireAccident },
    write: async ({ life, illness, medical, accident }) => {
      const lifeMultiple = parseWholeNumber(life);
      const criticalIllnessMultiple = parseWholeNumber(illness);
      const found: Record<string, string> = {};
      const check = (value: number | null, label: string) => (value === null ? t('validation.not_integer', { field: label }) : value > 1000 ? t('validation.too_big', { field: label, maximum: 1000 }) : undefined);
      const lifeError = check(lifeMultiple, t('coverage.rules.life'));
      const illnessError = check(criticalIllnessMultiple, t('coverage.rules.illness'));
      if (lifeError) found.life = lifeError;
      if (illnessError) found.illness = illnessError;
      if (Object.keys(found).length > 0 || lifeMultiple === null || criticalIllnessMultiple === null) return invalid(found);
      await writeSetting(db, 'insurance.coverageRules', { lifeMultiple, criticalIllnessMultiple, requireMedical: medical, requireAccident: accident });
    },
  });
  return (
    <form
      className="panel form wide"
      aria-label={t('coverage.rules.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('coverage.rules.title')}</h2>
      <p className="muted">{t('coverage.rules.hint')}</p>
      <div className="form-grid">
        <TextField label={t('coverage.rules.life')} value={draft.life} inputMode="numeric" onChange={setter('life')} error={errors.life} />
        <TextField label={t('coverage.rules.illness')} value={draft.illness} inputMode="numeric" onChange={setter('illness')} error={errors.illness} />
        <CheckboxField label={t('coverage.rules.medical')} checked={draft.medical} onChange={setter('medical')} />
        <CheckboxField label={t('coverage.rules.accident')} checked={draft.accident} onChange={setter('accident')} />
      </div>
      <div className="form-actions">
        <button type="submit">{t('coverage.rules.save')}</button>
      </div>
    </form>
  );
}
