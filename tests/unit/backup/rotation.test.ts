import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackupEntry, BackupError, backupFileName, backupsToKeep, parseBackupFileName } from '../../../shared/backup';
import { addDays } from '../../../shared/finance/dates';
import { expectCode } from './helpers';

function daily(from: string, to: string, time = '02:00:00.000'): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ name: `b-${day}`, createdAt: `${day}T${time}Z` });
  return out;
}

describe('backupsToKeep', () => {
  it('keeps 7 days + 4 weeks + 12 months of a year of daily backups, minus overlaps', () => {
    // 2026-11-22 is a Sunday: the newest of its week and of its month is the newest of its day.
    const backups = daily('2025-11-23', '2026-11-22');
    expect(backups).toHaveLength(365);
    const { keep, remove } = backupsToKeep(backups, '2026-11-22');
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    const weeks = ['2026-11-15', '2026-11-08', '2026-11-01']; // Sundays closing the three weeks before
    const months = ['2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31'];
    expect(keep.sort()).toEqual([...days, ...weeks, ...months].map((d) => `b-${d}`).sort());
    expect(keep).toHaveLength(7 + 3 + 11);
    expect(remove).toHaveLength(365 - 21);
    // November 2025 is the thirteenth month: gone.
    expect(remove).toContain('b-2025-11-30');
  });

  it('counts days, weeks and months that have backups, so a long gap deletes nothing new', () => {
    const backups = [
      ...daily('2024-01-01', '2024-01-03'),
      { name: 'b-2024-06-15', createdAt: '2024-06-15T10:00:00.000Z' },
      { name: 'b-2026-11-20', createdAt: '2026-11-20T10:00:00.000Z' },
    ];
    expect(backupsToKeep(backups, '2026-11-22')).toEqual({ keep: backups.map((b) => b.name), remove: [] });
  });

  it('with gaps, older backups survive by week and by month', () => {
    // Ten days with backups, spread over three months.
    const days = ['2026-09-01', '2026-09-02', '2026-09-20', '2026-10-05', '2026-10-06', '2026-10-07', '2026-11-02', '2026-11-03', '2026-11-10', '2026-11-11'];
    const backups = days.map((day) => ({ name: day, createdAt: `${day}T12:00:00.000Z` }));
    const { keep, remove } = backupsToKeep(backups, '2026-11-22');
    // Daily: the newest 7 days (10-05 on). Weekly: weeks of 11-09, 11-02, 10-05, 09-14 -> 09-20.
    // Monthly: 11-11, 10-07, 09-20. 09-01 and 09-02 lose on every rule.
    expect(remove).toEqual(['2026-09-01', '2026-09-02']);
    expect(keep).toEqual(days.slice(2));
  });

  it('keeps only the newest of several backups on one day, however its time is written', () => {
    const backups = [
      { name: 'morning', createdAt: '2026-11-22T08:00:00.000Z' },
      { name: 'late', createdAt: '2026-11-22T08:00:00.5Z' },
      { name: 'early', createdAt: '2026-11-22T08:00:00Z' },
      { name: 'night', createdAt: '2026-11-22T01:00:00.999Z' },
    ];
    expect(backupsToKeep(backups, '2026-11-22')).toEqual({ keep: ['late'], remove: ['morning', 'early', 'night'] });
  });

  it('breaks a tie of identical instants by name', () => {
    const backups = [
      { name: 'a', createdAt: '2026-11-22T08:00:00.000Z' },
      { name: 'b', createdAt: '2026-11-22T08:00:00.000Z' },
    ];
    expect(backupsToKeep(backups, '2026-11-22').keep).toEqual(['b']);
    expect(backupsToKeep([...backups].reverse(), '2026-11-22').keep).toEqual(['b']);
  });

  it('always keeps backups it cannot place: future-dated or with a bad instant', () => {
    const backups = [
      { name: 'future', createdAt: '2026-11-23T00:00:00.000Z' },
      { name: 'garbage', createdAt: 'yesterday' },
      { name: 'impossible', createdAt: '2026-02-30T00:00:00.000Z' },
      ...daily('2026-01-01', '2026-11-22'),
    ];
    const { keep } = backupsToKeep(backups, '2026-11-22');
    expect(keep.slice(0, 3)).toEqual(['future', 'garbage', 'impossible']);
    expect(keep).toContain('b-2026-11-22');
  });

  it('counts days in the given time zone', () => {
    // 20:00 UTC on the 21st is 04:00 on the 22nd in Shanghai.
    const backups = [
      { name: 'evening-utc', createdAt: '2026-11-21T20:00:00.000Z' },
      { name: 'morning-utc', createdAt: '2026-11-21T10:00:00.000Z' },
    ];
    expect(backupsToKeep(backups, '2026-11-22').keep).toEqual(['evening-utc']);
    expect(backupsToKeep(backups, '2026-11-22', { timeZone: 'Asia/Shanghai' }).keep).toEqual(['evening-utc', 'morning-utc']);
    // In Shanghai the evening backup is dated the 22nd: after a "today" of the 21st, so kept as future.
    expect(backupsToKeep(backups, '2026-11-21', { timeZone: 'Asia/Shanghai' }).keep).toEqual(['evening-utc', 'morning-utc']);
  });

  it('refuses a bad today or time zone', async () => {
    await expectCode(() => backupsToKeep([], '2026-13-01'), 'invalid-options', 'today');
    await expectCode(() => backupsToKeep([{ name: 'a', createdAt: '2026-11-21T20:00:00.000Z' }], '2026-11-22', { timeZone: 'Mars/Olympus' }), 'invalid-options', 'timeZone');
  });

  it('splits every name into keep or remove, never both, and never more than 23 placed backups kept', () => {
    const instant = fc
      .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-11-22T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(fc.uniqueArray(instant, { maxLength: 120 }), (instants) => {
        const backups = instants.map((createdAt, i) => ({ name: `n${i}`, createdAt }));
        const { keep, remove } = backupsToKeep(backups, '2026-11-22');
        expect([...keep, ...remove].sort()).toEqual(backups.map((b) => b.name).sort());
        expect(keep.length).toBeLessThanOrEqual(7 + 4 + 12);
        if (backups.length > 0) {
          const newest = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
          expect(keep).toContain(newest?.name);
        }
      }),
    );
  });
});

describe('backup file names', () => {
  it('writes Windows-safe names that sort by time', () => {
    expect(backupFileName('2026-11-22T08:00:00.000Z', false)).toBe('clearday-2026-11-22T08-00-00Z.cdbackup');
    expect(backupFileName('2026-11-22T08:00:00Z', true)).toBe('clearday-2026-11-22T08-00-00Z-encrypted.cdbackup');
    expect(backupFileName('2026-11-22T08:00:00.25Z', false)).toBe('clearday-2026-11-22T08-00-00-250Z.cdbackup');
    expect(backupFileName('2026-11-22T08:00:00.123456Z', false)).toBe('clearday-2026-11-22T08-00-00-123Z.cdbackup');
    expect(backupFileName('2026-11-22T08:00:00.000Z', true)).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('refuses what is not an instant', async () => {
    for (const bad of ['2026-11-22', '2026-11-22T08:00:00+08:00', '2026-11-22T24:00:00Z', '2026-02-29T00:00:00Z']) {
      await expectCode(() => backupFileName(bad, false), 'invalid-options', 'createdAt');
    }
  });

  it('parses its own names back to the instant, and nothing else', () => {
    expect(parseBackupFileName('clearday-2026-11-22T08-00-00Z.cdbackup')).toEqual({ createdAt: '2026-11-22T08:00:00.000Z', encrypted: false });
    expect(parseBackupFileName('clearday-2026-11-22T08-00-00-250Z-encrypted.cdbackup')).toEqual({ createdAt: '2026-11-22T08:00:00.250Z', encrypted: true });
    for (const other of [
      'clearday-2026-02-30T08-00-00Z.cdbackup',
      'clearday-2026-11-22T24-00-00Z.cdbackup',
      'clearday-2026-11-22T08-00-00Z.cdbackup.tmp',
      'clearday-2026-11-22T08:00:00Z.cdbackup',
      'CLEARDAY-2026-11-22T08-00-00Z.cdbackup',
      'notes.txt',
    ]) {
      expect(parseBackupFileName(other), other).toBeUndefined();
    }
  });

  it('round-trips every instant toISOString writes', () => {
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(date, fc.boolean(), (d, encrypted) => {
        const createdAt = d.toISOString();
        expect(parseBackupFileName(backupFileName(createdAt, encrypted))).toEqual({ createdAt, encrypted });
      }),
    );
  });

  it('throws BackupError, not a TypeError, for bad input', () => {
    expect(() => backupFileName('x', false)).toThrow(BackupError);
  });
});
