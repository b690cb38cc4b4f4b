import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { foldText } from '../../../shared/budget';
import type { Policy } from '../../../shared/domain';
import { annualizedPremium, policyStatus } from '../../../shared/insurance';
import { EmptyPage } from '../../components/EmptyPage';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/form/fields';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { PolicyStatusBadge } from './PolicyStatusBadge';
import { loadInsuranceOverview } from './queries';

/** The family's policies: who is covered by what, for how much, at what premium, and whether it is in force. */
export function InsurancePage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const today = localToday();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const deferred = useDeferredValue(search);
  const data = useLiveQuery(() => loadInsuranceOverview(db), [db]);

  if (data && data.policies.length === 0 && data.memberCount === 0) return <EmptyPage section="insurance" />;

  const insuredName = (policy: Policy): string => (policy.insured.kind === 'member' ? (data?.members.get(policy.insured.memberId)?.name ?? '') : policy.insured.description);
  // Searches what people remember a policy by: its product, number, insurer or who it covers.
  const words = foldText(deferred).split(/\s+/).filter(Boolean);
  const withStatus = (data?.policies ?? []).map((policy) => {
    const birthDate = policy.insured.kind === 'member' ? data?.members.get(policy.insured.memberId)?.birthDate : undefined;
    return { policy, details: policyStatus(policy, data?.payments ?? [], today, birthDate) };
  });
  // The yearly total is the household's, whatever the search shows.
  const yearly = withStatus.filter((r) => !r.policy.archived && r.details.status !== 'lapsed' && r.details.status !== 'expired');
  const rows = withStatus
    .filter(({ policy }) => showArchived || !policy.archived)
    .filter(({ policy }) => {
      if (words.length === 0) return true;
      const text = foldText([policy.productName, policy.policyNumber, data?.institutions.get(policy.insurerId)?.name ?? '', insuredName(policy), t(`insurance.policyType.${policy.type}`)].join(' '));
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => Number(a.policy.archived) - Number(b.policy.archived) || (a.details.nextPremium?.dueDate ?? '9999').localeCompare(b.details.nextPremium?.dueDate ?? '9999'));

  return (
    <>
      <PageHeader
        title={t('insurance.title')}
        subtitle={t('insurance.members', { count: data?.memberCount ?? 0 })}
        actions={
          <>
            <Link className="button secondary" to="/insurance/family">
              {t('family.title')}
            </Link>
            <Link className="button secondary" to="/insurance/coverage">
              {t('coverage.title')}
            </Link>
            <Link className="button secondary" to="/insurance/claims">
              {t('claims.titleCount', { count: data?.claims ?? 0 })}
            </Link>
            <Link className="button" to="/insurance/new">
              {t('insurance.addPolicy')}
            </Link>
          </>
        }
      />
      <div className="filters">
        <TextField label={t('insurance.search')} value={search} onChange={setSearch} hint={t('insurance.searchHint')} />
        <label className="checkbox-inline">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} /> {t('insurance.showArchived')}
        </label>
      </div>
      {yearly.length > 0 ? (
        <p className="muted" role="status">
          {t('insurance.yearlyPremiums', {
            count: yearly.length,
            amounts: [...yearly.reduce((sums, r) => sums.set(r.policy.currency, (sums.get(r.policy.currency) ?? 0) + (r.details.status === 'paid-up' ? 0 : annualizedPremium(r.policy))), new Map<string, number>())]
              .map(([currency, amount]) => format.money(amount, currency))
              .join(' + '),
          })}
        </p>
      ) : null}
      {data && data.policies.length === 0 ? (
        <p className="panel">
          {t('insurance.noPoliciesYet')} <Link to="/insurance/new">{t('insurance.addPolicy')}</Link>
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table className="panel">
          <caption className="visually-hidden">{t('insurance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insurance.product')}</th>
              <th scope="col">{t('insurance.insurer')}</th>
              <th scope="col">{t('insurance.type')}</th>
              <th scope="col">{t('insurance.insured')}</th>
              <th scope="col" className="num">
                {t('insurance.premium')}
              </th>
              <th scope="col" className="num">
                {t('insurance.sumAssured')}
              </th>
              <th scope="col">{t('insurance.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ policy, details }) => (
              <tr key={policy.id} className={policy.archived ? 'archived' : undefined}>
                <td>
                  <Link to={`/insurance/${policy.id}`}>{policy.productName}</Link>
                  {policy.policyNumber ? <span className="muted"> · {policy.policyNumber}</span> : null}
                </td>
                <td>
                  <InstitutionBadge institution={data?.institutions.get(policy.insurerId)} />
                </td>
                <td>{t(`insurance.policyType.${policy.type}`)}</td>
                <td>{insuredName(policy)}</td>
                <td className="num">{t('insurance.premiumPer', { amount: format.money(policy.premium, policy.currency), frequency: t(`insurance.frequency.${policy.frequency}`) })}</td>
                <td className="num">{format.money(policy.sumAssured, policy.currency)}</td>
                <td>
                  <PolicyStatusBadge status={details.status} />
                  {details.nextPremium && details.status !== 'lapsed' ? (
                    <span className="muted"> · {t('insurance.nextPremium', { date: format.date(details.nextPremium.dueDate) })}</span>
                  ) : details.renewalDate && details.renewalDate >= today && details.status !== 'lapsed' && details.status !== 'expired' ? (
                    <span className="muted"> · {t('insurance.renewsOn', { date: format.date(details.renewalDate) })}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data && data.policies.length > 0 ? (
        <p className="muted">{t('insurance.noMatch')}</p>
      ) : null}
    </>
  );
}
