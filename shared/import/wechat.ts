/**
 * WeChat Pay (微信支付) bill: the CSV export (UTF-8, before mid-2025) and the .xlsx export (since
 * mid-2025; the renderer reads the sheet into string cells). Both have the same lead lines and
 * header. "/" in 收/支 is a neutral row; "/" in any other cell means empty.
 */
import { parseMoney } from '../finance/money';
import type { BillRow, ParsedBill } from './types';
import {
  cellOrEmpty,
  cleanCell,
  directionOf,
  isClosedStatus,
  leadValue,
  optionalCell,
  parseAmount,
  parseDateTime,
  periodIn,
  readBillTable,
  signedAmount,
  splitCsv,
  withoutUndefined,
} from './text';
import type { ColumnSpecs, TableRow } from './text';

/** WeChat writes a withdrawal fee into 备注: "服务费¥0.50" -> 50. Undefined when there is none. */
export function feeFromNote(note: string | undefined): number | undefined {
  if (!note) return undefined;
  const match = /(?:服务费|手续费)\s*[:：]?\s*([¥￥]?\s*[\d０-９][\d０-９,，.．]*)\s*元?/.exec(note);
  if (!match) return undefined;
  try {
    const fee = parseMoney((match[1] ?? '').replace(/，/g, ','), 'CNY');
    return fee > 0 ? fee : undefined;
  } catch {
    return undefined;
  }
}

/** Sheet cells (the .xlsx path) as table rows numbered from 1. */
export function sheetRows(rows: readonly (readonly unknown[])[]): TableRow[] {
  return rows.map((cells, index) => ({ line: index + 1, cells: Array.isArray(cells) ? cells.map((cell) => cellText(cell)) : [] }));
}

function cellText(cell: unknown): string {
  return typeof cell === 'string' ? cell : cleanCell(cell);
}

type WechatColumn = 'time' | 'type' | 'payee' | 'goods' | 'direction' | 'amount' | 'method' | 'status' | 'orderId' | 'merchantOrderId' | 'note';

export const WECHAT_COLUMNS: ColumnSpecs<WechatColumn> = {
  time: { names: ['交易时间'], required: true },
  type: { names: ['交易类型'] },
  payee: { names: ['交易对方'] },
  goods: { names: ['商品', '商品名称'] },
  direction: { names: ['收/支'], required: true },
  amount: { names: ['金额(元)', '金额', '金额（元）'], required: true },
  method: { names: ['支付方式'] },
  status: { names: ['当前状态', '交易状态'] },
  orderId: { names: ['交易单号'] },
  merchantOrderId: { names: ['商户单号'] },
  note: { names: ['备注'] },
};

/** Headers that identify a WeChat header row: five of these must be there (Alipay's has three, JD's two). */
export const WECHAT_HEADER = {
  names: ['交易时间', '交易类型', '交易对方', '商品', '收/支', '支付方式', '当前状态', '交易单号', '商户单号'],
  minimum: 5,
} as const;

function parseWechatTable(rows: readonly TableRow[], text: string, unterminatedRow = -1): ParsedBill {
  const table = readBillTable(rows, { columns: WECHAT_COLUMNS, identify: WECHAT_HEADER.names, minimum: WECHAT_HEADER.minimum, text, unterminatedRow });

  const billRows = table.records.map((record): BillRow => {
    const { line } = record;
    const { date, time } = parseDateTime(record.cell('time'), line);
    const sourceCategory = cellOrEmpty(record.cell('type'));
    const direction = directionOf(record.cell('direction'));
    const orderId = optionalCell(record.cell('orderId'));
    const note = optionalCell(record.cell('note'));
    // 商户消费-退款, 转账-退款, 微信红包-退款 ...: the refund keeps the original's 交易单号.
    const refund = /退款/.test(sourceCategory);
    const status = optionalCell(record.cell('status'));
    return withoutUndefined({
      line,
      date,
      time,
      amount: signedAmount(parseAmount(record.cell('amount'), line), direction, refund, [sourceCategory]),
      direction,
      payee: cellOrEmpty(record.cell('payee')),
      description: cellOrEmpty(record.cell('goods')),
      sourceCategory,
      method: optionalCell(record.cell('method')),
      status,
      orderId,
      merchantOrderId: optionalCell(record.cell('merchantOrderId')),
      note,
      closed: status !== undefined && isClosedStatus(status),
      refund,
      refundOf: refund ? orderId : undefined,
      fee: feeFromNote(note),
    });
  });

  const period = periodIn(table.lead);
  const accountHint = leadValue(table.lead, '微信昵称');
  return withoutUndefined({
    format: 'wechat' as const,
    rows: billRows,
    currency: 'CNY',
    accountHint,
    period,
    declaredCount: table.declaredCount,
  });
}

/** The WeChat CSV export, decoded (UTF-8). */
export function parseWechatCsv(text: string): ParsedBill {
  const source = String(text);
  const split = splitCsv(source, ',');
  return parseWechatTable(split.rows, source, split.unterminatedRow);
}

/** The WeChat .xlsx export as the sheet's cells converted to strings, row 1 first. */
export function parseWechatRows(rows: string[][]): ParsedBill {
  const table = sheetRows(Array.isArray(rows) ? rows : []);
  const text = table.map((row) => row.cells.map(cleanCell).join(',')).join('\n');
  return parseWechatTable(table, text);
}
