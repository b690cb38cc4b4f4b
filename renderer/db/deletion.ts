/**
 * Deleting a record with everything that belongs to it, in one transaction, keeping a snapshot of
 * every row removed or changed so the whole deletion can be undone exactly. Every delete the user
 * can make goes through here (useDeleteWithUndo offers the Undo), so none can be half-undone.
 */
import Dexie from 'dexie';
import type { Transaction } from '../../shared/domain';
import { allTables, type ClearDayDatabase, type TableName } from './database';

/** The rows as they were before the deletion, per table: undo writes them back. */
export type Snapshot = Partial<Record<TableName, unknown[]>>;

/** What goes: ids to delete per table (sets keep a 10,000-row import linear), and rows to rewrite. */
interface Plan {
  remove: Partial<Record<TableName, Set<string>>>;
  rewrite: Partial<Record<TableName, { id: string; next: object }[]>>;
}

export type DeletionTarget = {
  kind:
    | 'debt'
    | 'policy'
    | 'account'
    | 'institution'
    | 'import'
    | 'transaction'
    | 'payment'
    | 'claim'
    | 'familyMember'
    | 'collectionContact'
    | 'valuation'
    | 'attachment';
  id: string;
};

function add(plan: Plan, table: TableName, ids: Iterable<string>): void {
  const set = (plan.remove[table] ??= new Set());
  for (const id of ids) set.add(id);
}

/** Transactions written for payments go with them; a transfer's other leg goes too. */
async function paymentsWithTransactions(db: ClearDayDatabase, plan: Plan, paymentIds: string[]): Promise<void> {
  add(plan, 'payments', paymentIds);
  if (paymentIds.length === 0) return;
  const rows = await db.transactions.where('paymentId').anyOf(paymentIds).toArray();
  await transactionsWithPartners(db, plan, rows);
}

async function transactionsWithPartners(db: ClearDayDatabase, plan: Plan, rows: Transaction[]): Promise<void> {
  add(plan, 'transactions', rows.map((row) => row.id));
  const transferIds = [...new Set(rows.map((row) => row.transferId).filter((id): id is string => Boolean(id)))];
  if (transferIds.length > 0) add(plan, 'transactions', (await db.transactions.where('transferId').anyOf(transferIds).primaryKeys()) as string[]);
}

async function planDebt(db: ClearDayDatabase, plan: Plan, debtId: string): Promise<void> {
  add(plan, 'debts', [debtId]);
  // Installment plans billed through this card or line go with it.
  const children = await db.debts.where('parentDebtId').equals(debtId).primaryKeys();
  for (const child of children as string[]) if (!plan.remove.debts?.has(child)) await planDebt(db, plan, child);
  add(plan, 'statements', (await db.statements.where('debtId').equals(debtId).primaryKeys()) as string[]);
  add(plan, 'collectionContacts', (await db.collectionContacts.where('debtId').equals(debtId).primaryKeys()) as string[]);
  add(plan, 'attachments', (await db.attachments.where('[ownerKind+ownerId]').equals(['debt', debtId]).primaryKeys()) as string[]);
  await paymentsWithTransactions(db, plan, (await db.payments.where('[source+sourceId]').equals(['debt', debtId]).primaryKeys()) as string[]);
}

async function planPolicy(db: ClearDayDatabase, plan: Plan, policyId: string): Promise<void> {
  add(plan, 'policies', [policyId]);
  const claims = (await db.claims.where('policyId').equals(policyId).primaryKeys()) as string[];
  add(plan, 'claims', claims);
  add(plan, 'attachments', (await db.attachments.where('[ownerKind+ownerId]').equals(['policy', policyId]).primaryKeys()) as string[]);
  for (const claim of claims) add(plan, 'attachments', (await db.attachments.where('[ownerKind+ownerId]').equals(['claim', claim]).primaryKeys()) as string[]);
  await paymentsWithTransactions(db, plan, (await db.payments.where('[source+sourceId]').equals(['policy', policyId]).primaryKeys()) as string[]);
}

async function planAccount(db: ClearDayDatabase, plan: Plan, accountId: string): Promise<void> {
  add(plan, 'accounts', [accountId]);
  // The account's imports go too: their rows are among its transactions.
  add(plan, 'importBatches', (await db.importBatches.filter((batch) => batch.accountId === accountId).primaryKeys()) as string[]);
  add(plan, 'valuations', (await db.valuations.where('accountId').equals(accountId).primaryKeys()) as string[]);
  const rows = await db.transactions.where('accountId').equals(accountId).toArray();
  // A transfer's other leg stays in its own account (its balance is real), as money from or to outside.
  const own = new Set(rows.map((row) => row.id));
  add(plan, 'transactions', own);
  const transferIds = [...new Set(rows.map((row) => row.transferId).filter((id): id is string => Boolean(id)))];
  const partners = transferIds.length > 0 ? await db.transactions.where('transferId').anyOf(transferIds).toArray() : [];
  for (const partner of partners.filter((row) => !own.has(row.id))) {
    const next: Partial<Transaction> = { ...partner };
    delete next.transferId;
    delete next.transferAccountId;
    (plan.rewrite.transactions ??= []).push({ id: partner.id, next });
  }
  // Payments made from the account keep their record of being paid, without the account.
  for (const payment of await db.payments.filter((p) => p.accountId === accountId).toArray()) {
    const next: Record<string, unknown> = { ...payment };
    delete next.accountId;
    delete next.transactionId;
    (plan.rewrite.payments ??= []).push({ id: payment.id, next });
  }
}

async function planInstitution(db: ClearDayDatabase, plan: Plan, institutionId: string): Promise<void> {
  add(plan, 'institutions', [institutionId]);
  for (const id of (await db.debts.where('institutionId').equals(institutionId).primaryKeys()) as string[]) await planDebt(db, plan, id);
  for (const id of (await db.policies.where('insurerId').equals(institutionId).primaryKeys()) as string[]) await planPolicy(db, plan, id);
  for (const id of (await db.accounts.where('institutionId').equals(institutionId).primaryKeys()) as string[]) await planAccount(db, plan, id);
}

async function planImport(db: ClearDayDatabase, plan: Plan, batchId: string): Promise<void> {
  add(plan, 'importBatches', [batchId]);
  add(plan, 'transactions', (await db.transactions.where('importBatchId').equals(batchId).primaryKeys()) as string[]);
}

/** A transaction goes with its transfer's other leg and the payment either leg recorded (and that payment's rows). */
async function planTransaction(db: ClearDayDatabase, plan: Plan, transactionId: string): Promise<void> {
  const row = await db.transactions.get(transactionId);
  if (!row) return;
  const group = row.transferId ? await db.transactions.where('transferId').equals(row.transferId).toArray() : [row];
  add(plan, 'transactions', group.map((member) => member.id));
  await paymentsWithTransactions(db, plan, [...new Set(group.map((member) => member.paymentId).filter((id): id is string => Boolean(id)))]);
}

async function planClaim(db: ClearDayDatabase, plan: Plan, claimId: string): Promise<void> {
  add(plan, 'claims', [claimId]);
  add(plan, 'attachments', (await db.attachments.where('[ownerKind+ownerId]').equals(['claim', claimId]).primaryKeys()) as string[]);
}

async function planTarget(db: ClearDayDatabase, plan: Plan, target: DeletionTarget): Promise<void> {
  switch (target.kind) {
    case 'debt':
      return planDebt(db, plan, target.id);
    case 'policy':
      return planPolicy(db, plan, target.id);
    case 'account':
      return planAccount(db, plan, target.id);
    case 'institution':
      return planInstitution(db, plan, target.id);
    case 'import':
      return planImport(db, plan, target.id);
    case 'transaction':
      return planTransaction(db, plan, target.id);
    case 'payment':
      return paymentsWithTransactions(db, plan, [target.id]);
    case 'claim':
      return planClaim(db, plan, target.id);
    // Nothing else is stored under these rows. A family member still named on a policy is refused
    // by the family page before it gets here; claims keep the member id as their history.
    case 'familyMember':
      return add(plan, 'familyMembers', [target.id]);
    case 'collectionContact':
      return add(plan, 'collectionContacts', [target.id]);
    case 'valuation':
      return add(plan, 'valuations', [target.id]);
    case 'attachment':
      return add(plan, 'attachments', [target.id]);
  }
}

/**
 * Documents kept with a removed transaction go with it, whichever target removed it. Read by key
 * only (ownerId from the index), so the files' bytes are never loaded.
 */
async function attachmentsOfTransactions(db: ClearDayDatabase, plan: Plan): Promise<void> {
  const removed = plan.remove.transactions;
  if (!removed || removed.size === 0) return;
  const range = () => db.attachments.where('[ownerKind+ownerId]').between(['transaction', Dexie.minKey], ['transaction', Dexie.maxKey]);
  const [keys, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  add(plan, 'attachments', ids.filter((_, i) => removed.has(String((keys[i] as unknown[])[1]))) as string[]);
}

/** Several targets make one plan: one transaction to delete them, one snapshot to undo it. */
async function planOf(db: ClearDayDatabase, targets: DeletionTarget | readonly DeletionTarget[]): Promise<Plan> {
  const plan: Plan = { remove: {}, rewrite: {} };
  for (const target of Array.isArray(targets) ? targets : [targets]) await planTarget(db, plan, target);
  await attachmentsOfTransactions(db, plan);
  // A row both rewritten and removed is only removed.
  for (const [table, rows] of Object.entries(plan.rewrite) as [TableName, { id: string; next: object }[]][]) {
    const removed = plan.remove[table] ?? new Set<string>();
    plan.rewrite[table] = rows.filter((row) => !removed.has(row.id));
  }
  return plan;
}

/** How many rows of each table a deletion would remove: what the confirmation says. */
export async function deletionCounts(db: ClearDayDatabase, target: DeletionTarget | readonly DeletionTarget[]): Promise<Partial<Record<TableName, number>>> {
  return db.transaction('r', allTables(db), async () => {
    const plan = await planOf(db, target);
    return Object.fromEntries(Object.entries(plan.remove).map(([table, ids]) => [table, ids.size]));
  });
}

/** Deletes the target and what belongs to it; returns the snapshot that undoes it. */
export async function deleteWithSnapshot(db: ClearDayDatabase, target: DeletionTarget | readonly DeletionTarget[]): Promise<Snapshot> {
  return db.transaction('rw', allTables(db), async () => {
    const plan = await planOf(db, target);
    const snapshot: Snapshot = {};
    for (const [table, set] of Object.entries(plan.remove) as [TableName, Set<string>][]) {
      const ids = [...set];
      const store = db.table(table);
      const rows = (await store.bulkGet(ids)).filter((row) => row !== undefined);
      if (rows.length > 0) (snapshot[table] ??= []).push(...rows);
      await store.bulkDelete(ids);
    }
    for (const [table, rows] of Object.entries(plan.rewrite) as [TableName, { id: string; next: object }[]][]) {
      const store = db.table(table);
      const before = (await store.bulkGet(rows.map((row) => row.id))).filter((row) => row !== undefined);
      if (before.length > 0) (snapshot[table] ??= []).push(...before);
      await store.bulkPut(rows.map((row) => row.next));
    }
    return snapshot;
  });
}

/** Puts every row of a snapshot back as it was. */
export async function restoreSnapshot(db: ClearDayDatabase, snapshot: Snapshot): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    for (const [table, rows] of Object.entries(snapshot) as [TableName, unknown[]][]) await db.table(table).bulkPut(rows);
  });
}
