// `pnpm test`: every test. Unit and integration tests of shared, server and miniapp; then the compiled weapp home
// page in miniprogram-simulate; then every browser suite (miniapp/e2e/*.e2e.mjs) against the H5 build in Chromium,
// each suite against its own freshly started server: a fresh DATA_DIR, and with DATABASE_URL=mysql://… a fresh
// database on that MySQL server (the server's integration tests use fresh databases there too). A suite's first
// line `// @now <ISO instant>` starts that server's clock there (TIDEPOOL_NOW), so e.g. the member-day flows run
// on a Wednesday and the drop flows just before Friday noon whatever day it is; without it the server runs on
// TIDEPOOL_NOW from the environment, or the real clock.
//   node scripts/test.mjs                        everything
//   node scripts/test.mjs --e2e-only [name…]     only the browser suites (all, or e.g. `drops` for drops.e2e.mjs)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildIfStale, H5_INPUTS, log, ROOT, run } from './lib.mjs';

const started = Date.now();
const E2E_DIR = join(ROOT, 'miniapp', 'e2e');
const argv = process.argv.slice(2);
/** An instant with its offset, e.g. 2026-11-27T11:59:20+08:00. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const e2eOnly = argv[0] === '--e2e-only';
const database = process.env.DATABASE_URL ? 'MySQL' : 'embedded SQLite';
const stages = [];
async function stage(name, fn) {
  const t = Date.now();
  await fn();
  stages.push(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

try {
  const suites = e2eSuites(e2eOnly ? argv.slice(1) : []);
  log(`running ${e2eOnly ? 'the browser suites' : 'every test'} on ${database}`);
  await stage('build shared', () => run('pnpm', ['--filter', '@tidepool/shared', 'build']));
  if (!e2eOnly) {
    await stage('unit + integration', () =>
      run('pnpm', [
        '--workspace-concurrency=1',
        '--filter',
        '@tidepool/shared',
        '--filter',
        '@tidepool/server',
        '--filter',
        '@tidepool/miniapp',
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
  await stage('server build', () => run('pnpm', ['--filter', '@tidepool/server', 'build']));
  await run('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')]);
  // Every suite runs even when an earlier one failed, so one run shows every broken flow.
  const failed = [];
  for (const suite of suites) {
    await stage(`H5 ${suite.name} (Chromium)`, () =>
      endToEnd(suite).catch((error) => {
        log(`${suite.name} FAILED: ${error.message}`);
        failed.push(suite.name);
      }),
    );
  }
  if (failed.length > 0) throw new Error(`browser suites failed: ${failed.join(', ')}`);
  log(
    `all ${e2eOnly ? 'browser suites' : 'tests'} passed on ${database} in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${stages.join('\n  ')}`,
  );
} catch (error) {
  log(`FAILED: ${error.message}`);
  process.exit(1);
}

/**
 * The browser suites to run: every miniapp/e2e/*.e2e.mjs (sorted), or those named (`drops`, `drops.e2e.mjs`),
 * each with the instant its first line `// @now <ISO>` asks the server's clock to start at (null: none).
 */
function e2eSuites(names) {
  const all = readdirSync(E2E_DIR)
    .filter((f) => f.endsWith('.e2e.mjs'))
    .sort()
    .map((file) => ({ name: file, path: join(E2E_DIR, file), now: suiteNow(join(E2E_DIR, file)) }));
  if (names.length === 0) return all;
  const wanted = names.map((n) => basename(n).replace(/(\.e2e)?\.mjs$/, ''));
  const unknown = wanted.filter((w) => !all.some((s) => s.name === `${w}.e2e.mjs`));
  if (unknown.length > 0) throw new Error(`no e2e suite ${unknown.join(', ')} in miniapp/e2e`);
  return all.filter((s) => wanted.includes(s.name.replace(/\.e2e\.mjs$/, '')));
}

/** `// @now <ISO instant>` on the first line (after a shebang, if any); an unreadable instant is an error. */
function suiteNow(path) {
  const lines = readFileSync(path, 'utf8').split('\n', 2);
  const line = lines[0].startsWith('#!') ? (lines[1] ?? '') : lines[0];
  const match = /^\/\/\s*@now\s+(\S+)\s*$/.exec(line);
  if (!match) return null;
  if (!ISO_INSTANT.test(match[1]) || Number.isNaN(Date.parse(match[1])))
    throw new Error(`${basename(path)}: "@now ${match[1]}" is not an ISO instant with an offset`);
  return match[1];
}

/** One suite against its own server: fresh data directory (and MySQL database), its own clock. */
async function endToEnd(suite) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidepool-e2e-'));
  const port = await freePort();
  const db = process.env.DATABASE_URL ? await freshMysqlDatabase(process.env.DATABASE_URL) : null;
  const now = suite.now ?? process.env.TIDEPOOL_NOW;
  const env = { ...process.env };
  delete env.TIDEPOOL_NOW;
  log(`${suite.name}: server on port ${port}${now ? `, clock from ${now}` : ''}`);
  const server = spawn('node', [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(now ? { TIDEPOOL_NOW: now } : {}),
      ...(db ? { DATABASE_URL: db.url } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
    await run('node', [suite.path], {
      cwd: join(ROOT, 'miniapp'),
      env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}`, ARTIFACTS_DIR: join(ROOT, 'artifacts') },
    });
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  }
}

/** SIGTERM, and wait for the exit so the next suite's server does not race this one's shutdown. */
function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was healthy`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function freshMysqlDatabase(url) {
  const { createRequire } = await import('node:module');
  const mysql = createRequire(join(ROOT, 'server', 'package.json'))('mysql2/promise');
  const server = new URL(url);
  server.pathname = '/';
  const name = `tidepool_e2e_${Date.now()}`;
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    drop: async () => {
      const conn = await mysql.createConnection({ uri: server.toString() });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
