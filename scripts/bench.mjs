// `npm run bench`: bundles each bench section with esbuild, runs it in this Node process, prints
// its table and writes every median to bench/results.json. `--quick` takes fewer runs;
// `--strict` exits with 1 when a result misses its target (by default a miss is only reported:
// a benchmark is not a timed test). New sections (UI, database) are added to SECTIONS; each
// entry exports run({ quick }) returning [{ section, name, medianMs, runs, target? }].
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SECTIONS = [
  { name: 'engine', entry: 'tests/bench/engine.ts' },
  { name: 'browser', entry: 'tests/bench/browser.ts' },
  { name: 'ui', entry: 'tests/bench/ui.ts' },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'clearday-bench');
const quick = process.argv.includes('--quick');
const strict = process.argv.includes('--strict');
const only = process.argv.find((arg) => arg.startsWith('--section='))?.slice('--section='.length);

async function runSection(section) {
  const outfile = join(cacheDir, `${section.name}.mjs`);
  await build({
    entryPoints: [join(root, section.entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // Playwright and esbuild stay in node_modules; only the project's own code is bundled.
    packages: 'external',
    logLevel: 'warning',
  });
  // The query string defeats the module cache should the same file be rebuilt in one process.
  const module = await import(`${pathToFileURL(outfile).href}?v=${Date.now()}`);
  if (typeof module.run !== 'function') throw new Error(`${section.entry} does not export run()`);
  return module.run({ quick });
}

mkdirSync(cacheDir, { recursive: true });
const sections = only ? SECTIONS.filter((s) => s.name === only) : SECTIONS;
if (sections.length === 0) {
  console.error(`No bench section named "${only}". Known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const section of sections) results.push(...(await runSection(section)));

const cpus = os.cpus();
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', node: process.version },
  quick,
  results,
};
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

const slow = results.filter((r) => r.target !== undefined && r.medianMs > r.target);
console.log(`\nWrote bench/results.json (${results.length} results${quick ? ', quick' : ''}).`);
if (slow.length > 0) {
  const unit = (r) => ` ${r.unit ?? 'ms'}`;
  console.log(`Over target: ${slow.map((r) => `${r.name} ${r.medianMs.toPrecision(3)}${unit(r)} > ${r.target}${unit(r)}`).join('; ')}`);
  if (strict) process.exit(1);
}
