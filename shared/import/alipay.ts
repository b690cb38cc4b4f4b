/**
 * Alipay (支付宝) "交易流水证明 / 用于个人对账" CSV export. The caller decodes the bytes (the
 * export is GBK/GB18030). Lead lines vary; the header row is found by its text and columns are
 * mapped by name. Amounts are positive with the direction in 收/支.
 */
import type { BillRow, ParsedBill } from './types';
import {
  cellOrEmpty,
  isClosedStatus,
  leadValue,
  optionalCell,
  parseAmount,
  parseDateTime,
  periodIn,
  readBillTable,
  signedAmount,
  splitCsv,
  directionOf,
  withoutUndefined,
} from './text';
import type { ColumnSpecs } from './text';

type AlipayColumn =
  | 'time'
  | 'category'
  | 'payee'
  | 'description'
  | 'direction'
  | 'amount'
  | 'method'
  | 'status'
  | 'orderId'
  | 'merchantOrderId'
  | 'note';

export const ALIPAY_COLUMNS: ColumnSpecs<AlipayColumn> = {
  time: { names: ['交易时间', '交易创建时间', '付款时间'], required: true },
  category: { names: ['交易分类', '类型'] },
  payee: { names: ['交易对方'] },
  description: { names: ['商品说明', '商品名称'] },
  direction: { names: ['收/支'], required: true },
  amount: { names: ['金额', '金额(元)', '金额（元）'], required: true },
  method: { names: ['收/付款方式', '支付方式'] },
  status: { names: ['交易状态'] },
  orderId: { names: ['交易订单号', '交易号'] },
  merchantOrderId: { names: ['商家订单号', '商户订单号'] },
  note: { names: ['备注'] },
};

/**
 * Headers that identify an Alipay header row: five of these must be there. WeChat's and JD's
 * headers share at most four of them (交易时间, 收/支, 交易订单号, 商家订单号 for JD).
 */
export const ALIPAY_HEADER = {
  names: [['交易时间', '交易创建时间'], '交易对方', '对方账号', ['商品说明', '商品名称'], '收/支', ['交易订单号', '交易号'], ['商家订单号', '商户订单号']],
  minimum: 5,
} as const;

const REFUND_SUFFIX = /^(.+)_\d+$/;

export function parseAlipay(text: string): ParsedBill {
  const split = splitCsv(String(text), ',');
  const table = readBillTable(split.rows, {
    columns: ALIPAY_COLUMNS,
    identify: ALIPAY_HEADER.names,
    minimum: ALIPAY_HEADER.minimum,
    text: String(text),
    unterminatedRow: split.unterminatedRow,
  });

  const rows = table.records.map((record): BillRow => {
    const { line } = record;
    const { date, time } = parseDateTime(record.cell('time'), line);
    const sourceCategory = cellOrEmpty(record.cell('category'));
    const description = cellOrEmpty(record.cell('description'));
    const payee = cellOrEmpty(record.cell('payee'));
    const status = optionalCell(record.cell('status'));
    const orderId = optionalCell(record.cell('orderId'));
    const direction = directionOf(record.cell('direction'));
    const refund = sourceCategory === '退款' || /^退款[-－—:：]/.test(description);
    const refundOf = refund && orderId ? REFUND_SUFFIX.exec(orderId)?.[1] : undefined;
    const amount = signedAmount(parseAmount(record.cell('amount'), line), direction, refund, [sourceCategory, description]);
    return withoutUndefined({
      line,
      date,
      time,
      amount,
      direction,
      payee,
      description,
      sourceCategory,
      method: optionalCell(record.cell('method')),
      status,
      orderId,
      merchantOrderId: optionalCell(record.cell('merchantOrderId')),
      note: optionalCell(record.cell('note')),
      closed: status !== undefined && isClosedStatus(status),
      refund,
      refundOf,
    });
  });

  const period = periodIn(table.lead);
  const accountHint = leadValue(table.lead, '支付宝账户');
  return {
    format: 'alipay',
    rows,
    currency: 'CNY',
    ...(accountHint ? { accountHint } : {}),
    ...(period ? { period } : {}),
    ...(table.declaredCount !== undefined ? { declaredCount: table.declaredCount } : {}),
  };
}
