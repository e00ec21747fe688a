// `pnpm test`: every test. Unit and integration tests of shared, server and miniapp; then the compiled weapp home
// page in miniprogram-simulate; then every browser suite (miniapp/e2e/*.e2e.ts) against the H5 build in Chromium
// with Playwright (miniapp/playwright.config.ts; E2E_WORKERS suites at once, 2 by default). Each suite gets its own
// freshly started server from the fixtures in miniapp/e2e/fixtures: a fresh DATA_DIR, and with
// DATABASE_URL=mysql://… a fresh database on that MySQL server, and the clock the suite asks for with
// `test.use({ now })` (TIDEPOOL_NOW), so e.g. the member-day flows run on a Wednesday and the drop flows just before
// Friday noon whatever day it is; without it the server runs on TIDEPOOL_NOW from the environment, or the real clock.
//   node scripts/test.mjs                        everything
//   node scripts/test.mjs --e2e-only [name…]     only the browser suites (all, or e.g. `drops` for drops.e2e.ts)
//   node scripts/test.mjs --database-only        what depends on the database: the server's tests and the browser
//                                                suites (CI's second pass on MariaDB; shared, mini program and weapp
//                                                tests never touch a database and already ran on the first pass)
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildIfStale, CONSOLE_INPUTS, H5_INPUTS, log, ROOT, run } from './lib.mjs';

const started = Date.now();
const E2E_DIR = join(ROOT, 'miniapp', 'e2e');
const argv = process.argv.slice(2);
const e2eOnly = argv[0] === '--e2e-only';
const databaseOnly = argv[0] === '--database-only';
const database = process.env.DATABASE_URL ? 'MySQL' : 'embedded SQLite';
const stages = [];
async function stage(name, fn) {
  const t = Date.now();
  await fn();
  stages.push(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

try {
  const suites = e2eSuites(e2eOnly ? argv.slice(1) : []);
  const scope = e2eOnly ? 'the browser suites' : databaseOnly ? 'the tests that use a database' : 'every test';
  log(`running ${scope} on ${database}`);
  await stage('build shared', () => run('pnpm', ['--filter', '@tidepool/shared', 'build']));
  if (databaseOnly) {
    await stage('server unit + integration', () => run('pnpm', ['--filter', '@tidepool/server', 'test']));
  } else if (!e2eOnly) {
    await stage('unit + integration', () =>
      run('pnpm', [
        '--workspace-concurrency=1',
        '--filter',
        '@tidepool/shared',
        '--filter',
        '@tidepool/server',
        '--filter',
        '@tidepool/miniapp',
        '--filter',
        '@tidepool/console',
        'test',
      ]),
    );
    await stage('weapp build', () =>
      buildIfStale('weapp', H5_INPUTS, join(ROOT, 'miniapp', 'dist', 'weapp'), () =>
        run('pnpm', ['--filter', '@tidepool/miniapp', 'build:weapp']),
      ),
    );
    await stage('weapp (miniprogram-simulate)', () => run('pnpm', ['--filter', '@tidepool/miniapp', 'test:weapp']));
  }
  await stage('H5 build', () =>
    buildIfStale('H5 storefront', H5_INPUTS, join(ROOT, 'miniapp', 'dist', 'h5'), () =>
      run('pnpm', ['--filter', '@tidepool/miniapp', 'build:h5']),
    ),
  );
  await stage('console build', () =>
    buildIfStale('operator console', CONSOLE_INPUTS, join(ROOT, 'server', 'console', 'dist'), () =>
      run('pnpm', ['--filter', '@tidepool/console', 'build']),
    ),
  );
  await stage('server build', () => run('pnpm', ['--filter', '@tidepool/server', 'build']));
  await run('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')]);
  // Playwright runs every suite even when an earlier one failed, so one run shows every broken flow.
  const report = join(ROOT, 'artifacts', 'e2e-results.json');
  rmSync(report, { force: true });
  let browserFailure = null;
  await stage('browser suites (Playwright)', () =>
    run('pnpm', ['--filter', '@tidepool/miniapp', 'exec', 'playwright', 'test', ...suites]).catch((error) => {
      browserFailure = error;
    }),
  );
  stages.push(...suiteTimes(report));
  if (browserFailure) {
    log(`times so far:\n  ${stages.join('\n  ')}`);
    throw new Error(`browser suites failed (${browserFailure.message}); artifacts/e2e-report has each failure`);
  }
  log(
    `all ${e2eOnly ? 'browser suites' : databaseOnly ? 'database tests' : 'tests'} passed on ${database} in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${stages.join('\n  ')}`,
  );
} catch (error) {
  log(`FAILED: ${error.message}`);
  process.exit(1);
}

/**
 * The spec files to hand to Playwright: none (every miniapp/e2e/*.e2e.ts), or those named (`drops`,
 * `drops.e2e.ts`). An unknown name is an error rather than a run of nothing.
 */
function e2eSuites(names) {
  const all = readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.ts'));
  const wanted = names.map((n) => basename(n).replace(/(\.e2e)?\.(ts|mjs)$/, ''));
  const unknown = wanted.filter((w) => !all.includes(`${w}.e2e.ts`));
  if (unknown.length > 0) throw new Error(`no e2e suite ${unknown.join(', ')} in miniapp/e2e`);
  return wanted.map((w) => `e2e/${w}.e2e.ts`);
}

/** Each suite's wall time (its first test's start to its last test's end) from Playwright's JSON report. */
function suiteTimes(report) {
  if (!existsSync(report)) return [];
  const lines = [];
  const results = (suite) => [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.flatMap((t) => t.results)),
    ...(suite.suites ?? []).flatMap(results),
  ];
  for (const file of JSON.parse(readFileSync(report, 'utf8')).suites ?? []) {
    const ran = results(file).filter((r) => r.startTime);
    if (ran.length === 0) continue;
    const start = Math.min(...ran.map((r) => Date.parse(r.startTime)));
    const end = Math.max(...ran.map((r) => Date.parse(r.startTime) + r.duration));
    lines.push(`  ${file.title}: ${((end - start) / 1000).toFixed(1)} s, ${ran.length} tests`);
  }
  return lines;
}
