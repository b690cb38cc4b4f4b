/**
 * Performance marks the benchmark reads (tests/bench/ui.ts, `npm run bench`): a page marks the
 * moment its data is on screen. A mark is a few bytes in the performance timeline, so they stay
 * in release builds, where the figures are measured.
 */
import { useEffect, useRef } from 'react';

export const PERF_MARKS = {
  bootStart: 'clearday:boot-start',
  bootDatabaseOpen: 'clearday:boot-database-open',
  bootRender: 'clearday:boot-render',
  dashboardReady: 'clearday:dashboard-ready',
  transactionsFirstRows: 'clearday:transactions-first-rows',
  transactionsAllRows: 'clearday:transactions-all-rows',
  transactionsFiltered: 'clearday:transactions-filtered',
  calendarReady: 'clearday:calendar-ready',
} as const;

/** Marks `name` once per mount, after the first commit in which `ready` is true. */
export function useReadyMark(name: string, ready: boolean): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark(name);
  }, [name, ready]);
}
