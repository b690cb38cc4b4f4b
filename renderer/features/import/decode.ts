/**
 * Bytes of a bill file to text. Chinese bills come as UTF-8 (with or without BOM) or GBK /
 * GB18030 (Alipay); OFX 1.x may declare CHARSET 1252. The platform's TextDecoder does the work;
 * UTF-8 is tried strictly first, so a GBK file is never half-read as UTF-8.
 */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'windows-1252';

export function decodeBill(bytes: Uint8Array, forced?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  if (forced) return { text: stripBom(new TextDecoder(forced).decode(bytes)), encoding: forced };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
  if (/OFXHEADER\s*:/.test(head) && /CHARSET\s*:\s*1252/.test(head)) return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** An .xlsx file (a zip) starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
