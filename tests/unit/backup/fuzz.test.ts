/** Whatever text a user opens, reading it fails with a BackupError and nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BackupError, createBackup, inspectBackup, readBackup } from '../../../shared/backup';
import { FAST, input, webCrypto } from './helpers';

/** Runs `run`; a throw or rejection must be a BackupError. */
async function onlyBackupErrors(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
  }
}

async function bothReaders(text: string, passphrase?: string): Promise<void> {
  await onlyBackupErrors(() => inspectBackup(text, { currentSchemaVersion: 1 }));
  await onlyBackupErrors(() => readBackup(text, webCrypto, { passphrase, currentSchemaVersion: 1 }));
}

const plain = await createBackup(input(), webCrypto);
const encrypted = await createBackup(input(), webCrypto, { passphrase: 'pw', ...FAST });

/** A backup-shaped document with any of its fields replaced by arbitrary JSON. */
const backupLike = fc.record(
  {
    format: fc.oneof(fc.constant(BACKUP_FORMAT), fc.jsonValue()),
    formatVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
    appVersion: fc.oneof(fc.constant('0.1.0'), fc.jsonValue()),
    schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
    createdAt: fc.oneof(fc.constant('2026-11-22T08:00:00.000Z'), fc.jsonValue()),
    counts: fc.oneof(fc.dictionary(fc.string(), fc.nat()), fc.jsonValue()),
    checksum: fc.oneof(fc.constant(`sha256:${'0'.repeat(64)}`), fc.jsonValue()),
    payload: fc.oneof(
      fc.record({ tables: fc.dictionary(fc.constantFrom('transactions', 'settings', 'attachments', 'x'), fc.array(fc.jsonValue())) }),
      fc.record({ encrypted: fc.jsonValue() }),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

describe('readBackup and inspectBackup on arbitrary input', () => {
  it('random strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary' }), (text) => bothReaders(text)), { numRuns: 300 });
  });

  it('random JSON values', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), (value) => bothReaders(JSON.stringify(value) ?? 'null', 'pw')), { numRuns: 300 });
  });

  it('backup-shaped documents with arbitrary fields', async () => {
    await fc.assert(fc.asyncProperty(backupLike, (doc) => bothReaders(JSON.stringify(doc), 'pw')), { numRuns: 300 });
  });

  it('real backups with characters replaced or cut off', async () => {
    const mutation = (text: string) =>
      fc.oneof(
        fc.tuple(fc.nat({ max: text.length - 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at + 1)),
        fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
      );
    await fc.assert(fc.asyncProperty(mutation(plain), (text) => bothReaders(text)), { numRuns: 200 });
    await fc.assert(fc.asyncProperty(mutation(encrypted), (text) => bothReaders(text, 'pw')), { numRuns: 100 });
  });

  it('deeply nested JSON', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await expect(readBackup(deep, webCrypto, { currentSchemaVersion: 1 })).rejects.toMatchObject({ code: 'not-a-backup' });
    // A real header with a settings value nested far below any stored row: refused, no stack overflow.
    const nested = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const deepRow = plain.replace('"value":"zh-CN"', `"value":${nested}`);
    expect(deepRow).not.toBe(plain);
    await expect(readBackup(deepRow, webCrypto, { currentSchemaVersion: 1 })).rejects.toMatchObject({ code: 'corrupt' });
    const preview = inspectBackup(deepRow);
    expect(preview.encrypted ? undefined : preview.summary.counts.settings).toBe(2);
  });
});
