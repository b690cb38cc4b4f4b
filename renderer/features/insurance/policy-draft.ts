/**
 * The policy form's text state and its conversion to a stored policy. Fields keep the text the
 * user typed; conversion reports a code per field, so nothing is saved until every field parses.
 */
import { addDays, parseWholeNumber, type FieldError, type Policy } from '../../../shared/domain';
import { decimalText, FinanceInputError, parseMoney } from '../../../shared/finance';
import { defaultCoolingOffDays, defaultGraceDays, defaultWaitingDays } from '../../../shared/insurance';

export type PolicyType = Policy['type'];
type TermKind = Policy['paymentTerm']['kind'];

export interface BeneficiaryDraft {
  name: string;
  share: string;
  order: string;
}

export interface PolicyDraft {
  insurerId: string;
  productName: string;
  policyNumber: string;
  type: PolicyType;
  policyholderId: string;
  insuredKind: 'member' | 'asset';
  memberId: string;
  assetDescription: string;
  beneficiaryKind: 'legal-heirs' | 'named';
  beneficiaries: BeneficiaryDraft[];
  currency: string;
  sumAssured: string;
  subLimits: { name: string; amount: string }[];
  premium: string;
  frequency: Policy['frequency'];
  paymentTermKind: TermKind;
  paymentTermValue: string;
  coverageTermKind: TermKind;
  coverageTermValue: string;
  effectiveDate: string;
  coolingOffDays: string;
  waitingPeriodDays: string;
  gracePeriodDays: string;
  guaranteedRenewal: boolean;
  renewalDate: string;
  premiumWaiver: boolean;
  payingAccountId: string;
  note: string;
  /** New policies: whether the premiums due up to today (the first one, at least) are already paid. */
  paidUpToToday: boolean;
}

/** What the form knows beyond its fields: today, the stored policy when editing, the insured's birth date. */
export interface PolicyContext {
  today: string;
  existing?: Pick<Policy, 'settledThrough' | 'archived'>;
  birthDate?: string;
}

/** Types whose cover is for a thing, not a person. */
export const ASSET_TYPES: readonly PolicyType[] = ['property', 'auto-compulsory', 'auto-commercial', 'freight', 'extended-warranty'];

/** One-year products (medical, accident, property, auto) renew; long-term ones pay for years. */
function isOneYear(type: PolicyType): boolean {
  return ['medical', 'accident', 'property', 'auto-compulsory', 'auto-commercial', 'freight', 'extended-warranty'].includes(type);
}

export function emptyPolicyDraft(currency: string, today: string, defaults: { insurerId: string; memberId: string }): PolicyDraft {
  return {
    insurerId: defaults.insurerId,
    productName: '',
    policyNumber: '',
    type: 'critical-illness',
    policyholderId: defaults.memberId,
    insuredKind: 'member',
    memberId: defaults.memberId,
    assetDescription: '',
    beneficiaryKind: 'legal-heirs',
    beneficiaries: [{ name: '', share: '100', order: '1' }],
    currency,
    sumAssured: '',
    subLimits: [],
    premium: '',
    frequency: 'annual',
    paymentTermKind: 'years',
    paymentTermValue: '20',
    coverageTermKind: 'to-age',
    coverageTermValue: '70',
    effectiveDate: today,
    coolingOffDays: String(defaultCoolingOffDays),
    waitingPeriodDays: String(defaultWaitingDays('critical-illness')),
    gracePeriodDays: String(defaultGraceDays),
    guaranteedRenewal: false,
    renewalDate: '',
    premiumWaiver: false,
    payingAccountId: '',
    note: '',
    paidUpToToday: true,
  };
}

/** Changing the type brings that type's defaults for what the user has not set differently. */
export function withType(draft: PolicyDraft, type: PolicyType): PolicyDraft {
  const next: PolicyDraft = { ...draft, type };
  if (draft.waitingPeriodDays === String(defaultWaitingDays(draft.type))) next.waitingPeriodDays = String(defaultWaitingDays(type));
  if (ASSET_TYPES.includes(type) !== ASSET_TYPES.includes(draft.type)) next.insuredKind = ASSET_TYPES.includes(type) ? 'asset' : 'member';
  if (isOneYear(type) && !isOneYear(draft.type)) {
    Object.assign(next, { paymentTermKind: 'years', paymentTermValue: '1', coverageTermKind: 'years', coverageTermValue: '1' });
  }
  return next;
}

function termValue(term: Policy['paymentTerm']): string {
  return term.kind === 'years' ? String(term.years) : term.kind === 'to-age' ? String(term.age) : '';
}

export function draftOfPolicy(policy: Policy): PolicyDraft {
  const money = (minor: number) => decimalText(minor, policy.currency);
  return {
    insurerId: policy.insurerId,
    productName: policy.productName,
    policyNumber: policy.policyNumber,
    type: policy.type,
    policyholderId: policy.policyholderId ?? '',
    insuredKind: policy.insured.kind,
    memberId: policy.insured.kind === 'member' ? policy.insured.memberId : '',
    assetDescription: policy.insured.kind === 'asset' ? policy.insured.description : '',
    beneficiaryKind: policy.beneficiaries.kind,
    beneficiaries: policy.beneficiaries.kind === 'named' ? policy.beneficiaries.list.map((b) => ({ name: b.name, share: String(b.sharePercent), order: String(b.order) })) : [{ name: '', share: '100', order: '1' }],
    currency: policy.currency,
    sumAssured: money(policy.sumAssured),
    subLimits: policy.subLimits.map((limit) => ({ name: limit.name, amount: money(limit.amount) })),
    premium: money(policy.premium),
    frequency: policy.frequency,
    paymentTermKind: policy.paymentTerm.kind,
    paymentTermValue: termValue(policy.paymentTerm),
    coverageTermKind: policy.coverageTerm.kind,
    coverageTermValue: termValue(policy.coverageTerm),
    effectiveDate: policy.effectiveDate,
    coolingOffDays: String(policy.coolingOffDays),
    waitingPeriodDays: String(policy.waitingPeriodDays),
    gracePeriodDays: String(policy.gracePeriodDays),
    guaranteedRenewal: policy.guaranteedRenewal,
    renewalDate: policy.renewalDate ?? '',
    premiumWaiver: policy.premiumWaiver,
    payingAccountId: policy.payingAccountId ?? '',
    note: policy.note ?? '',
    paidUpToToday: true,
  };
}

export type PolicyDraftResult = { ok: true; policy: Omit<Policy, 'id' | 'createdAt' | 'updatedAt'> } | { ok: false; errors: FieldError[] };

/** A share such as "33.33" in hundredths of a percent, so shares add up exactly. */
function shareHundredths(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.normalize('NFKC').trim().replace(/%$/, ''));
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value <= 10_000 ? value : null;
}

function settled(context: PolicyContext, paidUpToToday: boolean): { settledThrough?: string } {
  if (context.existing) return context.existing.settledThrough ? { settledThrough: context.existing.settledThrough } : {};
  return { settledThrough: paidUpToToday ? context.today : addDays(context.today, -1) };
}

/** Converts the typed text into a policy, or lists every field that does not parse. */
export function policyFromDraft(draft: PolicyDraft, context: PolicyContext): PolicyDraftResult {
  const errors: FieldError[] = [];
  const money = (field: string, text: string, required = true): number => {
    if (text.trim() === '') {
      if (required) errors.push({ field, code: 'required' });
      return 0;
    }
    try {
      const value = parseMoney(text, draft.currency);
      if (value < 0) errors.push({ field, code: 'negative' });
      return value;
    } catch (error) {
      if (!(error instanceof FinanceInputError)) throw error;
      errors.push({ field, code: error.code === 'too-many-decimals' ? 'too_many_decimals' : error.code === 'out-of-range' ? 'too_large' : 'money' });
      return 0;
    }
  };
  const whole = (field: string, text: string, max: number, min = 0): number => {
    const value = parseWholeNumber(text);
    if (value === null) errors.push({ field, code: text.trim() === '' ? 'required' : 'not_integer' });
    else if (value > max) errors.push({ field, code: 'too_big', params: { maximum: max } });
    else if (value < min) errors.push({ field, code: 'too_small', params: { minimum: min } });
    return value ?? 0;
  };
  const term = (field: string, kind: TermKind, text: string): Policy['paymentTerm'] => {
    if (kind === 'years') return { kind, years: whole(field, text, 100, 1) };
    if (kind === 'lifetime') return { kind };
    // "To age 70" means nothing without the insured person's birth date.
    if (draft.insuredKind !== 'member' || !context.birthDate) errors.push({ field, code: 'needs_birth_date' });
    return { kind, age: whole(field, text, 120, 1) };
  };
  const required = (field: string, text: string): string => {
    if (!text.trim()) errors.push({ field, code: 'required' });
    return text.trim();
  };

  const insurerId = required('insurerId', draft.insurerId);
  const productName = required('productName', draft.productName);
  const insured: Policy['insured'] = draft.insuredKind === 'member' ? { kind: 'member', memberId: required('insured', draft.memberId) } : { kind: 'asset', description: required('insured', draft.assetDescription) };

  let beneficiaries: Policy['beneficiaries'] = { kind: 'legal-heirs' };
  // Beneficiaries belong to cover on a person; for a thing the section is hidden and not kept.
  if (draft.beneficiaryKind === 'named' && draft.insuredKind === 'member') {
    const list = draft.beneficiaries
      .map((b, index) => ({ ...b, index }))
      .filter((b) => b.name.trim() || b.share.trim())
      .map(({ index, ...b }) => {
        const share = shareHundredths(b.share);
        if (share === null) errors.push({ field: `beneficiaries.${index}.share`, code: 'percent' });
        if (!b.name.trim()) errors.push({ field: `beneficiaries.${index}.name`, code: 'required' });
        return { name: b.name.trim(), share: share ?? 0, order: whole(`beneficiaries.${index}.order`, b.order, 9, 1) };
      });
    if (list.length === 0) errors.push({ field: 'beneficiaries', code: 'required' });
    // Within each order the shares must come to exactly 100 %.
    for (const order of new Set(list.map((b) => b.order))) {
      const total = list.filter((b) => b.order === order).reduce((sum, b) => sum + b.share, 0);
      if (total !== 10_000) errors.push({ field: 'beneficiaries', code: 'share_total', params: { order, total: `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}` } });
    }
    beneficiaries = { kind: 'named', list: list.map((b) => ({ name: b.name, sharePercent: b.share / 100, order: b.order })) };
  }

  const subLimits = draft.subLimits
    .map((limit, index) => ({ ...limit, index }))
    .filter((limit) => limit.name.trim() || limit.amount.trim())
    .map(({ index, ...limit }) => ({ name: required(`subLimits.${index}.name`, limit.name), amount: money(`subLimits.${index}.amount`, limit.amount) }));

  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.effectiveDate)) errors.push({ field: 'effectiveDate', code: draft.effectiveDate ? 'date' : 'required' });
  if (draft.renewalDate && draft.renewalDate < draft.effectiveDate) errors.push({ field: 'renewalDate', code: 'before_start' });

  const policy = {
    insurerId,
    productName,
    policyNumber: draft.policyNumber.trim(),
    type: draft.type,
    ...(draft.policyholderId ? { policyholderId: draft.policyholderId } : {}),
    insured,
    beneficiaries,
    currency: draft.currency,
    sumAssured: money('sumAssured', draft.sumAssured),
    subLimits,
    premium: money('premium', draft.premium),
    frequency: draft.frequency,
    paymentTerm: draft.frequency === 'single' ? { kind: 'years' as const, years: 1 } : term('paymentTerm', draft.paymentTermKind, draft.paymentTermValue),
    coverageTerm: term('coverageTerm', draft.coverageTermKind, draft.coverageTermValue),
    effectiveDate: draft.effectiveDate,
    coolingOffDays: whole('coolingOffDays', draft.coolingOffDays, 60),
    waitingPeriodDays: whole('waitingPeriodDays', draft.waitingPeriodDays, 365),
    gracePeriodDays: whole('gracePeriodDays', draft.gracePeriodDays, 120),
    guaranteedRenewal: draft.guaranteedRenewal,
    ...(draft.renewalDate ? { renewalDate: draft.renewalDate } : {}),
    premiumWaiver: draft.premiumWaiver,
    ...(draft.payingAccountId ? { payingAccountId: draft.payingAccountId } : {}),
    // Editing keeps what was recorded; a new policy counts the premiums up to today as paid, or
    // all but today's when the user says today's is still to pay.
    ...settled(context, draft.paidUpToToday),
    archived: context.existing?.archived ?? false,
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}
