// The drop rush: `DATABASE_URL=mysql://root@127.0.0.1:3306/<any> node scripts/bench-drops.mjs` (MariaDB only; a
// fresh database beside it, dropped afterwards). Starts two built server processes on that database (one per
// core), signs up BENCH_BUYERS members, schedules a drop of BENCH_UNITS units (one per member), and fires every
// buyer's POST /api/drops/:id/orders, BENCH_CONCURRENCY (100) in flight at a time. Prints orders per second, p50/p99 for winners and losers, the
// database connections in use, and the database statements per request; then a second wave at the sold-out drop;
// then, in the same run, the raw limit: conditional `UPDATE … SET sold = sold + 1 WHERE id = ? AND sold < cap` on
// one row through mysql2 at the same concurrency, and the ratios.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from './bench-lib.mjs';
import { ROOT, run } from './lib.mjs';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 2000);
const UNITS = Number(process.env.BENCH_UNITS ?? 300);
const POOL = Number(process.env.BENCH_DB_POOL ?? 10);
/** Buyers in flight at once (keep-alive connections, split over the two processes); the raw loop uses the same. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);

/** Runs `task(i)` for every i < count with `concurrency` workers; results in index order. */
async function crowd(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let i = next++; i < count; i = next++) results[i] = await task(i);
    }),
  );
  return results;
}
if (!process.env.DATABASE_URL?.startsWith('mysql://')) {
  console.error('bench-drops needs DATABASE_URL=mysql://… (the rush is measured on MariaDB/MySQL)');
  process.exit(2);
}

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const mysql = require('mysql2/promise');
const { PRIVACY_TERMS_VERSION } = require('@tidepool/shared');
const { database, drop: dropDatabase } = await scratchDatabase(require);

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function startServer(extra) {
  const port = await freePort();
  const child = spawn('node', [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DB_POOL_SIZE: String(POOL),
      LOG_LEVEL: 'error',
      NODE_ENV: 'development',
      JOBS_ENABLED: 'false',
      TIDEPOOL_NOW: '2026-11-27T12:00:05+08:00',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child };
}

async function post(base, url, body, token) {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const ms = (x) => `${x.toFixed(1)} ms`;

/** Samples the server's connection counters while `work` runs. */
async function withConnectionSampling(work) {
  const probe = await mysql.createConnection({ uri: database.url });
  const status = async (name) => Number((await probe.query(`SHOW GLOBAL STATUS LIKE '${name}'`))[0][0].Value);
  let maxConnected = 0;
  let maxRunning = 0;
  let sampling = true;
  let own = 0; // the sampler's own statements, subtracted below
  const questionsBefore = await status('Questions');
  const sampler = (async () => {
    while (sampling) {
      maxConnected = Math.max(maxConnected, await status('Threads_connected'));
      maxRunning = Math.max(maxRunning, await status('Threads_running'));
      own += 2;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const result = await work();
  sampling = false;
  await sampler;
  const questions = (await status('Questions')) - questionsBefore - own - 1;
  await probe.end();
  return { result, maxConnected, maxRunning, questions };
}

const servers = [];
try {
  servers.push(await startServer({}));
  servers.push(await startServer({ SEED_DEMO: 'false' }));
  const [a] = servers;
  const operator = (await post(a.base, '/api/auth/staff-login', { username: 'operator', password: 'tidepool123' })).body
    .accessToken;
  const products = await fetch(`${a.base}/api/catalog/products?pageSize=1`).then((r) => r.json());
  const product = await fetch(`${a.base}/api/catalog/products/${products.items[0].id}`).then((r) => r.json());

  console.log(`signing up ${BUYERS} members …`);
  const tokens = [];
  for (let start = 0; start < BUYERS; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, BUYERS - start) }, async (_, k) => {
        const n = start + k;
        const s = servers[n % 2];
        const token = (await post(s.base, '/api/auth/wechat-login', { code: `dev-bench-${n}` })).body.accessToken;
        const phone = `1370${String(n).padStart(7, '0')}`;
        const res = await post(
          s.base,
          '/api/members/signup',
          { phoneCode: `dev-phone-${phone}`, consentVersion: PRIVACY_TERMS_VERSION },
          token,
        );
        if (res.status !== 200) throw new Error(`signup ${n}: ${res.status}`);
        tokens[n] = token;
      }),
    );
  }
  const drop = (
    await post(
      a.base,
      '/api/admin/drops',
      {
        title: '压测团购',
        recurrence: 'ONCE',
        opensAt: '2026-11-27T12:00:00+08:00',
        closesAt: '2026-11-27T18:00:00+08:00',
        items: [{ skuId: product.skus[0].id, dropPriceFen: 100, cap: UNITS, perMemberLimit: 1 }],
      },
      operator,
    )
  ).body;
  const itemId = drop.items[0].id;

  async function rush(label, ids) {
    const started = performance.now();
    const outcomes = await crowd(BUYERS, CONCURRENCY, async (n) => {
      const token = tokens[n];
      const t0 = performance.now();
      const res = await post(
        servers[n % 2].base,
        `/api/drops/${drop.id}/orders`,
        {
          dropItemId: itemId,
          quantity: 1,
          clientOrderId: `rush-${ids}-${n}`,
          fulfilment: 'PICKUP',
          pickupStoreId: 1,
        },
        token,
      );
      const t1 = performance.now();
      return { status: res.status, code: res.body.code, latency: t1 - t0, doneAt: t1 - started };
    });
    const total = (performance.now() - started) / 1000;
    const winners = outcomes.filter((o) => o.status === 201);
    const losers = outcomes.filter((o) => o.status === 409);
    const other = outcomes.filter((o) => o.status !== 201 && o.status !== 409);
    const w = winners.map((o) => o.latency).sort((x, y) => x - y);
    const l = losers.map((o) => o.latency).sort((x, y) => x - y);
    const lastWin = Math.max(0, ...winners.map((o) => o.doneAt)) / 1000;
    const r = {
      winners: winners.length,
      losers: losers.length,
      other: other.length,
      ordersPerSecond: winners.length ? winners.length / lastWin : 0,
      answeredPerSecond: outcomes.length / total,
      winP50: pct(w, 50),
      winP99: pct(w, 99),
      loseP50: pct(l, 50),
      loseP99: pct(l, 99),
      total,
    };
    console.log(
      `${label}: ${r.winners} orders, ${r.losers} refused (${[...new Set(losers.map((o) => o.code))].join('/')}), ${r.other} other; ` +
        `${r.ordersPerSecond.toFixed(0)} orders/s, all ${outcomes.length} answered in ${(total * 1000).toFixed(0)} ms (${r.answeredPerSecond.toFixed(0)}/s)\n` +
        `  winners p50 ${ms(r.winP50)} p99 ${ms(r.winP99)} · losers p50 ${ms(r.loseP50)} p99 ${ms(r.loseP99)}`,
    );
    return r;
  }

  const first = await withConnectionSampling(() =>
    rush(`rush: ${BUYERS} buyers (${CONCURRENCY} at a time), ${UNITS} units, 2 processes`, 'r1'),
  );
  console.log(
    `  database: max ${first.maxConnected} connections open (2 pools of ${POOL} + probe), max ${first.maxRunning} running; ${first.questions} statements (${(first.questions / BUYERS).toFixed(1)} per request)`,
  );
  const second = await withConnectionSampling(() => rush(`second wave at the sold-out drop`, 'r2'));
  console.log(
    `  database: ${second.questions} statements for ${BUYERS} requests (${(second.questions / BUYERS).toFixed(2)} per request; the ${UNITS} buyers holding a unit cost one read each, to return a retried order; the rest none but a recheck per process per second)`,
  );

  // The cheapest request through the same stack, same crowd: what HTTP alone costs on this machine.
  const healthStarted = performance.now();
  const health = await crowd(BUYERS, CONCURRENCY, async (n) => {
    const t0 = performance.now();
    await fetch(`${servers[n % 2].base}/api/health`).then((r) => r.arrayBuffer());
    return performance.now() - t0;
  });
  const healthPerSecond = BUYERS / ((performance.now() - healthStarted) / 1000);
  health.sort((x, y) => x - y);
  console.log(
    `baseline GET /api/health, ${BUYERS} requests ${CONCURRENCY} at a time: ${healthPerSecond.toFixed(0)}/s, p50 ${ms(pct(health, 50))} p99 ${ms(pct(health, 99))}`,
  );

  const conn = await mysql.createConnection({ uri: database.url });
  const [[item]] = await conn.query('SELECT cap, sold, reserved FROM drop_items WHERE id = ?', [itemId]);
  const [[orders]] = await conn.query('SELECT COUNT(*) AS n FROM orders WHERE dropId = ?', [drop.id]);
  const [[negative]] = await conn.query('SELECT COUNT(*) AS n FROM drop_member_holds WHERE held < 0 OR held > 1');
  console.log(
    `check: cap ${item.cap}, reserved ${item.reserved}, sold ${item.sold}, left ${item.cap - item.sold - item.reserved}; ${orders.n} orders; ${negative.n} holds out of range → ${Number(orders.n) === UNITS && item.reserved === UNITS ? 'zero oversell' : 'MISMATCH'}`,
  );

  // The raw limit, same run, same concurrency: one hot row, conditional UPDATE through mysql2.
  await conn.query('CREATE TABLE bench_hot (id INT PRIMARY KEY, sold INT NOT NULL, cap INT NOT NULL) ENGINE=InnoDB');
  await conn.query('INSERT INTO bench_hot VALUES (1, 0, ?)', [UNITS]);
  await conn.end();
  const pool = mysql.createPool({ uri: database.url, connectionLimit: CONCURRENCY });
  const rawStarted = performance.now();
  const raw = await crowd(BUYERS, CONCURRENCY, async () => {
    const t0 = performance.now();
    const [res] = await pool.query('UPDATE bench_hot SET sold = sold + 1 WHERE id = 1 AND sold < cap');
    const t1 = performance.now();
    return { won: res.affectedRows === 1, latency: t1 - t0, doneAt: t1 - rawStarted };
  });
  const rawTotal = (performance.now() - rawStarted) / 1000;
  await pool.end();
  const rawWins = raw.filter((r) => r.won);
  const rawLastWin = Math.max(...rawWins.map((r) => r.doneAt)) / 1000;
  const rw = rawWins.map((r) => r.latency).sort((x, y) => x - y);
  const rl = raw
    .filter((r) => !r.won)
    .map((r) => r.latency)
    .sort((x, y) => x - y);
  const rawOrders = rawWins.length / rawLastWin;
  const rawAnswered = BUYERS / rawTotal;
  console.log(
    `raw hot row (${BUYERS} attempts, ${CONCURRENCY} at a time over ${CONCURRENCY} connections): ${rawWins.length} won, ${rawOrders.toFixed(0)} wins/s, all answered ${rawAnswered.toFixed(0)}/s\n` +
      `  winners p50 ${ms(pct(rw, 50))} p99 ${ms(pct(rw, 99))} · losers p50 ${ms(pct(rl, 50))} p99 ${ms(pct(rl, 99))}`,
  );
  console.log(
    `ratio (HTTP ÷ raw): orders/s ${(first.result.ordersPerSecond / rawOrders).toFixed(2)}×, requests answered/s ${(first.result.answeredPerSecond / rawAnswered).toFixed(2)}× (sold-out wave ${(second.result.answeredPerSecond / rawAnswered).toFixed(2)}×); losers p99 ${ms(first.result.loseP99)} (target < 200 ms)\n` +
      `ratio to the health baseline: rush answered/s ${(first.result.answeredPerSecond / healthPerSecond).toFixed(2)}×, sold-out wave ${(second.result.answeredPerSecond / healthPerSecond).toFixed(2)}×`,
  );
} finally {
  for (const s of servers) s.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase();
}
