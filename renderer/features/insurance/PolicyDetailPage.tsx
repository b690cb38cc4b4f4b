import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { addMonths, type Account, type Payment, type Policy } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { annualizedPremium, canRenew, graceRunOut, policyStatus, suspendedOn, premiumPayments, premiumSchedule, premiumsLeft, trackedFrom, type PolicyStatusDetails } from '../../../shared/insurance';
import { defaultPayingAccount, remaining } from '../../../shared/dues';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { localToday } from '../../app/today';
import { Attachments } from '../../components/Attachments';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { renewPolicy } from './db';
import { lastPayment, recordPayment } from '../dues';
import { PolicyStatusBadge } from './PolicyStatusBadge';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { loadPolicyDetail } from './queries';

/** One policy: its state, the dates that follow from it, the premiums to pay, its documents and claims. */
export function PolicyDetailPage() {
  const { policyId = '' } = useParams();
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const navigate = useNavigate();
  const today = localToday();
  const [paying, setPaying] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<Payment | null>(null);
  const remove = useDeleteWithUndo();
  const data = useLiveQuery(() => loadPolicyDetail(db, policyId), [db, policyId]);
  if (!data) return null;
  const { policy } = data;
  if (!policy) {
    return (
      <>
        <PageHeader title={t('policy.notFound')} />
        <Link className="button" to="/insurance">
          {t('insurance.backToPolicies')}
        </Link>
      </>
    );
  }
  const birthDate = policy.insured.kind === 'member' ? data.members.get(policy.insured.memberId)?.birthDate : undefined;
  const details = policyStatus(policy, data.payments, today, birthDate);
  const money = (minor: number) => format.money(minor, policy.currency);
  const insuredName = policy.insured.kind === 'member' ? (data.members.get(policy.insured.memberId)?.name ?? '') : policy.insured.description;
  const paid = premiumPayments(data.payments, policy.id);
  const left = premiumsLeft(policy, data.payments, today, birthDate);
  // Premiums from when the policy was recorded to a year ahead; earlier ones count as settled.
  const premiums = premiumSchedule(policy, birthDate, addMonths(today, 12)).filter((due) => due >= trackedFrom(policy) || paid.has(due));
  const renewable = canRenew(policy, data.payments, today, birthDate);
  const renew = async () => {
    const premiumDate = await renewPolicy(db, policy.id);
    if (premiumDate) setPaying(premiumDate);
  };
  const archive = async () => {
    await repositories.policies.update(policy.id, { archived: !policy.archived });
  };
  const undo = async () => {
    if (!undoable) return;
    await remove({ kind: 'payment', id: undoable.id }, t('payment.undone'));
    setUndoable(null);
  };

  return (
    <>
      <PageHeader
        title={policy.productName}
        subtitle={[data.insurer?.name, t(`insurance.policyType.${policy.type}`), policy.policyNumber ? t('policy.numberShort', { number: policy.policyNumber }) : ''].filter(Boolean).join(' · ')}
        actions={
          <>
            <Link className="button secondary" to="/insurance">
              {t('insurance.backToPolicies')}
            </Link>
            {renewable ? (
              <button type="button" className="secondary" onClick={() => void renew()}>
                {t('policy.renew')}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={() => void archive()}>
              {policy.archived ? t('policy.restore') : t('policy.archive')}
            </button>
            <button type="button" className="secondary danger-text" onClick={() => void remove({ kind: 'policy', id: policy.id }, t('undo.deletedPolicy', { name: policy.productName }), '/insurance')}>
              {t('common.delete')}
            </button>
            <Link className="button" to={`/insurance/${policy.id}/edit`}>
              {t('common.edit')}
            </Link>
          </>
        }
      />
      <StatusPanel details={details} money={money} />
      {undoable ? (
        <p className="panel status ok" role="status">
          {t('policy.paid', { amount: money(undoable.amount), date: format.date(undoable.dueDate ?? undoable.paidOn) })}{' '}
          <button type="button" className="secondary" onClick={() => void undo()}>
            {t('common.undo')}
          </button>
        </p>
      ) : null}

      <div className="cards">
        <section className="card">
          <h2>{t('policy.insured')}</h2>
          <p className="big">{insuredName}</p>
          <p className="muted">{policy.policyholderId ? t('policy.policyholder', { name: data.members.get(policy.policyholderId)?.name ?? '' }) : null}</p>
        </section>
        <section className="card">
          <h2>{t('policy.sumAssured')}</h2>
          <p className="big">{money(policy.sumAssured)}</p>
          {policy.subLimits.length > 0 ? <p className="muted">{policy.subLimits.map((limit) => `${limit.name} ${money(limit.amount)}`).join(' · ')}</p> : null}
        </section>
        <section className="card">
          <h2>{t('policy.premium')}</h2>
          <p className="big">{t('insurance.premiumPer', { amount: money(policy.premium), frequency: t(`insurance.frequency.${policy.frequency}`) })}</p>
          <p className="muted">
            {policy.frequency === 'single'
              ? t('policy.singlePremium')
              : [policy.frequency !== 'annual' ? t('policy.perYear', { amount: money(annualizedPremium(policy)) }) : '', t('policy.premiumsLeft', { count: left.count, amount: money(left.amount) })].filter(Boolean).join(' · ')}
          </p>
        </section>
      </div>

      <table className="panel">
        <caption>{t('policy.datesCaption')}</caption>
        <tbody>
          <DateRow label={t('policy.effective')} date={policy.effectiveDate} />
          <DateRow label={t('policy.coolingOffEnd')} date={details.coolingOffEnd} />
          <DateRow label={t('policy.waitingEnd')} date={details.waitingPeriodEnd} />
          <DateRow label={t('policy.paymentEnd')} date={policy.frequency === 'single' ? undefined : details.paymentTermEnd} note={t('policy.paymentEndNote')} />
          <tr>
            <th scope="row">{t('policy.coverageEnd')}</th>
            <td>{details.coverageEnd ? format.date(details.coverageEnd) : t('policy.lifetimeOrUnknown')}</td>
          </tr>
          <DateRow label={t('policy.renewal')} date={details.renewalDate} note={policy.guaranteedRenewal ? t('policy.guaranteed') : t('policy.notGuaranteed')} />
          <tr>
            <th scope="row">{t('policy.beneficiaries')}</th>
            <td>
              {policy.beneficiaries.kind === 'legal-heirs'
                ? t('policyForm.beneficiaryKind.legal-heirs')
                : policy.beneficiaries.list.map((b) => t('policy.beneficiary', { name: b.name, share: format.integer(b.sharePercent), order: b.order })).join(' · ')}
            </td>
          </tr>
          {policy.premiumWaiver ? (
            <tr>
              <th scope="row">{t('policyForm.field.premiumWaiver')}</th>
              <td>{t('policy.yes')}</td>
            </tr>
          ) : null}
          {policy.note ? (
            <tr>
              <th scope="row">{t('policyForm.field.note')}</th>
              <td>{policy.note}</td>
            </tr>
          ) : null}
        </tbody>
      </table>

      {policy.frequency !== 'single' || premiums.length > 0 ? (
        <table className="panel">
          <caption>{t('policy.premiumsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.dueDate')}</th>
              <th scope="col" className="num">
                {t('policy.amount')}
              </th>
              <th scope="col" className="num">
                {t('policy.paidColumn')}
              </th>
              <th scope="col">{t('policy.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {premiums.map((due) => {
              const paidAmount = paid.get(due) ?? 0;
              const unpaid = details.unpaid.find((u) => u.dueDate === due);
              const settled = remaining({ amount: policy.premium, paid: paidAmount }) === 0;
              // After a lapse later premiums are not owed until the insurer reinstates the policy.
              const notOwed = suspendedOn(details.lapsedOn, due);
              return (
                <tr key={due}>
                  <td>{format.date(due)}</td>
                  <td className="num">{money(policy.premium)}</td>
                  <td className="num">{paidAmount > 0 ? money(paidAmount) : ''}</td>
                  <td>
                    {settled
                      ? t('policy.premiumPaid')
                      : unpaid
                        ? graceRunOut(unpaid, today)
                          ? t('policy.premiumLapsed', { date: format.date(unpaid.graceEnd) })
                          : t('policy.premiumInGrace', { date: format.date(unpaid.graceEnd) })
                        : notOwed
                          ? t('policy.premiumNotOwed')
                          : due <= today
                            ? t('policy.premiumDueToday')
                            : t('policy.premiumUpcoming')}
                  </td>
                  <td className="row-actions">
                    {!settled && !notOwed ? (
                      <button type="button" className={unpaid ? undefined : 'secondary'} onClick={() => setPaying(paying === due ? null : due)} aria-label={t('policy.payNamed', { date: format.date(due) })}>
                        {t('policy.pay')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {paying ? (
        <PremiumPaymentForm
          key={paying}
          policy={policy}
          dueDate={paying}
          remaining={remaining({ amount: policy.premium, paid: paid.get(paying) ?? 0 })}
          accounts={data.accounts}
          onDone={async (recorded) => {
            setPaying(null);
            if (recorded) setUndoable((await lastPayment(db, 'policy', policy.id)) ?? null);
          }}
        />
      ) : null}

      <section className="panel" aria-label={t('policy.claimsCaption')}>
        <h2>{t('policy.claimsCaption')}</h2>
        {data.claims.length === 0 ? (
          <p className="muted">{t('policy.noClaims')}</p>
        ) : (
          <ul className="plain-list">
            {data.claims.map((claim) => (
              <li key={claim.id}>
                {format.date(claim.filedOn)} · {format.money(claim.claimed, claim.currency)} · {t(`claims.status.${claim.status}`)}
                {claim.paid !== undefined ? ` · ${t('claims.paidAmount', { amount: format.money(claim.paid, claim.currency) })}` : ''}
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="secondary" onClick={() => void navigate(`/insurance/claims?policy=${encodeURIComponent(policy.id)}`)}>
          {t('policy.addClaim')}
        </button>
      </section>

      <Attachments ownerKind="policy" ownerId={policy.id} label={t('policy.documents')} />
    </>
  );
}

function DateRow(props: { label: string; date: string | undefined; note?: string }) {
  const format = useFormat();
  if (!props.date) return null;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>
        {format.date(props.date)}
        {props.note ? <span className="muted"> · {props.note}</span> : null}
      </td>
    </tr>
  );
}

/** What the policy's state means, in words, with the date that matters. */
function StatusPanel(props: { details: PolicyStatusDetails; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { details } = props;
  const oldest = details.unpaid[0];
  let text: string;
  switch (details.status) {
    case 'lapsed':
      text = t('policy.statusText.lapsed', { date: format.date(details.lapsedOn ?? ''), amount: props.money(oldest ? remaining(oldest) : 0), due: format.date(oldest?.dueDate ?? '') });
      break;
    case 'in-grace':
      text = t('policy.statusText.in-grace', { amount: props.money(oldest ? remaining(oldest) : 0), due: format.date(oldest?.dueDate ?? ''), date: format.date(oldest?.graceEnd ?? '') });
      break;
    case 'cooling-off':
      text = t('policy.statusText.cooling-off', { date: format.date(details.coolingOffEnd ?? '') });
      break;
    case 'waiting':
      text = t('policy.statusText.waiting', { date: format.date(details.waitingPeriodEnd ?? '') });
      break;
    case 'expired':
      text = t('policy.statusText.expired', { date: format.date(details.coverageEnd ?? '') });
      break;
    case 'pending':
      text = t('policy.statusText.pending');
      break;
    case 'paid-up':
      text = t('policy.statusText.paid-up');
      break;
    default:
      text = details.nextPremium ? t('policy.statusText.active', { amount: props.money(remaining(details.nextPremium)), date: format.date(details.nextPremium.dueDate) }) : t('policy.statusText.activeNoPremium');
  }
  const alert = details.status === 'lapsed' || details.status === 'in-grace';
  return (
    <section className={`panel ${alert ? 'alert' : ''}`} role={alert ? 'alert' : 'status'} aria-label={t('policy.statusTitle')}>
      <h2>
        <PolicyStatusBadge status={details.status} />
      </h2>
      <p>{text}</p>
    </section>
  );
}

function PremiumPaymentForm(props: { policy: Policy; dueDate: string; remaining: number; accounts: Account[]; onDone(recorded: boolean): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const { draft, setter, errors, save } = useRecordForm({
    initial: { amount: decimalText(props.remaining, props.policy.currency), paidOn: localToday(), accountId: defaultPayingAccount(props.policy.payingAccountId, props.accounts, props.policy.currency)?.id ?? '' },
    write: async ({ amount, paidOn, accountId }) => {
      const parsed = readMoney(amount, props.policy.currency, t, t('policy.amount'), { required: true, positive: true });
      if (parsed.error || parsed.value === undefined) return invalid({ amount: parsed.error ?? '' });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) return invalid({ paidOn: t('validation.date', { field: t('policy.paidOn') }) });
      await recordPayment(db, {
        source: 'policy',
        sourceId: props.policy.id,
        dueDate: props.dueDate,
        paidOn,
        amount: parsed.value,
        currency: props.policy.currency,
        kind: parsed.value >= props.remaining ? 'full' : 'partial',
        ...(accountId ? { accountId } : {}),
        payee: props.policy.productName,
      });
    },
    onSaved: () => props.onDone(true),
  });
  return (
    <form
      className="panel form"
      aria-label={t('policy.payTitle', { date: format.date(props.dueDate) })}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{t('policy.payTitle', { date: format.date(props.dueDate) })}</h2>
      <div className="form-grid">
        <TextField label={t('policy.amount')} value={draft.amount} inputMode="decimal" onChange={setter('amount')} error={errors.amount} autoFocus />
        <TextField label={t('policy.paidOn')} type="date" value={draft.paidOn} onChange={setter('paidOn')} error={errors.paidOn} />
        <SelectField label={t('policy.paidFrom')} value={draft.accountId} options={[{ value: '', label: t('policy.noAccount') }, ...props.accounts.map((a) => ({ value: a.id, label: a.name }))]} onChange={setter('accountId')} hint={t('policy.paidFromHint')} />
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => props.onDone(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit">{t('policy.recordPayment')}</button>
      </div>
    </form>
  );
}
