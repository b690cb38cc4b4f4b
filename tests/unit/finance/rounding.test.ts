import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, mulRound, roundHalfUp } from '../../../shared/finance';
import { refRound } from './helpers';

describe('roundHalfUp (float results)', () => {
  it('rounds halves up even when binary floating point lands just below them', () => {
    // Each product is a decimal half in exact arithmetic but a hair below it as a double.
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundHalfUp(1.005 * 100)).toBe(101);
    expect(roundHalfUp(1.255 * 100)).toBe(126);
    expect(roundHalfUp(0.285 * 100)).toBe(29);
    expect(roundHalfUp(8.345 * 100)).toBe(835);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(0.5)).toBe(1);
  });

  it('rounds negative halves away from zero and never returns -0', () => {
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-2.4)).toBe(-2);
    expect(Object.is(roundHalfUp(-0.2), 0)).toBe(true);
  });

  it('leaves clear cases alone', () => {
    expect(roundHalfUp(2.4999)).toBe(2);
    expect(roundHalfUp(299260.19978293485)).toBe(299260);
    expect(roundHalfUp(1e15 + 0.5)).toBe(1e15 + 1);
  });

  it('refuses non-finite input instead of returning NaN', () => {
    expect(() => roundHalfUp(Number.NaN)).toThrow(/value/);
  });
});

describe('exact products', () => {
  it('rounds a true half up where the float product would round down', () => {
    // 200.00 at 4.35 % a year for one month is exactly 72.5 fen; 20000 * 0.0435 / 12 = 72.49999999999999.
    expect(Math.round((20_000 * 0.0435) / 12)).toBe(72);
    expect(mulRound(20_000, [0.0435], 1, 12)).toBe(73);
    // 15.00 at 3.6 %: exactly 4.5 fen.
    expect(mulRound(1_500, [0.036], 1, 12)).toBe(5);
  });

  it('reads a converted rate as the decimal it means (15 significant digits)', () => {
    // 0.145 * 3 is 0.43499999999999994 as a double; 100 fen at 43.5 % is exactly 43.5 fen -> 44.
    expect(0.145 * 3).not.toBe(0.435);
    expect(mulRound(100, [0.145 * 3])).toBe(44);
    expect(mulRound(100, [0.435])).toBe(44);
  });

  it('agrees with BigInt fractions for random amounts and basis-point rates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 400 }), (amount, bp, days) => {
        const expected = refRound(BigInt(amount) * BigInt(bp) * BigInt(days), 10_000n * 365n);
        return mulRound(amount, [bp / 10_000], days, 365) === expected;
      }),
      { numRuns: 500 },
    );
  });

  it('divides integers exactly, half up', () => {
    expect(divRoundHalfUp(10_000_000, 36)).toBe(277_778);
    expect(divRoundHalfUp(5, 2)).toBe(3);
    expect(divRoundHalfUp(-5, 2)).toBe(-3);
    expect(divRoundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(4_503_599_627_370_496);
  });
});
