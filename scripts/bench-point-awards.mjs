// Point-award throughput on MariaDB/MySQL: `node scripts/bench-point-awards.mjs`
// (DATABASE_URL=mysql://root@127.0.0.1:3306/<any>, that server by default; a fresh database is created beside it
// and dropped). Builds shared + server, boots the real application in-process from server/dist, and measures:
//   1. awards/s through LoyaltyService: one award = `earn` (points lot + entry) then `addGrowth` (growth entry,
//      tier), as a till purchase makes them, at concurrency N over M members;
//   2. in the same run, on the same server, the raw rate of inserting the same points_entries rows with mysql2
//      (one autocommit INSERT each, same concurrency) into a copy of the table, and the rate of the same rows
//      an award writes (3 INSERT + 2 UPDATE) as one plain transaction with no locking or checks.
// Prints each figure and the ratios; exits non-zero if the ledgers do not reconcile afterwards.
// BENCH_AWARDS (default 4000), BENCH_MEMBERS (200), BENCH_CONCURRENCY (16).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const AWARDS = Number(process.env.BENCH_AWARDS ?? 4000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SERVER_URL = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/tidepool';

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { LoyaltyService } = require('./dist/modules/loyalty/loyalty.service.js');
const mysql = require('mysql2/promise');

const scratch = await scratchDatabase(require, SERVER_URL);
const dataDir = scratch.dataDir;
const dbUrl = scratch.database.url;
const config = {
  ...loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' }),
  dataDir,
  database: { ...scratch.database, poolSize: CONCURRENCY },
  seedDemo: false,
  jobsEnabled: false,
  h5Dir: join(dataDir, 'no-h5'),
};
const app = await createApp(config);
await app.init();
const loyalty = app.get(LoyaltyService);
const pool = mysql.createPool({ uri: dbUrl, connectionLimit: CONCURRENCY, timezone: 'Z' });
const [[{ version }]] = await pool.query('SELECT VERSION() AS version');

/** Runs `count` tasks with CONCURRENCY workers; returns throughput and latency percentiles. */
async function measure(label, unit, count, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const result = { perSecond: count / seconds, p50: pct(50), p95: pct(95) };
  console.log(
    `${label.padEnd(52)} n=${count}  ${result.perSecond.toFixed(0).padStart(6)} ${unit}/s  p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms`,
  );
  return result;
}

const memberOf = (i) => 1_000_000 + (i % MEMBERS);
const award = async (prefix, i) => {
  const memberId = memberOf(i);
  const source = { sourceType: 'pos_sale', sourceId: `${prefix}-${i}` };
  await loyalty.earn(memberId, { ...source, points: 10 + (i % 90), reason: '门店消费获得积分' });
  await loyalty.addGrowth(memberId, { ...source, growth: 100 + (i % 900), reason: '门店消费获得成长值' });
};

const entryRow = (prefix, i) => [
  memberOf(i),
  'EARN',
  10 + (i % 90),
  10 + (i % 90),
  0,
  `pos_sale:${prefix}-${i}:EARN`,
  'pos_sale',
  `${prefix}-${i}`,
  null,
  '门店消费获得积分',
  new Date(),
];
const ENTRY_COLUMNS =
  '(memberId, kind, points, availableAfter, debtAfter, idempotencyKey, sourceType, sourceId, reversesEntryId, reason, createdAt)';

try {
  log(`bench: ${version}, ${AWARDS} awards over ${MEMBERS} members, concurrency ${CONCURRENCY}`);
  await pool.query('CREATE TABLE bench_points_entries LIKE points_entries');
  await pool.query('CREATE TABLE bench_points_lots LIKE points_lots');
  await pool.query('CREATE TABLE bench_growth_entries LIKE growth_entries');
  await pool.query('CREATE TABLE bench_points_accounts LIKE points_accounts');
  await pool.query('CREATE TABLE bench_member_tiers LIKE member_tiers');

  // Warm-up: every member's account and tier row exist (first awards create them), JIT and pools are warm.
  await measure('warm-up: first award of each member', 'awards', MEMBERS, (i) => award('warm', i));
  await measure('warm-up: raw INSERT', 'rows', 500, (i) =>
    pool.execute(`INSERT INTO bench_points_entries ${ENTRY_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?)`, entryRow('w', i)),
  );
  const now = new Date();
  for (let m = 0; m < MEMBERS; m++) {
    await pool.execute(
      'INSERT INTO bench_points_accounts (memberId, available, debt, version, createdAt, updatedAt) VALUES (?,?,?,?,?,?)',
      [memberOf(m), 0, 0, 0, now, now],
    );
    await pool.execute(
      'INSERT INTO bench_member_tiers (memberId, growth, tier, version, createdAt, updatedAt) VALUES (?,?,?,?,?,?)',
      [memberOf(m), 0, 'NORMAL', 0, now, now],
    );
  }

  const service = await measure('LoyaltyService.earn + addGrowth (1 award)', 'awards', AWARDS, (i) => award('a', i));
  const raw = await measure('raw INSERT points_entries row (mysql2, autocommit)', 'rows', AWARDS, (i) =>
    pool.execute(`INSERT INTO bench_points_entries ${ENTRY_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?)`, entryRow('r', i)),
  );
  const shaped = await measure("raw award's rows (3 INSERT + 2 UPDATE, 1 tx)", 'awards', AWARDS, async (i) => {
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const row = entryRow('s', i);
      const [entry] = await conn.execute(
        `INSERT INTO bench_points_entries ${ENTRY_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        row,
      );
      const at = new Date();
      await conn.execute(
        'INSERT INTO bench_points_lots (memberId, earnedEntryId, points, remaining, expiresAt, status, createdAt, updatedAt) VALUES (?,?,?,?,?,?,?,?)',
        [row[0], entry.insertId, row[2], row[2], new Date(at.getTime() + 365 * 86_400_000), 'ACTIVE', at, at],
      );
      await conn.execute(
        'UPDATE bench_points_accounts SET available = available + ?, version = version + 1, updatedAt = ? WHERE memberId = ?',
        [row[2], at, row[0]],
      );
      await conn.execute(
        'INSERT INTO bench_growth_entries (memberId, kind, growth, growthAfter, tierAfter, idempotencyKey, sourceType, sourceId, reversesEntryId, reason, createdAt) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
        [
          row[0],
          'EARN',
          100,
          100,
          'NORMAL',
          `pos_sale:s-${i}:EARN`,
          'pos_sale',
          `s-${i}`,
          null,
          '门店消费获得成长值',
          at,
        ],
      );
      await conn.execute(
        'UPDATE bench_member_tiers SET growth = growth + ?, version = version + 1, updatedAt = ? WHERE memberId = ?',
        [100, at, row[0]],
      );
      await conn.commit();
    } catch (error) {
      await conn.rollback();
      throw error;
    } finally {
      conn.release();
    }
  });

  console.log(
    `ratio: raw single-row INSERT = ${(raw.perSecond / service.perSecond).toFixed(1)}× the service's awards/s; ` +
      `raw award-shaped transaction = ${(shaped.perSecond / service.perSecond).toFixed(1)}× ` +
      `(what the service adds per award: the account and tier row locks, the replay lookups, the open-lot read, ` +
      `TypeORM, and two transactions instead of one)`,
  );
  const report = await loyalty.reconcile();
  console.log(
    `reconcile after the run: ${report.pointsAccounts} points accounts, ${report.growthAccounts} growth accounts, ${report.mismatches.length} mismatches`,
  );
  if (report.mismatches.length > 0) process.exitCode = 1;
} finally {
  await pool.end();
  await app.close();
  await scratch.drop();
}
