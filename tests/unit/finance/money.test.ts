import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinanceInputError, formatMoney, formatRate, minorUnitDigits, parseMoney } from '../../../shared/finance';
import { financeError } from './helpers';

describe('parseMoney', () => {
  it('reads what people type and paste', () => {
    expect(parseMoney('1,234.56', 'CNY')).toBe(123_456);
    expect(parseMoney('¥1 234.56', 'CNY')).toBe(123_456);
    expect(parseMoney('￥45.80', 'CNY')).toBe(4_580);
    expect(parseMoney('-12.3', 'CNY')).toBe(-1_230);
    expect(parseMoney('1234', 'CNY')).toBe(123_400);
    expect(parseMoney('  0.29 ', 'CNY')).toBe(29);
    expect(parseMoney('CN¥1,234.56', 'CNY')).toBe(123_456);
    expect(parseMoney('-¥1,234,567.89', 'CNY')).toBe(-123_456_789);
    expect(parseMoney('¥-5', 'CNY')).toBe(-500);
    expect(parseMoney('RMB 100', 'CNY')).toBe(10_000);
    expect(parseMoney('CNY 100', 'CNY')).toBe(10_000);
    expect(parseMoney('100 cny', 'CNY')).toBe(10_000);
    expect(parseMoney('45.80元', 'CNY')).toBe(4_580);
    expect(parseMoney('(12.30)', 'CNY')).toBe(-1_230);
    expect(parseMoney('+7', 'CNY')).toBe(700);
    expect(parseMoney('.5', 'CNY')).toBe(50);
    expect(parseMoney('5.', 'CNY')).toBe(500);
    expect(parseMoney('12.300', 'CNY')).toBe(1_230);
    expect(parseMoney('$1,000.00', 'USD')).toBe(100_000);
    expect(parseMoney('€3 999.99', 'EUR')).toBe(399_999);
    expect(parseMoney('£0.01', 'GBP')).toBe(1);
    expect(parseMoney('1\u00a0234.56', 'CNY')).toBe(123_456);
  });

  it('reads full-width digits and punctuation from Chinese input methods', () => {
    expect(parseMoney('１２３．４', 'CNY')).toBe(12_340);
    expect(parseMoney('１，２３４', 'CNY')).toBe(123_400);
    expect(parseMoney('45。80', 'CNY')).toBe(4_580);
    expect(parseMoney('－5', 'CNY')).toBe(-500);
  });

  it('uses each currency’s own minor digits (JPY 0, KWD 3)', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(minorUnitDigits('CNY')).toBe(2);
    expect(parseMoney('¥1,235', 'JPY')).toBe(1_235);
    expect(parseMoney('1235.00', 'JPY')).toBe(1_235);
    expect(parseMoney('KWD 1,234.567', 'KWD')).toBe(1_234_567);
    expect(parseMoney('1.5', 'KWD')).toBe(1_500);
  });

  it('rejects everything else with a FinanceInputError naming the text', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['   ', 'empty'],
      ['abc', 'bad-money'],
      ['12,5', 'bad-money'],
      ['1,2345', 'bad-money'],
      ['1 234,56', 'bad-money'],
      ['1,234 567', 'bad-money'],
      ['--5', 'bad-money'],
      ['-(5)', 'bad-money'],
      ['1.2.3', 'bad-money'],
      ['1e5', 'bad-money'],
      ['NaN', 'bad-money'],
      ['Infinity', 'bad-money'],
      ['0x10', 'bad-money'],
      ['1.234', 'too-many-decimals'],
      ['USD 5', 'currency-mismatch'],
      ['5元', 'currency-mismatch'],
      ['99999999999999999', 'out-of-range'],
    ];
    for (const [text, code] of cases) {
      const currency = text === '5元' ? 'USD' : 'CNY';
      const error = financeError(() => parseMoney(text, currency));
      expect(error.code, text).toBe(code);
      expect(error.field).toBe('text');
      expect(error.message).toMatch(/^text: /);
    }
    expect(financeError(() => parseMoney('1.5', 'JPY')).code).toBe('too-many-decimals');
    expect(financeError(() => parseMoney('1', 'yuan')).code).toBe('bad-currency');
  });

  it('never returns -0', () => {
    expect(Object.is(parseMoney('-0.00', 'CNY'), 0)).toBe(true);
  });

  it('throws nothing but its own error type on arbitrary text, and returns only safe integers', () => {
    const alphabet = fc.constantFrom(...'0123456789,. -+¥￥$€£()元RMBCNYa１．，'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 20 }).map((chars) => chars.join(''))), (text) => {
        try {
          return Number.isSafeInteger(parseMoney(text, 'CNY'));
        } catch (error) {
          return error instanceof FinanceInputError;
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('formatMoney', () => {
  it('formats with the locale’s symbol and grouping', () => {
    expect(formatMoney(123_456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(-123_456, 'CNY', 'zh-CN')).toBe('-¥1,234.56');
    expect(formatMoney(123_456, 'CNY', 'en')).toBe('CN¥1,234.56');
    expect(formatMoney(5, 'CNY', 'en')).toBe('CN¥0.05');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
    expect(formatMoney(1_235, 'JPY', 'en')).toBe('¥1,235');
    expect(formatMoney(1_234_567, 'KWD', 'en')).toBe('KWD\u00a01,234.567');
  });

  it('shows every digit of amounts near 2^53 minor units', () => {
    // 9007199254740991 / 100 has no exact double; the formatter is given the decimal string instead.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'KWD', 'en')).toBe('-KWD\u00a09,007,199,254,740.991');
  });

  it('refuses fractional minor units and bad locales', () => {
    expect(financeError(() => formatMoney(1.5, 'CNY', 'en')).code).toBe('not-integer');
    expect(financeError(() => formatMoney(Number.NaN, 'CNY', 'en')).code).toBe('not-finite');
    expect(financeError(() => formatMoney(1, 'CNY', 'not a locale!')).field).toBe('locale');
  });

  it('round-trips: parseMoney(formatMoney(x)) = x', () => {
    const currencies = ['CNY', 'USD', 'JPY', 'KWD', 'EUR', 'GBP', 'HKD', 'TWD'];
    const locales = ['en', 'zh-CN', 'zh-TW', 'en-GB', 'ja'];
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.maxSafeInteger(), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })),
        fc.constantFrom(...currencies),
        fc.constantFrom(...locales),
        (minor, currency, locale) => parseMoney(formatMoney(minor, currency, locale), currency) === minor,
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('formatRate', () => {
  it('shows a rate as a percentage', () => {
    expect(formatRate(0.130342, 'en')).toBe('13.03%');
    expect(formatRate(0.049, 'zh-CN', 1)).toBe('4.9%');
  });
});

describe('decimalText', () => {
  it('writes minor units as a plain decimal in the currency digits', async () => {
    const { decimalText } = await import('../../../shared/finance');
    expect(decimalText(299_260, 'CNY')).toBe('2992.60');
    expect(decimalText(-5, 'CNY')).toBe('-0.05');
    expect(decimalText(1235, 'JPY')).toBe('1235');
    expect(decimalText(1_234_567, 'KWD')).toBe('1234.567');
  });
});
