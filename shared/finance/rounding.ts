/**
 * Rounding to the minor unit, half-up (half away from zero, so -2.5 -> -3), without the
 * representation errors of binary floating point.
 *
 * Most money products in the engine are `amount x rate x ... / divisor`. Rates arrive as binary
 * floats (0.0435 is really 0.043499999999999997...), so `Math.round(amount * rate)` can land on
 * the wrong side of a half. Instead, each rate is read back as the decimal the user typed
 * ("0.0435": the shortest decimal that round-trips, at most 15 significant digits), and the
 * product is evaluated as an exact fraction of integers: in plain numbers when it fits below
 * 2^52, in BigInt otherwise.
 */
import { FinanceInputError } from './errors';

const TWO_POW_52 = 2 ** 52;

/**
 * Half-up rounding of a float result (used where the value is irrational anyway, such as the
 * annuity payment). A value within a few units in the last place of a half counts as the half,
 * so representation noise (1.005 * 100 = 100.49999999999999) still rounds up.
 */
export function roundHalfUp(x: number): number {
  if (!Number.isFinite(x)) throw new FinanceInputError('value', 'not-finite', 'cannot round a non-finite number');
  const a = Math.abs(x);
  const floor = Math.floor(a);
  const fraction = a - floor;
  // 2^-50 relative is about four units in the last place: enough for one product or quotient.
  const tolerance = Math.max(a, 1) * 2 ** -50;
  const rounded = fraction >= 0.5 - tolerance ? floor + 1 : floor;
  return x < 0 ? (rounded === 0 ? 0 : -rounded) : rounded;
}

/** Exact half-up rounding of a / b for integers (b > 0). */
export function divRoundHalfUp(a: number, b: number): number {
  if (b <= 0 || !Number.isInteger(b) || !Number.isInteger(a)) throw new FinanceInputError('divisor', 'out-of-range', 'must divide integers by a positive integer');
  const sign = a < 0 ? -1 : 1;
  const p = Math.abs(a);
  const q = p <= TWO_POW_52 && b <= TWO_POW_52 ? roundedQuotient(p, b) : bigRoundedQuotient(BigInt(p), BigInt(b));
  return sign < 0 && q !== 0 ? -q : q;
}

/** An exact fraction num/den, kept both as BigInt and (when small enough) as plain numbers. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
  /** Plain-number copies; meaningful only when `small` is true. */
  readonly numN: number;
  readonly denN: number;
  /** Both parts are at most 2^52, so products with amounts can often stay in plain numbers. */
  readonly small: boolean;
  /** Largest |amount| for which amount * numN stays at most 2^52. */
  readonly fastLimit: number;
}

/**
 * The decimal a finite, non-negative float stands for: digits x 10^-scale. The float is first
 * snapped to 15 significant digits, which every typed rate fits in, so a rate that went through a
 * conversion (0.0049 * 12 = 0.058800000000000005) is read as the 0.0588 it means.
 */
export function decimalOf(value: number): { digits: bigint; scale: number } {
  if (!Number.isFinite(value) || value < 0) throw new FinanceInputError('rate', 'not-finite', 'must be a finite, non-negative number');
  const text = String(Number(value.toPrecision(15)));
  const [mantissa = '0', exponentText] = text.split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let digits = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/**
 * The exact ratio (f1 x f2 x ... x multiplier) / divisor, where the factors are decimal rates
 * (read as typed) and multiplier/divisor are positive integers (days, 12 months, a 360-day year).
 */
export function ratioOf(factors: readonly number[], multiplier = 1, divisor = 1): Ratio {
  let num = BigInt(multiplier);
  let den = BigInt(divisor);
  for (const factor of factors) {
    const { digits, scale } = decimalOf(factor);
    num *= digits;
    den *= 10n ** BigInt(scale);
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  const limit = BigInt(TWO_POW_52);
  const small = num <= limit && den <= limit;
  const numN = Number(num);
  const denN = Number(den);
  return { num, den, numN, denN, small, fastLimit: small ? (numN === 0 ? Infinity : Math.floor(TWO_POW_52 / numN)) : 0 };
}

/** round-half-up(amount x ratio), exactly. */
export function applyRatio(amount: number, ratio: Ratio): number {
  if (amount === 0 || ratio.num === 0n) return 0;
  const sign = amount < 0 ? -1 : 1;
  const a = Math.abs(amount);
  const q = a <= ratio.fastLimit ? roundedQuotient(a * ratio.numN, ratio.denN) : bigRoundedQuotient(BigInt(a) * ratio.num, ratio.den);
  return sign < 0 && q !== 0 ? -q : q;
}

/** Convenience for one-off products: round-half-up(amount x f1 x f2 ... x multiplier / divisor). */
export function mulRound(amount: number, factors: readonly number[], multiplier = 1, divisor = 1): number {
  return applyRatio(amount, ratioOf(factors, multiplier, divisor));
}

/** p, d non-negative integers with p, d <= 2^52: round-half-up(p / d) computed exactly. */
function roundedQuotient(p: number, d: number): number {
  let q = Math.floor(p / d);
  let r = p - q * d;
  // The float quotient can be one off near an integer; the remainder tells.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return 2 * r >= d ? q + 1 : q;
}

function bigRoundedQuotient(p: bigint, d: bigint): number {
  let q = p / d;
  const r = p % d;
  if (2n * r >= d) q += 1n;
  return Number(q);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a < 0n ? -a : a;
}
