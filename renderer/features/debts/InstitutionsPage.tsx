import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTITUTION_PRESETS, INSTITUTION_PRESET_DETAILS, type Institution } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/form/fields';
import { useSettings } from '../../app/settings-context';
import { FormPanel } from '../../components/form/FormPanel';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { deletionCounts } from '../../db/deletion';
import { useRecordForm } from '../../components/form/useRecordForm';
import { loadInstitutions } from './queries';

type Preset = (typeof INSTITUTION_PRESETS)[number];
type Kind = Institution['kind'];
const KINDS: Kind[] = ['bank', 'consumer-finance', 'payment', 'insurer', 'other'];

interface Draft {
  id?: string;
  /** The stored row this draft was made from, as the form opened it: what saveEdit compares with. */
  base?: Institution;
  preset: Preset;
  name: string;
  kind: Kind;
  color: string;
  note: string;
  archived: boolean;
}

function InstitutionForm(props: { initial: Draft; onDone(): void }) {
  const { t } = useTranslation();
  const { repositories } = useSettings();
  const label = (field: string) => t(`institutions.field.${field}`);
  const { draft, set, errors, problem, save } = useRecordForm<Draft, Institution>({
    initial: props.initial,
    fieldLabel: label,
    write: (draft) => {
      const row = { name: draft.name, preset: draft.preset, kind: draft.kind, color: draft.color, archived: draft.archived, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) };
      return draft.id ? repositories.institutions.saveEdit(draft.id, row, props.initial.base) : repositories.institutions.add(row);
    },
    onSaved: () => props.onDone(),
  });

  const choosePreset = (preset: Preset) => {
    const details = INSTITUTION_PRESET_DETAILS[preset];
    set({ preset, kind: details.kind, color: details.color, name: preset === 'other' ? '' : t(`institution.preset.${preset}`) });
  };

  return (
    <FormPanel title={draft.id ? t('institutions.editTitle') : t('institutions.addTitle')} onSave={save} onCancel={props.onDone} problem={problem}>
      <SelectField
        label={label('preset')}
        value={draft.preset}
        options={INSTITUTION_PRESETS.map((preset) => ({ value: preset, label: t(`institution.preset.${preset}`) }))}
        onChange={choosePreset}
      />
      <TextField label={label('name')} value={draft.name} onChange={(name) => set({ name })} error={errors.name} />
      <SelectField label={label('kind')} value={draft.kind} options={KINDS.map((kind) => ({ value: kind, label: t(`institutions.kind.${kind}`) }))} onChange={(kind) => set({ kind })} />
      <TextField label={label('color')} type="color" value={draft.color} onChange={(color) => set({ color })} error={errors.color} hint={t('institutions.colorHint')} />
      <TextField label={label('note')} value={draft.note} onChange={(note) => set({ note })} error={errors.note} />
    </FormPanel>
  );
}

const NEW_DRAFT: Draft = { preset: 'other', name: '', kind: 'bank', color: '#6b7280', note: '', archived: false };

/** Institutions: the lenders, platforms and insurers the user deals with, each with a colour. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const [editing, setEditing] = useState<Draft | null>(null);
  const data = useLiveQuery(() => loadInstitutions(db), [db]);

  const [deleting, setDeleting] = useState<{ institution: Institution; summary: string } | null>(null);
  const remove = useDeleteWithUndo();
  // Deleting an institution takes its debts, policies and accounts with it: say what, and ask first.
  const askDelete = async (institution: Institution) => {
    const counts = await deletionCounts(db, { kind: 'institution', id: institution.id });
    const parts = (['debts', 'policies', 'accounts', 'transactions', 'payments', 'statements', 'claims', 'attachments'] as const)
      .filter((table) => (counts[table] ?? 0) > 0)
      .map((table) => t(`institutions.deleteCounts.${table}`, { count: counts[table] ?? 0 }));
    setDeleting({ institution, summary: parts.length > 0 ? t('institutions.deleteBody', { name: institution.name, list: parts.join(', ') }) : t('institutions.deleteBodyEmpty', { name: institution.name }) });
  };
  const edit = (institution: Institution) =>
    setEditing({ id: institution.id, base: institution, preset: institution.preset ?? 'other', name: institution.name, kind: institution.kind, color: institution.color, note: institution.note ?? '', archived: institution.archived });

  return (
    <>
      {deleting ? (
        <ConfirmDialog
          title={t('institutions.deleteTitle', { name: deleting.institution.name })}
          body={deleting.summary}
          confirm={t('institutions.deleteConfirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const { institution } = deleting;
            setDeleting(null);
            void remove({ kind: 'institution', id: institution.id }, t('undo.deletedInstitution', { name: institution.name }));
          }}
        />
      ) : null}
      <PageHeader
        title={t('institutions.title')}
        actions={
          <>
            <Link className="button secondary" to="/debts">
              {t('institutions.backToDebts')}
            </Link>
            <button type="button" onClick={() => setEditing(NEW_DRAFT)}>
              {t('institutions.add')}
            </button>
          </>
        }
      />
      {editing ? <InstitutionForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} /> : null}
      {data && data.institutions.length === 0 && !editing ? (
        <EmptyState title={t('institutions.empty.title')} description={t('institutions.empty.description')}>
          <button type="button" onClick={() => setEditing(NEW_DRAFT)}>
            {t('institutions.add')}
          </button>
        </EmptyState>
      ) : null}
      {data && data.institutions.length > 0 ? (
        <table className="panel">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('institutions.field.kind')}</th>
              <th scope="col" className="num">
                {t('institutions.debtCount')}
              </th>
              <th scope="col">{t('institutions.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.institutions.map((institution) => (
              <tr key={institution.id} className={institution.archived ? 'archived' : undefined}>
                <td>
                  <InstitutionBadge institution={institution} />
                </td>
                <td>{t(`institutions.kind.${institution.kind}`)}</td>
                <td className="num">{data.debtCount.get(institution.id) ?? 0}</td>
                <td>{institution.archived ? t('institutions.archived') : t('institutions.active')}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => edit(institution)} aria-label={t('institutions.editNamed', { name: institution.name })}>
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void repositories.institutions.archive(institution.id, !institution.archived)}
                    aria-label={t(institution.archived ? 'institutions.restoreNamed' : 'institutions.archiveNamed', { name: institution.name })}
                  >
                    {institution.archived ? t('institutions.restore') : t('institutions.archive')}
                  </button>
                  <button type="button" className="secondary" onClick={() => void askDelete(institution)} aria-label={t('institutions.deleteNamed', { name: institution.name })}>
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
