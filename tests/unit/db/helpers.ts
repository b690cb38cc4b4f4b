import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ClearDayDatabase } from '../../../renderer/db/database';
import type { Clock } from '../../../renderer/db/repository';

/** A database on its own fresh IDBFactory: tests never share state through Dexie's cache. */
export function freshDatabase(): ClearDayDatabase {
  return new ClearDayDatabase('clearday-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

export function fakeClock(start = '2026-11-22T08:00:00.000Z'): Clock {
  let ids = 0;
  let ms = Date.parse(start);
  return {
    nowInstant: () => {
      ms += 1000;
      return new Date(ms).toISOString();
    },
    newId: () => `id-${++ids}`,
  };
}
