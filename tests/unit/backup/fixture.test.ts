import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, createBackup, inspectBackup, readBackup } from '../../../shared/backup';
import { SCHEMA_V1_APP_VERSION, SCHEMA_V1_CREATED_AT, SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';
import { expectCode, webCrypto } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/backup/${name}`, import.meta.url), 'utf8');

const expectedSummary = (formatVersion: number, encrypted: boolean) => ({
  formatVersion,
  appVersion: SCHEMA_V1_APP_VERSION,
  schemaVersion: 1,
  createdAt: SCHEMA_V1_CREATED_AT,
  counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, SCHEMA_V1_ROWS[name].length])),
  totalRows: 21,
  encrypted,
  transactionDates: { earliest: '2026-11-14', latest: '2026-11-14' },
});

async function expectEveryRow(text: string, passphrase?: string) {
  const { tables } = await readBackup(text, webCrypto, { currentSchemaVersion: 1, ...(passphrase ? { passphrase } : {}) });
  for (const name of TABLE_NAMES) {
    expect(tables[name].length, name).toBeGreaterThan(0);
    expect(tables[name], name).toEqual(SCHEMA_V1_ROWS[name]);
  }
  const attachment = tables.attachments[0] as { data: Uint8Array; size: number };
  expect(attachment.data).toBeInstanceOf(Uint8Array);
  expect([...attachment.data.subarray(0, 5)]).toEqual([37, 80, 68, 70, 45]);
  expect(attachment.data.length).toBe(attachment.size);
}

describe('schema-v1.cdbackup (format 1, plain)', () => {
  const text = fixture('schema-v1.cdbackup');

  it('previews with its header', () => {
    expect(inspectBackup(text, { currentSchemaVersion: 1 })).toEqual({ encrypted: false, summary: expectedSummary(1, false) });
  });

  it('restores every row of every table with its values', async () => {
    await expectEveryRow(text);
  });
});

describe('schema-v1-format-1-encrypted.cdbackup (format 1, encrypted by Clearday 0.1.0 with a readable header)', () => {
  const text = fixture('schema-v1-format-1-encrypted.cdbackup');

  it('previews as encrypted only: its readable counts are not shown before it is decrypted and checked', () => {
    expect(inspectBackup(text, { currentSchemaVersion: 1 })).toEqual({ encrypted: true, formatVersion: 1 });
  });

  it('restores every row with its passphrase, and refuses without it or with a wrong one', async () => {
    await expectEveryRow(text, 'correct horse battery staple');
    const { summary } = await readBackup(text, webCrypto, { currentSchemaVersion: 1, passphrase: 'correct horse battery staple' });
    expect(summary).toEqual(expectedSummary(1, true));
    await expectCode(() => readBackup(text, webCrypto, { currentSchemaVersion: 1 }), 'passphrase-needed');
    await expectCode(() => readBackup(text, webCrypto, { currentSchemaVersion: 1, passphrase: 'correct horse battery' }), 'wrong-passphrase');
  });
});

describe('schema-v1-format-2.cdbackup (format 2, plain)', () => {
  const text = fixture('schema-v1-format-2.cdbackup');

  it('previews with its header and restores every row', async () => {
    expect(inspectBackup(text, { currentSchemaVersion: 1 })).toEqual({ encrypted: false, summary: expectedSummary(2, false) });
    await expectEveryRow(text);
  });

  it('is what the current writer produces, byte for byte, while schema 1 and format 2 are current', async () => {
    // When the writer changes, keep this file frozen and point this test at the newest fixture.
    const written = await createBackup(
      { tables: SCHEMA_V1_ROWS, appVersion: SCHEMA_V1_APP_VERSION, schemaVersion: 1, createdAt: SCHEMA_V1_CREATED_AT },
      webCrypto,
    );
    expect(written).toBe(text);
  });
});
