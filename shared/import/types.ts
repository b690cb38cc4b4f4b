/**
 * What every bill parser produces. Parsers are pure: they receive decoded text (or, for .xlsx,
 * the sheet's cells as strings) and return rows in the file's own terms; deciding what is a
 * duplicate, a transfer or a refund of what happens afterwards in `prepare.ts`.
 */

export const IMPORT_FORMATS = ['alipay', 'wechat', 'jd', 'csv', 'ofx', 'qif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Money direction as the file states it: Alipay/JD 收入/支出/不计收支, WeChat 收入/支出/"/".
 * OFX/QIF/CSV rows are 'in' or 'out' by their sign.
 */
export type BillDirection = 'in' | 'out' | 'neutral';

export interface BillSplit {
  /** The file's category text for this part (QIF `S` line), may be empty. */
  category: string;
  /** Signed minor units, same sign convention as the row. */
  amount: number;
  memo?: string;
}

export interface BillRow {
  /** 1-based line (text files) or row (xlsx) of the record in the file, for messages. */
  line: number;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS when the file has a time. */
  time?: string;
  /**
   * Signed minor units of the file's currency: negative is money out of the account. Neutral
   * rows carry the sign of their most likely effect on the account (a repayment or a withdrawal
   * is out, a yield or a refund is in).
   */
  amount: number;
  /** ISO 4217 from the file (OFX CURDEF); absent when the file does not say. */
  currency?: string;
  direction: BillDirection;
  /** Counterparty: 交易对方 / 商户名称 / OFX NAME / QIF P. */
  payee: string;
  /** Goods or memo: 商品说明 / 商品 / 交易说明 / OFX MEMO / QIF M. */
  description: string;
  /** The file's own category: 交易分类 / 交易类型 / 交易分类 / QIF L; empty when none. */
  sourceCategory: string;
  /** Payment method as the file states it: 收/付款方式 / 支付方式. */
  method?: string;
  /** Status text: 交易状态 / 当前状态. */
  status?: string;
  /** The file's own unique id: 交易订单号 / 交易单号 / 交易号 / FITID. */
  orderId?: string;
  merchantOrderId?: string;
  /** 备注, or anything else worth keeping as the transaction note. */
  note?: string;
  /** The order was closed or failed: nothing moved (Alipay 交易关闭, 支付失败 ...). */
  closed: boolean;
  /** This row refunds an earlier order; `refundOf` is that order's id when the file tells. */
  refund: boolean;
  refundOf?: string;
  /** Partly refunded orders (JD "131.77(已退款89.84)"): the refunded part, minor units, positive. */
  refunded?: number;
  /** A fee charged with this row (WeChat 提现 "服务费¥0.50"), minor units, positive. */
  fee?: number;
  /** QIF split lines. */
  splits?: BillSplit[];
}

export interface ParsedBill {
  format: ImportFormat;
  rows: BillRow[];
  /** ISO 4217 when the file states it (OFX CURDEF); Chinese bills are CNY. */
  currency?: string;
  /** The account the file describes, when it says (OFX ACCTID, masked as in the file). */
  accountHint?: string;
  /** The period the file claims to cover, when stated. */
  period?: { start: string; end: string };
  /**
   * When the file states a record count (共10笔记录), the parser checks it against the rows and
   * throws `truncated` when rows are missing.
   */
  declaredCount?: number;
}

/** Generic CSV: how the user mapped the columns; saved per file layout and reused. */
export interface CsvMapping {
  delimiter: ',' | ';' | '\t' | '|';
  encoding: 'utf-8' | 'gb18030' | 'utf-16le';
  /** 1-based line of the header row; 0 means the file has no header and columns are numbered. */
  headerLine: number;
  dateFormat: 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY' | 'YYYYMMDD';
  /** Header names (or "#3" column numbers, 1-based, without a header) of each field. */
  columns: {
    date: string;
    payee?: string;
    description?: string;
    category?: string;
    /** One signed amount column ... */
    amount?: string;
    /** ... or separate inflow and outflow columns, both positive. */
    inflow?: string;
    outflow?: string;
    orderId?: string;
    note?: string;
  };
  /** Set when the amount column is positive for spending (some banks export it that way). */
  negateAmount: boolean;
  /** Decimal comma files (1.234,56). */
  decimalComma: boolean;
}

// ---------------------------------------------------------------- preview (prepare.ts)

/** What the importer knows about a transaction already in the target account. */
export interface ExistingTransaction {
  id: string;
  date: string;
  /** Signed minor units. */
  amount: number;
  payee: string;
  importKey?: string;
}

export interface CategoryChoice {
  id: string;
  kind: 'expense' | 'income';
  /** Preset key (food, transport, ...) for preset categories. */
  preset?: string;
  /** The user's name, and the translated name of preset categories, both matched. */
  names: string[];
}

/** A rule learned from the user's edits: rows from this counterparty go to this category. */
export interface CategoryRule {
  payee: string;
  categoryId: string;
}

export interface PrepareOptions {
  format: ImportFormat;
  /** Keep neutral rows (不计收支, "/") as transfers, or skip them. */
  neutral: 'transfer' | 'skip';
  existing: readonly ExistingTransaction[];
  categories: readonly CategoryChoice[];
  rules: readonly CategoryRule[];
}

export type PreparedAction =
  /** Written when the user confirms. */
  | 'import'
  /** Already in the account (same order id / FITID, or same date, amount and counterparty). */
  | 'duplicate'
  /** Closed or failed order: nothing moved. */
  | 'closed'
  /** A neutral row the user chose to skip. */
  | 'neutral-skipped'
  /** A refund of an order that is itself closed (the pair nets to nothing). */
  | 'refund-of-closed';

export interface PreparedRow {
  row: BillRow;
  /** Stable per file format and order id (or a content hash when the file has none). */
  importKey: string;
  action: PreparedAction;
  kind: 'expense' | 'income' | 'transfer' | 'refund';
  /** Signed minor units that will be written. */
  amount: number;
  categoryId?: string;
  categorySource: 'rule' | 'file' | 'refund-original' | 'none';
  /** Existing transaction id, or `line:<n>` when the duplicate is earlier in the same file. */
  duplicateOf?: string;
  /** The line of the original order this refund was matched to, in this file. */
  refundOfLine?: number;
}
