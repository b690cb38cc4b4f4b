import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { remaining } from '../../../shared/dues';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { loadPolicyWarnings } from './warnings-queries';

/** Lapsed policies, and premiums in their grace period, for the dashboard: cover lost or about to be. */
export function PolicyWarnings() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const today = localToday();
  const warnings = useLiveQuery(() => loadPolicyWarnings(db, today), [db, today]);
  if (!warnings || warnings.length === 0) return null;
  return (
    <section className="panel alert" role="alert" aria-label={t('policyWarnings.title')}>
      <h2>{t('policyWarnings.title')}</h2>
      <ul className="plain-list">
        {warnings.map(({ policy, details }) => {
          const oldest = details.unpaid[0];
          return (
            <li key={policy.id}>
              <Link to={`/insurance/${policy.id}`}>{policy.productName}</Link>{' '}
              {details.status === 'lapsed'
                ? t('policyWarnings.lapsed', { date: format.date(details.lapsedOn ?? '') })
                : t('policyWarnings.inGrace', { amount: format.money(oldest ? remaining(oldest) : 0, policy.currency), date: format.date(oldest?.graceEnd ?? '') })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
