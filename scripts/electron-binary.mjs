// Where Electron's binary is, and fetching it when it is missing. Since Electron 42 the package
// no longer downloads at install time: `require('electron')` does it on first use and throws a
// stack trace when the download host is out of reach. Clearday's scripts look here instead, so
// they can say in words why Electron cannot run and what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);

/** @returns {{ dir: string, version: string } | undefined} the installed electron package */
export function electronPackage() {
  try {
    const manifest = require.resolve('electron/package.json');
    return { dir: dirname(manifest), version: String(JSON.parse(readFileSync(manifest, 'utf8')).version) };
  } catch {
    return undefined;
  }
}

/**
 * The binary's path when it is on disk, else why not (a sentence fragment after "because").
 * @returns {{ binary: string, version: string, reason?: undefined } | { binary?: undefined, version?: string, reason: string }}
 */
export function findElectronBinary() {
  const pkg = electronPackage();
  if (!pkg) return { reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg.dir, 'path.txt');
  if (!existsSync(pathFile)) return { version: pkg.version, reason: `the Electron ${pkg.version} binary has not been downloaded (Electron fetches it from its download host on first start)` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distFolder = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg.dir, 'dist');
  const binary = join(distFolder, relative);
  if (!existsSync(binary)) return { version: pkg.version, reason: `the Electron binary named in node_modules/electron/path.txt is missing (${binary})` };
  return { binary, version: pkg.version };
}

/**
 * The binary, downloaded first when it is missing (the first start); otherwise why it cannot be
 * had, as a sentence fragment. `onDownload` is told before a download begins.
 * @param {{ onDownload?: (version: string) => void }} [options]
 * @returns {{ binary: string, version: string, reason?: undefined } | { binary?: undefined, version?: string, reason: string }}
 */
export function ensureElectronBinary(options = {}) {
  const found = findElectronBinary();
  if (found.binary || !found.version) return found;
  options.onDownload?.(found.version);
  const download = downloadElectronBinary();
  if (!download.ok) return { version: found.version, reason: `Electron ${found.version} is not installed and its download host could not be reached (${download.detail})` };
  return findElectronBinary();
}

/**
 * Runs the electron package's own installer (it honours ELECTRON_MIRROR and its download cache).
 * @returns {{ ok: true } | { ok: false, detail: string }}
 */
export function downloadElectronBinary() {
  const pkg = electronPackage();
  if (!pkg) return { ok: false, detail: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [join(pkg.dir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (result.status === 0) return { ok: true };
  // The installer prints a whole stack; its first line says what went wrong.
  const firstLine = (result.stderr || result.error?.message || '').split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.status}`;
  return { ok: false, detail: firstLine.trim() };
}
