/**
 * Money as integer minor units (fen, cents). Text goes straight to integers, never through a
 * float, so "0.29" is 29 fen and not 28.999... The number of minor digits per currency comes from
 * Intl (CNY 2, JPY 0, KWD 3), not from a table of our own.
 */
import { FinanceInputError, requireMinor } from './errors';

const digitsCache = new Map<string, number>();
const formatCache = new Map<string, Intl.NumberFormat>();

function requireCurrency(currency: unknown): string {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw new FinanceInputError('currency', 'bad-currency', 'must be an ISO 4217 code such as CNY');
  }
  return currency;
}

/** Minor-unit digits of a currency: 2 for CNY/USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  const code = requireCurrency(currency);
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new FinanceInputError('currency', 'bad-currency', 'is not a currency this system knows');
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

// After NFKC (full-width digits, ￥, full-width comma and spaces become ASCII), these remain.
const MINUS_SIGNS = /[\u2212\u2012\u2013]/g;
// A Chinese input method types 。 for a full stop.
const IDEOGRAPHIC_FULL_STOP = /\u3002/g;
const SPACES = /[\s\u00a0\u2009\u202f]+/g;

// sign? prefix? sign? number suffix?   (prefix: ISO code/RMB, up to 3 letters + a symbol such as
// CN¥ US$ HK$ NT$, or 元, which Intl's ja locale puts first)
const MONEY_PATTERN =
  /^(?<signBefore>[+-])?\s?(?:(?<isoPrefix>[A-Za-z]{3})\s?|(?<symbolLetters>[A-Za-z]{0,3})[¥$€£]\s?|(?<yuanPrefix>元)\s?)?(?<signAfter>[+-])?\s?(?<number>\d(?:[\d, ]*\d)?(?:\.\d*)?|\.\d+)\s?(?:(?<isoSuffix>[A-Za-z]{3})|[¥$€£]|(?<yuanSuffix>元))?$/;

/**
 * Parses what people type or paste: "1,234.56", "¥1 234.56", "￥45.80", "-12.3", "1234",
 * "CN¥1,234.56", "RMB 100", "45.80元", "(12.30)", full-width digits. Thousands separators are
 * "," or spaces in groups of three (so "12,5" is refused rather than read as 125); "." is the
 * decimal point. More decimals than the currency has are refused unless they are zeros.
 */
export function parseMoney(text: string, currency: string): number {
  const digits = minorUnitDigits(currency);
  if (typeof text !== 'string') throw new FinanceInputError('text', 'required', 'is required');
  let s = text.normalize('NFKC').replace(MINUS_SIGNS, '-').replace(IDEOGRAPHIC_FULL_STOP, '.').replace(SPACES, ' ').trim();
  if (s === '') throw new FinanceInputError('text', 'empty', 'is empty');

  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(s);
  if (parenthesised) {
    negative = true;
    s = (parenthesised[1] ?? '').trim();
  }

  const groups = MONEY_PATTERN.exec(s)?.groups;
  if (!groups) throw new FinanceInputError('text', 'bad-money', `"${text}" is not an amount`);
  const { signBefore, isoPrefix, symbolLetters, yuanPrefix, signAfter, number = '', isoSuffix, yuanSuffix } = groups;
  if (signBefore && signAfter) throw new FinanceInputError('text', 'bad-money', `"${text}" has two signs`);
  const sign = signBefore ?? signAfter;
  if (sign === '-') {
    if (negative) throw new FinanceInputError('text', 'bad-money', `"${text}" has two signs`);
    negative = true;
  }
  for (const code of [isoPrefix, isoSuffix, symbolLetters?.length === 3 ? symbolLetters : undefined]) {
    if (code === undefined) continue;
    const upper = code.toUpperCase();
    if (upper !== currency && !(upper === 'RMB' && currency === 'CNY')) {
      throw new FinanceInputError('text', 'currency-mismatch', `"${text}" is in ${upper}, not ${currency}`);
    }
  }
  if ((yuanPrefix ?? yuanSuffix) !== undefined && currency !== 'CNY') throw new FinanceInputError('text', 'currency-mismatch', `"${text}" is in yuan, not ${currency}`);

  const [wholeText = '', fractionText = ''] = number.split('.');
  const whole = ungroup(wholeText, text);
  if (fractionText.length > digits && /[^0]/.test(fractionText.slice(digits))) {
    throw new FinanceInputError('text', 'too-many-decimals', `"${text}" has more than ${digits} decimals`);
  }
  const minorText = (whole === '' ? '0' : whole) + fractionText.slice(0, digits).padEnd(digits, '0');
  const value = Number(minorText);
  if (!Number.isSafeInteger(value)) throw new FinanceInputError('text', 'out-of-range', `"${text}" is too large`);
  return negative && value !== 0 ? -value : value;
}

/** Removes thousands separators, insisting on one separator kind and groups of three. */
function ungroup(wholeText: string, original: string): string {
  if (!/[, ]/.test(wholeText)) return wholeText;
  const separator = wholeText.includes(',') ? ',' : ' ';
  const groups = wholeText.split(separator);
  const [first = '', ...rest] = groups;
  const valid = /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
  if (!valid) throw new FinanceInputError('text', 'bad-money', `"${original}" has misplaced thousands separators`);
  return groups.join('');
}

function numberFormat(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatCache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      throw new FinanceInputError('locale', 'out-of-range', 'is not a valid locale tag');
    }
    formatCache.set(key, format);
  }
  return format;
}

/**
 * Formats minor units for display ("¥1,234.56" in zh-CN, "CN¥1,234.56" in en). The amount is
 * handed to Intl as an exact decimal string, so even amounts near 2^53 minor units show every
 * digit right (a float division by 100 would not).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = numberFormat(locale, currency, minorUnitDigits(currency));
  // Intl.NumberFormat v3 formats numeric strings exactly (ES2023; Node 20, Chromium 106+);
  // ES2022 typings only know number | bigint, hence the cast.
  const formatDecimal = format.format as unknown as (value: string) => string;
  return formatDecimal(decimalText(minor, currency));
}

/** Minor units as a plain decimal ("-2992.60", "1235" for JPY), for input fields and exports. */
export function decimalText(minor: number, currency: string): string {
  const amount = requireMinor('minor', minor, { allowNegative: true });
  const digits = minorUnitDigits(currency);
  const absText = String(Math.abs(amount)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? absText : `${absText.slice(0, absText.length - digits)}.${absText.slice(absText.length - digits)}`;
  return amount < 0 ? `-${decimal}` : decimal;
}

/** A rate as a percentage for display (0.1303 -> "13.03%"). */
export function formatRate(rate: number, locale: string, fractionDigits = 2): string {
  if (!Number.isFinite(rate)) throw new FinanceInputError('rate', 'not-finite', 'must be a finite number');
  try {
    return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(rate);
  } catch {
    throw new FinanceInputError('locale', 'out-of-range', 'is not a valid locale tag');
  }
}
