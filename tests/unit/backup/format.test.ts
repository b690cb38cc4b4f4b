import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  backupChecksum,
  base64Encode,
  canonicalJson,
  deriveKey,
  encrypt,
  utf8Encode,
  BackupError,
  type CryptoLike,
  DEFAULT_PBKDF2_ITERATIONS,
  type Pbkdf2ParamsLike,
  createBackup,
  inspectBackup,
  readBackup,
} from '../../../shared/backup';
import { ATTACHMENT_BYTES, SCHEMA_V1_CREATED_AT, SCHEMA_V1_ROWS } from '../../fixtures/backup/schema-v1-rows';
import { FAST, backupError, edit, expectCode, flipBase64, input, stubCrypto, webCrypto } from './helpers';

const read = (text: string, passphrase?: string) => readBackup(text, webCrypto, { passphrase, currentSchemaVersion: 1 });

/** The summary of a plain file's preview. */
function plainSummary(text: string) {
  const preview = inspectBackup(text);
  if (preview.encrypted) throw new Error('expected a plain backup');
  return preview.summary;
}

/** A format 2 encrypted file around any contents, written with the format's own primitives (for contents the writer would refuse). */
async function sealContents(contents: unknown, passphrase: string): Promise<string> {
  const salt = webCrypto.getRandomValues(new Uint8Array(16));
  const iv = webCrypto.getRandomValues(new Uint8Array(12));
  const { key, keyCheck } = await deriveKey(webCrypto, passphrase, salt, 1_000);
  const encryption = {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000, salt: base64Encode(salt) },
    cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
    keyCheck: base64Encode(keyCheck),
  };
  const aad = utf8Encode(canonicalJson({ format: BACKUP_FORMAT, formatVersion: 2, encryption }));
  const data = base64Encode(await encrypt(webCrypto, key, iv, aad, utf8Encode(JSON.stringify(contents))));
  const doc: Record<string, unknown> = { format: BACKUP_FORMAT, formatVersion: 2, encryption, data };
  doc.checksum = await backupChecksum(doc, webCrypto);
  return JSON.stringify(doc);
}

const plain = await createBackup(input(), webCrypto);
const encrypted = await createBackup(input(), webCrypto, { passphrase: '正确 horse battery', ...FAST });

describe('round trip', () => {
  it('restores every row of every table from a plain backup, bytes and settings values included', async () => {
    const { tables, summary } = await read(plain);
    expect(tables).toEqual(SCHEMA_V1_ROWS);
    const data = (tables.attachments[0] as { data: unknown }).data;
    expect(data).toBeInstanceOf(Uint8Array);
    expect(data).toEqual(ATTACHMENT_BYTES);
    expect(tables.settings).toEqual([
      { key: 'language', value: 'zh-CN' },
      { key: 'test.escaping', value: { $bytes: 'not bytes', $$twice: [1, null, true], plain: { 'a$': -0.5 } } },
    ]);
    expect(summary).toEqual({
      formatVersion: 2,
      appVersion: '0.1.0',
      schemaVersion: 1,
      createdAt: SCHEMA_V1_CREATED_AT,
      counts: expect.objectContaining({ transactions: 1, settings: 2, attachments: 1 }),
      totalRows: 21,
      encrypted: false,
      transactionDates: { earliest: '2026-11-14', latest: '2026-11-14' },
    });
  });

  it('restores every row from an encrypted backup, and hides them in the file', async () => {
    const { tables, summary } = await read(encrypted, '正确 horse battery');
    expect(tables).toEqual(SCHEMA_V1_ROWS);
    expect((tables.attachments[0] as { data: unknown }).data).toEqual(ATTACHMENT_BYTES);
    expect(summary).toMatchObject({ formatVersion: 2, appVersion: '0.1.0', schemaVersion: 1, createdAt: SCHEMA_V1_CREATED_AT, totalRows: 21, encrypted: true });
    expect(summary.transactionDates).toEqual({ earliest: '2026-11-14', latest: '2026-11-14' });
    for (const secret of ['招商银行', 'inst-cmb', 'Loan repayment', 'zh-CN', 'JVBERi0']) expect(encrypted).not.toContain(secret);
    const doc = JSON.parse(encrypted) as { encryption: { kdf: Record<string, unknown>; cipher: Record<string, unknown> } };
    expect(doc.encryption.kdf).toEqual({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000, salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) });
    expect(doc.encryption.cipher).toEqual({ name: 'AES-GCM', iv: expect.stringMatching(/^[A-Za-z0-9+/]{16}$/) });
  });

  it('reads nothing of an encrypted file but how to decrypt it: no dates, no versions, no counts', () => {
    const doc = JSON.parse(encrypted) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'encryption', 'checksum', 'data']);
    expect(Object.keys(doc.encryption as object).sort()).toEqual(['cipher', 'kdf', 'keyCheck']);
    // Nothing of the header appears anywhere in the file, in any field.
    for (const hidden of ['2026-11-22', 'createdAt', 'appVersion', 'schemaVersion', 'counts', 'transactions', '0.1.0']) expect(encrypted).not.toContain(hidden);
    expect(inspectBackup(encrypted)).toEqual({ encrypted: true, formatVersion: 2 });
  });

  it('accepts the passphrase in another Unicode normal form', async () => {
    const text = await createBackup(input({ settings: [{ key: 'a', value: 1 }] }), webCrypto, { passphrase: 'caf\u00e9', ...FAST });
    await expect(read(text, 'cafe\u0301')).resolves.toBeDefined();
  });

  it('uses a fresh salt and IV each time', async () => {
    const again = await createBackup(input(), webCrypto, { passphrase: '正确 horse battery', ...FAST });
    const params = (text: string) => {
      const { kdf, cipher } = (JSON.parse(text) as { encryption: { kdf: { salt: string }; cipher: { iv: string } } }).encryption;
      return [kdf.salt, cipher.iv];
    };
    expect(params(again)[0]).not.toBe(params(encrypted)[0]);
    expect(params(again)[1]).not.toBe(params(encrypted)[1]);
  });

  it('writes the same plain file for the same rows, header first', async () => {
    expect(await createBackup(input(), webCrypto)).toBe(plain);
    expect(plain.startsWith(`{"format":"${BACKUP_FORMAT}","formatVersion":2,"appVersion":"0.1.0","schemaVersion":1,`)).toBe(true);
  });

  it('reads a file an editor saved with a byte-order mark', async () => {
    await expect(read(`\ufeff${plain}`)).resolves.toBeDefined();
    expect(inspectBackup(`\ufeff${plain}`).encrypted).toBe(false);
  });

  it('still reads a re-indented file with its keys in another order', async () => {
    const doc = JSON.parse(plain) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    await expect(read(JSON.stringify(reordered, null, 2))).resolves.toBeDefined();
  });

  it('restores empty tables and reports no transaction dates', async () => {
    const text = await createBackup(input({}), webCrypto);
    const { tables, summary } = await read(text);
    expect(Object.values(tables).every((rows) => rows.length === 0)).toBe(true);
    expect(summary.totalRows).toBe(0);
    expect(summary.transactionDates).toBeUndefined();
  });

  it('drops undefined optional fields, as the database would', async () => {
    const row = { ...SCHEMA_V1_ROWS.transactions[0], note: undefined };
    const { tables } = await read(await createBackup(input({ ...SCHEMA_V1_ROWS, transactions: [row] }), webCrypto));
    expect(tables.transactions[0]).not.toHaveProperty('note');
  });

  it('computes the transaction date range', async () => {
    const base = SCHEMA_V1_ROWS.transactions[0];
    const transactions = ['2026-05-02', '2024-12-31', '2026-11-01'].map((date, i) => ({ ...base, id: `t${i}`, date }));
    const text = await createBackup(input({ ...SCHEMA_V1_ROWS, transactions }), webCrypto);
    expect(plainSummary(text).transactionDates).toEqual({ earliest: '2024-12-31', latest: '2026-11-01' });
    expect((await read(text)).summary.transactionDates).toEqual({ earliest: '2024-12-31', latest: '2026-11-01' });
  });
});

describe('key derivation', () => {
  it('defaults to at least 600,000 PBKDF2 iterations (checked with a stub that runs 1)', async () => {
    const asked: number[] = [];
    const stub = stubCrypto({
      deriveBits: (params: Pbkdf2ParamsLike, key, length) => {
        asked.push(params.iterations);
        return webCrypto.subtle.deriveBits({ ...params, iterations: 1 }, key, length);
      },
    });
    const text = await createBackup(input(), stub, { passphrase: 'pw' });
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(asked).toEqual([DEFAULT_PBKDF2_ITERATIONS]);
    expect((JSON.parse(text) as { encryption: { kdf: { iterations: number } } }).encryption.kdf.iterations).toBe(DEFAULT_PBKDF2_ITERATIONS);
    // The reader derives with the file's count.
    await readBackup(text, stub, { passphrase: 'pw', currentSchemaVersion: 1 });
    expect(asked).toEqual([DEFAULT_PBKDF2_ITERATIONS, DEFAULT_PBKDF2_ITERATIONS]);
  });

  it('turns a failing WebCrypto into crypto-failed', async () => {
    await expectCode(() => createBackup(input({}), stubCrypto({ digest: () => Promise.reject(new Error('boom')) })), 'crypto-failed', 'digest');
    const noBits = stubCrypto({ deriveBits: () => Promise.reject(new Error('boom')) });
    await expectCode(() => createBackup(input({}), noBits, { passphrase: 'x', ...FAST }), 'crypto-failed', 'derive');
    const noRandom: CryptoLike = {
      ...stubCrypto({}),
      getRandomValues: () => {
        throw new Error('boom');
      },
    };
    await expectCode(() => createBackup(input({}), noRandom, { passphrase: 'x', ...FAST }), 'crypto-failed', 'random');
  });
});

describe('passphrases', () => {
  it('asks for a passphrase, refuses a wrong one', async () => {
    await expectCode(() => read(encrypted), 'passphrase-needed');
    await expectCode(() => read(encrypted, ''), 'passphrase-needed');
    await expectCode(() => read(encrypted, '正确 horse batterY'), 'wrong-passphrase');
  });

  it('ignores a passphrase given for a plain backup', async () => {
    await expect(read(plain, 'anything')).resolves.toBeDefined();
  });

  it('refuses an empty passphrase and bad iteration counts when writing', async () => {
    await expectCode(() => createBackup(input(), webCrypto, { passphrase: '' }), 'invalid-options', 'passphrase');
    for (const iterations of [0, -1, 1.5, 10_000_001]) {
      await expectCode(() => createBackup(input(), webCrypto, { passphrase: 'x', iterations }), 'invalid-options', 'iterations');
    }
  });
});

describe('tampering', () => {
  it('catches an edited plain row by its checksum', async () => {
    const edited = plain.replace('"payee":"还款 Loan repayment"', '"payee":"还款 Loan repaymenT"');
    expect(edited).not.toBe(plain);
    await expectCode(() => read(edited), 'checksum-mismatch');
    // An edited header, too.
    await expectCode(() => read(plain.replace('"appVersion":"0.1.0"', '"appVersion":"0.1.1"')), 'checksum-mismatch');
  });

  it('catches altered ciphertext: by the checksum, or by GCM when the checksum was recomputed', async () => {
    const change = (doc: { data: string }) => {
      doc.data = flipBase64(doc.data, 40);
    };
    await expectCode(async () => read(await edit(encrypted, change, { reseal: false }), '正确 horse battery'), 'checksum-mismatch');
    await expectCode(async () => read(await edit(encrypted, change), '正确 horse battery'), 'tampered');
  });

  it('binds the readable part of an encrypted backup to its ciphertext', async () => {
    const otherIv = await edit(encrypted, (doc) => {
      doc.encryption.cipher.iv = flipBase64(String(doc.encryption.cipher.iv), 3);
    });
    await expectCode(() => read(otherIv, '正确 horse battery'), 'tampered');
  });

  it('binds the header of a format 1 encrypted backup to its ciphertext', async () => {
    const legacy = readFileSync(new URL('../../fixtures/backup/schema-v1-format-1-encrypted.cdbackup', import.meta.url), 'utf8');
    const edited = await edit(legacy, (doc) => {
      doc.createdAt = '2020-01-01T00:00:00.000Z';
    });
    await expectCode(() => read(edited, 'correct horse battery staple'), 'tampered');
    const recounted = await edit(legacy, (doc) => {
      doc.counts.transactions = 0;
    });
    await expectCode(() => read(recounted, 'correct horse battery staple'), 'tampered');
  });

  it('checks what an encrypted file holds once it is decrypted: versions, fields, counts', async () => {
    const seal = (contents: unknown) => sealContents(contents, 'pw');
    const good = { appVersion: '0.1.0', schemaVersion: 1, createdAt: SCHEMA_V1_CREATED_AT, counts: JSON.parse(plain).counts as Record<string, number>, tables: JSON.parse(plain).payload.tables as unknown };
    const readWith = (text: string) => readBackup(text, webCrypto, { passphrase: 'pw', currentSchemaVersion: 1, currentAppVersion: '0.1.0' });
    await expect(readWith(await seal(good))).resolves.toMatchObject({ summary: { encrypted: true, totalRows: 21 } });
    await expectCode(async () => readWith(await seal({ ...good, schemaVersion: 2 })), 'newer-version', 'schema:2');
    await expectCode(async () => readWith(await seal({ ...good, appVersion: '9.0.0' })), 'newer-version', 'app:9.0.0');
    await expectCode(async () => readWith(await seal({ ...good, counts: { ...good.counts, transactions: 7 } })), 'count-mismatch', 'transactions');
    const { createdAt: _dropped, ...noDate } = good;
    await expectCode(async () => readWith(await seal(noDate)), 'corrupt', 'data.createdAt');
    await expectCode(async () => readWith(await seal({ ...good, extra: 1 })), 'corrupt', 'data.extra');
    await expectCode(async () => readWith(await seal([1, 2])), 'corrupt', 'data');
  });

  it('reports damaged encryption parameters as corrupt', async () => {
    const cases: [(doc: { encryption: Record<string, unknown>; data: string } & Record<string, unknown>) => void, string][] = [
      [(doc) => Object.assign(doc, { data: 'AAA' }), 'data'],
      [(doc) => Object.assign(doc, { data: 'AAAA' }), 'data'],
      [(doc) => Object.assign(doc, { data: 5 }), 'data'],
      [(doc) => Object.assign(doc.encryption, { keyCheck: 'AAAA' }), 'keyCheck'],
      [(doc) => Object.assign(doc.encryption, { cipher: { name: 'AES-GCM', iv: 'AAAA' } }), 'cipher.iv'],
      [(doc) => Object.assign(doc.encryption, { cipher: { name: 'AES-CBC', iv: 'AAAAAAAAAAAAAAAA' } }), 'cipher.name'],
      [(doc) => Object.assign(doc.encryption, { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1e9, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' } }), 'kdf.iterations'],
      [(doc) => Object.assign(doc.encryption, { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AAAA' } }), 'kdf.salt'],
      [(doc) => Object.assign(doc.encryption, { extra: 1 }), 'encryption.extra'],
      [(doc) => Object.assign(doc, { createdAt: SCHEMA_V1_CREATED_AT }), 'createdAt'],
      [(doc) => Object.assign(doc, { encryption: 'none' }), 'encryption'],
    ];
    for (const [change, detail] of cases) {
      await expectCode(async () => read(await edit(encrypted, change), '正确 horse battery'), 'corrupt', detail);
    }
  });
});

describe('versions', () => {
  it('refuses a newer file format, before looking at anything else', async () => {
    const newer = JSON.stringify({ format: BACKUP_FORMAT, formatVersion: 3, somethingNew: true });
    await expectCode(() => read(newer), 'newer-version', 'format:3');
    await expectCode(() => inspectBackup(newer), 'newer-version', 'format:3');
  });

  it('refuses a newer schema, and lets the preview say so', async () => {
    const newer = await edit(plain, (doc) => {
      doc.schemaVersion = 2;
    });
    await expectCode(() => read(newer), 'newer-version', 'schema:2');
    await expectCode(() => inspectBackup(newer, { currentSchemaVersion: 1 }), 'newer-version', 'schema:2');
    expect(plainSummary(newer).schemaVersion).toBe(2);
  });

  it('refuses to run against a schema it has no definitions for', async () => {
    await expectCode(() => readBackup(plain, webCrypto, { currentSchemaVersion: 2 }), 'invalid-options', 'currentSchemaVersion');
    await expectCode(() => createBackup({ ...input(), schemaVersion: 2 }, webCrypto), 'invalid-options', 'schemaVersion');
  });
});

describe('structure', () => {
  it('says not-a-backup for text that is not one', async () => {
    for (const text of ['', 'hello', '[]', '{}', 'null', '"clearday"', '{"format":"other"}', '\u00ef\u00bb\u00bf{}']) {
      await expectCode(() => read(text), 'not-a-backup');
      await expectCode(() => inspectBackup(text), 'not-a-backup');
    }
  });

  it('says corrupt for a cut-off backup and for missing or extra fields', async () => {
    await expectCode(() => read(plain.slice(0, 3_000)), 'corrupt', 'json');
    await expectCode(() => inspectBackup(plain.slice(0, 3_000)), 'corrupt', 'json');
    const doc = JSON.parse(plain) as Record<string, unknown>;
    for (const key of ['appVersion', 'schemaVersion', 'createdAt', 'counts', 'checksum', 'payload']) {
      const { [key]: _dropped, ...rest } = doc;
      await expectCode(() => read(JSON.stringify(rest)), 'corrupt', key);
    }
    await expectCode(() => read(JSON.stringify({ ...doc, extra: 1 })), 'corrupt', 'extra');
    await expectCode(() => read(JSON.stringify({ ...doc, formatVersion: '1' })), 'corrupt', 'formatVersion');
    await expectCode(() => read(JSON.stringify({ ...doc, createdAt: '2026-11-22' })), 'corrupt', 'createdAt');
    await expectCode(() => read(JSON.stringify({ ...doc, counts: { transactions: -1 } })), 'corrupt', 'counts');
    await expectCode(() => read(JSON.stringify({ ...doc, checksum: 'md5:00' })), 'corrupt', 'checksum');
    await expectCode(() => read(JSON.stringify({ ...doc, payload: { tables: {}, encrypted: {} } })), 'corrupt', 'payload.encrypted');
    await expectCode(() => read(JSON.stringify({ ...doc, payload: { tables: { transactions: {} } } })), 'corrupt', 'payload.tables.transactions');
  });

  it('says corrupt for a malformed bytes marker or an unescaped $ key', async () => {
    const badBytes = await edit(plain, (doc) => {
      const row = doc.payload.tables?.attachments?.[0];
      if (row) row.data = { $bytes: 'not base64!' };
    });
    await expectCode(() => read(badBytes), 'corrupt', 'attachments:0.data');
    const bareDollar = await edit(plain, (doc) => {
      const row = doc.payload.tables?.settings?.[0];
      if (row) row.value = { $other: 1 };
    });
    await expectCode(() => read(bareDollar), 'corrupt', 'settings:0.value.$other');
  });

  it('checks the counts against the rows', async () => {
    const wrong = await edit(plain, (doc) => {
      doc.counts.transactions = 5;
    });
    await expectCode(() => read(wrong), 'count-mismatch', 'transactions');
    expect(() => inspectBackup(wrong)).toThrow(BackupError);
    const missingTable = await edit(plain, (doc) => {
      delete doc.payload.tables?.claims;
    });
    await expectCode(() => read(missingTable), 'count-mismatch', 'claims');
    const uncounted = await edit(plain, (doc) => {
      delete doc.counts.claims;
    });
    await expectCode(() => read(uncounted), 'count-mismatch', 'claims');
  });

  it('refuses tables it does not know', async () => {
    const extra = await edit(plain, (doc) => {
      doc.counts.goals = 0;
      if (doc.payload.tables) doc.payload.tables.goals = [];
    });
    await expectCode(() => read(extra), 'unknown-table', 'goals');
    const proto = await edit(plain, (doc) => {
      Object.defineProperty(doc.counts, '__proto__', { value: 0, enumerable: true });
      if (doc.payload.tables) Object.defineProperty(doc.payload.tables, '__proto__', { value: [], enumerable: true });
    });
    await expectCode(() => read(proto), 'unknown-table', '__proto__');
    const tables = { ...input().tables, goals: [] };
    await expectCode(() => createBackup({ ...input(), tables }, webCrypto), 'unknown-table', 'goals');
  });

  it('says corrupt when a table of the schema is missing altogether', async () => {
    const missing = await edit(plain, (doc) => {
      delete doc.counts.claims;
      delete doc.payload.tables?.claims;
    });
    await expectCode(() => read(missing), 'corrupt', 'tables.claims');
  });
});

describe('rows', () => {
  it('validates every row against its schema, naming table, index and field', async () => {
    const base = SCHEMA_V1_ROWS.transactions[0];
    await expectCode(
      () => createBackup(input({ ...SCHEMA_V1_ROWS, transactions: [base, { ...base, id: 't2', amount: 1.5 }] }), webCrypto),
      'invalid-row',
      'transactions:1:amount',
    );
    const edited = await edit(plain, (doc) => {
      const row = doc.payload.tables?.policies?.[0];
      if (row) row.effectiveDate = '2026-02-30';
    });
    await expectCode(() => read(edited), 'invalid-row', 'policies:0:effectiveDate');
    const notObject = await edit(plain, (doc) => {
      if (doc.payload.tables) doc.payload.tables.budgets = ['x' as unknown as Record<string, unknown>];
    });
    await expectCode(() => read(notObject), 'invalid-row', 'budgets:0:(row)');
  });

  it('refuses duplicate keys and duplicate unique indexes', async () => {
    const account = SCHEMA_V1_ROWS.accounts[0];
    await expectCode(() => createBackup(input({ accounts: [account, { ...account }] }), webCrypto), 'duplicate-id', 'accounts:1:id');
    await expectCode(() => createBackup(input({ settings: [{ key: 'a', value: 1 }, { key: 'a', value: 2 }] }), webCrypto), 'duplicate-id', 'settings:1:key');
    const budget = SCHEMA_V1_ROWS.budgets[0];
    await expectCode(() => createBackup(input({ budgets: [budget, { ...budget, id: 'bud-2' }] }), webCrypto), 'duplicate-id', 'budgets:1:month+categoryId');
    await expect(createBackup(input({ budgets: [budget, { ...budget, id: 'bud-2', month: '2026-12' }] }), webCrypto)).resolves.toBeDefined();
    const edited = await edit(plain, (doc) => {
      const rate = doc.payload.tables?.exchangeRates?.[0];
      if (rate && doc.payload.tables) doc.payload.tables.exchangeRates = [rate, { ...rate, rateToBase: 7 }];
      doc.counts.exchangeRates = 2;
    });
    await expectCode(() => read(edited), 'duplicate-id', 'exchangeRates:1:currency');
  });

  it('refuses values JSON cannot carry instead of changing them', async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const cases: [unknown, string][] = [
      [Number.NaN, 'settings:0:value'],
      [Number.POSITIVE_INFINITY, 'settings:0:value'],
      [new Date(0), 'settings:0:value'],
      [new Map(), 'settings:0:value'],
      [{ list: [1, undefined] }, 'settings:0:value.list.1'],
      [{ f: () => 1 }, 'settings:0:value.f'],
      [10n, 'settings:0:value'],
    ];
    for (const [value, detail] of cases) {
      await expectCode(() => createBackup(input({ settings: [{ key: 'k', value }] }), webCrypto), 'unsupported-value', detail);
    }
    const error = await backupError(() => createBackup(input({ settings: [{ key: 'k', value: cycle }] }), webCrypto));
    expect(error.code).toBe('unsupported-value');
    let deep: unknown = 1;
    for (let i = 0; i < 1_000; i++) deep = [deep];
    await expectCode(() => createBackup(input({ settings: [{ key: 'k', value: deep }] }), webCrypto), 'unsupported-value');
  });

  it('round-trips settings values of every JSON shape, $ keys and __proto__ included', async () => {
    const value = JSON.parse('{"__proto__":{"x":1},"$":1,"$$":2,"$bytes":3,"":[[],{}],"n":-1.25e-7,"s":"\\u0000\\ud83c\\udfe0"}') as unknown;
    const { tables } = await read(await createBackup(input({ settings: [{ key: 'k', value }] }), webCrypto));
    expect(tables.settings[0]).toEqual({ key: 'k', value });
    expect(Object.getPrototypeOf((tables.settings[0] as { value: object }).value)).toBe(Object.prototype);
    expect(Object.keys((tables.settings[0] as { value: object }).value)).toContain('__proto__');
  });

  it('refuses bad arguments to createBackup', async () => {
    await expectCode(() => createBackup({ ...input(), createdAt: '2026-11-22 08:00' }, webCrypto), 'invalid-options', 'createdAt');
    await expectCode(() => createBackup({ ...input(), appVersion: '' }, webCrypto), 'invalid-options', 'appVersion');
    const { claims: _claims, ...withoutClaims } = input().tables;
    await expectCode(() => createBackup({ ...input(), tables: withoutClaims as never }, webCrypto), 'invalid-options', 'tables.claims');
  });
});
