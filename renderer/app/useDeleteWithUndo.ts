/** Deletes a record and everything under it, then offers Undo in the app-wide toast. */
import { useNavigate } from 'react-router';
import { deleteWithSnapshot, restoreSnapshot, type DeletionTarget } from '../db/deletion';
import { useSettings } from './settings-context';
import { useUndo } from './undo-context';

export function useDeleteWithUndo() {
  const { db } = useSettings();
  const { offer } = useUndo();
  const navigate = useNavigate();
  return async (target: DeletionTarget, message: string, then?: string) => {
    const snapshot = await deleteWithSnapshot(db, target);
    if (then) void navigate(then);
    offer(message, () => restoreSnapshot(db, snapshot));
  };
}
