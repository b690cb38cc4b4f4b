/**
 * The slice of WebCrypto a backup needs, typed here because shared/ sees no DOM or Node types.
 * Callers pass `globalThis.crypto` (Chromium's renderer, Node 20 in tests).
 *
 * Key derivation: PBKDF2-SHA-256 over the NFC-normalised passphrase gives 512 bits; the first
 * 256 are the AES-256-GCM key, the SHA-256 of the last 256 is stored as `keyCheck`. keyCheck lets
 * a restore tell a wrong passphrase from altered ciphertext (GCM alone cannot), and gives an
 * attacker nothing a trial decryption would not: each guess still costs the full PBKDF2 run.
 */
import { BackupError } from './errors';
import { utf8Encode } from './encoding';

/** CryptoKey, opaque to this module. */
export type KeyLike = unknown;

export interface Pbkdf2ParamsLike {
  name: 'PBKDF2';
  hash: 'SHA-256';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

export interface AesGcmParamsLike {
  name: 'AES-GCM';
  iv: Uint8Array<ArrayBuffer>;
  additionalData?: Uint8Array<ArrayBuffer>;
}

export interface SubtleLike {
  importKey(format: 'raw', keyData: Uint8Array<ArrayBuffer>, algorithm: 'PBKDF2' | 'AES-GCM', extractable: false, keyUsages: ('deriveBits' | 'encrypt' | 'decrypt')[]): Promise<KeyLike>;
  deriveBits(algorithm: Pbkdf2ParamsLike, baseKey: KeyLike, length: number): Promise<ArrayBuffer>;
  encrypt(algorithm: AesGcmParamsLike, key: KeyLike, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParamsLike, key: KeyLike, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export interface CryptoLike {
  readonly subtle: SubtleLike;
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T;
}

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** A file asking for more would hang the app for minutes: refused as corrupt. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** GCM's authentication tag: the shortest possible ciphertext. */
export const TAG_BYTES = 16;

export async function sha256(crypto: CryptoLike, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await step('digest', () => crypto.subtle.digest('SHA-256', data)));
}

export interface DerivedKey {
  key: KeyLike;
  keyCheck: Uint8Array<ArrayBuffer>;
}

export async function deriveKey(crypto: CryptoLike, passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<DerivedKey> {
  // NFC so the same passphrase typed through different input methods gives the same bytes.
  const secret = utf8Encode(passphrase.normalize('NFC'));
  const base = await step('import-passphrase', () => crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']));
  const bits = new Uint8Array(
    await step('derive', () => crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512)),
  );
  const key = await step('import-key', () => crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']));
  const keyCheck = await sha256(crypto, bits.slice(32, 64));
  return { key, keyCheck };
}

/** Runs one WebCrypto call; a failure becomes BackupError('crypto-failed', name). */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch {
    throw new BackupError('crypto-failed', name);
  }
}

export function randomBytes(crypto: CryptoLike, length: number): Uint8Array<ArrayBuffer> {
  try {
    return crypto.getRandomValues(new Uint8Array(length));
  } catch {
    throw new BackupError('crypto-failed', 'random');
  }
}

export async function encrypt(
  crypto: CryptoLike,
  key: KeyLike,
  iv: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await step('encrypt', () => crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plaintext)));
}

/** undefined when GCM refuses the data (wrong key or altered ciphertext, IV or header). */
export async function decrypt(
  crypto: CryptoLike,
  key: KeyLike,
  iv: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
  ciphertext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, ciphertext));
  } catch {
    return undefined;
  }
}

/** Compares in time independent of where the first difference is. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
