/**
 * Backup file names and grandfather-father-son rotation.
 *
 * Rotation keeps, by the backups' own dates (never by calendar windows, so a month without the
 * app open does not wipe the older backups on its return):
 *   - daily:   the newest backup of each of the 7 most recent days that have a backup;
 *   - weekly:  the newest backup of each of the 4 most recent ISO weeks (Monday to Sunday) that
 *              have a backup;
 *   - monthly: the newest backup of each of the 12 most recent calendar months that have a backup.
 * A backup kept by any rule is kept; the rest are removed. Backups whose createdAt is not an
 * instant, or whose day is after `today` (a clock that was wrong), are always kept and take no
 * part in the rules: deleting what we cannot place is never worth the risk.
 */
import { dayNumberOf, fromDayNumber, isValidDate } from '../finance/dates';
import { epochToZoned } from '../reminders/zoned-time';
import { BackupError } from './errors';

export const BACKUP_FILE_EXTENSION = 'cdbackup';
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_MONTHLY = 12;

export interface BackupEntry {
  name: string;
  /** ISO instant in UTC. */
  createdAt: string;
}

export interface RotationOptions {
  /** IANA zone whose calendar days and weeks count; UTC when absent. */
  timeZone?: string;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

interface Placed {
  name: string;
  /** Sorts like the instant: fractions padded to nanoseconds (".5Z" is later than "Z"). */
  sortKey: string;
  day: string;
}

export function backupsToKeep(backups: readonly BackupEntry[], today: string, options: RotationOptions = {}): { keep: string[]; remove: string[] } {
  if (!isValidDate(today)) throw new BackupError('invalid-options', 'today');
  const kept = new Set<string>();
  const placed: Placed[] = [];
  for (const backup of backups) {
    const parts = instantParts(backup.createdAt);
    const day = parts ? localDay(backup.createdAt, parts.date, options.timeZone) : undefined;
    if (!parts || day === undefined || day > today) kept.add(backup.name);
    else placed.push({ name: backup.name, sortKey: `${parts.date}T${parts.time}.${parts.fraction.padEnd(9, '0')}`, day });
  }
  placed.sort((a, b) => (a.sortKey === b.sortKey ? compare(b.name, a.name) : compare(b.sortKey, a.sortKey)));
  keepNewestPerPeriod(placed, (p) => p.day, KEEP_DAILY, kept);
  keepNewestPerPeriod(placed, (p) => isoWeekStart(p.day), KEEP_WEEKLY, kept);
  keepNewestPerPeriod(placed, (p) => p.day.slice(0, 7), KEEP_MONTHLY, kept);
  const keep: string[] = [];
  const remove: string[] = [];
  for (const { name } of backups) {
    const list = kept.has(name) ? keep : remove;
    if (!list.includes(name)) list.push(name);
  }
  return { keep, remove };
}

/** `newestFirst` is sorted newest first, so the first backup met in a period is its newest. */
function keepNewestPerPeriod(newestFirst: readonly Placed[], periodOf: (p: Placed) => string, periods: number, kept: Set<string>): void {
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    const period = periodOf(backup);
    if (seen.has(period)) continue;
    if (seen.size === periods) return;
    seen.add(period);
    kept.add(backup.name);
  }
}

/** The Monday that starts the ISO week of `date`; as good a week key as "2026-W47". */
function isoWeekStart(date: string): string {
  const day = dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  // Day 0 (1970-01-01) was a Thursday, 3 days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instantParts(value: unknown): { date: string; time: string; fraction: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const [, date = '', hh = '', mm = '', ss = '', fraction = ''] = match;
  if (!isValidDate(date) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return { date, time: `${hh}:${mm}:${ss}`, fraction };
}

function localDay(instant: string, utcDate: string, timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return utcDate;
  const epoch = Date.parse(instant);
  if (!Number.isFinite(epoch)) return undefined;
  try {
    return epochToZoned(epoch, timeZone).date;
  } catch {
    throw new BackupError('invalid-options', 'timeZone');
  }
}

// ---------------------------------------------------------------- file names

/**
 * `clearday-2026-11-22T08-00-00Z.cdbackup`, `-encrypted` before the extension for encrypted
 * files, milliseconds (`T08-00-00-250Z`) only when not zero. Dashes instead of colons because
 * Windows refuses colons in file names; UTC so names sort by time.
 */
export function backupFileName(createdAt: string, encrypted: boolean): string {
  const parts = instantParts(createdAt);
  if (!parts) throw new BackupError('invalid-options', 'createdAt');
  const millis = parts.fraction.padEnd(3, '0').slice(0, 3);
  const time = parts.time.replaceAll(':', '-') + (millis === '000' ? '' : `-${millis}`);
  return `clearday-${parts.date}T${time}Z${encrypted ? '-encrypted' : ''}.${BACKUP_FILE_EXTENSION}`;
}

const FILE_NAME = /^clearday-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z(-encrypted)?\.cdbackup$/;

/** The inverse of backupFileName; createdAt as toISOString writes it. undefined for other names. */
export function parseBackupFileName(name: string): { createdAt: string; encrypted: boolean } | undefined {
  const match = FILE_NAME.exec(name);
  if (!match) return undefined;
  const [, date = '', hh = '', mm = '', ss = '', millis = '000', encrypted] = match;
  const createdAt = `${date}T${hh}:${mm}:${ss}.${millis}Z`;
  if (!instantParts(createdAt)) return undefined;
  return { createdAt, encrypted: encrypted !== undefined };
}

/** The copy of the current data taken before a restore: never rotated away. */
export function beforeRestoreFileName(createdAt: string, encrypted: boolean): string {
  return `clearday-before-restore-${backupFileName(createdAt, encrypted).slice('clearday-'.length)}`;
}
