/** The repositories of every entity, bound to one database. */
import {
  AttachmentSchema,
  AccountSchema,
  BudgetSchema,
  CategorySchema,
  ClaimSchema,
  CollectionContactSchema,
  DebtSchema,
  FamilyMemberSchema,
  InstitutionSchema,
  PaymentSchema,
  PolicySchema,
  RecurringBillSchema,
  StatementSchema,
  TransactionSchema,
  ValuationSchema,
  firstDayOfMonth,
  lastDayOfMonth,
  type Debt,
  type Institution,
  type Payment,
  type Transaction,
} from '../../shared/domain';
import type { ClearDayDatabase } from './database';
import { createRepository, systemClock, type Clock } from './repository';

export function createRepositories(db: ClearDayDatabase, clock: Clock = systemClock) {
  const institutions = createRepository('institution', db.institutions, InstitutionSchema, clock);
  const debts = createRepository('debt', db.debts, DebtSchema, clock);
  const payments = createRepository('payment', db.payments, PaymentSchema, clock);
  const transactions = createRepository('transaction', db.transactions, TransactionSchema, clock);
  return {
    institutions: {
      ...institutions,
      /** Active institutions, by name; archived ones stay for the history of their debts. */
      async listActive(): Promise<Institution[]> {
        const rows = await db.institutions.toArray();
        return rows.filter((row) => !row.archived).sort((a, b) => a.name.localeCompare(b.name));
      },
      archive: (id: string, archived = true) => institutions.update(id, { archived }),
    },
    accounts: createRepository('account', db.accounts, AccountSchema, clock),
    valuations: createRepository('valuation', db.valuations, ValuationSchema, clock),
    debts: {
      ...debts,
      listByInstitution: (institutionId: string): Promise<Debt[]> => db.debts.where('institutionId').equals(institutionId).toArray(),
      archive: (id: string, archived = true) => debts.update(id, { archived }),
    },
    statements: createRepository('statement', db.statements, StatementSchema, clock),
    payments: {
      ...payments,
      listForSource: (source: Payment['source'], sourceId: string): Promise<Payment[]> =>
        db.payments.where('[source+sourceId]').equals([source, sourceId]).sortBy('paidOn'),
    },
    collectionContacts: {
      ...createRepository('collection contact', db.collectionContacts, CollectionContactSchema, clock),
      listForDebt: (debtId: string) => db.collectionContacts.where('debtId').equals(debtId).reverse().sortBy('date'),
    },
    categories: createRepository('category', db.categories, CategorySchema, clock),
    transactions: {
      ...transactions,
      /** One month's transactions through the date index: cost follows the month, not history. */
      listInMonth: (month: string): Promise<Transaction[]> =>
        db.transactions.where('date').between(firstDayOfMonth(month), lastDayOfMonth(month), true, true).toArray(),
      listLatest: (limit: number): Promise<Transaction[]> => db.transactions.orderBy('date').reverse().limit(limit).toArray(),
    },
    budgets: createRepository('budget', db.budgets, BudgetSchema, clock),
    recurringBills: createRepository('recurring bill', db.recurringBills, RecurringBillSchema, clock),
    familyMembers: createRepository('family member', db.familyMembers, FamilyMemberSchema, clock),
    policies: createRepository('policy', db.policies, PolicySchema, clock),
    claims: createRepository('claim', db.claims, ClaimSchema, clock),
    attachments: createRepository('attachment', db.attachments, AttachmentSchema, clock),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
