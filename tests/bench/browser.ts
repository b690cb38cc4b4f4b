/**
 * Browser benchmark (issues 6 and 9): importing 10,000 Alipay rows (parse + dedupe + write)
 * against a raw Dexie bulkAdd of the same rows in the same run (target: ratio <= 1.5), in
 * Debian's Chromium on real IndexedDB. The page code is tests/bench/browser/entry.ts, bundled here
 * with esbuild and served from a local port. Search is measured in the app itself (tests/bench/ui.ts).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, BenchResult } from './harness';
import { formatTable, median } from './harness';

export const SECTION = 'browser';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function bundlePage(): Promise<string> {
  const result = await build({ entryPoints: [join(process.cwd(), 'tests/bench/browser/entry.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', write: false, minify: true, logLevel: 'warning' });
  return result.outputFiles[0]?.text ?? '';
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const script = await bundlePage();
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><meta charset="utf-8"><title>Clearday bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A profile on disk, as the app's database is: a browser without one keeps IndexedDB in
  // memory, which here writes several times slower than the disk does.
  const profile = mkdtempSync(join(tmpdir(), 'clearday-bench-import-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'clearDayBench' in window);
    const importRows = options.quick ? 1_000 : 10_000;
    const runs = options.quick ? 2 : 5;

    const imported = await page.evaluate(([rows, n]) => window.clearDayBench.importVsBulkAdd(rows, n), [importRows, runs] as const);
    if (imported.imported !== importRows) throw new Error(`the import wrote ${imported.imported} of ${importRows} rows`);
    const importMedian = median(imported.importMs);
    const bulkMedian = median(imported.bulkAddMs);

    const rows = (n: number) => n.toLocaleString('en-US');
    const results: BenchResult[] = [
      { section: SECTION, name: `import ${rows(importRows)} Alipay rows (parse + dedupe + write)`, medianMs: importMedian, runs },
      { section: SECTION, name: `raw Dexie bulkAdd of the same ${rows(importRows)} rows`, medianMs: bulkMedian, runs },
      { section: SECTION, name: 'import / bulkAdd (ratio)', medianMs: importMedian / bulkMedian, runs, target: 1.5, unit: 'x' },
    ];
    console.log(`\n${SECTION}\n${formatTable(results)}`);
    return results;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
  }
}
