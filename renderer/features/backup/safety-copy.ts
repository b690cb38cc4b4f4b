/**
 * In a browser the copy taken before a restore is a download the user may cancel or lose, so it
 * is also kept here, in a database of its own beside Clearday's (one copy, the latest).
 */
import Dexie, { type Table } from 'dexie';

interface SafetyCopy {
  id: 'before-restore';
  createdAt: string;
  text: string;
}

class SafetyDatabase extends Dexie {
  copies!: Table<SafetyCopy, string>;
  constructor(dependencies?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super('clearday-safety', dependencies);
    this.version(1).stores({ copies: 'id' });
  }
}

export async function keepSafetyCopy(text: string, createdAt: string, dependencies?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<void> {
  const db = new SafetyDatabase(dependencies);
  try {
    await db.copies.put({ id: 'before-restore', createdAt, text });
  } finally {
    db.close();
  }
}

export async function loadSafetyCopy(dependencies?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<{ createdAt: string; text: string } | undefined> {
  const db = new SafetyDatabase(dependencies);
  try {
    return await db.copies.get('before-restore');
  } finally {
    db.close();
  }
}
