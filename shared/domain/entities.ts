/**
 * Schema version 1 of everything Clearday stores, designed for the whole product.
 * Amounts are integer minor units beside their currency; dates are YYYY-MM-DD.
 * Dues are never stored: they are derived from these terms and the recorded payments.
 */
import { z } from 'zod';
import {
  ColorSchema,
  CurrencySchema,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  MinorUnitsSchema,
  MonthSchema,
  NameSchema,
  NonNegativeMinorSchema,
  NoteSchema,
  RateSchema,
  StampsSchema,
} from './primitives';

const DayOfMonthSchema = z.number().int().min(1).max(31);

// ---------------------------------------------------------------- institutions

export const INSTITUTION_PRESETS = [
  'icbc',
  'ccb',
  'abc',
  'boc',
  'bocom',
  'cmb',
  'jd-finance',
  'alipay',
  'wechat-pay',
  'other',
] as const;
export const InstitutionKindSchema = z.enum(['bank', 'consumer-finance', 'payment', 'insurer', 'other']);

export const InstitutionSchema = StampsSchema.extend({
  name: NameSchema,
  preset: z.enum(INSTITUTION_PRESETS).optional(),
  kind: InstitutionKindSchema,
  color: ColorSchema,
  archived: z.boolean(),
  note: NoteSchema.optional(),
});
export type Institution = z.infer<typeof InstitutionSchema>;

// ---------------------------------------------------------------- accounts

export const AccountKindSchema = z.enum(['cash', 'debit', 'savings', 'fixed-deposit', 'wealth']);

export const AccountSchema = StampsSchema.extend({
  name: NameSchema,
  kind: AccountKindSchema,
  institutionId: IdSchema.optional(),
  currency: CurrencySchema,
  openingBalance: MinorUnitsSchema,
  openedOn: IsoDateSchema,
  archived: z.boolean(),
  /** Fixed-term deposits: the maturity becomes a due in the calendar. */
  fixedDeposit: z.object({ maturityDate: IsoDateSchema, annualRate: RateSchema }).optional(),
  note: NoteSchema.optional(),
});
export type Account = z.infer<typeof AccountSchema>;

/** Hand-entered values of wealth products (funds, gold) over time. */
export const ValuationSchema = StampsSchema.extend({
  accountId: IdSchema,
  date: IsoDateSchema,
  value: MinorUnitsSchema,
});
export type Valuation = z.infer<typeof ValuationSchema>;

/** User-entered rates for foreign-currency accounts: 1 unit of `currency` = rate units of base. */
export const ExchangeRateSchema = z.object({
  currency: CurrencySchema,
  rateToBase: z.number().finite().positive(),
  updatedOn: IsoDateSchema,
});
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

// ---------------------------------------------------------------- debts

export const RepaymentMethodSchema = z.enum(['annuity', 'equal-principal', 'interest-only', 'bullet']);
export const RateBasisSchema = z.enum(['annual', 'monthly', 'daily']);

export const LoanTermsSchema = z.object({
  kind: z.literal('loan'),
  principal: NonNegativeMinorSchema,
  /** The rate as the contract states it, with its basis; converted explicitly by the engine. */
  rate: RateSchema,
  rateBasis: RateBasisSchema,
  termMonths: z.number().int().min(1).max(600),
  method: RepaymentMethodSchema,
  startDate: IsoDateSchema,
  dueDay: DayOfMonthSchema,
  prepaymentFeeRate: RateSchema,
  /** Penalty interest = contract rate x this multiplier (1.3 to 1.5 typical). */
  penaltyMultiplier: z.number().finite().min(1).max(3),
  dayBasis: z.union([z.literal(360), z.literal(365)]),
});

export const CardDueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day-of-month'), day: DayOfMonthSchema }),
  z.object({ kind: z.literal('days-after-statement'), days: z.number().int().min(1).max(60) }),
]);

export const CreditCardTermsSchema = z.object({
  kind: z.literal('credit-card'),
  creditLimit: NonNegativeMinorSchema,
  statementDay: DayOfMonthSchema,
  due: CardDueRuleSchema,
  minimumPayment: z.object({
    percentOfPurchases: RateSchema,
    floor: NonNegativeMinorSchema,
  }),
  revolvingDailyRate: RateSchema,
  interestMethod: z.enum(['whole-statement', 'unpaid-part']),
  lateCharge: z.object({ percentOfUnpaidMinimum: RateSchema, floor: NonNegativeMinorSchema }),
  graceDays: z.number().int().min(0).max(30),
  tolerance: NonNegativeMinorSchema,
  countBothEnds: z.boolean(),
});

export const CreditLineTermsSchema = z.object({
  kind: z.literal('credit-line'),
  creditLimit: NonNegativeMinorSchema,
  billDay: DayOfMonthSchema,
  dueDay: DayOfMonthSchema,
  overdueDailyRate: RateSchema,
});

export const InstallmentTermsSchema = z.object({
  kind: z.literal('installment'),
  principal: NonNegativeMinorSchema,
  periods: z.number().int().min(1).max(360),
  feeRate: RateSchema,
  feeMode: z.enum(['per-period-on-principal', 'upfront']),
  firstDueDate: IsoDateSchema,
});

export const DebtTermsSchema = z.discriminatedUnion('kind', [
  LoanTermsSchema,
  CreditCardTermsSchema,
  CreditLineTermsSchema,
  InstallmentTermsSchema,
]);
export type DebtTerms = z.infer<typeof DebtTermsSchema>;
export type DebtKind = DebtTerms['kind'];

export const DebtSchema = StampsSchema.extend({
  name: NameSchema,
  institutionId: IdSchema,
  currency: CurrencySchema,
  terms: DebtTermsSchema,
  /** Installment plans can sit under a card or a credit line (Baitiao, Huabei). */
  parentDebtId: IdSchema.optional(),
  archived: z.boolean(),
  note: NoteSchema.optional(),
});
export type Debt = z.infer<typeof DebtSchema>;

/** A card or credit-line statement as the user reads it off the bill each month. */
export const StatementSchema = StampsSchema.extend({
  debtId: IdSchema,
  month: MonthSchema,
  statementDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  balance: NonNegativeMinorSchema,
  minimumDue: NonNegativeMinorSchema,
});
export type Statement = z.infer<typeof StatementSchema>;

// ---------------------------------------------------------------- payments

/** What a payment settles: a debt's due, a premium, or a recurring bill. */
export const DueSourceSchema = z.enum(['debt', 'policy', 'bill']);

export const PaymentSchema = StampsSchema.extend({
  source: DueSourceSchema,
  sourceId: IdSchema,
  /** The due this payment is for; absent for an extra (prepayment) payment. */
  dueDate: IsoDateSchema.optional(),
  paidOn: IsoDateSchema,
  amount: NonNegativeMinorSchema,
  currency: CurrencySchema,
  kind: z.enum(['full', 'partial', 'extra']),
  prepaymentMode: z.enum(['keep-term', 'keep-payment']).optional(),
  accountId: IdSchema.optional(),
  transactionId: IdSchema.optional(),
  note: NoteSchema.optional(),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** Evidence the user keeps of each contact by a lender or collector about a late payment. */
export const CollectionContactSchema = StampsSchema.extend({
  debtId: IdSchema,
  date: IsoDateSchema,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' }).optional(),
  who: z.string().trim().min(1).max(200),
  channel: z.enum(['phone', 'sms', 'app', 'letter', 'visit', 'third-party', 'other']),
  summary: z.string().max(4000),
});
export type CollectionContact = z.infer<typeof CollectionContactSchema>;

// ---------------------------------------------------------------- budgeting

export const CategorySchema = StampsSchema.extend({
  /** Preset categories carry a translation key; user categories carry their own name. */
  preset: z.string().max(60).optional(),
  name: z.string().trim().max(120),
  kind: z.enum(['expense', 'income']),
  group: z.string().max(60),
  rollover: z.boolean(),
  order: z.number().int(),
  archived: z.boolean(),
});
export type Category = z.infer<typeof CategorySchema>;

export const SplitSchema = z.object({
  categoryId: IdSchema,
  amount: MinorUnitsSchema,
  note: NoteSchema.optional(),
});

export const TransactionSchema = StampsSchema.extend({
  date: IsoDateSchema,
  accountId: IdSchema,
  /** Signed: negative is money out of the account, positive is money in. */
  amount: MinorUnitsSchema,
  currency: CurrencySchema,
  payee: z.string().max(200),
  categoryId: IdSchema.optional(),
  splits: z.array(SplitSchema).max(50).optional(),
  /** Both halves of a transfer share a transferId. */
  transferId: IdSchema.optional(),
  transferAccountId: IdSchema.optional(),
  paymentId: IdSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  note: NoteSchema.optional(),
  /** Where an imported row came from, to refuse importing it twice. */
  importKey: z.string().max(200).optional(),
  importBatchId: IdSchema.optional(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

/** One import run, so its rows can be listed and undone together. */
export const ImportBatchSchema = StampsSchema.extend({
  format: z.enum(['alipay', 'wechat', 'jd', 'csv', 'ofx', 'qif']),
  fileName: z.string().max(260),
  accountId: IdSchema,
  imported: z.number().int().min(0),
  skippedDuplicates: z.number().int().min(0),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

export const BudgetSchema = StampsSchema.extend({
  month: MonthSchema,
  categoryId: IdSchema,
  amount: NonNegativeMinorSchema,
  currency: CurrencySchema,
});
export type Budget = z.infer<typeof BudgetSchema>;

export const RecurrenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly') }),
  z.object({ kind: z.literal('quarterly') }),
  z.object({ kind: z.literal('yearly') }),
  z.object({ kind: z.literal('every-n-weeks'), weeks: z.number().int().min(1).max(52) }),
]);

export const RecurringBillSchema = StampsSchema.extend({
  name: NameSchema,
  amount: NonNegativeMinorSchema,
  currency: CurrencySchema,
  recurrence: RecurrenceSchema,
  nextDate: IsoDateSchema,
  accountId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  archived: z.boolean(),
});
export type RecurringBill = z.infer<typeof RecurringBillSchema>;

// ---------------------------------------------------------------- insurance

export const FamilyMemberSchema = StampsSchema.extend({
  name: NameSchema,
  relation: z.enum(['self', 'spouse', 'child', 'parent', 'other']),
  birthDate: IsoDateSchema.optional(),
  annualIncome: NonNegativeMinorSchema.optional(),
  currency: CurrencySchema.optional(),
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

export const POLICY_TYPES = [
  'term-life',
  'whole-life',
  'critical-illness',
  'medical',
  'accident',
  'endowment',
  'savings',
  'property',
  'auto-compulsory',
  'auto-commercial',
  'freight',
  'extended-warranty',
  'other',
] as const;
export const PolicyTypeSchema = z.enum(POLICY_TYPES);
export const PremiumFrequencySchema = z.enum(['single', 'monthly', 'quarterly', 'semi-annual', 'annual']);

const TermSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('years'), years: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal('to-age'), age: z.number().int().min(1).max(120) }),
  z.object({ kind: z.literal('lifetime') }),
]);

export const BeneficiariesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal-heirs') }),
  z.object({
    kind: z.literal('named'),
    list: z
      .array(z.object({ name: NameSchema, sharePercent: z.number().min(0).max(100), order: z.number().int().min(1).max(9) }))
      .min(1)
      .max(20),
  }),
]);

export const PolicySchema = StampsSchema.extend({
  insurerId: IdSchema,
  productName: NameSchema,
  policyNumber: z.string().max(80),
  type: PolicyTypeSchema,
  policyholderId: IdSchema.optional(),
  insured: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('member'), memberId: IdSchema }),
    z.object({ kind: z.literal('asset'), description: NameSchema }),
  ]),
  beneficiaries: BeneficiariesSchema,
  currency: CurrencySchema,
  sumAssured: NonNegativeMinorSchema,
  subLimits: z.array(z.object({ name: NameSchema, amount: NonNegativeMinorSchema })).max(30),
  premium: NonNegativeMinorSchema,
  frequency: PremiumFrequencySchema,
  paymentTerm: TermSchema,
  coverageTerm: TermSchema,
  effectiveDate: IsoDateSchema,
  coolingOffDays: z.number().int().min(0).max(60),
  waitingPeriodDays: z.number().int().min(0).max(365),
  gracePeriodDays: z.number().int().min(0).max(120),
  guaranteedRenewal: z.boolean(),
  renewalDate: IsoDateSchema.optional(),
  premiumWaiver: z.boolean(),
  payingAccountId: IdSchema.optional(),
  /**
   * Premiums due on or before this day were paid before the policy was entered (the first one is
   * paid at purchase); Clearday tracks the ones after it. Absent on older rows: see trackedFrom.
   */
  settledThrough: IsoDateSchema.optional(),
  archived: z.boolean(),
  note: NoteSchema.optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

export const ClaimSchema = StampsSchema.extend({
  policyId: IdSchema,
  memberId: IdSchema.optional(),
  incidentDate: IsoDateSchema,
  filedOn: IsoDateSchema,
  claimed: NonNegativeMinorSchema,
  paid: NonNegativeMinorSchema.optional(),
  currency: CurrencySchema,
  status: z.enum(['filed', 'in-review', 'paid', 'rejected', 'withdrawn']),
  note: NoteSchema.optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Attachments live in IndexedDB as bytes: nothing leaves the disk. */
export const AttachmentSchema = StampsSchema.extend({
  ownerKind: z.enum(['policy', 'claim', 'transaction', 'debt']),
  ownerId: IdSchema,
  fileName: z.string().min(1).max(200),
  mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']),
  size: z.number().int().min(1).max(20 * 1024 * 1024),
  data: z.instanceof(Uint8Array),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** The user's payoff plan: the monthly amount for debts and how to spend it. */
export const PlannerSettingsSchema = z.object({
  monthlyBudget: NonNegativeMinorSchema,
  strategy: z.enum(['avalanche', 'snowball', 'custom', 'minimum-only']),
  customOrder: z.array(IdSchema).max(200),
  extraPayments: z.array(z.object({ month: MonthSchema, amount: NonNegativeMinorSchema })).max(120),
});
export type PlannerSettings = z.infer<typeof PlannerSettingsSchema>;

// ---------------------------------------------------------------- settings and reminders

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export const FORMAT_LOCALES = ['zh-CN', 'en-US', 'en-GB', 'zh-HK', 'zh-TW'] as const;

export const AppSettingsSchema = z.object({
  language: z.enum(['zh-CN', 'en']),
  baseCurrency: CurrencySchema,
  theme: ThemeSchema,
  /** Number and date formats follow this Intl locale. */
  formatLocale: z.enum(FORMAT_LOCALES),
  onboarded: z.boolean(),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

/** The settings table is key-value so new settings never need a schema change. */
export const SettingRowSchema = z.object({ key: z.string().min(1).max(60), value: z.unknown() });
export type SettingRow = z.infer<typeof SettingRowSchema>;

export const LEAD_DAYS_CHOICES = [7, 3, 1, 0] as const;

export const ReminderPreferencesSchema = z.object({
  leadDays: z.array(z.number().int().min(0).max(60)).max(10),
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' }),
  overdue: z.object({ enabled: z.boolean(), maxDays: z.number().int().min(1).max(90) }),
  quietHours: z.object({
    enabled: z.boolean(),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' }),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' }),
  }),
  pausedUntil: InstantSchema.optional(),
});

/** id 'global' holds the defaults; other rows override one item ("debt:<id>", "policy:<id>"). */
export const ReminderSettingsSchema = z.object({
  id: z.string().min(1).max(100),
  enabled: z.boolean(),
  preferences: ReminderPreferencesSchema.optional(),
  updatedAt: InstantSchema,
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

/** Reminders the main process reports as delivered, shown in the app's history. */
export const ReminderLogSchema = z.object({
  key: z.string().min(1).max(200),
  fireAt: InstantSchema,
  deliveredAt: InstantSchema,
  title: z.string().max(200),
  route: z.string().max(300),
  digest: z.boolean(),
});
export type ReminderLogEntry = z.infer<typeof ReminderLogSchema>;
