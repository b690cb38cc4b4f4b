/** The dues of a date window, live from the database (the one loader, re-run on every change). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DueWindow } from '../../../shared/due-window';
import { useSettings } from '../../app/settings-context';
import { loadDues, type DuesOfWindow } from './loader';

export function useDues(window: DueWindow, today: string): DuesOfWindow | undefined {
  const { db } = useSettings();
  const { from, to } = window;
  return useLiveQuery(() => loadDues(db, { from, to }, today), [db, from, to, today]);
}
