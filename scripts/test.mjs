// `pnpm test`: every test. Unit and integration tests of shared, server and miniapp; then the compiled weapp home
// page in miniprogram-simulate; then the server started for real with the H5 build driven in Chromium.
// On the embedded SQLite database by default; with DATABASE_URL=mysql://… the server's integration tests and
// the end-to-end run use fresh databases on that MySQL server instead. The end-to-end server's clock starts on a
// Wednesday (TIDEPOOL_NOW), so the member-day flows run whatever day it is.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, H5_INPUTS, log, ROOT, run } from './lib.mjs';

const started = Date.now();
/** The e2e server's clock starts here (a Wednesday, 10:00 Shanghai) unless TIDEPOOL_NOW is set. */
const E2E_NOW = '2026-11-25T10:00:00+08:00';
const database = process.env.DATABASE_URL ? 'MySQL' : 'embedded SQLite';
const stages = [];
async function stage(name, fn) {
  const t = Date.now();
  await fn();
  stages.push(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

try {
  log(`running every test on ${database}`);
  await stage('build shared', () => run('pnpm', ['--filter', '@tidepool/shared', 'build']));
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
  await stage('H5 build', () =>
    buildIfStale('H5 storefront', H5_INPUTS, join(ROOT, 'miniapp', 'dist', 'h5'), () =>
      run('pnpm', ['--filter', '@tidepool/miniapp', 'build:h5']),
    ),
  );
  await stage('server build', () => run('pnpm', ['--filter', '@tidepool/server', 'build']));
  await stage('H5 end to end (Chromium)', endToEnd);
  log(`all tests passed on ${database} in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${stages.join('\n  ')}`);
} catch (error) {
  log(`FAILED: ${error.message}`);
  process.exit(1);
}

async function endToEnd() {
  await run('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')]);
  const dataDir = mkdtempSync(join(tmpdir(), 'tidepool-e2e-'));
  const port = await freePort();
  const db = process.env.DATABASE_URL ? await freshMysqlDatabase(process.env.DATABASE_URL) : null;
  const server = spawn('node', [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The browser flows include the Wednesday member day: start the server's clock on a Wednesday morning.
      TIDEPOOL_NOW: process.env.TIDEPOOL_NOW ?? E2E_NOW,
      ...(db ? { DATABASE_URL: db.url } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
    await run('pnpm', ['--filter', '@tidepool/miniapp', 'test:e2e'], {
      env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}`, ARTIFACTS_DIR: join(ROOT, 'artifacts') },
    });
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  }
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
