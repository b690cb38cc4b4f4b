import { describe, expect, it, vi } from 'vitest';
import { FILE_SESSION_IDLE_MS, FileSessionError, createFileSessions, type SessionDialogs, type SessionFiles } from '../../../electron/file-sessions';
import { FileTooLargeError, fileFilters } from '../../../electron/file-handlers';
import { MAX_STREAMED_BYTES } from '../../../shared/ipc/contract';
import { FakeTime } from './reminder-fakes';

const TOKENS = ['0b5f6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b', '1c6a7b2f-4d3e-4f90-8b1c-2d3e4f5a6b7c'];
const SAVE_PATH = '/home/ana/Documents/账单.json';
const OPEN_PATH = '/home/ana/Downloads/backup.cdbackup';

function setup(options: { saveCanceled?: boolean; openCanceled?: boolean; text?: string; size?: number } = {}) {
  const disk = new Map<string, string>();
  const time = new FakeTime();
  let next = 0;
  const files = {
    writeFile: vi.fn<SessionFiles['writeFile']>(async (path, data) => void disk.set(path, data)),
    appendFile: vi.fn<SessionFiles['appendFile']>(async (path, data) => void disk.set(path, (disk.get(path) ?? '') + data)),
    rename: vi.fn<SessionFiles['rename']>(async (from, to) => {
      const text = disk.get(from);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      disk.set(to, text);
      disk.delete(from);
    }),
    rm: vi.fn<SessionFiles['rm']>(async (path) => void disk.delete(path)),
    size: vi.fn<SessionFiles['size']>(async () => options.size ?? 100),
    readText: vi.fn<SessionFiles['readText']>(async () => options.text ?? ''),
  };
  const dialogs = {
    showSaveDialog: vi.fn<SessionDialogs['showSaveDialog']>(async () => (options.saveCanceled ? { canceled: true } : { canceled: false, filePath: SAVE_PATH })),
    showOpenDialog: vi.fn<SessionDialogs['showOpenDialog']>(async () => (options.openCanceled ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [OPEN_PATH] })),
  };
  const sessions = createFileSessions({
    dialogs,
    files,
    timers: time.timerApi,
    randomUUID: () => TOKENS[next++ % TOKENS.length]!,
    filters: fileFilters,
    tooLarge: (size, limit) => new FileTooLargeError(size, limit),
    pid: 42,
  });
  const temporaries = () => [...disk.keys()].filter((path) => path.endsWith('.tmp'));
  return { disk, time, files, dialogs, sessions, temporaries };
}

describe('chunked save', () => {
  it('writes the chunks to a temporary file next to the chosen path and renames it after the final one', async () => {
    const { sessions, disk, dialogs, files, temporaries, time } = setup();
    const begun = await sessions.saveBegin({ suggestedName: '账单.json', extensions: ['json'] });
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith({ defaultPath: '账单.json', filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(begun).toEqual({ canceled: false, token: TOKENS[0], fileName: '账单.json' });
    const token = TOKENS[0]!;
    expect(await sessions.saveChunk({ token, index: 0, chunk: '{"名":', final: false })).toEqual({ saved: false });
    expect(await sessions.saveChunk({ token, index: 1, chunk: '"😀"', final: false })).toEqual({ saved: false });
    expect(disk.has(SAVE_PATH)).toBe(false);
    expect(temporaries()).toEqual([`/home/ana/Documents/.账单.json.42.${token}.tmp`]);
    expect(await sessions.saveChunk({ token, index: 2, chunk: '}', final: true })).toEqual({ saved: true });
    expect(disk.get(SAVE_PATH)).toBe('{"名":"😀"}');
    expect(temporaries()).toEqual([]);
    expect(files.appendFile).toHaveBeenLastCalledWith(expect.stringMatching(/\.tmp$/), '}', { encoding: 'utf8', flush: true });
    expect(time.pending).toBe(0);
    // The session ended with the final chunk.
    await expect(sessions.saveChunk({ token, index: 3, chunk: '', final: true })).rejects.toThrow(/^file-session-unknown: /);
  });

  it('a cancelled dialog starts no session', async () => {
    const { sessions, files } = setup({ saveCanceled: true });
    expect(await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] })).toEqual({ canceled: true });
    await expect(sessions.saveChunk({ token: TOKENS[0]!, index: 0, chunk: 'x', final: true })).rejects.toBeInstanceOf(FileSessionError);
    expect(files.writeFile).not.toHaveBeenCalled();
  });

  it('refuses an unknown token and chunks out of order', async () => {
    const { sessions, disk } = setup();
    await expect(sessions.saveChunk({ token: TOKENS[1]!, index: 0, chunk: 'x', final: true })).rejects.toThrow(/^file-session-unknown: /);
    await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] });
    const token = TOKENS[0]!;
    await expect(sessions.saveChunk({ token, index: 1, chunk: 'x', final: false })).rejects.toThrow(/^file-session-sequence: expected chunk 0, got 1$/);
    await sessions.saveChunk({ token, index: 0, chunk: 'a', final: false });
    await expect(sessions.saveChunk({ token, index: 2, chunk: 'c', final: true })).rejects.toThrow(/^file-session-sequence: /);
    expect(await sessions.saveChunk({ token, index: 1, chunk: 'b', final: true })).toEqual({ saved: true });
    expect(disk.get(SAVE_PATH)).toBe('ab');
  });

  it('an idle session expires after 10 minutes and its temporary file is removed', async () => {
    const { sessions, time, temporaries, disk } = setup();
    await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] });
    const token = TOKENS[0]!;
    await sessions.saveChunk({ token, index: 0, chunk: 'a', final: false });
    await time.advance(FILE_SESSION_IDLE_MS);
    expect(temporaries()).toEqual([]);
    await expect(sessions.saveChunk({ token, index: 1, chunk: 'b', final: true })).rejects.toThrow(/^file-session-unknown: /);
    expect(disk.has(SAVE_PATH)).toBe(false);
  });

  it('a failed write drops the session and its temporary file', async () => {
    const { sessions, files, temporaries } = setup();
    await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] });
    const token = TOKENS[0]!;
    await sessions.saveChunk({ token, index: 0, chunk: 'a', final: false });
    files.appendFile.mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
    await expect(sessions.saveChunk({ token, index: 1, chunk: 'b', final: false })).rejects.toThrow('ENOSPC');
    expect(temporaries()).toEqual([]);
    await expect(sessions.saveChunk({ token, index: 2, chunk: 'c', final: true })).rejects.toThrow(/^file-session-unknown: /);
  });

  it('chunks sent without waiting are still written in order', async () => {
    const { sessions, disk } = setup();
    await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] });
    const token = TOKENS[0]!;
    const results = await Promise.all([0, 1, 2].map((index) => sessions.saveChunk({ token, index, chunk: String(index), final: index === 2 })));
    expect(results).toEqual([{ saved: false }, { saved: false }, { saved: true }]);
    expect(disk.get(SAVE_PATH)).toBe('012');
  });
});

describe('chunked open', () => {
  const TEXT = '{"名称":"招商银行","emoji":"😀👨‍👩‍👧"}';

  it('reads the chosen file once and hands it out in slices; the session ends at the end', async () => {
    const { sessions, files, dialogs } = setup({ text: TEXT });
    const begun = await sessions.openBegin({ extensions: ['cdbackup'] });
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith({ filters: [{ name: 'CDBACKUP', extensions: ['cdbackup'] }], properties: ['openFile'] });
    expect(begun).toEqual({ canceled: false, token: TOKENS[0], fileName: 'backup.cdbackup', length: TEXT.length });
    const token = TOKENS[0]!;
    let rebuilt = '';
    for (let offset = 0; offset < TEXT.length; offset += 5) rebuilt += (await sessions.openChunk({ token, offset, length: 5 })).chunk;
    expect(rebuilt).toBe(TEXT);
    expect(files.readText).toHaveBeenCalledTimes(1);
    await expect(sessions.openChunk({ token, offset: 0, length: 5 })).rejects.toThrow(/^file-session-unknown: /);
  });

  it('a cancelled dialog reads nothing', async () => {
    const { sessions, files } = setup({ openCanceled: true });
    expect(await sessions.openBegin({ extensions: [] })).toEqual({ canceled: true });
    expect(files.size).not.toHaveBeenCalled();
    expect(files.readText).not.toHaveBeenCalled();
  });

  it('refuses files over MAX_STREAMED_BYTES before reading them', async () => {
    const { sessions, files } = setup({ size: MAX_STREAMED_BYTES + 1 });
    await expect(sessions.openBegin({ extensions: [] })).rejects.toThrow(/^file-too-large: .*up to 1024 MiB/);
    expect(files.readText).not.toHaveBeenCalled();
  });

  it('a text too long for a string is file-too-large too', async () => {
    const { sessions, files } = setup();
    files.readText.mockRejectedValueOnce(new RangeError('Invalid string length'));
    await expect(sessions.openBegin({ extensions: [] })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it('unknown tokens, save tokens and idle sessions are refused', async () => {
    const { sessions, time } = setup({ text: TEXT });
    await sessions.saveBegin({ suggestedName: 'a.json', extensions: [] });
    await expect(sessions.openChunk({ token: TOKENS[0]!, offset: 0, length: 1 })).rejects.toThrow(/^file-session-unknown: /);
    await sessions.openBegin({ extensions: [] });
    const token = TOKENS[1]!;
    expect(await sessions.openChunk({ token, offset: 0, length: 2 })).toEqual({ chunk: TEXT.slice(0, 2) });
    await time.advance(FILE_SESSION_IDLE_MS);
    await expect(sessions.openChunk({ token, offset: 2, length: 2 })).rejects.toThrow(/^file-session-unknown: /);
  });
});
