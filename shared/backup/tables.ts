/**
 * The tables a backup carries, with the schema each row must satisfy and the keys that must be
 * unique. This mirrors SCHEMA_V1 in renderer/db/database.ts (shared/ cannot import it); a test
 * checks the two agree, so a new table cannot be forgotten here.
 */
import type { z } from 'zod';
import {
  AccountSchema,
  AttachmentSchema,
  BudgetSchema,
  CategorySchema,
  ClaimSchema,
  CollectionContactSchema,
  DebtSchema,
  ExchangeRateSchema,
  FamilyMemberSchema,
  ImportBatchSchema,
  InstitutionSchema,
  PaymentSchema,
  PolicySchema,
  RecurringBillSchema,
  ReminderLogSchema,
  ReminderSettingsSchema,
  SettingRowSchema,
  StatementSchema,
  TransactionSchema,
  ValuationSchema,
} from '../domain/entities';

/** Every table of the current schema, in the order of SCHEMA_V1. */
export const TABLE_NAMES = [
  'institutions',
  'accounts',
  'valuations',
  'exchangeRates',
  'debts',
  'statements',
  'payments',
  'collectionContacts',
  'categories',
  'transactions',
  'importBatches',
  'budgets',
  'recurringBills',
  'familyMembers',
  'policies',
  'claims',
  'attachments',
  'settings',
  'reminderSettings',
  'reminderLog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const TABLE_SCHEMAS: { readonly [T in TableName]: z.ZodType } = {
  institutions: InstitutionSchema,
  accounts: AccountSchema,
  valuations: ValuationSchema,
  exchangeRates: ExchangeRateSchema,
  debts: DebtSchema,
  statements: StatementSchema,
  payments: PaymentSchema,
  collectionContacts: CollectionContactSchema,
  categories: CategorySchema,
  transactions: TransactionSchema,
  importBatches: ImportBatchSchema,
  budgets: BudgetSchema,
  recurringBills: RecurringBillSchema,
  familyMembers: FamilyMemberSchema,
  policies: PolicySchema,
  claims: ClaimSchema,
  attachments: AttachmentSchema,
  settings: SettingRowSchema,
  reminderSettings: ReminderSettingsSchema,
  reminderLog: ReminderLogSchema,
};

/** The primary key of each table (the first entry of its SCHEMA_V1 definition). */
export const PRIMARY_KEYS: { readonly [T in TableName]: string } = {
  institutions: 'id',
  accounts: 'id',
  valuations: 'id',
  exchangeRates: 'currency',
  debts: 'id',
  statements: 'id',
  payments: 'id',
  collectionContacts: 'id',
  categories: 'id',
  transactions: 'id',
  importBatches: 'id',
  budgets: 'id',
  recurringBills: 'id',
  familyMembers: 'id',
  policies: 'id',
  claims: 'id',
  attachments: 'id',
  settings: 'key',
  reminderSettings: 'id',
  reminderLog: 'key',
};

/** Unique compound indexes (`&[a+b]` in SCHEMA_V1): a restore would fail on them half-way. */
export const UNIQUE_INDEXES: { readonly [T in TableName]?: readonly (readonly string[])[] } = {
  budgets: [['month', 'categoryId']],
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

export type BackupTables = { [T in TableName]: readonly unknown[] };
