/**
 * The sample household's exact output, pinned: e2e tests, screenshots and benchmarks rely on its
 * rows, so a refactoring of the builders must not change a byte. A change that means to alter
 * the sample updates the hashes here on purpose.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSampleHousehold, generateScaledHousehold, type SampleHousehold } from '../../../shared/sample';

const sha256 = (household: SampleHousehold) => createHash('sha256').update(JSON.stringify(household)).digest('hex');
const counts = (household: SampleHousehold) => Object.fromEntries(Object.entries(household).map(([table, rows]: [string, unknown[]]) => [table, rows.length]));

const november = { today: '2026-11-22', now: '2026-11-22T08:00:00.000Z' };
const february = { today: '2025-02-28', now: '2025-02-28T10:00:00.000Z' };

describe('sample household output', () => {
  it('stays the same in both languages and on other dates and seeds', () => {
    const en = generateSampleHousehold({ ...november, language: 'en' });
    expect(counts(en)).toEqual({ institutions: 9, accounts: 6, debts: 8, statements: 48, payments: 126, categories: 16, transactions: 1265, budgets: 84, recurringBills: 3, familyMembers: 3, policies: 4, claims: 1 });
    expect([en.transactions[0]?.id, en.transactions.at(-1)?.id]).toEqual(['tx-0000005', 'tx-0001183']);
    expect(sha256(en)).toBe('c3ff0ed49d9ac72f9df55848aa6aa387330a1ae4c8cff26a1022d68d92c5a9e8');
    expect(sha256(generateSampleHousehold({ ...november, language: 'zh-CN' }))).toBe('c8518f546cd779ffd4b6646e470c95018d6ae2ad81a7dd96a6441ae06087c6cd');
    expect(sha256(generateSampleHousehold({ ...february, language: 'en' }))).toBe('cb6153688852f043ca1d56647da1b8a95e853cf29ea16e62272715fa1807c704');
    expect(sha256(generateSampleHousehold({ ...february, language: 'zh-CN' }))).toBe('106b4cf8b506b405ada77202b3af42367694ac7d72d376ac22f2ec2705f10b87');
    expect(sha256(generateSampleHousehold({ today: '2024-01-31', now: '2024-01-31T10:00:00.000Z', language: 'en', seed: 7, months: 18, transactionsPerMonth: 50 }))).toBe(
      '2a4c0acb6eeda0bef0205ebd32d4409552b15b5680f3613943bd40fa0fddaa43',
    );
  });

  it('stays the same at benchmark scale 0.1', () => {
    const tenth = generateScaledHousehold({ ...november, language: 'en', scale: 0.1 });
    expect(counts(tenth)).toMatchObject({ institutions: 12, accounts: 12, debts: 30, statements: 167, payments: 342, categories: 60, transactions: 10_000, policies: 20 });
    expect(sha256(tenth)).toBe('5b0915ba41a500377cf4f0e13d2927b29853bab215e956f0802c14065737ade4');
    expect(sha256(generateScaledHousehold({ ...february, language: 'zh-CN', scale: 0.1 }))).toBe('27c338d67722a2b140dcf0f835f8d9e87147d9b4bae3dfadbf227c559b6d5f79');
  });
});
