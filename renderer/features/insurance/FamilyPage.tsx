import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FamilyMemberSchema, type FamilyMember } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { localToday } from '../../app/today';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { FormPanel } from '../../components/form/FormPanel';
import { SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { loadFamily } from './queries';

const RELATIONS = FamilyMemberSchema.shape.relation.options;

interface Draft {
  id?: string;
  /** The stored row this draft was made from, as the form opened it: what saveEdit compares with. */
  base?: FamilyMember;
  name: string;
  relation: FamilyMember['relation'];
  birthDate: string;
  income: string;
  /** The income's currency: the member's own when editing, else the base currency. */
  currency: string;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function MemberForm(props: { initial: Draft; onDone(): void }) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const label = (field: string) => t(`family.${field}`);
  const { draft, set, errors, problem, save } = useRecordForm<Draft, FamilyMember>({
    initial: props.initial,
    fieldLabel: (field) => label(field === 'annualIncome' ? 'income' : field),
    write: (draft) => {
      const income = readMoney(draft.income, draft.currency, t, label('income'));
      const found: Record<string, string> = {};
      if (!draft.name.trim()) found.name = t('validation.required', { field: label('name') });
      if (income.error) found.income = income.error;
      if (draft.birthDate && draft.birthDate > localToday()) found.birthDate = t('family.birthInFuture');
      if (Object.keys(found).length > 0) return invalid(found);
      const row = {
        name: draft.name.trim(),
        relation: draft.relation,
        ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
        ...(income.value !== undefined ? { annualIncome: income.value, currency: draft.currency } : {}),
      };
      return draft.id ? repositories.familyMembers.saveEdit(draft.id, row, props.initial.base) : repositories.familyMembers.add(row);
    },
    onSaved: () => props.onDone(),
  });
  return (
    <FormPanel title={draft.id ? t('family.editTitle') : t('family.addTitle')} onSave={save} onCancel={props.onDone} problem={problem}>
      <div className="form-grid">
        <TextField label={label('name')} value={draft.name} onChange={(name) => set({ name })} error={errors.name} autoFocus />
        <SelectField label={label('relation')} value={draft.relation} options={RELATIONS.map((relation) => ({ value: relation, label: t(`family.relations.${relation}`) }))} onChange={(relation) => set({ relation })} />
        <TextField label={label('birthDate')} type="date" value={draft.birthDate} onChange={(birthDate) => set({ birthDate })} error={errors.birthDate} hint={t('family.birthDateHint')} />
        <TextField label={label('income')} value={draft.income} inputMode="decimal" onChange={(income) => set({ income })} error={errors.income} hint={t('family.incomeHint', { currency: draft.currency })} />
      </div>
    </FormPanel>
  );
}

/** The people the household's policies cover: who they are, their age and what they earn. */
export function FamilyPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  const data = useLiveQuery(() => loadFamily(db), [db]);
  const today = localToday();
  const currency = settings.baseCurrency;

  const deleteWithUndo = useDeleteWithUndo();
  const remove = async (member: FamilyMember) => {
    // A member still named on a policy stays: removing them would leave the policy without its insured.
    const used = (data?.policies ?? []).filter((p) => (p.insured.kind === 'member' && p.insured.memberId === member.id) || p.policyholderId === member.id);
    if (used.length > 0) return setMessage(t('family.inUse', { name: member.name, count: used.length }));
    setMessage('');
    await deleteWithUndo({ kind: 'familyMember', id: member.id }, t('undo.deletedMember', { name: member.name }));
  };
  const draftOf = (member: FamilyMember): Draft => ({
    id: member.id,
    base: member,
    name: member.name,
    relation: member.relation,
    birthDate: member.birthDate ?? '',
    income: member.annualIncome !== undefined ? decimalText(member.annualIncome, member.currency ?? currency) : '',
    currency: member.currency ?? currency,
  });

  return (
    <>
      <PageHeader
        title={t('family.title')}
        subtitle={t('family.subtitle')}
        actions={
          <>
            <Link className="button secondary" to="/insurance">
              {t('insurance.backToPolicies')}
            </Link>
            <button type="button" onClick={() => setEditing({ name: '', relation: data?.members.some((m) => m.relation === 'self') ? 'spouse' : 'self', birthDate: '', income: '', currency })}>
              {t('family.add')}
            </button>
          </>
        }
      />
      {editing ? <MemberForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} /> : null}
      {message ? (
        <p className="panel alert" role="alert">
          {message}
        </p>
      ) : null}
      {data && data.members.length === 0 && !editing ? (
        <EmptyState title={t('family.emptyTitle')} description={t('family.emptyDescription')}>
          <button type="button" onClick={() => setEditing({ name: '', relation: 'self', birthDate: '', income: '', currency })}>
            {t('family.add')}
          </button>
        </EmptyState>
      ) : null}
      {data && data.members.length > 0 ? (
        <table className="panel">
          <caption>{t('family.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('family.name')}</th>
              <th scope="col">{t('family.relation')}</th>
              <th scope="col">{t('family.birthDate')}</th>
              <th scope="col" className="num">
                {t('family.income')}
              </th>
              <th scope="col" className="num">
                {t('family.policies')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{t(`family.relations.${member.relation}`)}</td>
                <td>{member.birthDate ? t('family.bornAge', { date: format.date(member.birthDate), age: ageOn(member.birthDate, today) }) : <span className="muted">{t('family.noBirthDate')}</span>}</td>
                <td className="num">{member.annualIncome !== undefined ? format.money(member.annualIncome, member.currency ?? currency) : ''}</td>
                <td className="num">{format.integer(data.policies.filter((p) => !p.archived && p.insured.kind === 'member' && p.insured.memberId === member.id).length)}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => setEditing(draftOf(member))} aria-label={t('family.editNamed', { name: member.name })}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="secondary" onClick={() => void remove(member)} aria-label={t('family.deleteNamed', { name: member.name })}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
