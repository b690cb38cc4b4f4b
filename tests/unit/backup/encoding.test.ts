import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, toHex, utf8Decode, utf8Encode } from '../../../shared/backup';

describe('utf8Encode / utf8Decode', () => {
  it('match the platform TextEncoder for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // Buffer.equals: toEqual on byte arrays is slow enough to matter over many runs.
        expect(Buffer.from(utf8Encode(text)).equals(new TextEncoder().encode(text))).toBe(true);
      }),
    );
    expect(utf8Encode('a\ud800b')).toEqual(new TextEncoder().encode('a\ufffdb'));
    expect(utf8Encode('\udc00')).toEqual(new Uint8Array([0xef, 0xbf, 0xbd]));
  });

  it('decode what they encode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text);
      }),
    );
    expect(utf8Decode(utf8Encode('还款 🏠 "q"\n'))).toBe('还款 🏠 "q"\n');
  });

  it('agree with a fatal TextDecoder on arbitrary bytes, and refuse what it refuses', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(utf8Decode(bytes)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    // Overlong "/", a surrogate, above U+10FFFF, a cut-off sequence.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8]]) {
      expect(utf8Decode(new Uint8Array(bad))).toBeUndefined();
    }
  });

  it('handles text longer than one output chunk', () => {
    const text = '账'.repeat(50_000) + 'x'.repeat(10_000);
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });
});

describe('base64Encode / base64Decode', () => {
  it('match Buffer and round-trip any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = base64Encode(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64Decode(encoded)).toEqual(new Uint8Array(bytes));
      }),
    );
    expect(base64Encode(new Uint8Array())).toBe('');
    expect(base64Decode('')).toEqual(new Uint8Array());
  });

  it('handles a megabyte', () => {
    const bytes = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 7) & 255);
    const encoded = base64Encode(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    // Buffer.equals: toEqual walks a megabyte element by element, slowly.
    expect(Buffer.from(base64Decode(encoded) ?? []).equals(bytes)).toBe(true);
  });

  it('refuses anything but the one canonical spelling', () => {
    for (const bad of ['A', 'AB=', 'A===', '====', 'AB=C', 'AB==AAAA', 'ab c', 'ab\nc', 'AB-_', 'QR==', 'QUJ=', '\u00e9AAA']) {
      expect(base64Decode(bad), bad).toBeUndefined();
    }
    expect(base64Decode('QQ==')).toEqual(new Uint8Array([65]));
    expect(base64Decode('QUI=')).toEqual(new Uint8Array([65, 66]));
  });
});

it('toHex writes two lower-case digits a byte', () => {
  expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
});
