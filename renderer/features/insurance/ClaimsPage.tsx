import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ClaimSchema, type Claim, type Policy } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { localToday } from '../../app/today';
import { Attachments } from '../../components/Attachments';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { FormPanel } from '../../components/form/FormPanel';
import { SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { loadClaims } from './queries';

const STATUSES = ClaimSchema.shape.status.options;

interface Draft {
  id?: string;
  /** The stored row this draft was made from, as the form opened it: what saveEdit compares with. */
  base?: Claim;
  policyId: string;
  memberId: string;
  incidentDate: string;
  filedOn: string;
  claimed: string;
  paid: string;
  status: Claim['status'];
  note: string;
}

function ClaimForm(props: { initial: Draft; policies: Policy[]; members: { id: string; name: string }[]; onDone(savedId?: string): void }) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const label = (field: string) => t(`claims.field.${field}`);
  const currencyOf = (policyId: string) => props.policies.find((p) => p.id === policyId)?.currency ?? 'CNY';
  const { draft, set, errors, problem, save } = useRecordForm<Draft, Claim>({
    initial: props.initial,
    fieldLabel: label,
    write: (draft) => {
      const currency = currencyOf(draft.policyId);
      const claimed = readMoney(draft.claimed, currency, t, label('claimed'), { required: true, positive: true });
      const paid = readMoney(draft.paid, currency, t, label('paid'));
      const found: Record<string, string> = {};
      if (!draft.policyId) found.policyId = t('validation.required', { field: label('policyId') });
      if (claimed.error) found.claimed = claimed.error;
      if (paid.error) found.paid = paid.error;
      if (draft.filedOn && draft.incidentDate && draft.filedOn < draft.incidentDate) found.filedOn = t('claims.filedBeforeIncident');
      if (draft.status === 'paid' && paid.value === undefined) found.paid = t('claims.paidNeedsAmount');
      if (Object.keys(found).length > 0) return invalid(found);
      const row = {
        policyId: draft.policyId,
        ...(draft.memberId ? { memberId: draft.memberId } : {}),
        incidentDate: draft.incidentDate,
        filedOn: draft.filedOn,
        claimed: claimed.value ?? 0,
        ...(paid.value !== undefined ? { paid: paid.value } : {}),
        currency,
        status: draft.status,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      };
      return draft.id ? repositories.claims.saveEdit(draft.id, row, props.initial.base) : repositories.claims.add(row);
    },
    onSaved: (saved) => props.onDone(saved.id),
  });
  const currency = currencyOf(draft.policyId);
  const choosePolicy = (policyId: string) => {
    const chosen = props.policies.find((p) => p.id === policyId);
    set({ policyId, memberId: chosen?.insured.kind === 'member' ? chosen.insured.memberId : '' });
  };
  return (
    <FormPanel title={draft.id ? t('claims.editTitle') : t('claims.addTitle')} onSave={save} onCancel={() => props.onDone()} problem={problem}>
      <div className="form-grid">
        <SelectField label={label('policyId')} value={draft.policyId} options={[{ value: '', label: t('policyForm.choose') }, ...props.policies.map((p) => ({ value: p.id, label: p.policyNumber ? `${p.productName} (${p.policyNumber})` : p.productName }))]} onChange={choosePolicy} error={errors.policyId} />
        <SelectField label={label('memberId')} value={draft.memberId} options={[{ value: '', label: t('policyForm.notRecorded') }, ...props.members.map((m) => ({ value: m.id, label: m.name }))]} onChange={(memberId) => set({ memberId })} />
        <TextField label={label('incidentDate')} type="date" value={draft.incidentDate} onChange={(incidentDate) => set({ incidentDate })} error={errors.incidentDate} />
        <TextField label={label('filedOn')} type="date" value={draft.filedOn} onChange={(filedOn) => set({ filedOn })} error={errors.filedOn} />
        <TextField label={label('claimed')} value={draft.claimed} inputMode="decimal" onChange={(claimed) => set({ claimed })} error={errors.claimed} hint={currency} />
        <TextField label={label('paid')} value={draft.paid} inputMode="decimal" onChange={(paid) => set({ paid })} error={errors.paid} hint={t('claims.paidHint')} />
        <SelectField label={label('status')} value={draft.status} options={STATUSES.map((status) => ({ value: status, label: t(`claims.status.${status}`) }))} onChange={(status) => set({ status })} />
        <TextField label={label('note')} value={draft.note} onChange={(note) => set({ note })} error={errors.note} />
      </div>
    </FormPanel>
  );
}

/** The claims log: what was claimed on which policy, for whom, how it stands, and its documents. */
export function ClaimsPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const [params] = useSearchParams();
  const today = localToday();
  const fromPolicy = params.get('policy') ?? '';
  const [editing, setEditing] = useState<Draft | null>(null);
  const [documentsOf, setDocumentsOf] = useState<string | null>(null);
  const data = useLiveQuery(() => loadClaims(db), [db]);
  const empty = (policyId: string): Draft => {
    const policy = data?.policiesById.get(policyId);
    return { policyId, memberId: policy?.insured.kind === 'member' ? policy.insured.memberId : '', incidentDate: today, filedOn: today, claimed: '', paid: '', status: 'filed', note: '' };
  };
  const [openedFromPolicy, setOpenedFromPolicy] = useState(false);
  if (data && fromPolicy && !openedFromPolicy && !editing) {
    // Arriving from a policy's page opens the form for that policy.
    setOpenedFromPolicy(true);
    setEditing(empty(fromPolicy));
  }
  const draftOf = (claim: Claim): Draft => ({
    id: claim.id,
    base: claim,
    policyId: claim.policyId,
    memberId: claim.memberId ?? '',
    incidentDate: claim.incidentDate,
    filedOn: claim.filedOn,
    claimed: decimalText(claim.claimed, claim.currency),
    paid: claim.paid !== undefined ? decimalText(claim.paid, claim.currency) : '',
    status: claim.status,
    note: claim.note ?? '',
  });
  // With its documents; Undo is offered in the app's toast.
  const deleteWithUndo = useDeleteWithUndo();
  const remove = async (claim: Claim) => {
    await deleteWithUndo({ kind: 'claim', id: claim.id }, t('undo.deletedClaim', { date: format.date(claim.filedOn) }));
  };

  return (
    <>
      <PageHeader
        title={t('claims.title')}
        subtitle={t('claims.subtitle')}
        actions={
          <>
            <Link className="button secondary" to="/insurance">
              {t('insurance.backToPolicies')}
            </Link>
            <button type="button" disabled={!data || data.policies.length === 0} onClick={() => setEditing(empty(data?.policies[0]?.id ?? ''))}>
              {t('claims.add')}
            </button>
          </>
        }
      />
      {editing && data ? (
        <ClaimForm
          key={editing.id ?? `new-${editing.policyId}`}
          initial={editing}
          policies={data.policies.filter((p) => !p.archived || p.id === editing.policyId)}
          members={data.members}
          onDone={(savedId) => {
            setEditing(null);
            // A new claim's documents come next: open its attachments at once.
            if (savedId) setDocumentsOf(savedId);
          }}
        />
      ) : null}
      {documentsOf && data?.claims.some((c) => c.id === documentsOf) ? (
        <Attachments ownerKind="claim" ownerId={documentsOf} label={t('claims.documentsOf', { policy: data.policiesById.get(data.claims.find((c) => c.id === documentsOf)?.policyId ?? '')?.productName ?? '' })} />
      ) : null}
      {data && data.claims.length === 0 && !editing ? (
        <EmptyState title={t('claims.emptyTitle')} description={t('claims.emptyDescription')}>
          {data.policies.length === 0 ? (
            <Link className="button" to="/insurance/new">
              {t('insurance.addPolicy')}
            </Link>
          ) : (
            <button type="button" onClick={() => setEditing(empty(data.policies[0]?.id ?? ''))}>
              {t('claims.add')}
            </button>
          )}
        </EmptyState>
      ) : null}
      {data && data.claims.length > 0 ? (
        <table className="panel">
          <caption className="visually-hidden">{t('claims.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claims.field.filedOn')}</th>
              <th scope="col">{t('claims.field.policyId')}</th>
              <th scope="col">{t('claims.field.memberId')}</th>
              <th scope="col" className="num">
                {t('claims.field.claimed')}
              </th>
              <th scope="col" className="num">
                {t('claims.field.paid')}
              </th>
              <th scope="col">{t('claims.field.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.claims.map((claim) => {
              const policy = data.policiesById.get(claim.policyId);
              return (
                <tr key={claim.id}>
                  <td>
                    {format.date(claim.filedOn)}
                    <br />
                    <span className="muted">{t('claims.incidentOn', { date: format.date(claim.incidentDate) })}</span>
                  </td>
                  <td>{policy ? <Link to={`/insurance/${policy.id}`}>{policy.productName}</Link> : ''}</td>
                  <td>{claim.memberId ? (data.membersById.get(claim.memberId)?.name ?? '') : ''}</td>
                  <td className="num">{format.money(claim.claimed, claim.currency)}</td>
                  <td className="num">{claim.paid !== undefined ? format.money(claim.paid, claim.currency) : ''}</td>
                  <td>
                    {t(`claims.status.${claim.status}`)}
                    {claim.note ? <span className="muted"> · {claim.note}</span> : null}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="secondary" onClick={() => setDocumentsOf(documentsOf === claim.id ? null : claim.id)} aria-label={t('claims.documentsNamed', { date: format.date(claim.filedOn), count: data.documents.get(claim.id) ?? 0 })}>
                      {t('claims.documents', { count: data.documents.get(claim.id) ?? 0 })}
                    </button>
                    <button type="button" className="secondary" onClick={() => setEditing(draftOf(claim))} aria-label={t('claims.editNamed', { date: format.date(claim.filedOn) })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="secondary" onClick={() => void remove(claim)} aria-label={t('claims.deleteNamed', { date: format.date(claim.filedOn) })}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
