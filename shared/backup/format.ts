/**
 * The backup file: one JSON text, in one of two shapes.
 *
 * Plain (no passphrase):
 *   { format: 'clearday-backup', formatVersion, appVersion, schemaVersion, createdAt,
 *     counts: { table: rows }, checksum: 'sha256:<hex>', payload: { tables: { table: rows } } }
 *
 * Encrypted (format version 2): the readable part says only how to decrypt, nothing about the
 * data: no dates, no versions, no counts.
 *   { format: 'clearday-backup', formatVersion: 2, encryption: { kdf, cipher, keyCheck },
 *     checksum: 'sha256:<hex>', data: '<base64 AES-256-GCM ciphertext>' }
 * The plaintext is the canonical JSON of `{ appVersion, schemaVersion, createdAt, counts, tables }`;
 * the readable fields (format, formatVersion, encryption) are GCM's additional data, so changing
 * any of them fails decryption ('tampered').
 *
 * Format version 1 files are still read: plain ones as above, and encrypted ones whose header
 * (dates, versions, counts) was readable and whose payload was `{ encrypted: { kdf, cipher,
 * keyCheck, data } }` with that header as additional data. Nothing shown of an encrypted file
 * before it is decrypted comes from its header: the preview of any encrypted file says only that
 * it is encrypted.
 *
 * The checksum is SHA-256 of the canonical JSON of the whole document except the checksum field,
 * so for an encrypted file it covers the ciphertext, never the plaintext (a hash of the plaintext
 * would let anyone confirm a guess of the contents). It catches damage and casual edits before
 * any passphrase is asked for; it is no signature, since whoever edits the file can recompute it.
 * For encrypted files GCM is the real guard.
 */
import { z } from 'zod';
import { InstantSchema } from '../domain/primitives';
import { BackupError } from './errors';
import { base64Decode, base64Encode, toHex, utf8Decode, utf8Encode } from './encoding';
import {
  type CryptoLike,
  DEFAULT_PBKDF2_ITERATIONS,
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  SALT_BYTES,
  TAG_BYTES,
  decrypt,
  deriveKey,
  encrypt,
  randomBytes,
  sameBytes,
  sha256,
} from './crypto';
import { type JsonValue, canonicalJson, fromJsonValue, toJsonValue } from './json';
import { PRIMARY_KEYS, TABLE_NAMES, TABLE_SCHEMAS, type TableName, UNIQUE_INDEXES, isTableName } from './tables';
import { LATEST_SCHEMA_VERSION, upgradeTables } from './upgrade';

export const BACKUP_FORMAT = 'clearday-backup';
/** The format version this build writes; it reads every version from 1 up to this one. */
export const BACKUP_FORMAT_VERSION = 2;

export interface BackupInput {
  tables: { readonly [T in TableName]: readonly unknown[] };
  appVersion: string;
  /** Must be LATEST_SCHEMA_VERSION: rows are validated against the current schemas. */
  schemaVersion: number;
  /** ISO instant in UTC, e.g. `2026-11-22T08:00:00.000Z`; passed in because shared/ reads no clock. */
  createdAt: string;
}

export interface CreateBackupOptions {
  /** Encrypts the rows when given; must not be empty. */
  passphrase?: string;
  /** PBKDF2 iterations, DEFAULT_PBKDF2_ITERATIONS when absent; tests pass fewer to run fast. */
  iterations?: number;
}

export interface ReadBackupOptions {
  passphrase?: string;
  /** The running app's version; a backup made by a newer one is refused. */
  currentAppVersion?: string;
  /** SCHEMA_VERSION of the running app's database. */
  currentSchemaVersion: number;
}

export interface BackupSummary {
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  /** Rows per table as the file's header states them (checked against the rows when read). */
  counts: Readonly<Record<string, number>>;
  totalRows: number;
  encrypted: boolean;
  /** Earliest and latest transaction date; absent with no transactions, or before decryption. */
  transactionDates?: { earliest: string; latest: string };
}

/**
 * What a file says of itself before any passphrase: a plain backup's summary, or, for an
 * encrypted one, only that it is encrypted (its contents are known once it is decrypted).
 */
export type BackupPreview = { encrypted: false; summary: BackupSummary } | { encrypted: true; formatVersion: number };

export type RestoredTables = { [T in TableName]: unknown[] };

export interface ReadBackupResult {
  summary: BackupSummary;
  /** Rows as their schemas parse them, upgraded to the current schema, ready to write back. */
  tables: RestoredTables;
}

// ---------------------------------------------------------------- writing

export async function createBackup(input: BackupInput, crypto: CryptoLike, options: CreateBackupOptions = {}): Promise<string> {
  if (!InstantSchema.safeParse(input.createdAt).success) throw new BackupError('invalid-options', 'createdAt');
  if (!isAppVersion(input.appVersion)) throw new BackupError('invalid-options', 'appVersion');
  if (input.schemaVersion !== LATEST_SCHEMA_VERSION) throw new BackupError('invalid-options', 'schemaVersion');
  const { passphrase } = options;
  if (passphrase !== undefined && (typeof passphrase !== 'string' || passphrase.length === 0)) throw new BackupError('invalid-options', 'passphrase');
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!isIterations(iterations)) throw new BackupError('invalid-options', 'iterations');

  // The same checks a restore makes, so every file written here can be read back.
  for (const name of Object.keys(input.tables)) if (!isTableName(name)) throw new BackupError('unknown-table', name);
  for (const name of TABLE_NAMES) if (!Array.isArray(input.tables[name])) throw new BackupError('invalid-options', `tables.${name}`);
  validateTables(input.tables);

  const tables: Record<string, JsonValue[]> = {};
  const counts: Record<string, number> = {};
  for (const name of TABLE_NAMES) {
    tables[name] = input.tables[name].map((row, i) => toJsonValue(row, `${name}:${i}:`));
    counts[name] = input.tables[name].length;
  }
  const header: Header = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    counts,
  };

  if (passphrase === undefined) {
    const payloadText = canonicalJson({ tables });
    const checksum = await checksumOf(crypto, header, 'payload', payloadText);
    // Header first in a fixed order so the file is recognisable at a glance; the payload last.
    const head = [
      `"format":${JSON.stringify(header.format)}`,
      `"formatVersion":${header.formatVersion}`,
      `"appVersion":${JSON.stringify(header.appVersion)}`,
      `"schemaVersion":${header.schemaVersion}`,
      `"createdAt":${JSON.stringify(header.createdAt)}`,
      `"counts":${canonicalJson(header.counts)}`,
      `"checksum":${JSON.stringify(checksum)}`,
    ];
    return `{${head.join(',')},"payload":${payloadText}}\n`;
  }

  const salt = randomBytes(crypto, SALT_BYTES);
  const iv = randomBytes(crypto, IV_BYTES);
  const { key, keyCheck } = await deriveKey(crypto, passphrase, salt, iterations);
  const sealed: SealedHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    encryption: {
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: base64Encode(salt) },
      cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
      keyCheck: base64Encode(keyCheck),
    },
  };
  const { format: _format, formatVersion: _version, ...contents } = header;
  const plaintext = canonicalJson({ ...contents, tables });
  const data = base64Encode(await encrypt(crypto, key, iv, utf8Encode(canonicalJson(sealed)), utf8Encode(plaintext)));
  const dataText = JSON.stringify(data);
  const checksum = await checksumOf(crypto, sealed, 'data', dataText);
  return `{"format":${JSON.stringify(sealed.format)},"formatVersion":${sealed.formatVersion},"encryption":${canonicalJson(sealed.encryption)},"checksum":${JSON.stringify(checksum)},"data":${dataText}}\n`;
}

/**
 * The checksum a document should carry: `sha256:` + hex of SHA-256 over the canonical JSON of
 * every field but `checksum`. Exported for fixtures and tests that edit a file on purpose.
 */
export async function backupChecksum(document: Readonly<Record<string, unknown>>, crypto: CryptoLike): Promise<string> {
  const { checksum: _ignored, ...fields } = document;
  const bulk = 'payload' in fields ? 'payload' : 'data';
  const { [bulk]: bulkValue, ...rest } = fields;
  return checksumOf(crypto, rest, bulk, canonicalJson(bulkValue));
}

// ---------------------------------------------------------------- reading

/**
 * What a backup shows before any passphrase, for the restore preview; needs no crypto. A plain
 * file's counts are checked against its rows; an encrypted file shows nothing of its contents.
 */
export function inspectBackup(text: string, options: { currentSchemaVersion?: number } = {}): BackupPreview {
  const envelope = parseEnvelope(text);
  if (envelope.kind !== 'plain') return { encrypted: true, formatVersion: envelope.formatVersion };
  const { header, tables } = envelope;
  if (options.currentSchemaVersion !== undefined && header.schemaVersion > options.currentSchemaVersion) {
    throw new BackupError('newer-version', `schema:${header.schemaVersion}`);
  }
  checkCounts(header.counts, tables);
  return { encrypted: false, summary: summaryOf(header, false, transactionDatesOf(tables.transactions)) };
}

/**
 * Everything a restore needs, checked in this order: JSON and format, versions (of a plain file),
 * checksum, passphrase and decryption, versions (of an encrypted one), counts, upgrade to the
 * current schema, table names, every row against its schema, unique keys. Throws BackupError only.
 */
export async function readBackup(text: string, crypto: CryptoLike, options: ReadBackupOptions): Promise<ReadBackupResult> {
  if (options.currentSchemaVersion !== LATEST_SCHEMA_VERSION) throw new BackupError('invalid-options', 'currentSchemaVersion');
  const envelope = parseEnvelope(text);
  if (envelope.kind === 'plain') checkVersions(envelope.header, options);
  if ((await envelope.checksum(crypto)) !== envelope.storedChecksum) throw new BackupError('checksum-mismatch');

  let header: Header;
  let raw: Record<string, unknown[]>;
  if (envelope.kind === 'plain') {
    ({ header, tables: raw } = envelope);
  } else if (envelope.kind === 'legacy-encrypted') {
    header = envelope.header;
    raw = parseRawTables(parseDecryptedJson(await decryptData(crypto, envelope.box, canonicalJson(header), options.passphrase)), 'data');
  } else {
    const contents = parseDecryptedJson(await decryptData(crypto, envelope.box, canonicalJson(envelope.sealed), options.passphrase));
    if (!isRecord(contents)) throw new BackupError('corrupt', 'data');
    const { tables, ...rest } = contents;
    requireExactKeys(contents, ['appVersion', 'schemaVersion', 'createdAt', 'counts', 'tables'], 'data');
    header = parseHeaderFields({ format: BACKUP_FORMAT, formatVersion: envelope.formatVersion, ...rest }, envelope.formatVersion);
    raw = parseRawTables(tables, 'data.tables');
  }
  if (envelope.kind !== 'plain') checkVersions(header, options);
  checkCounts(header.counts, raw);
  // fromEntries, not assignment: a table named "__proto__" must stay a table, and be refused.
  const decoded: Record<string, unknown[]> = Object.fromEntries(
    Object.entries(raw).map(([name, rows]) => [name, rows.map((row, i) => fromJsonValue(row, `${name}:${i}`))]),
  );

  const upgraded = upgradeTables(decoded, header.schemaVersion, options.currentSchemaVersion);
  for (const name of Object.keys(upgraded)) if (!isTableName(name)) throw new BackupError('unknown-table', name);
  for (const name of TABLE_NAMES) if (!Array.isArray(upgraded[name])) throw new BackupError('corrupt', `tables.${name}`);
  const tables = validateTables(upgraded as Record<TableName, readonly unknown[]>);
  return { summary: summaryOf(header, envelope.kind !== 'plain', transactionDatesOf(tables.transactions)), tables };
}

/** A newer schema, or a newer app (which may write rows this one misreads even on the same schema), is refused. */
function checkVersions(header: Header, options: ReadBackupOptions): void {
  if (header.schemaVersion > options.currentSchemaVersion) throw new BackupError('newer-version', `schema:${header.schemaVersion}`);
  if (options.currentAppVersion !== undefined && compareVersions(header.appVersion, options.currentAppVersion) > 0) throw new BackupError('newer-version', `app:${header.appVersion}`);
}

/** Compares dotted versions ("0.10.2" > "0.9.9") by their numbers; a pre-release tag is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[-+]/)[0]?.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0)) ?? [];
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

// ---------------------------------------------------------------- envelope

// A type alias, not an interface, so it passes where a Record<string, unknown> is expected.
type Header = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
};

/** The readable part of an encrypted (format 2) file, and its GCM additional data. */
type SealedHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  encryption: {
    kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
    cipher: { name: 'AES-GCM'; iv: string };
    keyCheck: string;
  };
};

/** The decoded encryption parameters and ciphertext. */
interface CipherBox {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  keyCheck: Uint8Array<ArrayBuffer>;
  data: string;
}

interface EnvelopeBase {
  storedChecksum: string;
  /** The checksum the document's content gives. */
  checksum(crypto: CryptoLike): Promise<string>;
}

type Envelope =
  | (EnvelopeBase & { kind: 'plain'; header: Header; tables: Record<string, unknown[]> })
  | (EnvelopeBase & { kind: 'legacy-encrypted'; formatVersion: 1; header: Header; box: CipherBox })
  | (EnvelopeBase & { kind: 'sealed'; formatVersion: number; sealed: SealedHeader; box: CipherBox });

const PLAIN_KEYS = ['format', 'formatVersion', 'appVersion', 'schemaVersion', 'createdAt', 'counts', 'checksum', 'payload'];
const SEALED_KEYS = ['format', 'formatVersion', 'encryption', 'checksum', 'data'];

function parseEnvelope(text: string): Envelope {
  if (typeof text !== 'string') throw new BackupError('not-a-backup');
  let document: unknown;
  try {
    // A byte-order mark left by an editor is no reason to refuse the file.
    document = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch {
    // A cut-off or damaged backup still names its format near the start.
    throw new BackupError(text.includes(`"${BACKUP_FORMAT}"`) ? 'corrupt' : 'not-a-backup', 'json');
  }
  if (!isRecord(document) || document.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup');
  // The version first: a newer format may have other fields, and deserves its own message.
  const { formatVersion } = document;
  if (!isPositiveInteger(formatVersion)) throw new BackupError('corrupt', 'formatVersion');
  if (formatVersion > BACKUP_FORMAT_VERSION) throw new BackupError('newer-version', `format:${formatVersion}`);
  const { checksum } = document;

  if (formatVersion >= 2 && 'encryption' in document) {
    requireExactKeys(document, SEALED_KEYS, '');
    const storedChecksum = parseChecksum(checksum);
    const { encryption, data } = document;
    if (!isRecord(encryption)) throw new BackupError('corrupt', 'encryption');
    requireExactKeys(encryption, ['kdf', 'cipher', 'keyCheck'], 'encryption');
    const box = parseCipherBox(encryption.kdf, encryption.cipher, encryption.keyCheck, data);
    const sealed = { format: BACKUP_FORMAT, formatVersion, encryption } as SealedHeader;
    return { kind: 'sealed', formatVersion, sealed, box, storedChecksum, checksum: (crypto) => checksumOf(crypto, sealed, 'data', JSON.stringify(data)) };
  }

  requireExactKeys(document, PLAIN_KEYS, '');
  const header = parseHeaderFields(document, formatVersion);
  const storedChecksum = parseChecksum(checksum);
  const { payload } = document;
  const checksumOfPayload = (crypto: CryptoLike) => checksumOf(crypto, header, 'payload', canonicalJson(payload));
  if (!isRecord(payload)) throw new BackupError('corrupt', 'payload');
  if ('tables' in payload) {
    requireExactKeys(payload, ['tables'], 'payload');
    return { kind: 'plain', header, tables: parseRawTables(payload.tables, 'payload.tables'), storedChecksum, checksum: checksumOfPayload };
  }
  // Format 2 writes encrypted files sealed, never with a readable header.
  if (formatVersion !== 1) throw new BackupError('corrupt', 'payload');
  requireExactKeys(payload, ['encrypted'], 'payload');
  const { encrypted } = payload;
  if (!isRecord(encrypted)) throw new BackupError('corrupt', 'payload.encrypted');
  requireExactKeys(encrypted, ['kdf', 'cipher', 'keyCheck', 'data'], 'payload.encrypted');
  const box = parseCipherBox(encrypted.kdf, encrypted.cipher, encrypted.keyCheck, encrypted.data);
  return { kind: 'legacy-encrypted', formatVersion: 1, header, box, storedChecksum, checksum: checksumOfPayload };
}

/** The header fields of a plain file (or of an encrypted file's decrypted contents). */
function parseHeaderFields(fields: Record<string, unknown>, formatVersion: number): Header {
  const { appVersion, schemaVersion, createdAt, counts } = fields;
  if (!isAppVersion(appVersion)) throw new BackupError('corrupt', 'appVersion');
  if (!isPositiveInteger(schemaVersion)) throw new BackupError('corrupt', 'schemaVersion');
  if (!InstantSchema.safeParse(createdAt).success) throw new BackupError('corrupt', 'createdAt');
  if (!isRecord(counts) || !Object.values(counts).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
    throw new BackupError('corrupt', 'counts');
  }
  return { format: BACKUP_FORMAT, formatVersion, appVersion, schemaVersion, createdAt: createdAt as string, counts: counts as Record<string, number> };
}

function parseChecksum(checksum: unknown): string {
  if (typeof checksum !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(checksum)) throw new BackupError('corrupt', 'checksum');
  return checksum;
}

function parseCipherBox(kdf: unknown, cipher: unknown, keyCheck: unknown, data: unknown): CipherBox {
  if (!isRecord(kdf)) throw new BackupError('corrupt', 'kdf');
  requireExactKeys(kdf, ['name', 'hash', 'iterations', 'salt'], 'kdf');
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') throw new BackupError('corrupt', 'kdf.name');
  if (!isIterations(kdf.iterations)) throw new BackupError('corrupt', 'kdf.iterations');
  const salt = typeof kdf.salt === 'string' ? base64Decode(kdf.salt) : undefined;
  if (!salt || salt.length < SALT_BYTES) throw new BackupError('corrupt', 'kdf.salt');
  if (!isRecord(cipher)) throw new BackupError('corrupt', 'cipher');
  requireExactKeys(cipher, ['name', 'iv'], 'cipher');
  if (cipher.name !== 'AES-GCM') throw new BackupError('corrupt', 'cipher.name');
  const iv = typeof cipher.iv === 'string' ? base64Decode(cipher.iv) : undefined;
  if (!iv || iv.length !== IV_BYTES) throw new BackupError('corrupt', 'cipher.iv');
  const check = typeof keyCheck === 'string' ? base64Decode(keyCheck) : undefined;
  if (!check || check.length !== 32) throw new BackupError('corrupt', 'keyCheck');
  if (typeof data !== 'string') throw new BackupError('corrupt', 'data');
  return { iterations: kdf.iterations, salt, iv, keyCheck: check, data };
}

function parseRawTables(value: unknown, where: string): Record<string, unknown[]> {
  if (!isRecord(value)) throw new BackupError('corrupt', where);
  for (const [name, rows] of Object.entries(value)) if (!Array.isArray(rows)) throw new BackupError('corrupt', `${where}.${name}`);
  return value as Record<string, unknown[]>;
}

/** The plaintext of an encrypted file; `additionalData` is the canonical JSON of its readable part. */
async function decryptData(crypto: CryptoLike, box: CipherBox, additionalData: string, passphrase: string | undefined): Promise<string> {
  if (passphrase === undefined || passphrase.length === 0) throw new BackupError('passphrase-needed');
  const data = base64Decode(box.data);
  if (!data || data.length < TAG_BYTES) throw new BackupError('corrupt', 'data');
  const { key, keyCheck } = await deriveKey(crypto, passphrase, box.salt, box.iterations);
  if (!sameBytes(keyCheck, box.keyCheck)) throw new BackupError('wrong-passphrase');
  const plain = await decrypt(crypto, key, box.iv, utf8Encode(additionalData), data);
  if (!plain) throw new BackupError('tampered');
  // GCM vouches for these bytes: if they still do not parse, the writer was broken.
  const json = utf8Decode(plain);
  if (json === undefined) throw new BackupError('corrupt', 'data');
  return json;
}

function parseDecryptedJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new BackupError('corrupt', 'data');
  }
}

// ---------------------------------------------------------------- checks

/** Counts in the header must name exactly the tables present, each with its number of rows. */
function checkCounts(counts: Readonly<Record<string, number>>, tables: Readonly<Record<string, readonly unknown[]>>): void {
  for (const name of Object.keys(counts)) if (!Object.hasOwn(tables, name)) throw new BackupError('count-mismatch', name);
  for (const [name, rows] of Object.entries(tables)) {
    if (!Object.hasOwn(counts, name) || counts[name] !== rows.length) throw new BackupError('count-mismatch', name);
  }
}

/** Parses every row with its schema and checks primary keys and unique indexes. */
function validateTables(tables: { readonly [T in TableName]: readonly unknown[] }): RestoredTables {
  const out = {} as RestoredTables;
  for (const name of TABLE_NAMES) {
    const schema = TABLE_SCHEMAS[name];
    const keyField = PRIMARY_KEYS[name];
    const uniques = UNIQUE_INDEXES[name] ?? [];
    const seenKeys = new Set<unknown>();
    const seenUniques = uniques.map(() => new Set<string>());
    out[name] = tables[name].map((row, index) => {
      const result = schema.safeParse(row);
      if (!result.success) {
        const field = result.error.issues[0]?.path.map(String).join('.') || '(row)';
        throw new BackupError('invalid-row', `${name}:${index}:${field}`);
      }
      const parsed = result.data as Record<string, unknown>;
      const key = parsed[keyField];
      if (seenKeys.has(key)) throw new BackupError('duplicate-id', `${name}:${index}:${keyField}`);
      seenKeys.add(key);
      uniques.forEach((fields, u) => {
        // JSON text of the tuple: unambiguous whatever characters the values hold.
        const tuple = JSON.stringify(fields.map((f) => parsed[f]));
        const seen = seenUniques[u];
        if (seen?.has(tuple)) throw new BackupError('duplicate-id', `${name}:${index}:${fields.join('+')}`);
        seen?.add(tuple);
      });
      return parsed;
    });
  }
  return out;
}

// ---------------------------------------------------------------- helpers

function summaryOf(header: Header, encrypted: boolean, transactionDates: BackupSummary['transactionDates']): BackupSummary {
  const totalRows = Object.values(header.counts).reduce((sum, n) => sum + n, 0);
  const summary: BackupSummary = {
    formatVersion: header.formatVersion,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    createdAt: header.createdAt,
    counts: { ...header.counts },
    totalRows,
    encrypted,
  };
  if (transactionDates) summary.transactionDates = transactionDates;
  return summary;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Earliest and latest `date` of transaction rows; YYYY-MM-DD compares as text. */
function transactionDatesOf(rows: readonly unknown[] | undefined): BackupSummary['transactionDates'] {
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const row of rows ?? []) {
    const date = isRecord(row) ? row.date : undefined;
    if (typeof date !== 'string' || !DATE_PATTERN.test(date)) continue;
    if (earliest === undefined || date < earliest) earliest = date;
    if (latest === undefined || date > latest) latest = date;
  }
  return earliest !== undefined && latest !== undefined ? { earliest, latest } : undefined;
}

/**
 * Canonical JSON of `fields` plus one bulky field (the payload or the ciphertext) whose canonical
 * text is spliced in rather than serialised a second time (it is most of the file), hashed.
 */
async function checksumOf(crypto: CryptoLike, fields: Readonly<Record<string, unknown>>, bulkKey: string, bulkText: string): Promise<string> {
  const parts = [...Object.keys(fields), bulkKey]
    .sort()
    .map((key) => `${JSON.stringify(key)}:${key === bulkKey ? bulkText : canonicalJson(fields[key])}`);
  return `sha256:${toHex(await sha256(crypto, utf8Encode(`{${parts.join(',')}}`)))}`;
}

function requireExactKeys(record: Record<string, unknown>, keys: readonly string[], where: string): void {
  for (const key of Object.keys(record)) if (!keys.includes(key)) throw new BackupError('corrupt', where ? `${where}.${key}` : key);
  for (const key of keys) if (!Object.hasOwn(record, key)) throw new BackupError('corrupt', where ? `${where}.${key}` : key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function isIterations(value: unknown): value is number {
  return isPositiveInteger(value) && value <= MAX_PBKDF2_ITERATIONS;
}

const AppVersionSchema = z.string().min(1).max(100);

function isAppVersion(value: unknown): value is string {
  return AppVersionSchema.safeParse(value).success;
}
