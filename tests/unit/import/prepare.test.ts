import { describe, expect, it } from 'vitest';
import { importKeyOf, normalizeName, prepareImport } from '../../../shared/import/prepare';
import type { BillRow, CategoryChoice, CategoryRule, ExistingTransaction, ParsedBill, PreparedRow, PrepareOptions } from '../../../shared/import/types';

function row(fields: Partial<BillRow> & Pick<BillRow, 'line' | 'date' | 'amount' | 'payee'>): BillRow {
  return {
    direction: fields.amount < 0 ? 'out' : 'in',
    description: '',
    sourceCategory: '',
    closed: false,
    refund: false,
    ...fields,
  };
}

const categories: CategoryChoice[] = [
  { id: 'c-food', kind: 'expense', preset: 'food', names: ['餐饮', 'Food'] },
  { id: 'c-transport', kind: 'expense', preset: 'transport', names: ['交通', 'Transport'] },
  { id: 'c-shopping', kind: 'expense', preset: 'shopping', names: ['购物', 'Shopping'] },
  { id: 'c-utilities', kind: 'expense', preset: 'utilities', names: ['水电煤', 'Utilities'] },
  { id: 'c-housing', kind: 'expense', preset: 'housing', names: ['住房', 'Housing'] },
  { id: 'c-repayment', kind: 'expense', preset: 'repayment', names: ['还款', 'Repayment'] },
  { id: 'c-other-expense', kind: 'expense', preset: 'other-expense', names: ['其他支出', 'Other expense'] },
  { id: 'c-salary', kind: 'income', preset: 'salary', names: ['工资', 'Salary'] },
  { id: 'c-interest', kind: 'income', preset: 'interest-income', names: ['利息', 'Interest'] },
  { id: 'c-other-income', kind: 'income', preset: 'other-income', names: ['其他收入', 'Other income'] },
  { id: 'u-coffee', kind: 'expense', names: ['Coffee'] },
  { id: 'u-pets', kind: 'expense', names: ['Pets'] },
];

function options(overrides: Partial<PrepareOptions> = {}): PrepareOptions {
  return { format: 'alipay', neutral: 'transfer', existing: [], categories, rules: [], ...overrides };
}

/** The decision part of a prepared row, without the row itself and without absent fields. */
function decision(prepared: PreparedRow): Record<string, unknown> {
  const { row, ...rest } = prepared;
  return { line: row.line, ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) };
}

// Mirrors tests/fixtures/import/alipay-2026-09.csv (header on line 25).
const alipay: ParsedBill = {
  format: 'alipay',
  currency: 'CNY',
  rows: [
    row({ line: 26, date: '2026-09-01', time: '08:12:03', amount: -1250, payee: '楼下早餐店', description: '早餐', sourceCategory: '餐饮美食', orderId: '2026090122001400001', merchantOrderId: 'M20260901001', status: '交易成功' }),
    row({ line: 27, date: '2026-09-02', time: '12:30:45', amount: -8630, payee: '某某超市', description: '日用品', sourceCategory: '日用百货', orderId: '2026090222001400002', merchantOrderId: 'M20260902002', status: '交易成功' }),
    row({ line: 28, date: '2026-09-05', time: '19:02:11', amount: 50000, payee: '李*', description: '转账', sourceCategory: '转账红包', orderId: '2026090520001400003', status: '交易成功' }),
    row({ line: 29, date: '2026-09-07', time: '09:15:00', amount: -128000, direction: 'neutral', payee: '花呗', description: '花呗主动还款-2026年08月账单', sourceCategory: '信用借还', orderId: '2026090722001400004', status: '还款成功' }),
    row({ line: 30, date: '2026-09-10', time: '21:40:18', amount: -39900, payee: '某服饰旗舰店', description: '外套', sourceCategory: '服饰装扮', orderId: '2026091022001400005', merchantOrderId: 'T20260910005', status: '交易关闭', closed: true }),
    row({
      line: 31,
      date: '2026-09-11',
      time: '10:00:00',
      amount: 39900,
      direction: 'neutral',
      payee: '某服饰旗舰店',
      description: '退款-外套',
      sourceCategory: '退款',
      orderId: '2026091022001400005_1',
      merchantOrderId: 'T20260910005',
      status: '退款成功',
      refund: true,
      refundOf: '2026091022001400005',
    }),
    row({ line: 32, date: '2026-09-15', time: '18:20:33', amount: -3560, payee: '某出行平台', description: '打车', sourceCategory: '交通出行', orderId: '2026091522001400007', status: '交易成功' }),
    row({ line: 33, date: '2026-09-20', time: '00:05:00', amount: 123, direction: 'neutral', payee: '余额宝', description: '余额宝-2026.09.19-收益发放', sourceCategory: '投资理财', orderId: '2026092000001400008' }),
    row({ line: 34, date: '2026-09-25', time: '11:11:11', amount: -21540, payee: '某电力公司', description: '电费', sourceCategory: '充值缴费', orderId: '2026092522001400009', note: '9月电费' }),
    row({ line: 35, date: '2026-09-28', time: '14:22:10', amount: -3200, payee: '某咖啡店', description: '咖啡', sourceCategory: '餐饮美食', orderId: '2026092822001400010', status: '等待确认收货' }),
  ],
};

// Mirrors tests/fixtures/import/wechat-2026-09.csv (header on line 17).
const wechat: ParsedBill = {
  format: 'wechat',
  currency: 'CNY',
  rows: [
    row({ line: 18, date: '2026-09-01', amount: -650, payee: '某便利店', description: '饮料', sourceCategory: '商户消费', orderId: '4200001001202609010001' }),
    row({ line: 19, date: '2026-09-03', amount: 6600, payee: '王*', sourceCategory: '微信红包', orderId: '1000039901202609030002' }),
    row({ line: 20, date: '2026-09-06', amount: -320000, payee: '房东', sourceCategory: '转账', orderId: '1000050001202609060003', note: '9月房租' }),
    row({ line: 21, date: '2026-09-09', amount: -200000, direction: 'neutral', payee: '招商银行信用卡', sourceCategory: '信用卡还款', orderId: '1000060001202609090004' }),
    row({ line: 22, date: '2026-09-12', amount: -4580, payee: '某外卖平台', description: '外卖订单', sourceCategory: '商户消费', orderId: '4200001002202609120005' }),
    row({
      line: 23,
      date: '2026-09-13',
      amount: 4580,
      payee: '某外卖平台',
      description: '外卖订单',
      sourceCategory: '商户消费-退款',
      orderId: '4200001002202609120005',
      refund: true,
      refundOf: '4200001002202609120005',
      status: '已全额退款',
    }),
    row({ line: 24, date: '2026-09-18', amount: -50000, direction: 'neutral', payee: '招商银行(1234)', sourceCategory: '零钱提现', orderId: '1000070001202609180007', fee: 50, note: '服务费¥0.50' }),
  ],
};

const wechatRules: CategoryRule[] = [{ payee: '某外卖平台', categoryId: 'c-food' }];

describe('prepareImport on an Alipay bill', () => {
  it('closes the closed order, pairs its refund as refund-of-closed, keeps neutral rows as transfers', () => {
    const prepared = prepareImport(alipay, options());
    expect(prepared.map((item) => item.row)).toEqual(alipay.rows);
    expect(prepared.map(decision)).toEqual([
      { line: 26, importKey: 'alipay:2026090122001400001', action: 'import', kind: 'expense', amount: -1250, categoryId: 'c-food', categorySource: 'file' },
      { line: 27, importKey: 'alipay:2026090222001400002', action: 'import', kind: 'expense', amount: -8630, categoryId: 'c-shopping', categorySource: 'file' },
      { line: 28, importKey: 'alipay:2026090520001400003', action: 'import', kind: 'income', amount: 50000, categoryId: 'c-other-income', categorySource: 'file' },
      { line: 29, importKey: 'alipay:2026090722001400004', action: 'import', kind: 'transfer', amount: -128000, categorySource: 'none' },
      { line: 30, importKey: 'alipay:2026091022001400005', action: 'closed', kind: 'expense', amount: -39900, categoryId: 'c-shopping', categorySource: 'file' },
      {
        line: 31,
        importKey: 'alipay:2026091022001400005_1:refund',
        action: 'refund-of-closed',
        kind: 'refund',
        amount: 39900,
        categoryId: 'c-shopping',
        categorySource: 'refund-original',
        refundOfLine: 30,
      },
      { line: 32, importKey: 'alipay:2026091522001400007', action: 'import', kind: 'expense', amount: -3560, categoryId: 'c-transport', categorySource: 'file' },
      { line: 33, importKey: 'alipay:2026092000001400008', action: 'import', kind: 'transfer', amount: 123, categorySource: 'none' },
      { line: 34, importKey: 'alipay:2026092522001400009', action: 'import', kind: 'expense', amount: -21540, categoryId: 'c-utilities', categorySource: 'file' },
      { line: 35, importKey: 'alipay:2026092822001400010', action: 'import', kind: 'expense', amount: -3200, categoryId: 'c-food', categorySource: 'file' },
    ]);
  });

  it('skips the neutral rows when asked, and only them', () => {
    const prepared = prepareImport(alipay, options({ neutral: 'skip' }));
    expect(prepared.map((item) => item.action)).toEqual(['import', 'import', 'import', 'neutral-skipped', 'closed', 'refund-of-closed', 'import', 'neutral-skipped', 'import', 'import']);
    expect(prepared[3]?.kind).toBe('transfer');
    expect(prepared[3]?.categoryId).toBeUndefined();
  });

  it('pairs an Alipay refund by merchant order id when it does not name its original', () => {
    const rows = alipay.rows.map((item) => (item.refund ? { ...item, refundOf: undefined } : item));
    const refund = prepareImport({ ...alipay, rows }, options())[5];
    expect([refund?.action, refund?.refundOfLine]).toEqual(['refund-of-closed', 30]);
  });
});

describe('prepareImport on a WeChat bill', () => {
  it('matches the refund to its original: same category, distinct import keys via :refund', () => {
    const prepared = prepareImport(wechat, options({ format: 'wechat', rules: wechatRules }));
    expect(prepared.map(decision)).toEqual([
      { line: 18, importKey: 'wechat:4200001001202609010001', action: 'import', kind: 'expense', amount: -650, categorySource: 'none' },
      { line: 19, importKey: 'wechat:1000039901202609030002', action: 'import', kind: 'income', amount: 6600, categoryId: 'c-other-income', categorySource: 'file' },
      { line: 20, importKey: 'wechat:1000050001202609060003', action: 'import', kind: 'expense', amount: -320000, categoryId: 'c-other-expense', categorySource: 'file' },
      { line: 21, importKey: 'wechat:1000060001202609090004', action: 'import', kind: 'transfer', amount: -200000, categorySource: 'none' },
      { line: 22, importKey: 'wechat:4200001002202609120005', action: 'import', kind: 'expense', amount: -4580, categoryId: 'c-food', categorySource: 'rule' },
      {
        line: 23,
        importKey: 'wechat:4200001002202609120005:refund',
        action: 'import',
        kind: 'refund',
        amount: 4580,
        categoryId: 'c-food',
        categorySource: 'refund-original',
        refundOfLine: 22,
      },
      // The withdrawal fee stays informational: the amount is the row's.
      { line: 24, importKey: 'wechat:1000070001202609180007', action: 'import', kind: 'transfer', amount: -50000, categorySource: 'none' },
    ]);
  });

  it('skips the neutral repayment and withdrawal when asked', () => {
    const prepared = prepareImport(wechat, options({ format: 'wechat', neutral: 'skip' }));
    expect(prepared.map((item) => item.action)).toEqual(['import', 'import', 'import', 'neutral-skipped', 'import', 'import', 'neutral-skipped']);
  });

  it('marks every row duplicate on a second import of the same bill', () => {
    const first = prepareImport(wechat, options({ format: 'wechat' }));
    expect(first.every((item) => item.action === 'import')).toBe(true);
    const existing: ExistingTransaction[] = first.map((item, i) => ({ id: `tx-${i}`, date: item.row.date, amount: item.amount, payee: item.row.payee, importKey: item.importKey }));
    const second = prepareImport(wechat, options({ format: 'wechat', existing }));
    expect(second.map((item) => [item.action, item.duplicateOf])).toEqual(first.map((_, i) => ['duplicate', `tx-${i}`]));
  });

  it('finds a refund without an original in the file a category by the usual suggestion (among expenses)', () => {
    const lone: ParsedBill = { format: 'wechat', rows: [wechat.rows[5] as BillRow] };
    const [refund] = prepareImport(lone, options({ format: 'wechat', rules: wechatRules }));
    expect(refund && decision(refund)).toEqual({
      line: 23,
      importKey: 'wechat:4200001002202609120005:refund',
      action: 'import',
      kind: 'refund',
      amount: 4580,
      categoryId: 'c-food',
      categorySource: 'rule',
    });
    const [bare] = prepareImport(lone, options({ format: 'wechat' }));
    expect([bare?.kind, bare?.categoryId, bare?.categorySource, bare?.refundOfLine]).toEqual(['refund', undefined, 'none', undefined]);
  });
});

describe('prepareImport duplicates', () => {
  const coffee = (line: number, payee = 'Coffee Shop'): BillRow => row({ line, date: '2026-09-03', amount: -450, payee });

  it('keeps two identical rows of one file the first time, and finds both the second time', () => {
    const bill: ParsedBill = { format: 'qif', rows: [coffee(2), coffee(8), coffee(14, 'Bakery')] };
    const first = prepareImport(bill, options({ format: 'qif' }));
    expect(first.map((item) => [item.action, item.importKey])).toEqual([
      ['import', 'qif:2026-09-03:-450:coffeeshop:0'],
      ['import', 'qif:2026-09-03:-450:coffeeshop:1'],
      ['import', 'qif:2026-09-03:-450:bakery:0'],
    ]);
    const existing = first.map((item, i) => ({ id: `t${i}`, date: item.row.date, amount: item.amount, payee: item.row.payee, importKey: item.importKey }));
    const again = prepareImport(bill, options({ format: 'qif', existing }));
    expect(again.map((item) => item.duplicateOf)).toEqual(['t0', 't1', 't2']);
    // A later file with a third identical coffee imports only the new one.
    const more = prepareImport({ format: 'qif', rows: [coffee(2), coffee(8), coffee(9)] }, options({ format: 'qif', existing }));
    expect(more.map((item) => item.action)).toEqual(['duplicate', 'duplicate', 'import']);
  });

  it('marks a repeated order id in the same file as a duplicate of the earlier line', () => {
    const bill: ParsedBill = {
      format: 'ofx',
      rows: [row({ line: 15, date: '2026-09-03', amount: -4217, payee: 'GROCERY', orderId: 'A1' }), row({ line: 40, date: '2026-09-03', amount: -4217, payee: 'GROCERY', orderId: 'A1' })],
    };
    const prepared = prepareImport(bill, options({ format: 'ofx' }));
    expect(prepared.map((item) => [item.action, item.duplicateOf])).toEqual([
      ['import', undefined],
      ['duplicate', 'line:15'],
    ]);
  });

  it('finds a hand-typed transaction with the same date and amount and a payee differing in case, width and spaces', () => {
    const bill: ParsedBill = { format: 'ofx', rows: [row({ line: 15, date: '2026-09-03', amount: -4217, payee: 'GROCERY MART #12', orderId: 'CC2026090301' })] };
    const existing: ExistingTransaction[] = [
      { id: 'other-day', date: '2026-09-04', amount: -4217, payee: 'Grocery Mart' },
      { id: 'other-amount', date: '2026-09-03', amount: -4218, payee: 'Grocery Mart' },
      { id: 'other-payee', date: '2026-09-03', amount: -4217, payee: 'Bakery' },
      { id: 'hand', date: '2026-09-03', amount: -4217, payee: 'Ｇｒｏｃｅｒｙ  mart' },
    ];
    const [prepared] = prepareImport(bill, options({ format: 'ofx', existing }));
    expect([prepared?.action, prepared?.duplicateOf]).toEqual(['duplicate', 'hand']);
  });

  it('lets each existing transaction match only one row, preferring the exact payee', () => {
    const bill: ParsedBill = { format: 'csv', rows: [coffee(2, 'Coffee'), coffee(3, 'Coffee Shop'), coffee(4, 'Coffee')] };
    const existing: ExistingTransaction[] = [
      { id: 'shop', date: '2026-09-03', amount: -450, payee: 'coffee shop' },
      { id: 'plain', date: '2026-09-03', amount: -450, payee: 'COFFEE' },
    ];
    const prepared = prepareImport(bill, options({ format: 'csv', existing }));
    expect(prepared.map((item) => [item.action, item.duplicateOf])).toEqual([
      ['duplicate', 'plain'],
      ['duplicate', 'shop'],
      ['import', undefined],
    ]);
  });

  it('matches by content against another format’s import, never against this format’s other keys', () => {
    const bill: ParsedBill = { format: 'ofx', rows: [row({ line: 15, date: '2026-09-03', amount: -4217, payee: 'GROCERY MART', orderId: 'X9' })] };
    const fromAlipay = prepareImport(bill, options({ format: 'ofx', existing: [{ id: 'a', date: '2026-09-03', amount: -4217, payee: 'grocery mart', importKey: 'alipay:123' }] }));
    expect(fromAlipay[0]?.duplicateOf).toBe('a');
    const sameFormat = prepareImport(bill, options({ format: 'ofx', existing: [{ id: 'o', date: '2026-09-03', amount: -4217, payee: 'grocery mart', importKey: 'ofx:X8' }] }));
    expect(sameFormat[0]?.action).toBe('import');
  });

  it('does not treat an empty payee as contained in every payee', () => {
    const bill: ParsedBill = { format: 'csv', rows: [coffee(2)] };
    const prepared = prepareImport(bill, options({ format: 'csv', existing: [{ id: 'blank', date: '2026-09-03', amount: -450, payee: '' }] }));
    expect(prepared[0]?.action).toBe('import');
  });

  it('leaves closed and skipped rows out of duplicate matching', () => {
    const bill: ParsedBill = {
      format: 'csv',
      rows: [row({ line: 2, date: '2026-09-03', amount: -450, payee: 'Coffee', closed: true }), row({ line: 3, date: '2026-09-03', amount: -450, payee: 'Coffee' })],
    };
    const prepared = prepareImport(bill, options({ format: 'csv', existing: [{ id: 'hand', date: '2026-09-03', amount: -450, payee: 'Coffee' }] }));
    expect(prepared.map((item) => [item.action, item.duplicateOf])).toEqual([
      ['closed', undefined],
      ['duplicate', 'hand'],
    ]);
  });

  it('closes a closed neutral row rather than importing or skipping it', () => {
    const bill: ParsedBill = { format: 'alipay', rows: [row({ line: 2, date: '2026-09-03', amount: -100, direction: 'neutral', payee: 'x', closed: true })] };
    expect(prepareImport(bill, options({ neutral: 'skip' }))[0]?.action).toBe('closed');
  });

  it('handles 10,000 rows against 100,000 existing transactions', () => {
    const rows: BillRow[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      rows.push(row({ line: i + 2, date: `2026-09-${day}`, amount: -(100 + (i % 5000)), payee: `Shop ${i % 300}` }));
    }
    const existing: ExistingTransaction[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      existing.push({ id: `e${i}`, date: `2025-08-${day}`, amount: -(100 + (i % 5000)), payee: `Shop ${i % 300}`, importKey: i % 2 === 0 ? `csv:k${i}` : undefined });
    }
    // The first 1,000 rows were typed by hand already.
    for (let i = 0; i < 1_000; i += 1) {
      const source = rows[i] as BillRow;
      existing.push({ id: `hand${i}`, date: source.date, amount: source.amount, payee: source.payee.toUpperCase() });
    }
    const prepared = prepareImport({ format: 'csv', rows }, options({ format: 'csv', existing }));
    expect(prepared).toHaveLength(10_000);
    expect(prepared.filter((item) => item.action === 'duplicate')).toHaveLength(1_000);
    expect(prepared.filter((item) => item.action === 'import')).toHaveLength(9_000);
  });
});

describe('prepareImport categories', () => {
  const one = (fields: Partial<BillRow>, rules: CategoryRule[] = [], choices: CategoryChoice[] = categories): PreparedRow | undefined =>
    prepareImport({ format: 'qif', rows: [row({ line: 2, date: '2026-09-01', amount: -1000, payee: 'Someone', ...fields })] }, options({ format: 'qif', rules, categories: choices }))[0];

  it('prefers a learned rule over the file’s category', () => {
    const prepared = one({ payee: '楼下早餐店', sourceCategory: '餐饮美食' }, [{ payee: '楼下早餐店', categoryId: 'u-coffee' }]);
    expect([prepared?.categoryId, prepared?.categorySource]).toEqual(['u-coffee', 'rule']);
  });

  it('prefers an exact rule payee over one it contains, and the longest contained one', () => {
    const rules: CategoryRule[] = [
      { payee: 'starbucks', categoryId: 'c-food' },
      { payee: 'Starbucks Reserve', categoryId: 'u-pets' },
      { payee: 'STARBUCKS #12', categoryId: 'u-coffee' },
    ];
    expect(one({ payee: 'Starbucks #12' }, rules)?.categoryId).toBe('u-coffee');
    expect(one({ payee: 'Starbucks Reserve Roastery' }, rules)?.categoryId).toBe('u-pets');
    expect(one({ payee: 'ＳＴＡＲＢＵＣＫＳ #99' }, rules)?.categoryId).toBe('c-food');
  });

  it('applies only rules of the row’s kind, and ignores rules for unknown categories', () => {
    const rules: CategoryRule[] = [
      { payee: '李*', categoryId: 'c-food' },
      { payee: 'ACME', categoryId: 'gone' },
    ];
    const income = one({ payee: '李*', amount: 50000, sourceCategory: '转账红包' }, rules);
    expect([income?.categoryId, income?.categorySource]).toEqual(['c-other-income', 'file']);
    expect(one({ payee: 'ACME' }, rules)?.categorySource).toBe('none');
  });

  it('maps the file category to the preset of the right kind', () => {
    expect(one({ sourceCategory: '转账红包', amount: 50000 })?.categoryId).toBe('c-other-income');
    expect(one({ sourceCategory: '转账红包', amount: -50000 })?.categoryId).toBe('c-other-expense');
    expect(one({ sourceCategory: '微信红包', amount: 6600 })?.categoryId).toBe('c-other-income');
    expect(one({ sourceCategory: '工资', amount: 800000 })?.categoryId).toBe('c-salary');
    expect(one({ sourceCategory: 'Income:Salary', amount: 250000 })?.categoryId).toBe('c-salary');
    expect(one({ sourceCategory: '理财收益', amount: 123 })?.categoryId).toBe('c-interest');
    expect(one({ sourceCategory: '住房物业' })?.categoryId).toBe('c-housing');
    expect(one({ sourceCategory: '京东商城' })?.categoryId).toBe('c-shopping');
    expect(one({ sourceCategory: 'Loan:Mortgage', amount: -85000 })?.categoryId).toBe('c-repayment');
    // Salary is an income preset: an expense row gets nothing from it.
    expect(one({ sourceCategory: '工资', amount: -100 })?.categorySource).toBe('none');
    // A preset the user has no category for gives nothing either.
    expect(one({ sourceCategory: '医疗健康' })?.categorySource).toBe('none');
  });

  it('falls back to a category name, case-insensitively, among the right kind', () => {
    expect(one({ sourceCategory: 'PETS' })?.categoryId).toBe('u-pets');
    expect(one({ sourceCategory: ' pets ' })?.categoryId).toBe('u-pets');
    expect(one({ sourceCategory: 'pets', amount: 100 })?.categorySource).toBe('none');
  });

  it('maps QIF Utilities:Water by its last segment name, else by the Utilities prefix', () => {
    const withWater: CategoryChoice[] = [...categories, { id: 'u-water', kind: 'expense', names: ['Water'] }];
    const water = one({ sourceCategory: 'Utilities:Water' }, [], withWater);
    expect([water?.categoryId, water?.categorySource]).toEqual(['u-water', 'file']);
    expect(one({ sourceCategory: 'Utilities:Water' })?.categoryId).toBe('c-utilities');
    expect(one({ sourceCategory: 'Pets:Food' })?.categoryId).toBe('c-food');
    expect(one({ sourceCategory: 'Hobbies:Pets' })?.categoryId).toBe('u-pets');
  });

  it('gives a QIF split row the category its splits agree on', () => {
    const splits = [
      { category: 'Utilities:Water', amount: -4500 },
      { category: 'Utilities:Electric', amount: -7500 },
    ];
    expect(one({ amount: -12000, splits })?.categoryId).toBe('c-utilities');
    const withWater: CategoryChoice[] = [...categories, { id: 'u-water', kind: 'expense', names: ['Water'] }];
    expect(one({ amount: -12000, splits }, [], withWater)?.categorySource).toBe('none');
  });

  it('writes the row amount as is: JD partial refunds are already deducted, fees are informational', () => {
    expect(one({ amount: -4193, refunded: 8984, sourceCategory: '京东商城' })?.amount).toBe(-4193);
    expect(one({ amount: -50000, fee: 50 })?.amount).toBe(-50000);
  });

  it('calls a zero amount income and a negative one expense', () => {
    expect(one({ amount: 0 })?.kind).toBe('income');
    expect(one({ amount: -1 })?.kind).toBe('expense');
  });
});

describe('importKeyOf and normalizeName', () => {
  it('uses the order id, with :refund for refunds, else the content and the occurrence', () => {
    const base = row({ line: 2, date: '2026-09-01', amount: -1250, payee: ' Coffee  Shop ' });
    expect(importKeyOf('csv', base)).toBe('csv:2026-09-01:-1250:coffeeshop:0');
    expect(importKeyOf('csv', base, 2)).toBe('csv:2026-09-01:-1250:coffeeshop:2');
    expect(importKeyOf('wechat', { ...base, orderId: '42' })).toBe('wechat:42');
    expect(importKeyOf('wechat', { ...base, orderId: '42', refund: true })).toBe('wechat:42:refund');
    expect(importKeyOf('wechat', { ...base, orderId: '' })).toBe('wechat:2026-09-01:-1250:coffeeshop:0');
  });

  it('ignores width, case and spaces', () => {
    expect(normalizeName('Ｃｏｆｆｅｅ　Shop ')).toBe('coffeeshop');
  });
});
