/**
 * Repository functions per entity. Every write validates against the shared schema first, so
 * bad input raises a DomainValidationError (translated by the UI) and nothing is written.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { validateEntity } from '../../shared/domain';

export interface Clock {
  /** Current instant as ISO 8601 UTC. */
  nowInstant(): string;
  newId(): string;
}

export const systemClock: Clock = {
  nowInstant: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

type Stamped = { id: string; createdAt: string; updatedAt: string };

export interface Repository<T extends Stamped> {
  list(): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  add(input: Omit<T, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }): Promise<T>;
  update(id: string, changes: Partial<Omit<T, 'id' | 'createdAt' | 'updatedAt'>>): Promise<T>;
  /** Like update, but fields left out are removed (clearing an optional field). */
  replace(id: string, row: Omit<T, 'id' | 'createdAt' | 'updatedAt'>): Promise<T>;
  /**
   * Saves an edit form. `base` is the row as the form opened it: only the fields the user changed
   * since then are written onto the row as it is now, so a change made meanwhile elsewhere (another
   * window or tab) survives. In 'replace' mode a field the form left out was cleared by the user;
   * in 'update' mode it is not the form's to touch. When the user and the other change set the
   * same field to different values, EditConflictError names the fields and nothing is written.
   */
  saveEdit(id: string, row: Omit<T, 'id' | 'createdAt' | 'updatedAt'>, base: T | undefined, mode?: 'replace' | 'update'): Promise<T>;
  remove(id: string): Promise<void>;
}

/** Not named NotFoundError: Dexie turns errors with DOM exception names into its own types. */
export class EntityNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'EntityNotFoundError';
  }
}

/** The row changed elsewhere since the form opened, in the same fields the user changed. */
export class EditConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly fields: readonly string[],
  ) {
    super(`${entity} ${id} was changed elsewhere: ${fields.join(', ')}`);
    this.name = 'EditConflictError';
  }
}

const STAMP_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);

/** Structural equality of stored values (plain objects, arrays, primitives); a missing field equals undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

export function createRepository<T extends Stamped>(
  entity: string,
  table: Table<T, string>,
  schema: z.ZodType<T>,
  clock: Clock = systemClock,
): Repository<T> {
  return {
    list: () => table.toArray(),
    get: (id) => table.get(id),
    async add(input) {
      const now = clock.nowInstant();
      const row = validateEntity(entity, schema, { ...input, id: input.id ?? clock.newId(), createdAt: now, updatedAt: now });
      await table.add(row);
      return row;
    },
    async update(id, changes) {
      return table.db.transaction('rw', table, async () => {
        const existing = await table.get(id);
        if (!existing) throw new EntityNotFoundError(entity, id);
        const row = validateEntity(entity, schema, { ...existing, ...changes, id, createdAt: existing.createdAt, updatedAt: clock.nowInstant() });
        await table.put(row);
        return row;
      });
    },
    async replace(id, input) {
      return table.db.transaction('rw', table, async () => {
        const existing = await table.get(id);
        if (!existing) throw new EntityNotFoundError(entity, id);
        const row = validateEntity(entity, schema, { ...input, id, createdAt: existing.createdAt, updatedAt: clock.nowInstant() });
        await table.put(row);
        return row;
      });
    },
    async saveEdit(id, input, base, mode = 'replace') {
      return table.db.transaction('rw', table, async () => {
        const existing = await table.get(id);
        // No base: the row was already gone when the form opened.
        if (!existing || !base) throw new EntityNotFoundError(entity, id);
        const mine = input as Record<string, unknown>;
        const before = base as Record<string, unknown>;
        const now = existing as Record<string, unknown>;
        const next: Record<string, unknown> = { ...now };
        const keys = new Set([...Object.keys(mine), ...(mode === 'replace' ? Object.keys(before) : [])]);
        const conflicts: string[] = [];
        for (const key of keys) {
          if (STAMP_FIELDS.has(key) || sameValue(mine[key], before[key])) continue;
          if (!sameValue(now[key], before[key]) && !sameValue(now[key], mine[key])) {
            conflicts.push(key);
            continue;
          }
          if (mine[key] === undefined) delete next[key];
          else next[key] = mine[key];
        }
        if (conflicts.length > 0) throw new EditConflictError(entity, id, conflicts);
        const row = validateEntity(entity, schema, { ...next, id, createdAt: existing.createdAt, updatedAt: clock.nowInstant() });
        await table.put(row);
        return row;
      });
    },
    async remove(id) {
      await table.delete(id);
    },
  };
}
