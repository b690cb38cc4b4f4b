/**
 * The debt form's text state and its conversion to stored terms. Every field is kept as the
 * text the user typed; conversion reports a code per field, so nothing is saved until all parse.
 */
import { addMonths, parsePercent, parseWholeNumber, percentInput, type Debt, type DebtTerms, type FieldError } from '../../../shared/domain';
import { decimalText, FinanceInputError, parseMoney } from '../../../shared/finance';

export type DebtKind = DebtTerms['kind'];

export interface DebtDraft {
  kind: DebtKind;
  name: string;
  institutionId: string;
  currency: string;
  parentDebtId: string;
  note: string;
  // loan
  principal: string;
  rate: string;
  rateBasis: 'annual' | 'monthly' | 'daily';
  termMonths: string;
  method: 'annuity' | 'equal-principal' | 'interest-only' | 'bullet';
  startDate: string;
  dueDay: string;
  prepaymentFee: string;
  penaltyMultiplier: string;
  dayBasis: '360' | '365';
  // card and credit line
  creditLimit: string;
  statementDay: string;
  dueRule: 'day-of-month' | 'days-after-statement';
  dueRuleValue: string;
  minimumPercent: string;
  minimumFloor: string;
  revolvingDailyRate: string;
  interestMethod: 'whole-statement' | 'unpaid-part';
  latePercent: string;
  lateFloor: string;
  graceDays: string;
  tolerance: string;
  countBothEnds: boolean;
  billDay: string;
  overdueDailyRate: string;
  // installment
  periods: string;
  feeRate: string;
  feeMode: 'per-period-on-principal' | 'upfront';
  firstDueDate: string;
}

/** Defaults a user would otherwise look up: the common contract terms from DOMAIN.md. */
export function emptyDraft(kind: DebtKind, currency: string, today: string): DebtDraft {
  return {
    kind,
    name: '',
    institutionId: '',
    currency,
    parentDebtId: '',
    note: '',
    principal: '',
    rate: '',
    rateBasis: 'annual',
    termMonths: '',
    method: 'annuity',
    startDate: today,
    dueDay: String(Number(today.slice(8, 10))),
    prepaymentFee: '0',
    penaltyMultiplier: '1.5',
    dayBasis: '360',
    creditLimit: '',
    statementDay: '',
    dueRule: 'days-after-statement',
    dueRuleValue: '20',
    minimumPercent: '10',
    minimumFloor: '10',
    revolvingDailyRate: '0.05',
    interestMethod: 'whole-statement',
    latePercent: '5',
    lateFloor: '10',
    graceDays: '3',
    tolerance: '10',
    countBothEnds: false,
    billDay: '',
    overdueDailyRate: '0.05',
    periods: '12',
    feeRate: '',
    feeMode: 'per-period-on-principal',
    firstDueDate: addMonths(today, 1),
  };
}

export function draftOf(debt: Debt): DebtDraft {
  const money = (minor: number) => decimalText(minor, debt.currency);
  const base = emptyDraft(debt.terms.kind, debt.currency, '2000-01-01');
  const common = { ...base, name: debt.name, institutionId: debt.institutionId, parentDebtId: debt.parentDebtId ?? '', note: debt.note ?? '' };
  const t = debt.terms;
  switch (t.kind) {
    case 'loan':
      return {
        ...common,
        principal: money(t.principal),
        rate: percentInput(t.rate),
        rateBasis: t.rateBasis,
        termMonths: String(t.termMonths),
        method: t.method,
        startDate: t.startDate,
        dueDay: String(t.dueDay),
        prepaymentFee: percentInput(t.prepaymentFeeRate),
        penaltyMultiplier: String(t.penaltyMultiplier),
        dayBasis: String(t.dayBasis) as '360' | '365',
      };
    case 'credit-card':
      return {
        ...common,
        creditLimit: money(t.creditLimit),
        statementDay: String(t.statementDay),
        dueRule: t.due.kind,
        dueRuleValue: String(t.due.kind === 'day-of-month' ? t.due.day : t.due.days),
        minimumPercent: percentInput(t.minimumPayment.percentOfPurchases),
        minimumFloor: money(t.minimumPayment.floor),
        revolvingDailyRate: percentInput(t.revolvingDailyRate),
        interestMethod: t.interestMethod,
        latePercent: percentInput(t.lateCharge.percentOfUnpaidMinimum),
        lateFloor: money(t.lateCharge.floor),
        graceDays: String(t.graceDays),
        tolerance: money(t.tolerance),
        countBothEnds: t.countBothEnds,
      };
    case 'credit-line':
      return { ...common, creditLimit: money(t.creditLimit), billDay: String(t.billDay), dueDay: String(t.dueDay), overdueDailyRate: percentInput(t.overdueDailyRate) };
    case 'installment':
      return { ...common, principal: money(t.principal), periods: String(t.periods), feeRate: percentInput(t.feeRate), feeMode: t.feeMode, firstDueDate: t.firstDueDate };
  }
}

export type DraftResult = { ok: true; debt: Omit<Debt, 'id' | 'createdAt' | 'updatedAt'> } | { ok: false; errors: FieldError[] };

/** Converts the typed text into a debt, or lists every field that does not parse. */
export function debtFromDraft(draft: DebtDraft): DraftResult {
  const errors: FieldError[] = [];
  const money = (field: string, text: string): number => {
    if (text.trim() === '') {
      errors.push({ field, code: 'required' });
      return 0;
    }
    try {
      const value = parseMoney(text, draft.currency);
      if (value < 0) errors.push({ field, code: 'negative' });
      return value;
    } catch (error) {
      if (!(error instanceof FinanceInputError)) throw error;
      errors.push({ field, code: error.code === 'too-many-decimals' ? 'too_many_decimals' : 'money' });
      return 0;
    }
  };
  const percent = (field: string, text: string): number => {
    const value = parsePercent(text);
    if (value === null) errors.push({ field, code: text.trim() === '' ? 'required' : 'percent' });
    return value ?? 0;
  };
  const whole = (field: string, text: string): number => {
    const value = parseWholeNumber(text);
    if (value === null) errors.push({ field, code: text.trim() === '' ? 'required' : 'not_integer' });
    return value ?? 0;
  };
  const decimal = (field: string, text: string): number => {
    const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : null;
    if (value === null) errors.push({ field, code: text.trim() === '' ? 'required' : 'invalid' });
    return value ?? 0;
  };

  let terms: DebtTerms;
  switch (draft.kind) {
    case 'loan':
      terms = {
        kind: 'loan',
        principal: money('terms.principal', draft.principal),
        rate: percent('terms.rate', draft.rate),
        rateBasis: draft.rateBasis,
        termMonths: whole('terms.termMonths', draft.termMonths),
        method: draft.method,
        startDate: draft.startDate,
        dueDay: whole('terms.dueDay', draft.dueDay),
        prepaymentFeeRate: percent('terms.prepaymentFeeRate', draft.prepaymentFee),
        penaltyMultiplier: decimal('terms.penaltyMultiplier', draft.penaltyMultiplier),
        dayBasis: draft.dayBasis === '365' ? 365 : 360,
      };
      break;
    case 'credit-card':
      terms = {
        kind: 'credit-card',
        creditLimit: money('terms.creditLimit', draft.creditLimit),
        statementDay: whole('terms.statementDay', draft.statementDay),
        due:
          draft.dueRule === 'day-of-month'
            ? { kind: 'day-of-month', day: whole('terms.due.day', draft.dueRuleValue) }
            : { kind: 'days-after-statement', days: whole('terms.due.days', draft.dueRuleValue) },
        minimumPayment: { percentOfPurchases: percent('terms.minimumPayment.percentOfPurchases', draft.minimumPercent), floor: money('terms.minimumPayment.floor', draft.minimumFloor) },
        revolvingDailyRate: percent('terms.revolvingDailyRate', draft.revolvingDailyRate),
        interestMethod: draft.interestMethod,
        lateCharge: { percentOfUnpaidMinimum: percent('terms.lateCharge.percentOfUnpaidMinimum', draft.latePercent), floor: money('terms.lateCharge.floor', draft.lateFloor) },
        graceDays: whole('terms.graceDays', draft.graceDays),
        tolerance: money('terms.tolerance', draft.tolerance),
        countBothEnds: draft.countBothEnds,
      };
      break;
    case 'credit-line':
      terms = {
        kind: 'credit-line',
        creditLimit: money('terms.creditLimit', draft.creditLimit),
        billDay: whole('terms.billDay', draft.billDay),
        dueDay: whole('terms.dueDay', draft.dueDay),
        overdueDailyRate: percent('terms.overdueDailyRate', draft.overdueDailyRate),
      };
      break;
    case 'installment':
      terms = {
        kind: 'installment',
        principal: money('terms.principal', draft.principal),
        periods: whole('terms.periods', draft.periods),
        feeRate: percent('terms.feeRate', draft.feeRate),
        feeMode: draft.feeMode,
        firstDueDate: draft.firstDueDate,
      };
      break;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    debt: {
      name: draft.name,
      institutionId: draft.institutionId,
      currency: draft.currency,
      terms,
      archived: false,
      ...(draft.kind === 'installment' && draft.parentDebtId ? { parentDebtId: draft.parentDebtId } : {}),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    },
  };
}
