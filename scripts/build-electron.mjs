// Bundles the main process and the preload into single CommonJS files in dist-electron/.
// The preload must be one file: a sandboxed preload can require nothing but a few Electron
// modules. `node scripts/build-electron.mjs` builds for production (no sourcemaps); dev.mjs
// imports the options and builds with watch and inline sourcemaps.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import process from 'node:process';
import * as esbuild from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_BUNDLE = join(ROOT, 'dist-electron', 'main.cjs');
export const PRELOAD_BUNDLE = join(ROOT, 'dist-electron', 'preload.cjs');

/** @param {{ development: boolean }} options @returns {{ main: import('esbuild').BuildOptions, preload: import('esbuild').BuildOptions }} */
export function electronBuildOptions({ development }) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 ships Node 24.
    target: 'node24',
    external: ['electron'],
    sourcemap: development ? 'inline' : false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
  return {
    main: { ...common, entryPoints: ['electron/main.ts'], outfile: MAIN_BUNDLE },
    preload: { ...common, entryPoints: ['electron/preload.ts'], outfile: PRELOAD_BUNDLE },
  };
}

/** Fails when the preload bundle would require anything but electron at run time. */
export async function checkPreloadBundle() {
  const text = await readFile(PRELOAD_BUNDLE, 'utf8');
  const requires = [...text.matchAll(/\brequire\(\s*(["'`][^"'`]*["'`])?/g)].map((match) => match[1] ?? '(dynamic)');
  const foreign = requires.filter((name) => name !== '"electron"');
  if (foreign.length > 0) throw new Error(`preload.cjs requires ${foreign.join(', ')}; a sandboxed preload may only require "electron"`);
}

async function buildProduction() {
  const { main, preload } = electronBuildOptions({ development: false });
  await Promise.all([esbuild.build(main), esbuild.build(preload)]);
  await checkPreloadBundle();
  process.stdout.write('built dist-electron/main.cjs and dist-electron/preload.cjs\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildProduction().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
