// The growth engine's nightly member-facts recompute on MariaDB:
// `DATABASE_URL=mysql://root@127.0.0.1:3306/test node scripts/bench-growth.mjs` (MariaDB only: the data are
// generated with its sequence tables). A fresh database is created beside the given one and dropped. Builds shared
// + server, boots the real application in-process from server/dist, then:
//  1. generates BENCH_MEMBERS (default 1 000 000) members and BENCH_ORDERS (5 000 000) paid orders over two years
//     (every tenth a drop order, every third a pickup, 2% with a line refund, 0.5% wholly refunded) and
//     BENCH_TILL_SALES (1 000 000) till sales, all with set-based INSERT ... SELECT FROM seq_1_to_N;
//  2. runs the recompute once to build member_facts (every member's first stages and events), then times a
//     nightly run a day later (the target: < 5 minutes) against a raw-SQL baseline of the same aggregate over the
//     same orders and sales;
//  3. times a segment-style count on member_facts (stage = 'DECLINE' AND spend365Fen >= X; target < 2 s) against
//     the same question asked of the raw orders.
// Prints the SQL statement counts (statements sent through TypeORM) and the ratios.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? MEMBERS * 5);
const TILL_SALES = Number(process.env.BENCH_TILL_SALES ?? MEMBERS);
const SEGMENT_SPEND_FEN = 20_000;
const DAY_MS = 86_400_000;

if (!process.env.DATABASE_URL) {
  console.error('bench-growth needs DATABASE_URL=mysql://… (MariaDB: the data come from its sequence tables)');
  process.exit(2);
}

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { MemberFactsRecomputeJob } = require('./dist/modules/member-facts/member-facts-recompute.job.js');
const { DataSource } = require('typeorm');
const { MysqlQueryRunner } = require('typeorm/driver/mysql/MysqlQueryRunner.js');

// Counts every statement TypeORM sends (the job's reads, upserts, history rows and events).
let statements = 0;
const originalQuery = MysqlQueryRunner.prototype.query;
MysqlQueryRunner.prototype.query = function (...args) {
  statements++;
  return originalQuery.apply(this, args);
};

const db = await scratchDatabase(require);
const config = {
  ...loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' }),
  dataDir: db.dataDir,
  database: db.database,
  seedDemo: false,
  jobsEnabled: false,
  h5Dir: join(db.dataDir, 'no-h5'),
};
const app = await createApp(config);
await app.init();
const seconds = (t0) => (performance.now() - t0) / 1000;
try {
  const ds = app.get(DataSource);
  const [{ v: version }] = await ds.query('SELECT VERSION() AS v');
  log(`database: ${version}; ${MEMBERS} members, ${ORDERS} orders, ${TILL_SALES} till sales over two years`);
  const now = new Date();
  const nowSql = now.toISOString().slice(0, 23).replace('T', ' ');
  const seq = (n) => `seq_1_to_${n}`;

  let t0 = performance.now();
  await ds.query(
    `INSERT INTO members (id, openid, signedUpAt, birthday, signupStoreId, createdAt, lastLoginAt)
     SELECT seq, CONCAT('bench-', seq), TIMESTAMP(?) - INTERVAL 800 DAY,
       CASE WHEN seq % 3 = 0 THEN CONCAT(LPAD(1 + seq % 12, 2, '0'), '-15') ELSE NULL END,
       CASE WHEN seq % 4 = 0 THEN 1 ELSE NULL END, TIMESTAMP(?) - INTERVAL 800 DAY, TIMESTAMP(?)
     FROM ${seq(MEMBERS)}`,
    [nowSql, nowSql, nowSql],
  );
  // Members' activity is skewed: the multiplier spreads orders over all members, the offset over two years.
  await ds.query(
    `INSERT INTO orders (id, orderNo, memberId, clientKey, state, subtotalFen, totalDiscountFen, payableFen, discounts,
       ruleVersions, couponIds, fulfilment, pickupStoreId, remark, pointsToAward, createdAt, reservationExpiresAt,
       prepayOpened, paidAt, dropId)
     SELECT seq, CONCAT('B', seq), 1 + (seq * 7919) % ${MEMBERS}, CONCAT('bench:', seq), 'COMPLETED',
       1000 + seq % 30000, 0, 1000 + seq % 30000, '[]', '{}', '[]',
       CASE WHEN seq % 3 = 0 THEN 'PICKUP' ELSE 'SHIP' END, CASE WHEN seq % 3 = 0 THEN 1 ELSE NULL END, '', 0,
       TIMESTAMP(?) - INTERVAL (seq * 104729) % (730 * 86400) SECOND,
       TIMESTAMP(?) - INTERVAL (seq * 104729) % (730 * 86400) SECOND + INTERVAL 15 MINUTE, 1,
       TIMESTAMP(?) - INTERVAL (seq * 104729) % (730 * 86400) SECOND,
       CASE WHEN seq % 10 = 0 THEN 1 + seq % 50 ELSE NULL END
     FROM ${seq(ORDERS)}`,
    [nowSql, nowSql, nowSql],
  );
  await ds.query(
    `INSERT INTO payment_refunds (orderId, outRefundNo, kind, transactionId, amountFen, totalFen, lineIds, status,
       createdAt, settledAt)
     SELECT o.id, CONCAT('BR', o.id), 'LINES', CONCAT('bench-tx-', o.id),
       CASE WHEN o.id % 200 = 0 THEN o.payableFen ELSE 500 END, o.payableFen, '[]', 'SUCCESS', o.paidAt, o.paidAt
     FROM orders o WHERE o.id % 50 = 0 OR o.id % 200 = 0`,
  );
  await ds.query(
    `INSERT INTO till_transactions (clientId, storeId, staffId, scanId, memberId, subtotalFen, payableFen,
       paymentMethod, discounts, couponIds, items, ruleVersions, pointsAwarded, growthAwarded, status, createdAt)
     SELECT CONCAT('bench-till-', seq), 1 + seq % 3, 1, 1, 1 + (seq * 6007) % ${MEMBERS}, 500 + seq % 9000,
       500 + seq % 9000, 'CASH', '[]', '[]', '[]', '{}', 0, 0,
       CASE WHEN seq % 40 = 0 THEN 'REFUNDED' ELSE 'COMPLETED' END,
       TIMESTAMP(?) - INTERVAL (seq * 15485863) % (730 * 86400) SECOND
     FROM ${seq(TILL_SALES)}`,
    [nowSql],
  );
  await ds.query('ANALYZE TABLE members, orders, payment_refunds, till_transactions');
  log(`generated in ${seconds(t0).toFixed(1)} s`);

  const job = app.get(MemberFactsRecomputeJob);
  statements = 0;
  t0 = performance.now();
  const initial = await job.run(now);
  const initialS = seconds(t0);
  const initialStatements = statements;
  log(
    `initial build: ${initialS.toFixed(1)} s, ${initialStatements} statements; ` +
      `checked ${initial.checked}, written ${initial.repaired}, stage changes ${initial.stageChanges}`,
  );

  // The next night: purchases leave the window and members slip between stages with no event at all.
  const nextNight = new Date(now.getTime() + DAY_MS);
  statements = 0;
  t0 = performance.now();
  const nightly = await job.run(nextNight);
  const nightlyS = seconds(t0);
  const nightlyStatements = statements;

  // The same aggregate in plain SQL, per member in one statement each for orders and till sales (no comparison,
  // no writes, no stages): the floor a set-based recompute is measured against.
  const since = new Date(nextNight.getTime() - 365 * DAY_MS);
  const sinceSql = since.toISOString().slice(0, 23).replace('T', ' ');
  const nextSql = nextNight.toISOString().slice(0, 23).replace('T', ' ');
  t0 = performance.now();
  const [orderAgg] = await ds.query(
    `SELECT COUNT(*) AS members, SUM(n) AS purchases FROM (
       SELECT p.memberId, COUNT(*) AS n, SUM(CASE WHEN p.paidAt >= ? THEN p.netFen ELSE 0 END) AS spend,
         MIN(p.paidAt) AS firstAt, MAX(p.paidAt) AS lastAt
       FROM (SELECT o.memberId, o.paidAt, o.payableFen - COALESCE((SELECT SUM(r.amountFen) FROM payment_refunds r
               WHERE r.orderId = o.id AND r.status = 'SUCCESS' AND r.kind = 'LINES'), 0) AS netFen
             FROM orders o WHERE o.paidAt IS NOT NULL AND o.paidAt <= ?
               AND o.state IN ('PAID', 'FULFILLED', 'COMPLETED')) p
       WHERE p.netFen > 0 GROUP BY p.memberId) x`,
    [sinceSql, nextSql],
  );
  await ds.query(
    `SELECT COUNT(*) AS members FROM (SELECT s.memberId, COUNT(*) AS n, SUM(CASE WHEN s.createdAt >= ? THEN s.payableFen ELSE 0 END) AS spend,
       MIN(s.createdAt) AS firstAt, MAX(s.createdAt) AS lastAt FROM till_transactions s
       WHERE s.status = 'COMPLETED' AND s.createdAt <= ? GROUP BY s.memberId) x`,
    [sinceSql, nextSql],
  );
  const baselineS = seconds(t0);

  // A segment: members in decline who spent at least ¥200 in the year.
  t0 = performance.now();
  const [{ n: segmentFacts }] = await ds.query(
    `SELECT COUNT(*) AS n FROM member_facts WHERE stage = 'DECLINE' AND spend365Fen >= ?`,
    [SEGMENT_SPEND_FEN],
  );
  const segmentFactsS = seconds(t0);
  // The nearest raw question: at least two purchases in the year, the last 30..120 days ago, spend >= X (orders
  // only; the stage's typical-gap rule and the till are left out, which only makes the raw query cheaper).
  t0 = performance.now();
  const [{ n: segmentRaw }] = await ds.query(
    `SELECT COUNT(*) AS n FROM (
       SELECT o.memberId FROM orders o
       WHERE o.paidAt >= ? AND o.paidAt <= ? AND o.state IN ('PAID', 'FULFILLED', 'COMPLETED')
       GROUP BY o.memberId
       HAVING COUNT(*) >= 2 AND SUM(o.payableFen - COALESCE((SELECT SUM(r.amountFen) FROM payment_refunds r
               WHERE r.orderId = o.id AND r.status = 'SUCCESS' AND r.kind = 'LINES'), 0)) >= ?
         AND MAX(o.paidAt) <= ? - INTERVAL 30 DAY AND MAX(o.paidAt) >= ? - INTERVAL 120 DAY) x`,
    [sinceSql, nextSql, SEGMENT_SPEND_FEN, nextSql, nextSql],
  );
  const segmentRawS = seconds(t0);

  console.log('');
  console.log(`members ${MEMBERS}, orders ${ORDERS}, till sales ${TILL_SALES} (${version})`);
  console.log(
    `initial build        ${initialS.toFixed(1).padStart(8)} s  ${String(initialStatements).padStart(9)} statements  ` +
      `(${initial.batches} batches; ${initial.stageChanges} first stages recorded, each with its event)`,
  );
  console.log(
    `nightly recompute    ${nightlyS.toFixed(1).padStart(8)} s  ${String(nightlyStatements).padStart(9)} statements  ` +
      `checked ${nightly.checked}, repaired ${nightly.repaired}, stage changes ${nightly.stageChanges}  ` +
      `(target < 300 s: ${nightlyS < 300 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `raw-SQL aggregate    ${baselineS.toFixed(1).padStart(8)} s          2 statements  ` +
      `(${orderAgg.members} members with online purchases); nightly / raw = ${(nightlyS / baselineS).toFixed(1)}x, ` +
      `${(nightlyStatements / Math.max(1, nightly.batches)).toFixed(1)} statements per batch of ${1000}`,
  );
  console.log(
    `segment on facts     ${(segmentFactsS * 1000).toFixed(0).padStart(8)} ms (${segmentFacts} members; target < 2 s: ` +
      `${segmentFactsS < 2 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `segment on raw       ${(segmentRawS * 1000).toFixed(0).padStart(8)} ms (${segmentRaw} members); raw / facts = ` +
      `${(segmentRawS / Math.max(segmentFactsS, 1e-6)).toFixed(0)}x`,
  );
} finally {
  await app.close();
  await db.drop();
}
process.exit(0);
