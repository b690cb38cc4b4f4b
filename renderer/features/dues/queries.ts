/** Everything due in [from, to], from the one shared obligations function, live from the database. */
import { useLiveQuery } from 'dexie-react-hooks';
import { obligationsBetween, type Obligation } from '../../../shared/obligations';
import type { Institution } from '../../../shared/domain';
import { useSettings } from '../../app/settings-context';
import { loadObligationSources } from './loader';

export interface ObligationsView {
  obligations: Obligation[];
  institutions: Map<string, Institution>;
  /** Whether anything at all can fall due (debts, bills, deposits or policies exist). */
  hasSources: boolean;
}

export function useObligations(from: string, to: string, today: string): ObligationsView | undefined {
  const { db } = useSettings();
  return useLiveQuery(async () => {
    const sources = await loadObligationSources(db, from, to);
    return {
      obligations: obligationsBetween(sources, from, to, today),
      institutions: new Map(sources.institutions.map((i) => [i.id, i])),
      hasSources: sources.debts.length > 0 || sources.recurringBills.length > 0 || sources.accounts.length > 0 || sources.policies.length > 0,
    };
  }, [db, from, to, today]);
}
