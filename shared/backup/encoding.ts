/**
 * UTF-8, base64 and hex by hand: shared/ has no TextEncoder, btoa or Buffer in its types, and
 * these few loops are easier to trust than an injected platform object. Decoders are strict and
 * return undefined on bad input so the caller can name the field in its BackupError.
 */

/** String.fromCharCode takes its arguments on the stack: feed it slices of this size. */
const CHUNK = 0x2000;

/** UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  // Two passes (length, then bytes) so a large backup is not allocated three times over.
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else length += 3;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let point = text.charCodeAt(i);
    if (point < 0x80) {
      bytes[at++] = point;
      continue;
    }
    if (point < 0x800) {
      bytes[at++] = 0xc0 | (point >> 6);
      bytes[at++] = 0x80 | (point & 0x3f);
      continue;
    }
    if (point >= 0xd800 && point <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (point <= 0xdbff && isLowSurrogate(next)) {
        point = 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00);
        i++;
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        continue;
      }
      point = 0xfffd;
    }
    bytes[at++] = 0xe0 | (point >> 12);
    bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
    bytes[at++] = 0x80 | (point & 0x3f);
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Strict UTF-8: overlong forms, surrogates, code points above U+10FFFF and cut-off sequences give undefined. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  const parts: string[] = [];
  // UTF-16 code units gather here; two spare slots for a surrogate pair at the chunk's end.
  const units = new Uint16Array(CHUNK + 2);
  let count = 0;
  const flush = () => {
    parts.push(charsOf(units.subarray(0, count)));
    count = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i] ?? 0;
    let point: number;
    let size: number;
    let min: number;
    if (first < 0x80) {
      point = first;
      size = 1;
      min = 0;
    } else if (first >= 0xc2 && first <= 0xdf) {
      point = first & 0x1f;
      size = 2;
      min = 0x80;
    } else if (first >= 0xe0 && first <= 0xef) {
      point = first & 0x0f;
      size = 3;
      min = 0x800;
    } else if (first >= 0xf0 && first <= 0xf4) {
      point = first & 0x07;
      size = 4;
      min = 0x10000;
    } else return undefined;
    if (i + size > bytes.length) return undefined;
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    if (point >= 0x10000) {
      point -= 0x10000;
      units[count++] = 0xd800 + (point >> 10);
      units[count++] = 0xdc00 + (point & 0x3ff);
    } else units[count++] = point;
    if (count >= CHUNK) flush();
    i += size;
  }
  flush();
  return parts.join('');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const PAD = '='.charCodeAt(0);
const LOOKUP = new Map<number, number>([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));

/** apply takes the typed array as it is; spreading it would walk an iterator. */
function charsOf(codes: Uint8Array | Uint16Array): string {
  return String.fromCharCode.apply(null, codes as unknown as number[]);
}

/** Standard base64 (RFC 4648 section 4) with padding. */
export function base64Encode(bytes: Uint8Array): string {
  // Character codes into a byte array first, then strings a chunk at a time: several times
  // faster than pushing one-character strings for a 20 MB attachment.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[at++] = CODES[n >> 18] ?? 0;
    out[at++] = CODES[(n >> 12) & 63] ?? 0;
    out[at++] = CODES[(n >> 6) & 63] ?? 0;
    out[at++] = CODES[n & 63] ?? 0;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[at++] = CODES[n >> 18] ?? 0;
    out[at++] = CODES[(n >> 12) & 63] ?? 0;
    out[at++] = rest === 2 ? (CODES[(n >> 6) & 63] ?? 0) : PAD;
    out[at] = PAD;
  }
  const parts: string[] = [];
  for (let from = 0; from < out.length; from += CHUNK) parts.push(charsOf(out.subarray(from, from + CHUNK)));
  return parts.join('');
}

/**
 * Strict base64: length a multiple of 4, padding only at the end, no whitespace, and the unused
 * bits of the last group zero, so every byte string has exactly one accepted spelling.
 */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = LOOKUP.get(text.charCodeAt(i));
    const b = LOOKUP.get(text.charCodeAt(i + 1));
    const c = last && padding === 2 ? 0 : LOOKUP.get(text.charCodeAt(i + 2));
    const d = last && padding >= 1 ? 0 : LOOKUP.get(text.charCodeAt(i + 3));
    if (a === undefined || b === undefined || c === undefined || d === undefined) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[at++] = n >> 16;
    if (last && padding === 2) {
      if ((n & 0xffff) !== 0) return undefined;
      break;
    }
    bytes[at++] = (n >> 8) & 0xff;
    if (last && padding === 1) {
      if ((n & 0xff) !== 0) return undefined;
      break;
    }
    bytes[at++] = n & 0xff;
  }
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
