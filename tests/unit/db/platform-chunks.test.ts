import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_CHARS } from '../../../shared/ipc/contract';
import { openLargeTextFile, readBackupStreamed, saveLargeTextFile, writeBackupStreamed } from '../../../renderer/platform';

type Call = { channel: string; request: Record<string, unknown> };

/** A desktop bridge that answers the chunk channels from memory, recording every call. */
function fakeDesktop(stored: string) {
  const calls: Call[] = [];
  const written: string[] = [];
  const bridge = {
    invoke: async (channel: string, request: Record<string, unknown>) => {
      calls.push({ channel, request });
      if (channel === 'backup:writeChunk' || channel === 'file:saveChunk') {
        written.push(request.chunk as string);
        return channel === 'file:saveChunk' ? { saved: request.final === true } : { fileName: request.fileName, removed: [], complete: request.final === true };
      }
      if (channel === 'file:saveBegin') return { canceled: false, token: 't', fileName: 'x.cdbackup' };
      if (channel === 'file:openBegin') return { canceled: false, token: 't', fileName: 'x.cdbackup', length: stored.length };
      const offset = request.offset as number;
      const chunk = stored.slice(offset, offset + (request.length as number));
      return channel === 'backup:readChunk' ? { chunk, total: stored.length } : { chunk };
    },
    on: () => () => undefined,
  };
  (globalThis as unknown as { window: unknown }).window = { clearday: bridge };
  return { calls, written };
}

afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

// Over two chunks, with an emoji right where a cut would fall.
const big = `${'a'.repeat(CHUNK_CHARS - 1)}😀${'中'.repeat(CHUNK_CHARS)}end`;

describe('large files cross the bridge in chunks', () => {
  it('writes a backup in order, never splitting a surrogate pair, the last chunk final', async () => {
    const { calls, written } = fakeDesktop('');
    const result = await writeBackupStreamed('clearday-2026-11-22T08-00-00Z.cdbackup', big, 'daily');
    expect(result?.complete).toBe(true);
    expect(written.join('')).toBe(big);
    expect(calls.map((c) => [c.request.index, c.request.final])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(written[0]?.endsWith('a')).toBe(true);
  });

  it('reads a backup and an opened file back exactly, and saves through a session', async () => {
    fakeDesktop(big);
    expect(await readBackupStreamed('clearday-2026-11-22T08-00-00Z.cdbackup')).toBe(big);
    expect(await openLargeTextFile(['cdbackup'])).toEqual({ fileName: 'x.cdbackup', content: big });
    const { written } = fakeDesktop('');
    expect(await saveLargeTextFile('x.cdbackup', big, ['cdbackup'])).toEqual({ saved: true });
    expect(written.join('')).toBe(big);
  });
});
