import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, createBackup, inspectBackup, readBackup } from '../../../shared/backup';
import { SCHEMA_V1_APP_VERSION, SCHEMA_V1_CREATED_AT, SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';
import { webCrypto } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/backup/${name}`, import.meta.url), 'utf8');

describe('schema-v1.cdbackup', () => {
  const text = fixture('schema-v1.cdbackup');

  it('previews with its header', () => {
    expect(inspectBackup(text, { currentSchemaVersion: 1 })).toEqual({
      formatVersion: 1,
      appVersion: SCHEMA_V1_APP_VERSION,
      schemaVersion: 1,
      createdAt: SCHEMA_V1_CREATED_AT,
      counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, SCHEMA_V1_ROWS[name].length])),
      totalRows: 21,
      encrypted: false,
      transactionDates: { earliest: '2026-11-14', latest: '2026-11-14' },
    });
  });

  it('restores every row of every table with its values', async () => {
    const { tables } = await readBackup(text, webCrypto, { currentSchemaVersion: 1 });
    for (const name of TABLE_NAMES) {
      expect(tables[name].length, name).toBeGreaterThan(0);
      expect(tables[name], name).toEqual(SCHEMA_V1_ROWS[name]);
    }
    const attachment = tables.attachments[0] as { data: Uint8Array; size: number };
    expect(attachment.data).toBeInstanceOf(Uint8Array);
    expect([...attachment.data.subarray(0, 5)]).toEqual([37, 80, 68, 70, 45]);
    expect(attachment.data.length).toBe(attachment.size);
  });

  it('is what the current writer produces, byte for byte, while schema 1 is current', async () => {
    // When the writer changes, keep this file frozen and point this test at the newest fixture.
    const written = await createBackup(
      { tables: SCHEMA_V1_ROWS, appVersion: SCHEMA_V1_APP_VERSION, schemaVersion: 1, createdAt: SCHEMA_V1_CREATED_AT },
      webCrypto,
    );
    expect(written).toBe(text);
  });
});
