/** Shared by the backup tests: the platform's WebCrypto, error capture, and editing a file on purpose. */
import { expect } from 'vitest';
import { BackupError, type BackupErrorCode, type BackupInput, type CryptoLike, type SubtleLike, TABLE_NAMES, type TableName, backupChecksum } from '../../../shared/backup';
import { SCHEMA_V1_APP_VERSION, SCHEMA_V1_CREATED_AT, SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';

export const webCrypto: CryptoLike = globalThis.crypto;

/** Enough to exercise PBKDF2 without the default's 600,000 rounds in every test. */
export const FAST = { iterations: 1_000 };

export function emptyTables(): Record<TableName, unknown[]> {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as Record<TableName, unknown[]>;
}

export function input(tables: Partial<Record<TableName, readonly unknown[]>> = SCHEMA_V1_ROWS): BackupInput {
  return { tables: { ...emptyTables(), ...tables }, appVersion: SCHEMA_V1_APP_VERSION, schemaVersion: 1, createdAt: SCHEMA_V1_CREATED_AT };
}

/** The BackupError `run` throws or rejects with; fails the test on anything else. */
export async function backupError(run: () => unknown): Promise<BackupError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return error as BackupError;
  }
  throw new Error('expected a BackupError');
}

export async function expectCode(run: () => unknown, code: BackupErrorCode, detail?: string): Promise<void> {
  const error = await backupError(run);
  expect(error.code).toBe(code);
  if (detail !== undefined) expect(error.detail).toBe(detail);
}

/** A backup document as tests edit it: a plain file's header and payload, or an encrypted file's parameters and ciphertext. */
type Doc = Record<string, unknown> & {
  counts: Record<string, number>;
  payload: { tables?: Record<string, Record<string, unknown>[]>; encrypted?: Record<string, unknown> & { data: string } };
  encryption: Record<string, unknown> & { kdf: Record<string, unknown>; cipher: Record<string, unknown>; keyCheck: string };
  data: string;
};

/** Parses a backup, lets `change` edit it, and writes it back with a matching checksum (as a deliberate editor would). */
export async function edit(text: string, change: (doc: Doc) => void, options: { reseal?: boolean } = {}): Promise<string> {
  const doc = JSON.parse(text) as Doc;
  change(doc);
  if (options.reseal ?? true) doc.checksum = await backupChecksum(doc, webCrypto);
  return JSON.stringify(doc);
}

/** One base64 character replaced by another at `index`: the decoded bytes differ, the length does not. */
export function flipBase64(data: string, index: number): string {
  const char = data[index];
  return data.slice(0, index) + (char === 'A' ? 'B' : 'A') + data.slice(index + 1);
}

/** The platform's WebCrypto with some SubtleCrypto methods replaced. */
export function stubCrypto(overrides: Partial<SubtleLike>): CryptoLike {
  const subtle = webCrypto.subtle;
  return {
    getRandomValues: (array) => webCrypto.getRandomValues(array),
    subtle: {
      importKey: (...args) => subtle.importKey(...args),
      deriveBits: (...args) => subtle.deriveBits(...args),
      encrypt: (...args) => subtle.encrypt(...args),
      decrypt: (...args) => subtle.decrypt(...args),
      digest: (...args) => subtle.digest(...args),
      ...overrides,
    },
  };
}
