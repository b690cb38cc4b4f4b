/**
 * The one Dexie database. Version 1 holds every table the product needs; later versions add
 * stores or indexes with upgrade functions, and tests open every earlier version's fixture.
 */
import Dexie, { type Table } from 'dexie';
import type {
  Account,
  Attachment,
  Budget,
  Category,
  Claim,
  CollectionContact,
  Debt,
  ExchangeRate,
  FamilyMember,
  ImportBatch,
  Institution,
  Payment,
  Policy,
  RecurringBill,
  ReminderLogEntry,
  ReminderSettings,
  SettingRow,
  Statement,
  Transaction,
  Valuation,
} from '../../shared/domain';

export const DATABASE_NAME = 'clearday';
export const SCHEMA_VERSION = 1;

/**
 * Index definitions of schema version 1 (first entry is the primary key). Booleans such as
 * `archived` are not valid IndexedDB keys, so they are filtered, never indexed.
 */
export const SCHEMA_V1 = {
  institutions: 'id, name, kind',
  accounts: 'id, kind, institutionId',
  valuations: 'id, accountId, [accountId+date]',
  exchangeRates: 'currency',
  debts: 'id, institutionId, parentDebtId, terms.kind',
  statements: 'id, debtId, [debtId+month], dueDate',
  payments: 'id, [source+sourceId], [sourceId+dueDate], paidOn, transactionId',
  collectionContacts: 'id, debtId, date',
  categories: 'id, kind, group, order',
  transactions: 'id, date, accountId, categoryId, [accountId+date], [categoryId+date], transferId, paymentId, *tags, importKey, importBatchId',
  importBatches: 'id, createdAt',
  budgets: 'id, month, &[month+categoryId]',
  recurringBills: 'id, nextDate',
  familyMembers: 'id, relation',
  policies: 'id, insurerId, type',
  claims: 'id, policyId, filedOn',
  attachments: 'id, [ownerKind+ownerId]',
  settings: 'key',
  reminderSettings: 'id',
  reminderLog: 'key, fireAt, deliveredAt',
} as const;

export type TableName = keyof typeof SCHEMA_V1;

export class ClearDayDatabase extends Dexie {
  institutions!: Table<Institution, string>;
  accounts!: Table<Account, string>;
  valuations!: Table<Valuation, string>;
  exchangeRates!: Table<ExchangeRate, string>;
  debts!: Table<Debt, string>;
  statements!: Table<Statement, string>;
  payments!: Table<Payment, string>;
  collectionContacts!: Table<CollectionContact, string>;
  categories!: Table<Category, string>;
  transactions!: Table<Transaction, string>;
  importBatches!: Table<ImportBatch, string>;
  budgets!: Table<Budget, string>;
  recurringBills!: Table<RecurringBill, string>;
  familyMembers!: Table<FamilyMember, string>;
  policies!: Table<Policy, string>;
  claims!: Table<Claim, string>;
  attachments!: Table<Attachment, string>;
  settings!: Table<SettingRow, string>;
  reminderSettings!: Table<ReminderSettings, string>;
  reminderLog!: Table<ReminderLogEntry, string>;

  /** `dependencies` lets tests pass a fresh fake IDBFactory per test. */
  constructor(name: string = DATABASE_NAME, dependencies?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, dependencies ? { indexedDB: dependencies.indexedDB, IDBKeyRange: dependencies.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** Every table, for backups and for "replace all data" operations. */
export function allTables(db: ClearDayDatabase) {
  return (Object.keys(SCHEMA_V1) as TableName[]).map((name) => db.table(name));
}
