// Member-code verification latency: `node scripts/bench-member-code.mjs` (SQLite in a temp dir) or with
// DATABASE_URL=mysql://root@127.0.0.1:3306/<any> (a fresh database is created beside it and dropped).
// Builds shared + server, boots the real app on a free port, signs up N members with credentials, then has the
// two demo cashiers scan fresh codes over HTTP. Prints p50/p95/p99 of POST /api/store-mode/scans and, as the
// baseline measured in the same run on the same server, GET /api/health (a request that does one trivial query).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { measure, scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { memberCodeAt, PRIVACY_TERMS_VERSION } = require('@tidepool/shared');

const { dataDir, database, drop: dropDatabase } = await scratchDatabase(require);

const config = {
  ...loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' }),
  dataDir,
  database,
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
  log(
    `bench: ${database.kind === 'mysql' ? 'MariaDB/MySQL' : 'SQLite'}, ${MEMBERS} members, concurrency ${CONCURRENCY}`,
  );
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

  // Warm up both paths (JIT, connection pool).
  await measure('warm-up health', 200, CONCURRENCY, () => call('GET', '/api/health'));
  const baseline = await measure('baseline GET /api/health', MEMBERS, CONCURRENCY, () => call('GET', '/api/health'));
  let refused = 0;
  const shown = [];
  const scans = await measure('POST /api/store-mode/scans', MEMBERS, CONCURRENCY, async (i) => {
    const code = (shown[i] = memberCodeAt(credentials[i], Date.now()));
    const res = await call('POST', '/api/store-mode/scans', { code }, cashiers[i % 2]);
    if (res.status !== 200) refused++;
  });
  let used = 0;
  const replays = await measure('replayed code (MEMBER_CODE_USED)', MEMBERS, CONCURRENCY, async (i) => {
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
}
