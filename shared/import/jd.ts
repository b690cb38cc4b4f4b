/**
 * JD (京东) bill CSV export: UTF-8 with a BOM, cells ending in a tab, rows ending ", ,".
 * JD reordered its columns in 2024, so columns are mapped by header name. A partly refunded
 * order shows "131.77(已退款89.84)": the amount already has the refund deducted.
 */
import { ImportParseError } from './errors';
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
import type { ColumnSpecs } from './text';

/** JD's partly refunded amount "131.77(已退款89.84)": the amount shown and the refunded part. */
export interface JdAmount {
  /** Minor units as shown (JD already deducted the refund), sign as written. */
  amount: number;
  /** Refunded part, minor units, positive. */
  refunded?: number;
}

const JD_REFUND = /^(.*?)\s*[(（]\s*已(?:全额|部分)?退款\s*(.*?)\s*[)）]$/;

export function parseJdAmount(cell: string, line?: number): JdAmount {
  const text = cleanCell(cell);
  const match = JD_REFUND.exec(text);
  if (!match) return { amount: parseAmount(text, line) };
  const amount = parseAmount(match[1] ?? '', line);
  const refundedText = (match[2] ?? '').replace(/元$/, '');
  if (refundedText === '') return { amount };
  let refunded: number;
  try {
    refunded = Math.abs(parseAmount(refundedText, line));
  } catch {
    throw new ImportParseError('bad-amount', line, text);
  }
  return { amount, refunded };
}

type JdColumn = 'time' | 'payee' | 'description' | 'amount' | 'method' | 'status' | 'direction' | 'category' | 'orderId' | 'merchantOrderId' | 'note';

export const JD_COLUMNS: ColumnSpecs<JdColumn> = {
  time: { names: ['交易时间'], required: true },
  payee: { names: ['商户名称'] },
  description: { names: ['交易说明'] },
  amount: { names: ['金额', '金额(元)', '金额（元）'], required: true },
  method: { names: ['收/付款方式', '支付方式'] },
  status: { names: ['交易状态'] },
  direction: { names: ['收/支'], required: true },
  category: { names: ['交易分类'] },
  orderId: { names: ['交易订单号', '交易号', '订单号'] },
  merchantOrderId: { names: ['商家订单号', '商户订单号'] },
  note: { names: ['备注'] },
};

/** Headers that identify a JD header row: four of these must be there (Alipay's has three, WeChat's two). */
export const JD_HEADER = {
  names: ['商户名称', '交易说明', '交易时间', '收/支', ['金额', '金额(元)']],
  minimum: 4,
} as const;

export function parseJd(text: string): ParsedBill {
  const source = String(text);
  const split = splitCsv(source, ',');
  const table = readBillTable(split.rows, { columns: JD_COLUMNS, identify: JD_HEADER.names, minimum: JD_HEADER.minimum, text: source, unterminatedRow: split.unterminatedRow });

  const rows = table.records.map((record): BillRow => {
    const { line } = record;
    const { date, time } = parseDateTime(record.cell('time'), line);
    const sourceCategory = cellOrEmpty(record.cell('category'));
    const description = cellOrEmpty(record.cell('description'));
    const direction = directionOf(record.cell('direction'));
    const status = optionalCell(record.cell('status'));
    const refund = sourceCategory === '退款' || /^退款/.test(description);
    const { amount, refunded } = parseJdAmount(record.cell('amount'), line);
    return withoutUndefined({
      line,
      date,
      time,
      amount: signedAmount(amount, direction, refund, [sourceCategory, description]),
      direction,
      payee: cellOrEmpty(record.cell('payee')),
      description,
      sourceCategory,
      method: optionalCell(record.cell('method')),
      status,
      orderId: optionalCell(record.cell('orderId')),
      merchantOrderId: optionalCell(record.cell('merchantOrderId')),
      note: optionalCell(record.cell('note')),
      closed: status !== undefined && isClosedStatus(status),
      refund,
      refunded,
    });
  });

  const period = periodIn(table.lead);
  const accountHint = leadValue(table.lead, '京东账号名');
  return withoutUndefined({
    format: 'jd' as const,
    rows,
    currency: 'CNY',
    accountHint,
    period,
    declaredCount: table.declaredCount,
  });
}
