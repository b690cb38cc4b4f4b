// `npm run dev`: the Vite dev server on its fixed port, the Electron bundles rebuilt on change,
// and Electron restarted whenever a bundle changes. Ctrl-C stops all of it.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import * as esbuild from 'esbuild';
import { ROOT, checkPreloadBundle, electronBuildOptions } from './build-electron.mjs';
import { ensureElectronBinary } from './electron-binary.mjs';
import { viteEntry } from './vite-entry.mjs';

/** The fixed port lives in shared/ipc/origins.ts; compile that one file rather than copy the number. */
async function loadOrigins() {
  const result = await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['shared/ipc/origins.ts'], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  const source = result.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

/** The Electron binary, downloaded on the first run; throws a one-sentence reason when it cannot be had. */
function electronBinary() {
  const found = ensureElectronBinary({ onDownload: (version) => log(`downloading Electron ${version} (first start only)`) });
  if (!found.binary) throw new Error(`Electron cannot run: ${found.reason}; \`npm run web\` runs the interface in a browser.`);
  return found.binary;
}

function log(message) {
  process.stdout.write(`[dev] ${message}\n`);
}

const { DEV_SERVER_ORIGIN, DEV_SERVER_PORT } = await loadOrigins();
let electronPath;
try {
  electronPath = electronBinary();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

let shuttingDown = false;
/** @type {import('node:child_process').ChildProcess | undefined} */
let electron;
let restartingElectron = false;
/** @type {esbuild.BuildContext[]} */
const contexts = [];

const vite = spawn(process.execPath, [viteEntry(), '--config', 'vite.config.ts', '--port', String(DEV_SERVER_PORT), '--strictPort'], {
  cwd: ROOT,
  stdio: 'inherit',
});
vite.on('exit', (code) => {
  if (!shuttingDown) {
    log(`the Vite dev server stopped (exit code ${code}); is port ${DEV_SERVER_PORT} in use?`);
    void shutdown(1);
  }
});

async function waitForDevServer(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (shuttingDown) return;
    try {
      const response = await fetch(`${DEV_SERVER_ORIGIN}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`the dev server did not answer at ${DEV_SERVER_ORIGIN} within ${timeoutMs / 1000} s`);
}

function startElectron() {
  const child = spawn(electronPath, ['.'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CLEARDAY_DEV_SERVER_URL: DEV_SERVER_ORIGIN },
  });
  electron = child;
  child.on('exit', () => {
    if (electron === child) electron = undefined;
    // Quitting from the tray ends the whole dev session; a restart we caused does not.
    if (!restartingElectron && !shuttingDown) void shutdown(0);
  });
}

async function stopElectron() {
  const child = electron;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(5_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

let restartTimer;
function scheduleRestart() {
  clearTimeout(restartTimer);
  // Main and preload often rebuild together: restart once.
  restartTimer = setTimeout(async () => {
    if (shuttingDown) return;
    try {
      await checkPreloadBundle();
    } catch (error) {
      log(error instanceof Error ? error.message : String(error));
      return;
    }
    restartingElectron = true;
    await stopElectron();
    restartingElectron = false;
    if (!shuttingDown) {
      log('restarting Electron');
      startElectron();
    }
  }, 150);
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  clearTimeout(restartTimer);
  await stopElectron();
  await Promise.all(contexts.map((context) => context.dispose()));
  if (vite.exitCode === null) vite.kill('SIGTERM');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const { main, preload } = electronBuildOptions({ development: true });
  let electronStarted = false;
  /** @type {Array<() => void>} */
  const firstBuildDone = [];
  /** @param {number} index @returns {esbuild.Plugin} */
  const reportBuilds = (index) => ({
    name: 'restart-electron',
    setup(build) {
      let builds = 0;
      build.onEnd((result) => {
        builds += 1;
        if (result.errors.length > 0) return;
        if (builds === 1 || !electronStarted) firstBuildDone[index]?.();
        else scheduleRestart();
      });
    },
  });
  const firstBuilds = [main, preload].map((_options, index) => new Promise((resolve) => (firstBuildDone[index] = () => resolve(undefined))));
  for (const [index, options] of [main, preload].entries()) {
    const context = await esbuild.context({ ...options, plugins: [reportBuilds(index)] });
    contexts.push(context);
    // watch() runs the first build itself; later builds restart Electron.
    await context.watch();
  }
  await Promise.all(firstBuilds);
  await checkPreloadBundle();
  await waitForDevServer();
  if (!shuttingDown) {
    electronStarted = true;
    log(`Electron against ${DEV_SERVER_ORIGIN} (userData folder Clearday-dev)`);
    startElectron();
  }
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  await shutdown(1);
}
