/**
 * Independent reference arithmetic for the finance tests: plain BigInt fractions, written apart
 * from the engine's own rounding module so a bug there cannot hide in both.
 */
import { FinanceInputError } from '../../../shared/finance';

/** round-half-up(num / den) for non-negative BigInts. */
export function refRound(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

/** round-half-up(amount x bp / 10000 / 12): monthly interest at an annual rate given in basis points. */
export function refMonthlyInterest(balance: number, basisPoints: number): number {
  return refRound(BigInt(balance) * BigInt(basisPoints), 120_000n);
}

/** Runs `fn` and returns the FinanceInputError it throws (fails the test if it throws nothing or something else). */
export function financeError(fn: () => unknown): FinanceInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FinanceInputError) return error;
    throw new Error(`expected a FinanceInputError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a FinanceInputError, nothing was thrown');
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
