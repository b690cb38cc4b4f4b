// `npm start`: makes sure Electron's binary is here (downloading it on the first start), builds
// the app, and runs it. When Electron cannot run on this machine it says why in one sentence,
// instead of the stack trace `electron .` would print, and names `npm run web` as the way in.
import { spawn, spawnSync } from 'node:child_process';
import process from 'node:process';
import { ROOT } from './build-electron.mjs';
import { ensureElectronBinary } from './electron-binary.mjs';

/** @param {string} sentence */
function cannotStart(sentence) {
  process.stderr.write(`Clearday cannot start: ${sentence}; \`npm run web\` opens the same app in a browser instead.\n`);
  process.exit(1);
}

const found = ensureElectronBinary({ onDownload: (version) => process.stdout.write(`Downloading Electron ${version} (first start only)...\n`) });
if (!found.binary) cannotStart(found.reason);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  cannotStart('there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)');
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = spawn(found.binary, [ROOT, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => electron.kill(signal));
electron.on('error', (error) => cannotStart(`Electron did not run (${error.message})`));
electron.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
