/**
 * Periodic internal rate of return: the rate i with sum_k c_k / (1+i)^k = 0, k = 0..n.
 *
 * Robust by construction: the net present value is scanned on a fixed grid of rates from -99.9 %
 * to +100000 % per period for a sign change (the one nearest 0 % wins when there are several),
 * then refined by Newton steps that fall back to bisection whenever a step would leave the
 * bracket or stall. No bracket means no real rate, which throws.
 */
import { FinanceInputError, requireArray, requireFinite } from './errors';

const GRID = [
  -0.999, -0.99, -0.95, -0.9, -0.8, -0.6, -0.4, -0.2, -0.1, -0.05, -0.02, -0.01, -0.005, -0.001, 0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2,
  0.4, 0.7, 1, 2, 5, 10, 100, 1000,
];

/** Net present value at periodic rate `rate` (Horner in v = 1/(1+rate)) and its derivative d/d rate. */
function npvAndSlope(cashflows: readonly number[], rate: number): { value: number; slope: number } {
  const v = 1 / (1 + rate);
  let value = 0;
  let slopeSum = 0; // sum k c_k v^k, built alongside
  for (let k = cashflows.length - 1; k >= 0; k--) {
    const c = cashflows[k] ?? 0;
    value = value * v + c;
    slopeSum = slopeSum * v + k * c;
  }
  // d/dr v^k = -k v^(k+1)
  return { value, slope: -slopeSum * v };
}

export function npv(cashflows: readonly number[], rate: number): number {
  return npvAndSlope(cashflows, rate).value;
}

export function irr(cashflows: readonly number[]): number {
  const flows = requireArray<number>('cashflows', cashflows);
  if (flows.length < 2) throw new FinanceInputError('cashflows', 'out-of-range', 'needs at least two cash flows');
  let positive = false;
  let negative = false;
  flows.forEach((c, k) => {
    requireFinite(`cashflows[${k}]`, c);
    if (c > 0) positive = true;
    if (c < 0) negative = true;
  });
  if (!positive || !negative) throw new FinanceInputError('cashflows', 'no-rate', 'needs money both received and paid');

  // Integer flows sum exactly, so a zero-cost plan gives exactly 0.
  if (npvAndSlope(flows, 0).value === 0) return 0;

  let best: { lo: number; hi: number; fLo: number; distance: number } | undefined;
  let previous: { rate: number; value: number } | undefined;
  for (const rate of GRID) {
    const { value } = npvAndSlope(flows, rate);
    if (!Number.isFinite(value)) {
      previous = undefined;
      continue;
    }
    if (value === 0) return rate;
    if (previous && previous.value * value < 0) {
      const distance = Math.min(Math.abs(previous.rate), Math.abs(rate));
      if (!best || distance < best.distance) best = { lo: previous.rate, hi: rate, fLo: previous.value, distance };
    }
    previous = { rate, value };
  }
  if (!best) throw new FinanceInputError('cashflows', 'no-rate', 'no interest rate makes these cash flows balance');

  let { lo, hi } = best;
  const fLoSign = Math.sign(best.fLo);
  let rate = (lo + hi) / 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    const { value, slope } = npvAndSlope(flows, rate);
    if (value === 0) return rate;
    if (Math.sign(value) === fLoSign) lo = rate;
    else hi = rate;
    let next = slope !== 0 ? rate - value / slope : NaN;
    // Newton only while it stays strictly inside the bracket; otherwise halve the bracket.
    if (!(next > Math.min(lo, hi) && next < Math.max(lo, hi))) next = (lo + hi) / 2;
    if (Math.abs(next - rate) <= 1e-15 * Math.max(1, Math.abs(rate)) || Math.abs(hi - lo) <= 1e-15 * Math.max(1, Math.abs(rate))) return next;
    rate = next;
  }
  return rate;
}

/** Annual figures from a monthly periodic rate: APR = 12 i (PBoC 2021 No. 3 disclosure), EAR = (1+i)^12 - 1. */
export function annualizeMonthly(periodicRate: number): { apr: number; ear: number } {
  return { apr: periodicRate * 12, ear: Math.expm1(12 * Math.log1p(periodicRate)) };
}
