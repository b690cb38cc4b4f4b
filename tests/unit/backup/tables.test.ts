import { describe, expect, it } from 'vitest';
import { PRIMARY_KEYS, TABLE_NAMES, TABLE_SCHEMAS, UNIQUE_INDEXES } from '../../../shared/backup';
import { SCHEMA_V1 } from '../../../renderer/db/database';
import { SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';

describe('backup tables', () => {
  it('are exactly the database tables, in the same order', () => {
    expect([...TABLE_NAMES]).toEqual(Object.keys(SCHEMA_V1));
  });

  it('know each primary key and unique index of SCHEMA_V1', () => {
    for (const name of TABLE_NAMES) {
      const indexes = SCHEMA_V1[name].split(',').map((s) => s.trim());
      expect(PRIMARY_KEYS[name], name).toBe(indexes[0]);
      const unique = indexes.filter((s) => s.startsWith('&')).map((s) => s.replace(/^&\[?|\]$/g, '').split('+'));
      expect(UNIQUE_INDEXES[name] ?? [], name).toEqual(unique);
    }
  });

  it('accept the fixture rows with their schemas', () => {
    for (const name of TABLE_NAMES) {
      for (const row of SCHEMA_V1_ROWS[name]) expect(TABLE_SCHEMAS[name].safeParse(row).success, name).toBe(true);
    }
  });
});
