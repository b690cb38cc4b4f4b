/** Everything due in [from, to], from the one shared obligations function, live from the database. */
import { useLiveQuery } from 'dexie-react-hooks';
import { obligationsBetween, type Obligation } from '../../shared/obligations';
import type { Institution } from '../../shared/domain';
import { useSettings } from './settings-context';

export interface ObligationsView {
  obligations: Obligation[];
  institutions: Map<string, Institution>;
  /** Whether anything at all can fall due (debts, bills, deposits or policies exist). */
  hasSources: boolean;
}

export function useObligations(from: string, to: string, today: string): ObligationsView | undefined {
  const { db } = useSettings();
  return useLiveQuery(async () => {
    const [debts, statements, payments, recurringBills, accounts, institutions, policies, familyMembers] = await Promise.all([
      db.debts.toArray(),
      db.statements.where('dueDate').between(from, to, true, true).toArray(),
      db.payments.toArray(),
      db.recurringBills.toArray(),
      db.accounts.where('kind').equals('fixed-deposit').toArray(),
      db.institutions.toArray(),
      db.policies.toArray(),
      db.familyMembers.toArray(),
    ]);
    return {
      obligations: obligationsBetween({ debts, statements, payments, recurringBills, accounts, policies, familyMembers }, from, to, today),
      institutions: new Map(institutions.map((i) => [i.id, i])),
      hasSources: debts.length > 0 || recurringBills.length > 0 || accounts.length > 0 || policies.length > 0,
    };
  }, [db, from, to, today]);
}
