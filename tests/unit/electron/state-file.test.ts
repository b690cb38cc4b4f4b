import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createStateFile, parseStateText, type StateFileSystem } from '../../../electron/state-file';
import { MemoryFs, errno } from './memory-fs';

const FOLDER = '/data/Clearday/state';
const FILE = `${FOLDER}/example.json`;
const TEMPORARY = `${FILE}.4242.tmp`;
const Schema = z.object({ count: z.number().int() }).strict();

function setup(options: { fs?: MemoryFs; platform?: NodeJS.Platform } = {}) {
  const fs = options.fs ?? new MemoryFs([FOLDER]);
  const onUnreadable = vi.fn();
  const log = vi.fn();
  const file = createStateFile({ path: FILE, fs, schema: Schema, onUnreadable, log, pid: 4242, platform: options.platform ?? 'linux' });
  return { fs, file, onUnreadable, log };
}

describe('state files: saving', () => {
  it('writes a temporary file, syncs and closes it, renames it over the file, then syncs the folder', async () => {
    const { fs, file } = setup({ fs: new MemoryFs(['/data/Clearday']) });
    await file.save({ count: 1 });
    expect(fs.ops).toEqual([
      `mkdir ${FOLDER}`,
      `open ${TEMPORARY}`,
      `write ${TEMPORARY}`,
      `sync ${TEMPORARY}`,
      `close ${TEMPORARY}`,
      `rename ${TEMPORARY} -> ${FILE}`,
      `open ${FOLDER}`,
      `sync ${FOLDER}`,
      `close ${FOLDER}`,
    ]);
    // What a power cut right now would keep: the new content under the real name.
    expect(fs.isDurable(FILE)).toBe(true);
    expect(fs.text(FILE)).toBe('{"count":1}\n');
    expect(fs.namesIn(FOLDER)).toEqual(['example.json']);
    expect(await file.load()).toEqual({ count: 1 });
  });

  it('without the syncs the fake would lose the save in a power cut (the check the store tests rely on)', async () => {
    const fs = new MemoryFs([FOLDER]);
    await fs.writeFile(TEMPORARY, '{"count":1}\n', { encoding: 'utf8', flush: false });
    await fs.rename(TEMPORARY, FILE);
    expect(fs.isDurable(FILE)).toBe(false);
    const handle = await fs.open(FOLDER, 'r');
    await handle.sync();
    // The name is on disk now, the data still is not.
    expect(fs.isDurable(FILE)).toBe(false);
  });

  it('on Windows the folder is not opened (it cannot be fsynced there); the file still is', async () => {
    const { fs, file } = setup({ platform: 'win32' });
    await file.save({ count: 2 });
    expect(fs.ops).toEqual([`open ${TEMPORARY}`, `write ${TEMPORARY}`, `sync ${TEMPORARY}`, `close ${TEMPORARY}`, `rename ${TEMPORARY} -> ${FILE}`]);
    expect(fs.open).not.toHaveBeenCalledWith(FOLDER, 'r');
  });

  it.each([
    ['the write', 'write', 'ENOSPC'],
    ['the sync', 'sync', 'EIO'],
    ['the open', 'open', 'EACCES'],
  ] as const)('a failure of %s leaves the previous file whole, removes the temporary file and rejects', async (_label, op, code) => {
    const fs = new MemoryFs([], { [FILE]: '{"count":1}\n' });
    const { file } = setup({ fs });
    fs.fault = (failing, path) => (failing === op && path === TEMPORARY ? errno(code, path) : undefined);
    await expect(file.save({ count: 2 })).rejects.toThrow(code);
    expect(fs.text(FILE)).toBe('{"count":1}\n');
    expect(fs.namesIn(FOLDER)).toEqual(['example.json']);
    expect(fs.ops).not.toContain(`rename ${TEMPORARY} -> ${FILE}`);
    // A handle that was opened is closed again.
    if (op !== 'open') expect(fs.ops).toContain(`close ${TEMPORARY}`);
    fs.fault = undefined;
    expect(await file.load()).toEqual({ count: 1 });
  });

  it('a failed rename leaves the previous file whole and no temporary file behind', async () => {
    const fs = new MemoryFs([], { [FILE]: '{"count":1}\n' });
    const { file } = setup({ fs });
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(errno('EIO', FILE));
    await expect(file.save({ count: 2 })).rejects.toThrow('EIO');
    expect(fs.text(FILE)).toBe('{"count":1}\n');
    expect(fs.namesIn(FOLDER)).toEqual(['example.json']);
  });

  it('a folder that refuses fsync after the rename is logged; the save still counts', async () => {
    const { fs, file, log } = setup();
    fs.fault = (op, path) => (op === 'sync' && path === FOLDER ? errno('EINVAL', path) : undefined);
    await expect(file.save({ count: 3 })).resolves.toBeUndefined();
    expect(fs.text(FILE)).toBe('{"count":3}\n');
    expect(fs.ops.at(-1)).toBe(`close ${FOLDER}`);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/folder of .*example\.json not synced: EINVAL/));
  });

  it('queues saves of one file, also from two stores, and keeps going after a failed one', async () => {
    const { fs, file } = setup();
    const other = createStateFile({ path: FILE, fs, schema: Schema, pid: 4242, platform: 'linux' });
    let failures = 1;
    fs.fault = (op) => {
      if (op !== 'write' || failures === 0) return undefined;
      failures -= 1;
      return errno('ENOSPC', TEMPORARY);
    };
    const saves = [file.save({ count: 1 }), other.save({ count: 2 }), file.save({ count: 3 })];
    const results = await Promise.allSettled(saves);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    // Each save ran whole before the next opened the temporary file again.
    const opens = fs.ops.flatMap((op, index) => (op === `open ${TEMPORARY}` ? [index] : []));
    const closes = fs.ops.flatMap((op, index) => (op === `close ${TEMPORARY}` ? [index] : []));
    expect(opens).toHaveLength(3);
    for (const [index, at] of opens.entries()) expect(closes[index]).toBeGreaterThan(at);
    for (let index = 1; index < opens.length; index += 1) expect(opens[index]).toBeGreaterThan(closes[index - 1]!);
    expect(await file.load()).toEqual({ count: 3 });
  });

  it('serialises the value when save is called, not when the queue reaches it', async () => {
    const { file } = setup();
    const value = { count: 1 };
    const first = file.save({ count: 0 });
    const second = file.save(value);
    value.count = 99;
    await Promise.all([first, second]);
    expect(await file.load()).toEqual({ count: 1 });
  });
});

describe('state files: reading', () => {
  it('a missing file is undefined and not called unreadable', async () => {
    const { file, onUnreadable } = setup();
    expect(await file.load()).toBeUndefined();
    expect(onUnreadable).not.toHaveBeenCalled();
  });

  it.each(['', '{"count": 1', '[]', '{"count":"1"}', '{"count":1,"extra":true}', 'null'])('%j is unreadable: undefined, and said so', async (text) => {
    const { file, onUnreadable } = setup({ fs: new MemoryFs([], { [FILE]: text }) });
    expect(await file.load()).toBeUndefined();
    expect(onUnreadable).toHaveBeenCalledTimes(1);
  });

  it('reads through a byte-order mark and applies the migration before the schema', async () => {
    const fs = new MemoryFs([], { [FILE]: '\uFEFF{"total":5}' });
    const file = createStateFile({ path: FILE, fs, schema: Schema, migrate: (raw) => ({ count: (raw as { total: number }).total }) });
    expect(await file.load()).toEqual({ count: 5 });
    expect(parseStateText('{"total":5}', Schema)).toBeUndefined();
  });
});

describe('state files on a real disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('node:fs/promises is a StateFileSystem: the file and its folder sync, and nothing else is left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clearday-state-file-'));
    const path = join(dir, 'state', 'example.json');
    const fs: StateFileSystem = { readFile: (file) => readFile(file), open, rename, rm, mkdir };
    const log = vi.fn();
    const file = createStateFile({ path, fs, schema: Schema, log });
    await file.save({ count: 7 });
    await file.save({ count: 8 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ count: 8 });
    expect(readdirSync(join(dir, 'state'))).toEqual(['example.json']);
    expect(await file.load()).toEqual({ count: 8 });
    if (process.platform !== 'win32') expect(log).not.toHaveBeenCalled();
  });
});
