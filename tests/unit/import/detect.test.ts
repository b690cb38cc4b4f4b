import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../shared/import/detect';

function fixture(name: string, encoding = 'utf-8'): string {
  return new TextDecoder(encoding).decode(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
}

describe('detectFormat', () => {
  it('detects each fixture', () => {
    expect(detectFormat(fixture('alipay-2026-09.csv', 'gb18030'))).toBe('alipay');
    expect(detectFormat(fixture('wechat-2026-09.csv'))).toBe('wechat');
    // TextDecoder drops the BOM; keep it to check the detector copes with one.
    expect(detectFormat(readFileSync(new URL('../../fixtures/import/jd-2026-09.csv', import.meta.url), 'utf8'))).toBe('jd');
    expect(detectFormat(fixture('jd-2026-09.csv'))).toBe('jd');
    expect(detectFormat(fixture('card-2026-09.ofx'))).toBe('ofx');
    expect(detectFormat(fixture('checking-2026-09.ofx'))).toBe('ofx');
    expect(detectFormat(fixture('checking-2026-09.qif'))).toBe('qif');
  });

  it('detects variants: an extra lead line, CRLF, reordered JD columns, the header alone', () => {
    expect(detectFormat(`微信支付账单明细（2026版）\r\n${fixture('wechat-2026-09.csv').replace(/\n/g, '\r\n')}`)).toBe('wechat');
    expect(detectFormat('收/支,金额,交易时间,商户名称,交易说明,交易状态\n')).toBe('jd');
    expect(detectFormat('交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n')).toBe('alipay');
    expect(detectFormat('  \n!type:CCard\nD09/01/2026\n^')).toBe('qif');
    expect(detectFormat('<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n')).toBe('ofx');
  });

  it('calls other delimited tables csv', () => {
    expect(detectFormat('Date,Description,Amount\n2026-09-01,Coffee,-4.50\n')).toBe('csv');
    expect(detectFormat('Buchungstag;Betrag\n01.09.2026;-1,00\n')).toBe('csv');
  });

  it('returns undefined for text that is no bill, or was decoded wrongly', () => {
    expect(detectFormat('hello world\nthis is not a bill')).toBeUndefined();
    expect(detectFormat('')).toBeUndefined();
    expect(detectFormat('{"json": true}')).toBeUndefined();
    expect(detectFormat('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR,a,b\n,c,d')).toBeUndefined();
    expect(detectFormat(fixture('alipay-2026-09.csv', 'utf-8'))).toBeUndefined();
  });
});
