/**
 * The import preview: what each parsed row becomes before the user confirms. Pure and fast: the
 * existing transactions are indexed once (Maps by import key and by date + amount), so a 10,000
 * row file against 100,000 existing transactions is a few Map lookups per row.
 *
 * Decisions, in order, per row:
 * - closed orders are 'closed'; a refund of a closed order in the same file is 'refund-of-closed';
 * - neutral rows are transfers, 'neutral-skipped' when the user skips them;
 * - the rest are 'duplicate' when their import key is already in the account (or earlier in the
 *   file), or when a transaction without an import key from this format has the same date, amount
 *   and counterparty; otherwise 'import'.
 *
 * Amounts: `amount` is the row's amount as parsed. JD partial refunds already have the refunded
 * part deducted by the parser (`refunded` is informational), and a row's `fee` (WeChat withdrawal
 * service fee) is informational too: the amount is not changed, the fee belongs in the note.
 * Refunds are written positive.
 */
import type { BillRow, CategoryChoice, CategoryRule, ImportFormat, ParsedBill, PreparedRow, PrepareOptions } from './types';

// ---------------------------------------------------------------- text

/** Counterparty and category text compared loosely: width (NFKC), case and spaces ignored. */
export function normalizeName(text: string): string {
  return (typeof text === 'string' ? text : '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Same counterparty: equal, or one contains the other; an empty name only matches an empty one. */
function sameCounterparty(a: string, b: string): boolean {
  if (a === '' || b === '') return a === b;
  return a.includes(b) || b.includes(a);
}

// ---------------------------------------------------------------- import keys

/**
 * The key that recognises this row when the same bill is imported again: the format and the
 * file's order id (refund rows get ':refund', since WeChat gives a refund its original's id), or,
 * for files without ids, the date, amount, counterparty and `occurrence`, the number of identical
 * rows before this one in the same file (so two identical coffees on one day are both kept).
 */
export function importKeyOf(format: ImportFormat, row: BillRow, occurrence = 0): string {
  if (row.orderId !== undefined && row.orderId !== '') return `${format}:${row.orderId}${row.refund ? ':refund' : ''}`;
  return `${format}:${row.date}:${row.amount}:${normalizeName(row.payee)}:${occurrence}`;
}

function importKeysOf(format: ImportFormat, rows: readonly BillRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (row.orderId !== undefined && row.orderId !== '') return importKeyOf(format, row);
    const content = `${row.date}\u0000${row.amount}\u0000${normalizeName(row.payee)}`;
    const occurrence = seen.get(content) ?? 0;
    seen.set(content, occurrence + 1);
    return importKeyOf(format, row, occurrence);
  });
}

// ---------------------------------------------------------------- categories

type Kind = 'expense' | 'income';

/**
 * The bills' own category texts mapped to preset keys, per kind. A text ending in '*' matches
 * every text that starts with it (QIF 'Utilities:Water'). Texts are compared normalized.
 */
const SOURCE_CATEGORY_TABLE: readonly { texts: readonly string[]; expense?: string; income?: string }[] = [
  { texts: ['餐饮美食', '餐饮', '美食', '外卖', '餐饮服务', 'Food', 'Dining', 'Dining Out', 'Groceries', 'Restaurants', 'Restaurant'], expense: 'food' },
  { texts: ['交通出行', '交通', '出行', '公共交通', '爱车养车', '汽车服务', '加油', 'Auto', 'Auto:Fuel', 'Fuel', 'Transportation', 'Transport', 'Travel:Transit'], expense: 'transport' },
  {
    texts: ['日用百货', '服饰装扮', '数码电器', '京东商城', '家居家装', '母婴亲子', '运动户外', '美容美发', '网购', '购物', 'Shopping', 'Clothing', 'Household', 'Electronics'],
    expense: 'shopping',
  },
  { texts: ['充值缴费', '生活缴费', '水电煤', '水费', '电费', '燃气费', 'Utilities', 'Utilities*', 'Bills', 'Bills & Utilities'], expense: 'utilities' },
  { texts: ['通讯', '话费', '手机话费', '宽带', 'Telephone', 'Phone', 'Internet', 'Mobile'], expense: 'communication' },
  { texts: ['住房物业', '房租', '物业', '物业费', '住房', 'Rent', 'Housing', 'Home'], expense: 'housing' },
  { texts: ['医疗健康', '医疗', '药店', '医院', 'Medical', 'Healthcare', 'Health', 'Doctor', 'Pharmacy'], expense: 'medical' },
  { texts: ['教育培训', '教育', '培训', 'Education', 'Tuition'], expense: 'education' },
  { texts: ['文化休闲', '休闲娱乐', '娱乐', '酒店旅游', 'Entertainment', 'Recreation', 'Leisure'], expense: 'entertainment' },
  { texts: ['保险', 'Insurance'], expense: 'insurance' },
  { texts: ['信用借还', '还款', '信用卡还款', '借款还款', 'Loan', 'Loan*', 'Mortgage', 'Credit Card Payment'], expense: 'repayment' },
  { texts: ['转账红包', '微信红包', '红包', '转账', '群收款', '二维码收款'], expense: 'other-expense', income: 'other-income' },
  { texts: ['工资', '薪资', '薪水', 'Salary', 'Income:Salary', 'Wages', 'Paycheck', 'Payroll'], income: 'salary' },
  { texts: ['奖金', 'Bonus', 'Income:Bonus'], income: 'bonus' },
  { texts: ['利息', '理财收益', '收益', '投资理财', 'Interest', 'Interest Income', 'Int Inc', 'Income:Interest', 'Dividend', 'Dividends', 'Div Income'], income: 'interest-income' },
  { texts: ['Income', 'Other Income', 'Income:Other'], income: 'other-income' },
];

interface TableEntry {
  expense?: string;
  income?: string;
}

const EXACT_TABLE = new Map<string, TableEntry>();
const PREFIX_TABLE: { prefix: string; entry: TableEntry }[] = [];
for (const { texts, expense, income } of SOURCE_CATEGORY_TABLE) {
  const entry: TableEntry = {};
  if (expense !== undefined) entry.expense = expense;
  if (income !== undefined) entry.income = income;
  for (const text of texts) {
    if (text.endsWith('*')) PREFIX_TABLE.push({ prefix: normalizeName(text.slice(0, -1)), entry });
    else if (!EXACT_TABLE.has(normalizeName(text))) EXACT_TABLE.set(normalizeName(text), entry);
  }
}

class CategoryIndex {
  private readonly byPreset = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly kinds = new Map<string, Kind>();
  private readonly exactRules = new Map<string, CategoryRule[]>();
  private readonly containsRules: { payee: string; rule: CategoryRule }[] = [];

  constructor(categories: readonly CategoryChoice[], rules: readonly CategoryRule[]) {
    for (const category of categories) {
      this.kinds.set(category.id, category.kind);
      if (category.preset !== undefined) {
        const key = `${category.kind}|${category.preset}`;
        if (!this.byPreset.has(key)) this.byPreset.set(key, category.id);
      }
      for (const name of category.names) {
        const key = `${category.kind}|${normalizeName(name)}`;
        if (!this.byName.has(key)) this.byName.set(key, category.id);
      }
    }
    for (const rule of rules) {
      const payee = normalizeName(rule.payee);
      if (payee === '' || !this.kinds.has(rule.categoryId)) continue;
      const list = this.exactRules.get(payee);
      if (list) list.push(rule);
      else this.exactRules.set(payee, [rule]);
      this.containsRules.push({ payee, rule });
    }
    // The most specific (longest) rule payee wins among rules contained in a row's payee.
    this.containsRules.sort((a, b) => b.payee.length - a.payee.length);
  }

  /** A learned rule for this counterparty, of the right kind; an exact payee beats a contained one. */
  byRule(payee: string, kind: Kind): string | undefined {
    const name = normalizeName(payee);
    if (name === '') return undefined;
    for (const rule of this.exactRules.get(name) ?? []) {
      if (this.kinds.get(rule.categoryId) === kind) return rule.categoryId;
    }
    for (const { payee: rulePayee, rule } of this.containsRules) {
      if ((name.includes(rulePayee) || rulePayee.includes(name)) && this.kinds.get(rule.categoryId) === kind) return rule.categoryId;
    }
    return undefined;
  }

  /**
   * The file's category text: the table on the whole text, a category named like it, then its
   * last ':' segment (QIF 'Utilities:Water' -> a 'Water' category, then the table), then its
   * first segment and the table's prefixes ('Utilities*').
   */
  bySource(text: string, kind: Kind): string | undefined {
    const whole = normalizeName(text);
    if (whole === '') return undefined;
    const segments = whole.split(':').filter((segment) => segment !== '');
    const last = segments[segments.length - 1];
    const first = segments[0];
    const candidates: (string | undefined)[] = [
      this.fromTable(EXACT_TABLE.get(whole), kind),
      this.byName.get(`${kind}|${whole}`),
    ];
    if (segments.length > 1 && last !== undefined) {
      candidates.push(this.byName.get(`${kind}|${last}`), this.fromTable(EXACT_TABLE.get(last), kind));
    }
    if (segments.length > 1 && first !== undefined) {
      candidates.push(this.fromTable(EXACT_TABLE.get(first), kind), this.byName.get(`${kind}|${first}`));
    }
    for (const candidate of candidates) if (candidate !== undefined) return candidate;
    for (const { prefix, entry } of PREFIX_TABLE) {
      if (whole.startsWith(prefix)) {
        const found = this.fromTable(entry, kind);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  private fromTable(entry: TableEntry | undefined, kind: Kind): string | undefined {
    const preset = entry?.[kind];
    return preset === undefined ? undefined : this.byPreset.get(`${kind}|${preset}`);
  }
}

function suggestCategory(index: CategoryIndex, row: BillRow, kind: Kind): { categoryId?: string; categorySource: PreparedRow['categorySource'] } {
  const ruled = index.byRule(row.payee, kind);
  if (ruled !== undefined) return { categoryId: ruled, categorySource: 'rule' };
  let fromFile = index.bySource(row.sourceCategory, kind);
  if (fromFile === undefined && row.sourceCategory.trim() === '' && row.splits !== undefined && row.splits.length > 0) {
    // A QIF split without its own category: the splits' category when they all agree.
    const found = new Set(row.splits.map((split) => index.bySource(split.category, kind)));
    const [only] = found;
    if (found.size === 1 && only !== undefined) fromFile = only;
  }
  if (fromFile !== undefined) return { categoryId: fromFile, categorySource: 'file' };
  return { categorySource: 'none' };
}

// ---------------------------------------------------------------- preview

interface Candidate {
  id: string;
  /** Raw payee; normalized only when a row lands on this date and amount. */
  rawPayee: string;
  payee?: string;
  used: boolean;
}

function candidatePayee(candidate: Candidate): string {
  if (candidate.payee === undefined) candidate.payee = normalizeName(candidate.rawPayee);
  return candidate.payee;
}

function isOrderId(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * The original order a refund row refunds, in this file: the row whose order id is the refund's
 * `refundOf`; failing that, a non-refund row sharing the refund's order id (WeChat) or its
 * merchant order id (Alipay).
 */
function findOriginals(rows: readonly BillRow[]): (number | undefined)[] {
  const byOrderId = new Map<string, number>();
  const byMerchantId = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.refund) return;
    if (isOrderId(row.orderId) && !byOrderId.has(row.orderId)) byOrderId.set(row.orderId, index);
    if (isOrderId(row.merchantOrderId) && !byMerchantId.has(row.merchantOrderId)) byMerchantId.set(row.merchantOrderId, index);
  });
  return rows.map((row) => {
    if (!row.refund) return undefined;
    if (isOrderId(row.refundOf)) {
      const found = byOrderId.get(row.refundOf);
      if (found !== undefined) return found;
    }
    if (isOrderId(row.orderId)) {
      const found = byOrderId.get(row.orderId);
      if (found !== undefined) return found;
    }
    if (isOrderId(row.merchantOrderId)) return byMerchantId.get(row.merchantOrderId);
    return undefined;
  });
}

/**
 * One PreparedRow per bill row, in the bill's order. See the module comment for the decisions.
 * Refunds take their original's category when the original is in the file, otherwise the usual
 * suggestion among expense categories (a refund gives back spending).
 */
export function prepareImport(bill: ParsedBill, options: PrepareOptions): PreparedRow[] {
  const rows = bill.rows;
  const format = options.format;
  const keys = importKeysOf(format, rows);
  const originals = findOriginals(rows);
  const index = new CategoryIndex(options.categories, options.rules);

  const existingByKey = new Map<string, string>();
  const byDateAmount = new Map<string, Candidate[]>();
  const ownPrefix = `${format}:`;
  for (const existing of options.existing) {
    if (existing.importKey !== undefined && existing.importKey !== '') {
      if (!existingByKey.has(existing.importKey)) existingByKey.set(existing.importKey, existing.id);
      // Another format's key does not name rows of this file: match those by content.
      if (existing.importKey.startsWith(ownPrefix)) continue;
    }
    const slot = `${existing.date}|${existing.amount}`;
    const candidate: Candidate = { id: existing.id, rawPayee: existing.payee, used: false };
    const list = byDateAmount.get(slot);
    if (list) list.push(candidate);
    else byDateAmount.set(slot, [candidate]);
  }

  // Categories of non-refund rows first: refunds borrow their original's.
  const prepared: PreparedRow[] = rows.map((row, i) => {
    const importKey = keys[i] as string;
    if (row.refund) {
      return { row, importKey, action: 'import', kind: 'refund', amount: Math.abs(row.amount), categorySource: 'none' };
    }
    if (row.direction === 'neutral') {
      const action = row.closed ? 'closed' : options.neutral === 'skip' ? 'neutral-skipped' : 'import';
      return { row, importKey, action, kind: 'transfer', amount: row.amount, categorySource: 'none' };
    }
    const kind: Kind = row.amount < 0 ? 'expense' : 'income';
    const suggestion = suggestCategory(index, row, kind);
    const result: PreparedRow = { row, importKey, action: row.closed ? 'closed' : 'import', kind, amount: row.amount, categorySource: suggestion.categorySource };
    if (suggestion.categoryId !== undefined) result.categoryId = suggestion.categoryId;
    return result;
  });

  prepared.forEach((item, i) => {
    if (item.kind !== 'refund') return;
    const originalIndex = originals[i];
    const original = originalIndex === undefined ? undefined : prepared[originalIndex];
    if (original !== undefined) {
      item.refundOfLine = original.row.line;
      if (original.categoryId !== undefined) {
        item.categoryId = original.categoryId;
        item.categorySource = 'refund-original';
      }
    }
    if (original === undefined || original.categoryId === undefined) {
      const suggestion = suggestCategory(index, item.row, 'expense');
      item.categorySource = suggestion.categorySource;
      if (suggestion.categoryId !== undefined) item.categoryId = suggestion.categoryId;
    }
    if (item.row.closed) item.action = 'closed';
    else if (original !== undefined && original.row.closed) item.action = 'refund-of-closed';
  });

  // Duplicates, only among rows that would be written.
  const firstLineByKey = new Map<string, number>();
  for (const item of prepared) {
    if (item.action !== 'import') continue;
    const byKey = existingByKey.get(item.importKey);
    const earlier = firstLineByKey.get(item.importKey);
    if (byKey !== undefined) {
      item.action = 'duplicate';
      item.duplicateOf = byKey;
      continue;
    }
    if (earlier !== undefined) {
      item.action = 'duplicate';
      item.duplicateOf = `line:${earlier}`;
      continue;
    }
    firstLineByKey.set(item.importKey, item.row.line);
    const candidates = byDateAmount.get(`${item.row.date}|${item.amount}`);
    if (candidates === undefined) continue;
    const payee = normalizeName(item.row.payee);
    const match =
      candidates.find((candidate) => !candidate.used && candidatePayee(candidate) === payee) ??
      candidates.find((candidate) => !candidate.used && sameCounterparty(candidatePayee(candidate), payee));
    if (match !== undefined) {
      match.used = true;
      item.action = 'duplicate';
      item.duplicateOf = match.id;
    }
  }
  return prepared;
}
