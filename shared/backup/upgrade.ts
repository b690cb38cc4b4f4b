/**
 * Upgrades the tables of an older backup, one schema version at a time, to the schema this build
 * writes. Each step mirrors the Dexie `.upgrade()` of the same version in renderer/db/database.ts,
 * so a backup taken before an update restores into the updated app. Steps see raw rows (before
 * validation, which always runs against the current schemas), must not mutate their input, and
 * keep row order so error details (`table:index`) point into the upgraded table.
 */
import { BackupError } from './errors';

/** The newest schema version this build understands (SCHEMA_VERSION in renderer/db/database.ts). */
export const LATEST_SCHEMA_VERSION = 1;

export type RawTables = Readonly<Record<string, readonly unknown[]>>;

export interface UpgradeStep {
  /** Upgrades tables of schema version `from` to `from + 1`. */
  readonly from: number;
  readonly upgrade: (tables: RawTables) => RawTables;
}

/** Version 1 is the first schema: nothing to upgrade yet. Add `{ from: 1, upgrade }` with schema 2. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [];

export function upgradeTables(tables: RawTables, fromSchemaVersion: number, toSchemaVersion: number, steps: readonly UpgradeStep[] = UPGRADE_STEPS): RawTables {
  if (!Number.isInteger(fromSchemaVersion) || fromSchemaVersion < 1) throw new BackupError('corrupt', `schema:${fromSchemaVersion}`);
  if (fromSchemaVersion > toSchemaVersion) throw new BackupError('newer-version', `schema:${fromSchemaVersion}`);
  let current = tables;
  for (let version = fromSchemaVersion; version < toSchemaVersion; version++) {
    const found = steps.find((s) => s.from === version);
    if (!found) throw new BackupError('unsupported-version', `schema:${version}`);
    current = found.upgrade(current);
  }
  return current;
}
