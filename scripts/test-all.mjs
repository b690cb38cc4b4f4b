// The README's test command: type-check, lint, unit tests, build, end-to-end tests, then one
// closing line "N passed, N failed, N skipped" with the totals of every suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureElectronBinary, findElectronBinary } from './electron-binary.mjs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
console.log(`Node ${process.version} (${process.execPath})`);
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

/** A step that failed without any failure in its report (a file that did not load) still counts. */
function countStep(ok, failuresReported) {
  if (!ok && failuresReported === 0) totals.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Steps that are not test suites still count as one failure each when they fail, so the closing
// line never says "0 failed" for a broken run.
const typecheckOk = run('type-check', npm, ['run', '--silent', 'typecheck']);
const lintOk = run('lint', npm, ['run', '--silent', 'lint']);
countStep(typecheckOk, 0);
countStep(lintOk, 0);

const unitOk = run('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]);
const vitest = readJson(`${OUT}/vitest.json`);
const unitFailures = vitest ? vitest.numFailedTests + vitest.numFailedTestSuites : 0;
if (vitest) {
  totals.passed += vitest.numPassedTests;
  // A test file that fails to load is a failed suite with no failed test in it.
  totals.failed += unitFailures;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
countStep(unitOk, unitFailures);

const buildOk = run('build', npm, ['run', '--silent', 'build']);
countStep(buildOk, 0);

if (buildOk) {
  // Electron 45 downloads its binary on first start, never at install: no download is tried here.
  // Outside CI a missing binary is fetched once, so the Electron spec runs wherever it can.
  const electron = process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? findElectronBinary() : ensureElectronBinary();
  const electronRuns = electron.binary !== undefined;
  const needsDisplay = electronRuns && process.platform === 'linux' && !process.env.DISPLAY;
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  const [command, args] = needsDisplay && hasXvfb ? ['xvfb-run', ['-a', npx, 'playwright', 'test']] : [npx, ['playwright', 'test']];
  if (!electronRuns) console.log(`\nElectron spec: not run, because ${electron.reason}; it will be reported as skipped, not passed.`);
  const e2eOk = run('end-to-end tests', command, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` });
  const playwright = readJson(`${OUT}/playwright.json`);
  // Load errors, a web server that did not start and global errors are reported outside the stats.
  const e2eFailures = playwright?.stats ? playwright.stats.unexpected + (playwright.errors?.length ?? 0) : 0;
  if (playwright?.stats) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky;
    totals.failed += e2eFailures;
    totals.skipped += playwright.stats.skipped;
  }
  countStep(e2eOk, e2eFailures);
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
