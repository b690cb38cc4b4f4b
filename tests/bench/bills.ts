/**
 * Synthetic bills for the benchmarks: an Alipay CSV export of any length in the layout of
 * tests/fixtures/import/alipay-2026-09.csv (lead lines, the header found by its text, order
 * numbers ending in a tab), deterministic.
 */
const CATEGORIES = [
  ['餐饮美食', '楼下早餐店', '早餐'],
  ['日用百货', '某某超市', '日用品'],
  ['交通出行', '滴滴出行', '快车'],
  ['服饰装扮', '某服饰旗舰店', '外套'],
  ['充值缴费', '某电力公司', '电费'],
  ['医疗健康', '某药房', '感冒药'],
  ['文化休闲', '某影城', '电影票'],
] as const;

/** A day between 2017-01-01 and 2026-12-28, spread evenly over `count` rows (ascending). */
function dayOf(index: number, count: number): string {
  const span = 10 * 12 * 28;
  const step = Math.floor((index * span) / Math.max(1, count));
  const year = 2017 + Math.floor(step / (12 * 28));
  const month = 1 + (Math.floor(step / 28) % 12);
  const day = 1 + (step % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function alipayBill(rows: number): string {
  const lines = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：张**',
    '支付宝账户：zhang***@163.com',
    `共${rows}笔记录`,
    '------------------------支付宝（中国）网络技术有限公司  电子客户回单-----------',
    '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
  ];
  for (let i = 0; i < rows; i += 1) {
    const [category, payee, description] = CATEGORIES[i % CATEGORIES.length] ?? CATEGORIES[0];
    const yuan = 5 + ((i * 37) % 500);
    const fen = (i * 13) % 100;
    const order = `2026${String(i).padStart(12, '0')}`;
    lines.push(`${dayOf(i, rows)} 12:${String(i % 60).padStart(2, '0')}:00,${category},${payee},/,${description},支出,${yuan}.${String(fen).padStart(2, '0')},余额宝,交易成功,${order}\t,M${order}\t,,`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
