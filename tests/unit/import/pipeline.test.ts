import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBillFile } from '../../../renderer/features/import/pipeline';
import { ImportParseError } from '../../../shared/import';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));

async function failure(promise: Promise<unknown>): Promise<ImportParseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readBillFile (bytes to a parsed bill)', () => {
  it('detects each fixture by its content and decodes it with the right encoding', async () => {
    const alipay = await readBillFile(fixture('alipay-2026-09.csv'));
    expect(alipay).toMatchObject({ kind: 'bill', encoding: 'gb18030', bill: { format: 'alipay' } });
    expect(alipay.kind === 'bill' && alipay.bill.rows).toHaveLength(10);
    expect(await readBillFile(fixture('jd-2026-09.csv'))).toMatchObject({ kind: 'bill', encoding: 'utf-8', bill: { format: 'jd' } });
    expect(await readBillFile(fixture('wechat-2026-09.csv'))).toMatchObject({ kind: 'bill', bill: { format: 'wechat' } });
    expect(await readBillFile(fixture('card-2026-09.ofx'))).toMatchObject({ kind: 'bill', encoding: 'windows-1252', bill: { format: 'ofx' } });
    expect(await readBillFile(fixture('checking-2026-09.qif'))).toMatchObject({ kind: 'bill', qifOrder: 'mdy', bill: { format: 'qif' } });
    const wechat = await readBillFile(fixture('wechat-2025-08.xlsx'));
    expect(wechat).toMatchObject({ kind: 'bill', encoding: 'xlsx', bill: { format: 'wechat' } });
    expect(wechat.kind === 'bill' && wechat.bill.rows.map((row) => row.amount)).toEqual([-650, 6600, -320000, -200000, -4580, 4580, -50000]);
  });

  it('a bank table stops at the column mapping; prose, empty files, wrong encodings and cut .xlsx files are refused by name', async () => {
    const table = await readBillFile(new TextEncoder().encode('Date;Text;Amount\n2026-09-01;Coffee;-4,50\n2026-09-02;Salary;100,00\n'));
    expect(table).toMatchObject({ kind: 'csv', preview: { delimiter: ';', headerLineGuess: 1 } });
    expect((await failure(readBillFile(new TextEncoder().encode('Dear diary, today I bought nothing.')))).code).toBe('not-a-bill');
    expect((await failure(readBillFile(new Uint8Array()))).code).toBe('empty');
    // Alipay's GB18030 bytes forced through UTF-8 come out garbled.
    expect((await failure(readBillFile(fixture('alipay-2026-09.csv'), { encoding: 'utf-8' }))).code).toBe('encoding');
    const xlsx = fixture('wechat-2025-08.xlsx');
    expect((await failure(readBillFile(xlsx.subarray(0, Math.floor(xlsx.length / 2))))).code).toBe('not-a-bill');
  });

  it('random bytes are read or refused with ImportParseError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          // A zip signature in front of junk reaches the .xlsx reader.
          fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
          fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([0xef, 0xbb, 0xbf, ...tail])),
        ),
        async (bytes) => {
          try {
            await readBillFile(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportParseError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
