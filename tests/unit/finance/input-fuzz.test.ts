import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePercent, parseWholeNumber } from '../../../shared/domain';
import { FinanceInputError } from '../../../shared/finance';
import { isValidDate, parseDate, toDayNumber } from '../../../shared/finance/dates';

/** Text people type into date fields, and text no one would. */
const dateLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.integer({ min: -10, max: 10_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('2026-02-29', '2028-02-29', '2026-13-01', '２０２６-０１-０１', '2026-1-1', '2026/01/01', ' 2026-01-01', '2026-01-01T00:00'),
);

describe('hostile input to the date and number parsers', () => {
  it('dates: a real YYYY-MM-DD date parses; anything else fails with FinanceInputError only', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.anything()), (value) => {
        try {
          const parsed = parseDate('date', value);
          expect(isValidDate(value)).toBe(true);
          expect(Number.isInteger(toDayNumber(value as string))).toBe(true);
          expect(parsed.month).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expect(error).toBeInstanceOf(FinanceInputError);
          expect(isValidDate(value)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('percentages and whole numbers: a number or null, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('4.35%', '１２．５', '-1', '1e3', '0x10', '..', '')), (text) => {
        const percent = parsePercent(text);
        expect(percent === null || Number.isFinite(percent)).toBe(true);
        const whole = parseWholeNumber(text);
        expect(whole === null || Number.isSafeInteger(whole)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
