import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePercent, parseWholeNumber, percentInput } from '../../../shared/domain';

describe('parsePercent', () => {
  it('reads what people type as an exact fraction', () => {
    expect(parsePercent('4.9')).toBe(0.049);
    expect(parsePercent('4.9%')).toBe(0.049);
    expect(parsePercent(' 0.05 % ')).toBe(0.0005);
    expect(parsePercent('０.０５％')).toBe(0.0005);
    expect(parsePercent('18.25')).toBe(0.1825);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('100')).toBe(1);
    expect(parsePercent('.5')).toBe(0.005);
    expect(parsePercent('3.')).toBe(0.03);
  });

  it('refuses what is not a percentage', () => {
    for (const text of ['', '.', 'abc', '-1', '4,9', '1e3', '4.9.1', '%']) expect(parsePercent(text), text).toBeNull();
  });

  it('round-trips with percentInput', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (basisPointsMicro) => {
        const text = percentInput(basisPointsMicro / 1e8);
        return parsePercent(text) === basisPointsMicro / 1e8;
      }),
    );
  });
});

describe('parseWholeNumber', () => {
  it('accepts digits only', () => {
    expect(parseWholeNumber('36')).toBe(36);
    expect(parseWholeNumber('３６')).toBe(36);
    expect(parseWholeNumber('3.5')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
    expect(parseWholeNumber('')).toBeNull();
  });
});
