/**
 * The one way the UI deletes: the target and everything under it go in one transaction
 * (renderer/db/deletion.ts), and the app-wide toast offers Undo, which puts back exactly that.
 */
import { useNavigate } from 'react-router';
import { deleteWithSnapshot, restoreSnapshot, type DeletionTarget, type Snapshot } from '../db/deletion';
import { useSettings } from './settings-context';
import { useUndo } from './undo-context';

export function useDeleteWithUndo() {
  const { db } = useSettings();
  const { offer } = useUndo();
  const navigate = useNavigate();
  /** `message` may count what went (a transfer takes two rows); `then` is a route to leave for. */
  return async (target: DeletionTarget | readonly DeletionTarget[], message: string | ((snapshot: Snapshot) => string), then?: string): Promise<Snapshot> => {
    const snapshot = await deleteWithSnapshot(db, target);
    if (then) void navigate(then);
    offer(typeof message === 'string' ? message : message(snapshot), () => restoreSnapshot(db, snapshot));
    return snapshot;
  };
}
