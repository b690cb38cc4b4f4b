/**
 * The values kept in the key-value settings table, one schema each. The keys, their defaults
 * and the one read/write pair live in renderer/db/settings.ts; the schemas are here because
 * the shapes are the domain's (a CSV mapping, a coverage rule of thumb, a snooze).
 */
import { z } from 'zod';
import type { CsvMapping, CategoryRule } from '../import/types';
import { IdSchema, InstantSchema, IsoDateSchema } from './primitives';

/** Generic CSV: how the user mapped a file layout's columns (shared/import/types' CsvMapping). */
const ColumnRefSchema = z.string().max(1000);
export const CsvMappingSchema = z.object({
  delimiter: z.enum([',', ';', '\t', '|']),
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le']),
  headerLine: z.number().int().min(0).max(10_000),
  dateFormat: z.enum(['YYYY-MM-DD', 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD']),
  columns: z.object({
    date: ColumnRefSchema,
    payee: ColumnRefSchema.optional(),
    description: ColumnRefSchema.optional(),
    category: ColumnRefSchema.optional(),
    amount: ColumnRefSchema.optional(),
    inflow: ColumnRefSchema.optional(),
    outflow: ColumnRefSchema.optional(),
    orderId: ColumnRefSchema.optional(),
    note: ColumnRefSchema.optional(),
  }),
  negateAmount: z.boolean(),
  decimalComma: z.boolean(),
}) satisfies z.ZodType<CsvMapping>;

/**
 * One saved mapping, under a key made from a hash of its layout (keys are at most 60
 * characters); the layout itself is kept so a hash collision is told apart from a match.
 */
export const CsvMappingEntrySchema = z.object({ layout: z.string().max(500), mapping: CsvMappingSchema });
export type CsvMappingEntry = z.infer<typeof CsvMappingEntrySchema>;

/** Most rules kept: newest win, old ones fall off so the row stays small. */
export const MAX_CATEGORY_RULES = 2000;
export const CategoryRuleSchema = z.object({ payee: z.string().min(1), categoryId: IdSchema }) satisfies z.ZodType<CategoryRule>;
export const CategoryRulesSchema = z.array(CategoryRuleSchema).max(MAX_CATEGORY_RULES);

/** The coverage page's rules of thumb (not advice); multiples are whole numbers of yearly income. */
export const CoverageRulesSchema = z.object({
  lifeMultiple: z.number().int().min(0).max(1000),
  criticalIllnessMultiple: z.number().int().min(0).max(1000),
  requireMedical: z.boolean(),
  requireAccident: z.boolean(),
});
export type CoverageRules = z.infer<typeof CoverageRulesSchema>;
/** DOMAIN.md's rules of thumb: 10 x income life cover, 3 to 5 x critical illness (the upper end), medical and accident for everyone. */
export const DEFAULT_COVERAGE_RULES: Readonly<CoverageRules> = { lifeMultiple: 10, criticalIllnessMultiple: 5, requireMedical: true, requireAccident: true };

/**
 * "Remind me tomorrow": no reminder of the due before that date. Earlier builds named the due
 * `obligationKey`; such a row is read as the same snooze.
 */
export const ReminderSnoozeSchema = z.union([
  z.object({ dueKey: z.string().min(1).max(300), date: IsoDateSchema }),
  z.object({ obligationKey: z.string().min(1).max(300), date: IsoDateSchema }).transform(({ obligationKey, date }) => ({ dueKey: obligationKey, date })),
]);
export const ReminderSnoozesSchema = z.array(ReminderSnoozeSchema).max(1000);
export type ReminderSnooze = z.output<typeof ReminderSnoozeSchema>;

/** How the last automatic backup went. */
export const AutomaticResultSchema = z.object({
  at: InstantSchema,
  ok: z.boolean(),
  fileName: z.string().max(500).optional(),
  error: z.string().optional(),
});
export type AutomaticResult = z.infer<typeof AutomaticResultSchema>;
