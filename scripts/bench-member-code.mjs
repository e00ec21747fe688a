// Member-code verification latency: `node scripts/bench-member-code.mjs` (SQLite in a temp dir) or with
// DATABASE_URL=mysql://root@127.0.0.1:3306/<any> (a fresh database is created beside it and dropped).
// Builds shared + server, boots the real app on a free port, signs up N members with credentials, then has the
// two demo cashiers scan fresh codes over HTTP. Prints p50/p95/p99 of POST /api/store-mode/scans and, as the
// baseline measured in the same run on the same server, GET /api/health (a request that does one trivial query).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { log, ROOT, run } from './lib.mjs';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { memberCodeAt, PRIVACY_TERMS_VERSION } = require('@tidepool/shared');

const dataDir = mkdtempSync(join(tmpdir(), 'tidepool-bench-'));
let database;
let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const mysql = require('mysql2/promise');
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/';
  const name = `tidepool_bench_${Date.now()}`;
  const conn = await mysql.createConnection({ uri: admin.toString() });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  database = { kind: 'mysql', url: url.toString(), poolSize: 10 };
  dropDatabase = async () => {
    const c = await mysql.createConnection({ uri: admin.toString() });
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
  };
}

const config = {
  ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', AUTH_TOKEN_SECRET: 'bench-'.repeat(8) }),
  dataDir,
  ...(database ? { database } : { database: { kind: 'sqlite', file: join(dataDir, 'tidepool.sqlite') } }),
  storeScansPerMinute: 1_000_000,
  h5Dir: join(dataDir, 'no-h5'),
};
const app = await createApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;

async function call(method, path, body, token) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

try {
  log(`bench: ${database ? 'MariaDB/MySQL' : 'SQLite'}, ${MEMBERS} members, concurrency ${CONCURRENCY}`);
  const cashiers = [];
  for (const username of ['cashier.sh001', 'cashier.sh002']) {
    cashiers.push(
      (await call('POST', '/api/auth/staff-login', { username, password: 'tidepool123' })).json.accessToken,
    );
  }
  const credentials = [];
  for (let i = 0; i < MEMBERS; i++) {
    const { accessToken } = (await call('POST', '/api/auth/wechat-login', { code: `dev-bench-${i}` })).json;
    const phone = `1580000${String(i).padStart(4, '0')}`;
    const signup = await call(
      'POST',
      '/api/members/signup',
      { phoneCode: `dev-phone-${phone}`, consentVersion: PRIVACY_TERMS_VERSION },
      accessToken,
    );
    if (signup.status !== 200) throw new Error(`signup failed: ${JSON.stringify(signup.json)}`);
    credentials.push((await call('POST', '/api/members/me/code-credential', undefined, accessToken)).json);
  }

  async function measure(label, count, request) {
    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < count; i = next++) {
          const t0 = performance.now();
          await request(i);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const result = { label, count, perSecond: count / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
    console.log(
      `${label.padEnd(34)} n=${count}  ${result.perSecond.toFixed(0).padStart(5)}/s  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms`,
    );
    return result;
  }

  // Warm up both paths (JIT, connection pool).
  await measure('warm-up health', 200, () => call('GET', '/api/health'));
  const baseline = await measure('baseline GET /api/health', MEMBERS, () => call('GET', '/api/health'));
  let refused = 0;
  const shown = [];
  const scans = await measure('POST /api/store-mode/scans', MEMBERS, async (i) => {
    const code = (shown[i] = memberCodeAt(credentials[i], Date.now()));
    const res = await call('POST', '/api/store-mode/scans', { code }, cashiers[i % 2]);
    if (res.status !== 200) refused++;
  });
  let used = 0;
  const replays = await measure('replayed code (MEMBER_CODE_USED)', MEMBERS, async (i) => {
    const res = await call('POST', '/api/store-mode/scans', { code: shown[i] }, cashiers[(i + 1) % 2]);
    if (res.status === 409 || res.json?.code === 'MEMBER_CODE_EXPIRED') used++;
  });
  console.log(
    `accepted ${MEMBERS - refused}/${MEMBERS} fresh codes; ${used}/${MEMBERS} replays of the same codes refused (MEMBER_CODE_USED, or EXPIRED once a minute has passed)`,
  );
  console.log(
    `ratio: scan p50 = ${(scans.p50 / baseline.p50).toFixed(2)}× health p50; scan p95 = ${(scans.p95 / baseline.p95).toFixed(2)}× health p95; replay p50 = ${replays.p50.toFixed(2)} ms`,
  );
  if (refused > 0 || used < MEMBERS) process.exitCode = 1;
} finally {
  await app.close();
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}
