/**
 * UI benchmarks (issue 9): the built app (vite build) in Debian's Chromium, on households written
 * straight into its IndexedDB by tests/bench/ui/seed.ts. Times come from the performance marks
 * the pages set when their data is on screen (renderer/app/perf.ts), measured from navigation
 * start of a fresh page load. Also the JS heap after the dashboard and the bundle's gzip sizes.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PERF_MARKS } from '../../renderer/app/perf';
import { localToday } from '../../renderer/app/today';
import type { BenchOptions, BenchResult } from './harness';
import { formatTable, median } from './harness';

export const SECTION = 'ui';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

async function bundleSeed(): Promise<string> {
  const result = await build({ entryPoints: [join(process.cwd(), 'tests/bench/ui/seed.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', write: false, minify: true, logLevel: 'warning' });
  return result.outputFiles[0]?.text ?? '';
}

/** Initial = the entry script, its modulepreloads and stylesheets named in index.html; lazy = every other chunk. */
export function bundleSizes(dist: string): BenchResult[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;
  const assets = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
  const initialJs = named.filter((f) => f.endsWith('.js'));
  const initialCss = named.filter((f) => f.endsWith('.css'));
  const lazy = assets.filter((f) => f.endsWith('.js') && !initialJs.includes(f)).sort((a, b) => gzipKb(b) - gzipKb(a));
  const kb = (name: string, value: number, target?: number): BenchResult => ({ section: 'bundle', name, medianMs: value, runs: 1, unit: 'KB', ...(target === undefined ? {} : { target }) });
  const sum = (files: string[]) => files.reduce((total, f) => total + gzipKb(f), 0);
  // The translation file of the language in use loads at start-up too (renderer/i18n): the
  // target holds for the larger of the two.
  const locales = lazy.filter((f) => /^assets\/(en|zh-CN)-[\w-]{8}\.js$/.test(f));
  const largestLocale = Math.max(0, ...locales.map(gzipKb));
  return [
    kb(`initial JS, gzip (${initialJs.length} files)`, sum(initialJs)),
    kb(`start-up JS: initial + the larger language file, gzip`, sum(initialJs) + largestLocale, 250),
    kb(`initial CSS, gzip (${initialCss.length} files)`, sum(initialCss)),
    kb(`lazy JS, gzip (${lazy.length} chunks, total)`, sum(lazy)),
    ...lazy.map((f) => kb(`  lazy ${f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '.js')}`, gzipKb(f))),
  ];
}

function serve(dist: string, seedScript: string) {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/bench-seed.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(seedScript);
      return;
    }
    if (path === '/bench-seed.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>Clearday bench seed</title><script src="/bench-seed.js"></script>');
      return;
    }
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    // Hashed assets are immutable, as on the desktop, where the app:// scheme has V8's code cache
    // (electron/app-protocol.ts): repeated starts reuse compiled code instead of parsing again.
    const caching = path.startsWith('/assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : { 'cache-control': 'no-cache' };
    response.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`, ...caching });
    response.end(readFileSync(file));
  });
}

/** Every clearday: mark of the last load, by name (ms from navigation start). */
let lastMarks: Record<string, number> = {};

/** A fresh load of `route`; the time from navigation start to `mark`. */
async function loadUntil(page: Page, base: string, route: string, mark: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${base}/#/${route}`);
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, mark, { timeout: 120_000, polling: 20 });
  lastMarks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('clearday:')).map((m) => [m.name, m.startTime])));
  return Number(await handle.jsonValue());
}

/** Types `query` into the search box and waits until the list shows its result; ms from the input event. */
async function searchOnce(page: Page, query: string): Promise<number> {
  const box = page.getByLabel('Search payee, note, tag or category');
  return box.evaluate(
    (element, { text, mark }) =>
      new Promise<number>((resolve) => {
        const input = element as HTMLInputElement;
        performance.clearMarks(mark);
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const start = performance.now();
        setValue?.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const poll = () => {
          const done = performance.getEntriesByName(mark, 'mark').find((entry) => (entry as PerformanceMark).detail?.text === text);
          if (done) resolve(done.startTime - start);
          else setTimeout(poll, 5);
        };
        poll();
      }),
    { text: query, mark: PERF_MARKS.transactionsFiltered },
  );
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const dist = join(process.cwd(), 'dist', 'renderer');
  // The built app, as users run it; the bench never measures the dev server.
  execFileSync(process.execPath, [join(process.cwd(), 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = serve(dist, await bundleSeed());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runs = options.quick ? 3 : 7;
  // Quick mode keeps the same ratio of scales (1 : 10) on smaller households.
  const [small, large] = options.quick ? [0.01, 0.1] : [0.1, 1];
  const results: BenchResult[] = [];
  const result = (name: string, values: number[], extra: Partial<BenchResult> = {}) => results.push({ section: SECTION, name, medianMs: median(values), runs: values.length, ...extra });
  // Each household lives in a browser profile of its own, written by one launch and measured by
  // the next: the app starts on a database at rest, as it does on the user's computer.
  const launch = (profile: string): Promise<BrowserContext> => chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  const today = localToday();
  const dashboard: Record<number, number> = {};
  try {
    for (const scale of [small, large]) {
      const profile = mkdtempSync(join(tmpdir(), 'clearday-bench-'));
      let context = await launch(profile);
      try {
        let page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${base}/bench-seed.html`);
        await page.waitForFunction(() => 'clearDaySeed' in window);
        const seeded = await page.evaluate(([s, day]) => window.clearDaySeed(s, day), [scale, today] as const);
        // The database settles: after a bulk write Chromium compacts its LevelDB store in the
        // background when it next opens it (tens of seconds for 100,000 rows here), slowing every
        // read meanwhile. A user's history grew over years; the bench measures a store at rest,
        // like theirs: one launch to settle, then the measuring launch.
        for (const settle of [true, false]) {
          await context.close();
          context = await launch(profile);
          page = context.pages()[0] ?? (await context.newPage());
          // One untimed load warms the HTTP and disk caches, as any second launch of the app has.
          await loadUntil(page, base, 'dashboard', PERF_MARKS.dashboardReady);
          if (settle) await page.waitForTimeout(Math.max(2_000, seeded.transactions / 4));
        }
        const label = `scale ${scale} (${seeded.transactions.toLocaleString('en-US')} tx)`;
        result(`seed ${label}: write the household`, [seeded.writeMs]);
        const times: number[] = [];
        const phases: Record<'scripts' | 'database' | 'render', number[]> = { scripts: [], database: [], render: [] };
        for (let i = 0; i < runs; i += 1) {
          times.push(await loadUntil(page, base, 'dashboard', PERF_MARKS.dashboardReady));
          phases.scripts.push(lastMarks[PERF_MARKS.bootStart] ?? 0);
          phases.database.push(lastMarks[PERF_MARKS.bootDatabaseOpen] ?? 0);
          phases.render.push(lastMarks[PERF_MARKS.bootRender] ?? 0);
        }
        dashboard[scale] = median(times);
        result(`dashboard data ready, ${label}`, times, scale === large && !options.quick ? { target: 300 } : {});
        result('  of which: scripts loaded and run', phases.scripts);
        result('  of which: database open', phases.database);
        result('  of which: settings and language read, first render', phases.render);
        const calendar: number[] = [];
        for (let i = 0; i < runs; i += 1) calendar.push(await loadUntil(page, base, 'calendar', PERF_MARKS.calendarReady));
        result(`debt calendar month ready, ${label}`, calendar);
        if (scale !== large) continue;

        await loadUntil(page, base, 'dashboard', PERF_MARKS.dashboardReady);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await cdp.send('Runtime.getHeapUsage');
        results.push({ section: SECTION, name: `JS heap after the dashboard, ${label}`, medianMs: heap.usedSize / 1024 / 1024, runs: 1, unit: 'MB' });

        const firstRows: number[] = [];
        const allRows: number[] = [];
        for (let i = 0; i < runs; i += 1) {
          firstRows.push(await loadUntil(page, base, 'transactions', PERF_MARKS.transactionsFirstRows));
          // The page goes on reading the older rows; the next load waits for that to end.
          const all = await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime, PERF_MARKS.transactionsAllRows, { timeout: 120_000, polling: 20 });
          allRows.push(Number(await all.jsonValue()));
        }
        result(`transactions page first rows, ${label}`, firstRows);
        result(`transactions page all rows read (in the background), ${label}`, allRows);
        // The page prepares the search texts while idle; give it that idle time, as a reader has.
        await page.waitForTimeout(1_500);
        const searches: number[] = [];
        const queries = ['starbucks', 'subway', 'taxi', 'store 12', 'hema'];
        for (let i = 0; i < runs + 2; i += 1) {
          searches.push(await searchOnce(page, queries[i % queries.length] ?? ''));
          await searchOnce(page, '');
        }
        result(`text search over ${seeded.transactions.toLocaleString('en-US')} transactions`, searches, { target: 100 });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    results.push({ section: SECTION, name: `dashboard ratio, scale ${large} / scale ${small}`, medianMs: (dashboard[large] ?? 0) / (dashboard[small] ?? 1), runs, target: 1.3, unit: 'x' });
  } finally {
    server.close();
  }
  results.push(...bundleSizes(dist));
  console.log(`\n${SECTION}\n${formatTable(results)}`);
  return results;
}
