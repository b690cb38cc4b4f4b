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
    async remove(id) {
      await table.delete(id);
    },
  };
}
