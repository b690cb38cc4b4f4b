/**
 * A tiny benchmark harness shared by every bench section (engine now; UI sections later): warm
 * up, time each run with performance.now(), report the median, print one table per section.
 */

export interface BenchResult {
  section: string;
  name: string;
  medianMs: number;
  runs: number;
  /** Median the result should stay within, in its unit. */
  target?: number;
  /** 'ms' (default) for times; 'x' for a ratio of two times; KB and MB for sizes. All kept in medianMs. */
  unit?: 'ms' | 'x' | 'KB' | 'MB';
}

export interface BenchOptions {
  /** Fewer runs, for a smoke check. */
  quick: boolean;
}

/** Median of `runs` timed calls of `fn`, after `warmup` untimed ones (so the JIT has settled). */
export function measure(section: string, name: string, fn: () => unknown, options: { runs: number; warmup: number; target?: number }): BenchResult {
  let sink: unknown;
  for (let i = 0; i < options.warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
  }
  // Keeps the result alive so the calls cannot be optimised away.
  if (sink === Symbol.for('never')) console.log(sink);
  const medianMs = median(times);
  return { section, name, medianMs, runs: options.runs, ...(options.target === undefined ? {} : { target: options.target }) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${r.medianMs.toPrecision(3)} ${r.unit ?? 'ms'}`,
    String(r.runs),
    r.target === undefined ? '' : `<= ${r.target} ${r.unit ?? 'ms'}`,
    r.target === undefined ? '' : r.medianMs <= r.target ? 'ok' : 'SLOW',
  ]);
  const header = ['benchmark', 'median', 'runs', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
