/**
 * Local wall-clock time in an IANA time zone to a UTC instant, with Intl only (no clock, no
 * library). A local time that does not exist (the spring-forward gap) moves forward by the gap;
 * one that exists twice (the autumn overlap) takes the earlier instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes the zone is ahead of UTC at `epochMs`. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

// A plan asks for the same few local times again and again (one time of day, a few dozen
// dates): remembering them keeps planReminders fast, since formatToParts is slow.
const epochCache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

/** The instant (ms since epoch) of `date` at `time` ("HH:MM") in `timeZone`. */
export function zonedTimeToEpoch(date: string, time: string, timeZone: string): number {
  const cacheKey = `${timeZone}|${date}|${time}`;
  const cached = epochCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const epoch = computeZonedTimeToEpoch(date, time, timeZone);
  if (epochCache.size >= CACHE_LIMIT) epochCache.clear();
  epochCache.set(cacheKey, epoch);
  return epoch;
}

function computeZonedTimeToEpoch(date: string, time: string, timeZone: string): number {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const before = zoneOffsetMinutes(timeZone, wall - 86_400_000);
  const after = zoneOffsetMinutes(timeZone, wall + 86_400_000);
  // Try the offsets in force around that day; the earlier instant wins in an overlap.
  const candidates = [...new Set([before, after])].map((offset) => wall - offset * 60_000).sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (zoneOffsetMinutes(timeZone, candidate) * 60_000 === wall - candidate) return candidate;
  }
  // In a gap no offset fits: read the wall time with the offset from before the change.
  return wall - before * 60_000;
}

/** Local date (YYYY-MM-DD) and time (HH:MM) of an instant in `timeZone`. */
export function epochToZoned(epochMs: number, timeZone: string): { date: string; time: string } {
  const local = new Date(epochMs + zoneOffsetMinutes(timeZone, epochMs) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
