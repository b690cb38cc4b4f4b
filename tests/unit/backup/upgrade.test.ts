import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, type RawTables, UPGRADE_STEPS, type UpgradeStep, upgradeTables } from '../../../shared/backup';
import { SCHEMA_VERSION } from '../../../renderer/db/database';
import { expectCode } from './helpers';

const tables: RawTables = { transactions: [{ id: 't1', amount: -100 }], settings: [] };

describe('upgradeTables', () => {
  it('is the identity from the current schema to itself', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
    expect(upgradeTables(tables, 1, 1)).toBe(tables);
    expect(UPGRADE_STEPS.every((s) => s.from < LATEST_SCHEMA_VERSION)).toBe(true);
  });

  it('runs each step in order from the file version to the current one', () => {
    // Synthetic schema 2 renames amount to cents; schema 3 adds a goals table.
    const steps: UpgradeStep[] = [
      {
        from: 2,
        upgrade: (t) => ({ ...t, goals: [] }),
      },
      {
        from: 1,
        upgrade: (t) => ({
          ...t,
          transactions: (t.transactions ?? []).map((row) => {
            const { amount, ...rest } = row as { amount: number };
            return { ...rest, cents: amount };
          }),
        }),
      },
    ];
    const snapshot = structuredClone(tables);
    expect(upgradeTables(tables, 1, 3, steps)).toEqual({ transactions: [{ id: 't1', cents: -100 }], settings: [], goals: [] });
    expect(upgradeTables(tables, 2, 3, steps)).toEqual({ ...tables, goals: [] });
    expect(upgradeTables(tables, 1, 2, steps)).not.toHaveProperty('goals');
    expect(tables).toEqual(snapshot);
  });

  it('refuses a gap in the steps, a newer source and a version below 1', async () => {
    const steps: UpgradeStep[] = [{ from: 1, upgrade: (t) => t }];
    await expectCode(() => upgradeTables(tables, 1, 3, steps), 'unsupported-version', 'schema:2');
    await expectCode(() => upgradeTables(tables, 1, 2), 'unsupported-version', 'schema:1');
    await expectCode(() => upgradeTables(tables, 3, 2, steps), 'newer-version', 'schema:3');
    await expectCode(() => upgradeTables(tables, 0, 1, steps), 'corrupt', 'schema:0');
  });
});
