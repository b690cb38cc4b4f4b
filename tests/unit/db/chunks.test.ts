import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../../renderer/platform/chunks';

describe('chunksOf', () => {
  it('cuts at most size characters, never inside a surrogate pair, and the chunks join back to the text', () => {
    expect(chunksOf('', 4)).toEqual(['']);
    expect(chunksOf('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(chunksOf('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 17 }), (text, size) => {
        const chunks = chunksOf(text, size);
        expect(chunks.join('')).toBe(text);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(size);
          // Encoding each chunk alone loses nothing.
          expect(new TextDecoder().decode(new TextEncoder().encode(chunk))).toBe(chunk);
        }
      }),
    );
  });
});
