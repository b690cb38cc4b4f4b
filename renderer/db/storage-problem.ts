/** Sorting a storage failure by what the user can do about it; small, so any screen can use it. */
export type StartupProblem = 'quota' | 'damaged' | 'newer' | 'other';

/** Sorts an open failure by what the user can do about it. */
export function startupProblemOf(error: unknown): StartupProblem {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 5; e = (e as { inner?: unknown }).inner) {
    if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) parts.push(`${(e as Error).name} ${(e as Error).message}`);
    else break;
  }
  const text = parts.join(' ');
  if (/QuotaExceeded|quota/i.test(text)) return 'quota';
  if (/VersionError|higher version|less than the existing version/i.test(text)) return 'newer';
  if (/backing store|UnknownError|DataError|corrupt/i.test(text)) return 'damaged';
  return 'other';
}
