/**
 * What an edit form needs to save only the user's own changes (Repository.saveEdit): the stored
 * row as it was when the form opened, read once at mount, and the words for a conflict.
 */
import type { Table } from 'dexie';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { EditConflictError } from '../../db/repository';

/** The row as the form opened it; undefined for a new row (no id) or one already gone. */
export function useEditBase<T>(table: Table<T, string>, id: string | undefined): () => Promise<T | undefined> {
  // Read once, when the form mounts: later changes elsewhere must not move the base.
  const [read] = useState(() => (id ? table.get(id) : Promise.resolve(undefined)));
  return () => read;
}

/** The message for an edit that collided with a change made elsewhere, or undefined for any other error. */
export function editConflictMessage(error: unknown, t: TFunction): string | undefined {
  return error instanceof EditConflictError ? t('common.editConflict') : undefined;
}
