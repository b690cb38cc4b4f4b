import { useTranslation } from 'react-i18next';
import type { PolicyStatus } from '../../../shared/insurance';

const TONE: Record<PolicyStatus, string> = {
  pending: 'neutral',
  'cooling-off': 'neutral',
  waiting: 'neutral',
  active: 'ok',
  'paid-up': 'ok',
  'in-grace': 'warn',
  lapsed: 'bad',
  expired: 'neutral',
};

/** The policy's state as a short coloured label, with its words for screen readers too. */
export function PolicyStatusBadge(props: { status: PolicyStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge ${TONE[props.status]}`}>{t(`policy.status.${props.status}`)}</span>;
}
