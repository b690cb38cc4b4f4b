import { describe, expect, it } from 'vitest';
import { startupProblemOf } from '../../../renderer/db/storage-problem';

/** Errors shaped as Dexie and Chromium report them when IndexedDB cannot be opened. */
function dexieError(name: string, message: string, inner?: { name: string; message: string }) {
  return Object.assign(new Error(message), { name, ...(inner ? { inner } : {}) });
}

describe('start-up failures are sorted by what the user can do', () => {
  it('recognises a full disk, a damaged store, a newer database and the rest', () => {
    expect(startupProblemOf(dexieError('OpenFailedError', 'QuotaExceededError', { name: 'QuotaExceededError', message: 'The quota has been exceeded.' }))).toBe('quota');
    expect(startupProblemOf(dexieError('OpenFailedError', 'UnknownError Internal error opening backing store for indexedDB.open.', { name: 'UnknownError', message: 'Internal error opening backing store for indexedDB.open.' }))).toBe('damaged');
    expect(startupProblemOf(dexieError('VersionError', 'The requested version (10) is less than the existing version (20).'))).toBe('newer');
    expect(startupProblemOf(new Error('something else'))).toBe('other');
    expect(startupProblemOf('not even an error')).toBe('other');
  });
});
