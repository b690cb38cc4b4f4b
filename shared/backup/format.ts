/**
 * The backup file: one JSON text.
 *
 *   { format: 'clearday-backup', formatVersion: 1, appVersion, schemaVersion, createdAt,
 *     counts: { table: rows }, checksum: 'sha256:<hex>', payload }
 *
 * payload is `{ tables: { table: rows } }` (plain) or `{ encrypted: { kdf, cipher, keyCheck, data } }`
 * where data is the base64 AES-256-GCM ciphertext of the canonical JSON of the tables.
 *
 * The checksum is SHA-256 of the canonical JSON of the whole document except the checksum field:
 * header and payload as stored, so for an encrypted file it covers the ciphertext, never the
 * plaintext (a hash of the plaintext would let anyone confirm a guess of the contents). It catches
 * damage and casual edits before any passphrase is asked for; it is no signature, since whoever
 * edits the file can recompute it. For encrypted files GCM is the real guard: the header is its
 * additional data, so altered counts or versions fail decryption too ('tampered').
 * The header's counts and dates are readable without the passphrase, so the restore preview can
 * show them; the rows themselves are not.
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
export const BACKUP_FORMAT_VERSION = 1;

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

  let payload: JsonValue;
  if (passphrase === undefined) payload = { tables };
  else {
    const salt = randomBytes(crypto, SALT_BYTES);
    const iv = randomBytes(crypto, IV_BYTES);
    const { key, keyCheck } = await deriveKey(crypto, passphrase, salt, iterations);
    const data = await encrypt(crypto, key, iv, headerBytes(header), utf8Encode(canonicalJson(tables)));
    payload = {
      encrypted: {
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: base64Encode(salt) },
        cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
        keyCheck: base64Encode(keyCheck),
        data: base64Encode(data),
      },
    };
  }
  const payloadText = canonicalJson(payload);
  const checksum = await checksumOf(crypto, header, payloadText);
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

/**
 * The checksum a document should carry: `sha256:` + hex of SHA-256 over the canonical JSON of
 * every field but `checksum`. Exported for fixtures and tests that edit a file on purpose.
 */
export async function backupChecksum(document: Readonly<Record<string, unknown>>, crypto: CryptoLike): Promise<string> {
  const { checksum: _ignored, payload, ...header } = document;
  return checksumOf(crypto, header, canonicalJson(payload));
}

// ---------------------------------------------------------------- reading

/** Header and counts of a backup, for the restore preview; needs no passphrase and no crypto. */
export function inspectBackup(text: string, options: { currentSchemaVersion?: number } = {}): BackupSummary {
  const envelope = parseEnvelope(text);
  const { header } = envelope;
  if (options.currentSchemaVersion !== undefined && header.schemaVersion > options.currentSchemaVersion) {
    throw new BackupError('newer-version', `schema:${header.schemaVersion}`);
  }
  if (envelope.payload.kind === 'plain') {
    checkCounts(header.counts, envelope.payload.tables);
    return summaryOf(header, false, transactionDatesOf(envelope.payload.tables.transactions));
  }
  return summaryOf(header, true, undefined);
}

/**
 * Everything a restore needs, checked in this order: JSON and format, versions, checksum,
 * passphrase and decryption, counts, upgrade to the current schema, table names, every row
 * against its schema, unique keys. Throws BackupError only.
 */
export async function readBackup(text: string, crypto: CryptoLike, options: ReadBackupOptions): Promise<ReadBackupResult> {
  if (options.currentSchemaVersion !== LATEST_SCHEMA_VERSION) throw new BackupError('invalid-options', 'currentSchemaVersion');
  const envelope = parseEnvelope(text);
  const { header } = envelope;
  if (header.schemaVersion > options.currentSchemaVersion) throw new BackupError('newer-version', `schema:${header.schemaVersion}`);
  // A newer app may write rows this one misreads even on the same schema: refused too.
  if (options.currentAppVersion !== undefined && compareVersions(header.appVersion, options.currentAppVersion) > 0) throw new BackupError('newer-version', `app:${header.appVersion}`);
  if ((await checksumOf(crypto, header, canonicalJson(envelope.payloadJson))) !== envelope.checksum) throw new BackupError('checksum-mismatch');

  const raw = envelope.payload.kind === 'plain' ? envelope.payload.tables : await decryptTables(crypto, header, envelope.payload, options.passphrase);
  checkCounts(header.counts, raw);
  // fromEntries, not assignment: a table named "__proto__" must stay a table, and be refused.
  const decoded: Record<string, unknown[]> = Object.fromEntries(
    Object.entries(raw).map(([name, rows]) => [name, rows.map((row, i) => fromJsonValue(row, `${name}:${i}`))]),
  );

  const upgraded = upgradeTables(decoded, header.schemaVersion, options.currentSchemaVersion);
  for (const name of Object.keys(upgraded)) if (!isTableName(name)) throw new BackupError('unknown-table', name);
  for (const name of TABLE_NAMES) if (!Array.isArray(upgraded[name])) throw new BackupError('corrupt', `tables.${name}`);
  const tables = validateTables(upgraded as Record<TableName, readonly unknown[]>);
  return { summary: summaryOf(header, envelope.payload.kind === 'encrypted', transactionDatesOf(tables.transactions)), tables };
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

interface EncryptedPayload {
  kind: 'encrypted';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  keyCheck: Uint8Array<ArrayBuffer>;
  data: string;
}

type Payload = { kind: 'plain'; tables: Record<string, unknown[]> } | EncryptedPayload;

interface Envelope {
  header: Header;
  checksum: string;
  payloadJson: unknown;
  payload: Payload;
}

const DOCUMENT_KEYS = ['format', 'formatVersion', 'appVersion', 'schemaVersion', 'createdAt', 'counts', 'checksum', 'payload'];

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
  requireExactKeys(document, DOCUMENT_KEYS, '');

  const { appVersion, schemaVersion, createdAt, counts, checksum, payload } = document;
  if (!isAppVersion(appVersion)) throw new BackupError('corrupt', 'appVersion');
  if (!isPositiveInteger(schemaVersion)) throw new BackupError('corrupt', 'schemaVersion');
  if (!InstantSchema.safeParse(createdAt).success) throw new BackupError('corrupt', 'createdAt');
  if (!isRecord(counts) || !Object.values(counts).every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
    throw new BackupError('corrupt', 'counts');
  }
  if (typeof checksum !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(checksum)) throw new BackupError('corrupt', 'checksum');
  const header: Header = {
    format: BACKUP_FORMAT,
    formatVersion,
    appVersion,
    schemaVersion,
    createdAt: createdAt as string,
    counts: counts as Record<string, number>,
  };
  return { header, checksum, payloadJson: payload, payload: parsePayload(payload) };
}

function parsePayload(payload: unknown): Payload {
  if (!isRecord(payload)) throw new BackupError('corrupt', 'payload');
  if ('tables' in payload) {
    requireExactKeys(payload, ['tables'], 'payload');
    return { kind: 'plain', tables: parseRawTables(payload.tables, 'payload.tables') };
  }
  requireExactKeys(payload, ['encrypted'], 'payload');
  const { encrypted } = payload;
  if (!isRecord(encrypted)) throw new BackupError('corrupt', 'payload.encrypted');
  requireExactKeys(encrypted, ['kdf', 'cipher', 'keyCheck', 'data'], 'payload.encrypted');
  const { kdf, cipher, keyCheck, data } = encrypted;
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
  return { kind: 'encrypted', iterations: kdf.iterations, salt, iv, keyCheck: check, data };
}

function parseRawTables(value: unknown, where: string): Record<string, unknown[]> {
  if (!isRecord(value)) throw new BackupError('corrupt', where);
  for (const [name, rows] of Object.entries(value)) if (!Array.isArray(rows)) throw new BackupError('corrupt', `${where}.${name}`);
  return value as Record<string, unknown[]>;
}

async function decryptTables(crypto: CryptoLike, header: Header, payload: EncryptedPayload, passphrase: string | undefined): Promise<Record<string, unknown[]>> {
  if (passphrase === undefined || passphrase.length === 0) throw new BackupError('passphrase-needed');
  const data = base64Decode(payload.data);
  if (!data || data.length < TAG_BYTES) throw new BackupError('corrupt', 'data');
  const { key, keyCheck } = await deriveKey(crypto, passphrase, payload.salt, payload.iterations);
  if (!sameBytes(keyCheck, payload.keyCheck)) throw new BackupError('wrong-passphrase');
  const plain = await decrypt(crypto, key, payload.iv, headerBytes(header), data);
  if (!plain) throw new BackupError('tampered');
  // GCM vouches for these bytes: if they still do not parse, the writer was broken.
  const json = utf8Decode(plain);
  if (json === undefined) throw new BackupError('corrupt', 'data');
  let tables: unknown;
  try {
    tables = JSON.parse(json);
  } catch {
    throw new BackupError('corrupt', 'data');
  }
  return parseRawTables(tables, 'data');
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

/** The header as GCM additional data: canonical JSON of every header field. */
function headerBytes(header: Header): Uint8Array<ArrayBuffer> {
  return utf8Encode(canonicalJson(header));
}

async function checksumOf(crypto: CryptoLike, header: Readonly<Record<string, unknown>>, payloadText: string): Promise<string> {
  // Canonical JSON of header + payload, with the payload's canonical text spliced in rather
  // than serialised a second time (it is most of the file).
  const parts = [...Object.keys(header), 'payload']
    .sort()
    .map((key) => `${JSON.stringify(key)}:${key === 'payload' ? payloadText : canonicalJson(header[key])}`);
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
