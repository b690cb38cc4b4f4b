/**
 * An iCalendar file (RFC 5545) of dues, so a phone calendar reminds the user too: one all-day
 * event per due with a stable UID, and one alarm per lead time at the chosen time of day.
 * Text is escaped (backslash, semicolon, comma, newline) and lines are folded at 75 octets.
 */
import { isOpen, type Due } from '../dues';
import { leadDaysFor, type ReminderOverrides } from './plan';

export interface IcsOptions {
  /** Stamp for DTSTAMP, an ISO instant. */
  now: string;
  leadDays: number[];
  /** Per-item reminder settings: an item's own lead days, or none when its reminders are off. */
  overrides?: ReminderOverrides;
  /** "HH:MM": alarms fire at this local time on their day. */
  timeOfDay: string;
  /** Event title and description of a due, already in the user's language. */
  describe(due: Due): { summary: string; description: string };
  productId: string;
}

export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      // Every line break, a lone CR included (a raw CR would end the content line early).
      .replace(/\r\n|\r|\n/g, '\\n')
      // RFC 5545 TEXT allows no other control characters (tab aside).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
  );
}

/** UTF-8 length of one character (shared/ has no TextEncoder: no DOM, no Node). */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if ([...line].reduce((sum, char) => sum + utf8Length(char), 0) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const charSize = utf8Length(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + charSize > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replace(/-/g, '');
const compactInstant = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

export function buildIcs(dues: readonly Due[], options: IcsOptions): string {
  const [hours, minutes] = [Number(options.timeOfDay.slice(0, 2)), Number(options.timeOfDay.slice(3, 5))];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const due of dues) {
    if (!isOpen(due)) continue;
    const { summary, description } = options.describe(due);
    const next = due.dueDate.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      // The due key is stable, so re-importing updates events instead of duplicating them.
      `UID:${due.key.replace(/[^A-Za-z0-9:._-]/g, '-')}@clearday.app`,
      `DTSTAMP:${compactInstant(options.now)}`,
      `DTSTART;VALUE=DATE:${compactDate(due.dueDate)}`,
      `DTEND;VALUE=DATE:${nextDay(next)}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
    );
    // An item with reminders off still shows its date, without alarms; its own lead days win.
    for (const days of (leadDaysFor(due, options.leadDays, options.overrides ?? {}) ?? []).sort((a, b) => b - a)) {
      // Relative to the all-day event's start (midnight): so many days before, at the time of day.
      const before = days * 24 * 60 - (hours * 60 + minutes);
      const trigger = before >= 0 ? `-P${Math.floor(before / 1440)}DT${Math.floor((before % 1440) / 60)}H${before % 60}M` : `PT${Math.floor(-before / 60)}H${-before % 60}M`;
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(summary)}`, `TRIGGER:${trigger}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function nextDay(compact: string): string {
  const date = new Date(Date.UTC(Number(compact.slice(0, 4)), Number(compact.slice(4, 6)) - 1, Number(compact.slice(6, 8)) + 1));
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
