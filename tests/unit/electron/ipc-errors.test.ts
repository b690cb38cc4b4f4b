/** The one list of IPC error codes: one style, and every error the main process throws carries a code of it. */
import { describe, expect, it } from 'vitest';
import { BackupStorageError } from '../../../electron/backup-store';
import { FileTooLargeError } from '../../../electron/file-handlers';
import { FileSessionError } from '../../../electron/file-sessions';
import { IPC_ERROR_CODES, codedMessage, ipcErrorCode } from '../../../shared/ipc/errors';

describe('IPC error codes', () => {
  it('are kebab-case, each once, each in its channel group', () => {
    for (const code of IPC_ERROR_CODES) expect(code).toMatch(/^(backup|file)(-[a-z]+)+$/);
    expect(new Set(IPC_ERROR_CODES).size).toBe(IPC_ERROR_CODES.length);
  });

  it('are found again in the message Electron hands the renderer, wherever invoke put them', () => {
    for (const code of IPC_ERROR_CODES) {
      const message = codedMessage(code, 'some detail: with a colon');
      expect(message).toBe(`${code}: some detail: with a colon`);
      expect(ipcErrorCode(new Error(message))).toBe(code);
      expect(ipcErrorCode(new Error(`Error invoking remote method 'backup:readChunk': BackupStorageError: ${message}`))).toBe(code);
      expect(ipcErrorCode(message)).toBe(code);
    }
  });

  it('only codes of the list count: other kebab words, the old upper-case codes and non-errors do not', () => {
    expect(ipcErrorCode(new Error('backup-unknown-thing: x'))).toBeUndefined();
    expect(ipcErrorCode(new Error('FILE_TOO_LARGE: the file is 2 GiB'))).toBeUndefined();
    expect(ipcErrorCode(new Error("Error invoking remote method 'backup:readChunk': Error: EACCES: permission denied"))).toBeUndefined();
    expect(ipcErrorCode(new Error('a well-known problem: file-too-large'))).toBeUndefined();
    // A detail that names another code does not hide the first.
    expect(ipcErrorCode(new Error('backup-io-failed: file-too-large: x'))).toBe('backup-io-failed');
    expect(ipcErrorCode(undefined)).toBeUndefined();
    expect(ipcErrorCode({ message: 'backup-busy: 3' })).toBeUndefined();
  });

  it('every error class of the main process speaks the wire format', () => {
    const errors = [new BackupStorageError('backup-busy', '3'), new FileSessionError('file-session-limit', '4 file sessions are open'), new FileTooLargeError(2 ** 31, 2 ** 30)];
    expect(errors.map((error) => ipcErrorCode(error))).toEqual(['backup-busy', 'file-session-limit', 'file-too-large']);
    for (const error of errors) expect(error.message).toMatch(/^[a-z]+(-[a-z]+)+: \S/);
  });
});
