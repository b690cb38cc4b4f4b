/**
 * Rows to JSON and back. Bytes (attachments) travel as `{ "$bytes": "<base64>" }`; so that a
 * stored object can never be mistaken for that marker, every key that starts with `$` is written
 * with one more `$` and read back without it. The canonical form (keys sorted by UTF-16 code unit,
 * no spaces, numbers as JavaScript prints them) is what the checksum covers, so re-indenting a
 * file or reordering its keys does not break it.
 */
import { BackupError } from './errors';
import { base64Decode, base64Encode } from './encoding';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Far deeper than any stored row (about 8 levels), shallow enough that recursion cannot blow the stack. */
export const MAX_DEPTH = 64;

const BYTES_KEY = '$bytes';

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment of "__proto__" would set the prototype instead of storing the key.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `table:3:` + `amount` gives `table:3:amount`; deeper levels are joined with dots. */
function childPath(path: string, key: string): string {
  return path === '' || path.endsWith(':') ? `${path}${key}` : `${path}.${key}`;
}

/**
 * A stored value as JSON. Throws BackupError('unsupported-value', path) for anything JSON would
 * silently change: NaN and infinities, undefined in an array, Dates, Maps, class instances,
 * functions, cycles (caught by the depth limit).
 */
export function toJsonValue(value: unknown, path: string, depth = 0): JsonValue {
  if (depth > MAX_DEPTH) throw new BackupError('unsupported-value', path);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BackupError('unsupported-value', path);
    return value;
  }
  if (typeof value !== 'object') throw new BackupError('unsupported-value', path);
  if (value instanceof Uint8Array) return { [BYTES_KEY]: base64Encode(value) };
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const at = childPath(path, String(i));
      if (!(i in value) || value[i] === undefined) throw new BackupError('unsupported-value', at);
      out.push(toJsonValue(value[i], at, depth + 1));
    }
    return out;
  }
  if (!isPlainObject(value)) throw new BackupError('unsupported-value', path);
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    // An absent optional field is stored as undefined by some callers: JSON leaves it out too.
    if (item === undefined) continue;
    setOwn(out, key.startsWith('$') ? `$${key}` : key, toJsonValue(item, childPath(path, key), depth + 1));
  }
  return out;
}

/** The inverse of toJsonValue for parsed JSON; a malformed marker or a bare `$` key is 'corrupt'. */
export function fromJsonValue(value: unknown, path: string, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new BackupError('corrupt', path);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => fromJsonValue(item, `${path}.${i}`, depth + 1));
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.includes(BYTES_KEY)) {
    const encoded = record[BYTES_KEY];
    const bytes = keys.length === 1 && typeof encoded === 'string' ? base64Decode(encoded) : undefined;
    if (!bytes) throw new BackupError('corrupt', path);
    return bytes;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key.startsWith('$') && !key.startsWith('$$')) throw new BackupError('corrupt', `${path}.${key}`);
    const name = key.startsWith('$') ? key.slice(1) : key;
    setOwn(out, name, fromJsonValue(record[key], `${path}.${name}`, depth + 1));
  }
  return out;
}

/** Canonical JSON text of a parsed or built JSON value; anything else is 'corrupt'. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  writeCanonical(value, parts, 0);
  return parts.join('');
}

function writeCanonical(value: unknown, parts: string[], depth: number): void {
  if (depth > MAX_DEPTH) throw new BackupError('corrupt', 'depth');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value === 'number') {
    // JSON.parse turns 1e400 into Infinity, which has no JSON spelling.
    if (!Number.isFinite(value)) throw new BackupError('corrupt', 'number');
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value !== 'object') throw new BackupError('corrupt', typeof value);
  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) parts.push(',');
      writeCanonical(item, parts, depth + 1);
    });
    parts.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  parts.push('{');
  Object.keys(record)
    .sort()
    .forEach((key, i) => {
      if (i > 0) parts.push(',');
      parts.push(JSON.stringify(key), ':');
      writeCanonical(record[key], parts, depth + 1);
    });
  parts.push('}');
}
