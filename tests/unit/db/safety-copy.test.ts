import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { keepSafetyCopy, loadSafetyCopy } from '../../../renderer/features/backup/safety-copy';

describe('the browser’s copy from before a restore', () => {
  it('keeps the latest copy only', async () => {
    const dependencies = { indexedDB: new IDBFactory(), IDBKeyRange };
    expect(await loadSafetyCopy(dependencies)).toBeUndefined();
    await keepSafetyCopy('first', '2026-11-22T08:00:00.000Z', dependencies);
    await keepSafetyCopy('second', '2026-11-23T08:00:00.000Z', dependencies);
    expect(await loadSafetyCopy(dependencies)).toEqual({ id: 'before-restore', createdAt: '2026-11-23T08:00:00.000Z', text: 'second' });
  });
});
