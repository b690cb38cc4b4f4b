import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../shared/domain';
import { EmptyPage } from '../components/EmptyPage';
import { InstitutionBadge } from '../components/InstitutionBadge';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../app/format';
import { useSettings } from '../app/settings-context';

/** The family's policies: who is covered by what, for how much, at what premium. */
export function InsurancePage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const data = useLiveQuery(async () => {
    const [policies, members, institutions] = await Promise.all([
      db.policies.filter((p) => !p.archived).toArray(),
      db.familyMembers.toArray(),
      db.institutions.toArray(),
    ]);
    return { policies, members: new Map(members.map((m) => [m.id, m.name])), institutions: new Map(institutions.map((i) => [i.id, i])), memberCount: members.length };
  }, [db]);

  const insuredName = (policy: Policy): string =>
    policy.insured.kind === 'member' ? (data?.members.get(policy.insured.memberId) ?? '') : policy.insured.description;

  if (data && data.policies.length === 0) {
    return <EmptyPage section="insurance" />;
  }

  return (
    <>
      <PageHeader title={t('insurance.title')} subtitle={t('insurance.members', { count: data?.memberCount ?? 0 })} />
      <table className="panel">
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
          </tr>
        </thead>
        <tbody>
          {data?.policies.map((policy) => (
            <tr key={policy.id}>
              <td>{policy.productName}</td>
              <td>
                <InstitutionBadge institution={data.institutions.get(policy.insurerId)} />
              </td>
              <td>{t(`insurance.policyType.${policy.type}`)}</td>
              <td>{insuredName(policy)}</td>
              <td className="num">
                {t('insurance.premiumPer', { amount: format.money(policy.premium, policy.currency), frequency: t(`insurance.frequency.${policy.frequency}`) })}
              </td>
              <td className="num">{format.money(policy.sumAssured, policy.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
