import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Category } from '../../../shared/domain';
import { useSettings } from '../../app/settings-context';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { categoryName } from '../../components/categoryName';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';
import { addPresetCategories } from './db';
import { FormPanel } from '../../components/form/FormPanel';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';

const GROUPS = ['living', 'home', 'health', 'family', 'leisure', 'finance', 'income', 'other'];

interface Draft {
  id?: string;
  name: string;
  kind: Category['kind'];
  group: string;
  rollover: boolean;
}

function CategoryForm(props: { initial: Draft; onDone(): void }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const { draft, set, errors, problem, save } = useRecordForm<Draft>({
    initial: props.initial,
    fieldLabel: (field) => t(`categories.${field}`),
    write: async (draft) => {
      if (!draft.name.trim()) return invalid({ name: t('validation.required', { field: t('categories.name') }) });
      if (draft.id) {
        const renamed = draft.name.trim() !== props.initial.name;
        await repositories.categories.update(draft.id, { ...(renamed ? { name: draft.name.trim() } : {}), kind: draft.kind, group: draft.group, rollover: draft.rollover });
        // Renaming a preset makes the name the user's own: its translation no longer applies.
        if (renamed) await db.categories.update(draft.id, { preset: undefined });
      } else {
        const order = (await db.categories.orderBy('order').last())?.order ?? 0;
        await repositories.categories.add({ name: draft.name.trim(), kind: draft.kind, group: draft.group, rollover: draft.rollover, order: order + 1, archived: false });
      }
    },
    onSaved: () => props.onDone(),
  });
  return (
    <FormPanel title={draft.id ? t('categories.editTitle') : t('categories.addTitle')} onSave={save} onCancel={props.onDone} problem={problem}>
      <TextField label={t('categories.name')} value={draft.name} onChange={(name) => set({ name })} error={errors.name} autoFocus />
      <SelectField label={t('categories.kind')} value={draft.kind} options={(['expense', 'income'] as const).map((kind) => ({ value: kind, label: t(`categories.kinds.${kind}`) }))} onChange={(kind) => set({ kind })} />
      <SelectField label={t('categories.group')} value={draft.group} options={GROUPS.map((group) => ({ value: group, label: t(`categories.groups.${group}`) }))} onChange={(group) => set({ group })} />
      <CheckboxField label={t('categories.rollover')} checked={draft.rollover} onChange={(rollover) => set({ rollover })} hint={t('categories.rolloverHint')} />
    </FormPanel>
  );
}

/** Categories, grouped: rename, regroup, reorder, choose rollover, archive. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const [editing, setEditing] = useState<Draft | null>(null);
  const categories = useLiveQuery(() => db.categories.orderBy('order').toArray(), [db]);

  const move = async (category: Category, direction: -1 | 1) => {
    if (!categories) return;
    const siblings = categories.filter((c) => c.kind === category.kind);
    const index = siblings.findIndex((c) => c.id === category.id);
    const other = siblings[index + direction];
    if (!other) return;
    await db.transaction('rw', db.categories, async () => {
      await repositories.categories.update(category.id, { order: other.order });
      await repositories.categories.update(other.id, { order: category.order });
    });
  };

  const groups = new Map<string, Category[]>();
  for (const category of categories ?? []) {
    const key = `${category.kind}:${category.group}`;
    groups.set(key, [...(groups.get(key) ?? []), category]);
  }

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        subtitle={t('categories.subtitle')}
        actions={
          <>
            <Link className="button secondary" to="/budget">
              {t('categories.backToBudget')}
            </Link>
            <button type="button" className="secondary" onClick={() => void addPresetCategories(db)}>
              {t('categories.restorePresets')}
            </button>
            <button type="button" onClick={() => setEditing({ name: '', kind: 'expense', group: 'other', rollover: false })}>
              {t('categories.add')}
            </button>
          </>
        }
      />
      {editing ? <CategoryForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} /> : null}
      {categories && categories.length === 0 && !editing ? (
        <EmptyState title={t('categories.empty.title')} description={t('categories.empty.description')}>
          <button type="button" onClick={() => void addPresetCategories(db)}>
            {t('budget.addPresets')}
          </button>
        </EmptyState>
      ) : null}
      {[...groups.entries()].map(([key, rows]) => {
        const [kind = 'expense', group = 'other'] = key.split(':');
        return (
          <table className="panel category-table" key={key}>
            <caption>
              {t(`categories.kinds.${kind}`)} · {GROUPS.includes(group) ? t(`categories.groups.${group}`) : group}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('categories.name')}</th>
                <th scope="col">{t('categories.rollover')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((category) => {
                const name = categoryName(category, t);
                return (
                  <tr key={category.id} className={category.archived ? 'archived' : undefined}>
                    <th scope="row">
                      {name}
                      {category.archived ? <span className="warning-tag">{t('categories.archived')}</span> : null}
                    </th>
                    <td>{category.rollover ? t('categories.rolloverOn') : t('categories.rolloverOff')}</td>
                    <td className="row-actions">
                      <button type="button" className="secondary" onClick={() => void move(category, -1)} aria-label={t('categories.moveUp', { name })}>
                        ↑
                      </button>
                      <button type="button" className="secondary" onClick={() => void move(category, 1)} aria-label={t('categories.moveDown', { name })}>
                        ↓
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setEditing({ id: category.id, name, kind: category.kind, group: category.group, rollover: category.rollover })}
                        aria-label={t('categories.editNamed', { name })}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void repositories.categories.update(category.id, { archived: !category.archived })}
                        aria-label={t(category.archived ? 'categories.restoreNamed' : 'categories.archiveNamed', { name })}
                      >
                        {category.archived ? t('categories.restore') : t('categories.archive')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
