// Commission settlement on MariaDB/MySQL: `DATABASE_URL=mysql://root@127.0.0.1:3306/test node scripts/bench-commission-settlement.mjs`
// (without DATABASE_URL it runs on a scratch SQLite file). A fresh database is created beside the given one and
// dropped. Builds shared + server, boots the real application in-process from server/dist, loads BENCH_COMMISSIONS
// (default 100 000) PENDING commissions on completed orders spread over BENCH_PROMOTERS (1 000) promoters, then
// times the nightly job's work — CommissionsService.settleDue — making them all AVAILABLE (one ledger entry per
// commission, one account update per promoter per chunk), and a second run that finds nothing to do.
// Prints the figures; exits non-zero if the ledger and the accounts do not reconcile afterwards.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const COMMISSIONS = Number(process.env.BENCH_COMMISSIONS ?? 100_000);
const PROMOTERS = Number(process.env.BENCH_PROMOTERS ?? 1_000);
const BATCH = 500;

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { CommissionsService } = require('./dist/modules/distribution/commissions.service.js');
const {
  Commission,
  CommissionEntry,
  Promoter,
  PromoterAccount,
} = require('./dist/modules/distribution/distribution.entities.js');
const { Order } = require('./dist/modules/orders/order.entity.js');
const { DataSource } = require('typeorm');

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
let failed = false;
try {
  const ds = app.get(DataSource);
  const version = db.database.kind === 'mysql' ? (await ds.query('SELECT VERSION() AS v'))[0].v : 'SQLite';
  log(`database: ${version}; ${COMMISSIONS} commissions over ${PROMOTERS} promoters`);

  // Load: promoters with empty accounts, completed orders 30 days ago, one PENDING commission per order.
  const now = new Date();
  const completedAt = new Date(now.getTime() - 30 * 86_400_000);
  const loadStarted = performance.now();
  for (let p = 0; p < PROMOTERS; p += BATCH) {
    const rows = [];
    for (let i = p; i < Math.min(PROMOTERS, p + BATCH); i++) {
      rows.push({
        id: i + 1,
        memberId: 5_000_000 + i,
        staffId: null,
        source: 'APPLICATION',
        status: 'APPROVED',
        displayName: `推手${i}`,
        avatarUrl: null,
        realName: null,
        inviterPromoterId: null,
        inviteToken: `bench${i}`,
        appliedAt: completedAt,
        approvedAt: completedAt,
        rejectReason: null,
      });
    }
    await ds.createQueryBuilder().insert().into(Promoter).values(rows).updateEntity(false).execute();
  }
  const promoterIds = (await ds.getRepository(Promoter).find({ select: { id: true } })).map((p) => p.id);
  await ds
    .createQueryBuilder()
    .insert()
    .into(PromoterAccount)
    .values(promoterIds.map((promoterId) => ({ promoterId })))
    .updateEntity(false)
    .execute();
  let expectedFen = 0;
  for (let o = 0; o < COMMISSIONS; o += BATCH) {
    const orders = [];
    const count = Math.min(BATCH, COMMISSIONS - o);
    for (let i = o; i < o + count; i++) {
      orders.push({
        id: i + 1,
        orderNo: `BENCH${String(i).padStart(12, '0')}`,
        memberId: 6_000_000 + (i % 50_000),
        clientKey: `bench-${i}`,
        state: 'COMPLETED',
        subtotalFen: 10_000,
        totalDiscountFen: 0,
        payableFen: 10_000,
        discounts: [],
        ruleVersions: {},
        couponIds: [],
        fulfilment: 'PICKUP',
        address: null,
        pickupStoreId: null,
        remark: '',
        pointsToAward: 0,
        createdAt: completedAt,
        reservationExpiresAt: completedAt,
        prepayOpened: true,
        paidAt: completedAt,
        transactionId: `BENCHTX${i}`,
        cancelledAt: null,
        cancelReason: null,
        fulfilledAt: completedAt,
        completedAt,
      });
    }
    await ds.createQueryBuilder().insert().into(Order).values(orders).updateEntity(false).execute();
    const orderIds = orders.map((x) => x.id);
    const commissions = orderIds.map((orderId, k) => {
      const accruedFen = 1_000 + ((o + k) % 7);
      const reversedFen = (o + k) % 10 === 0 ? 300 : 0; // a partial refund on every tenth
      expectedFen += accruedFen - reversedFen;
      return {
        orderId,
        level: 1,
        promoterId: promoterIds[(o + k) % promoterIds.length],
        buyerMemberId: 6_000_000 + ((o + k) % 50_000),
        shareTokenId: null,
        baseFen: 10_000,
        accruedFen,
        reversedFen,
        status: 'PENDING',
        lines: [],
        version: 0,
        paidAt: completedAt,
        settledAt: null,
        createdAt: completedAt,
      };
    });
    await ds.createQueryBuilder().insert().into(Commission).values(commissions).updateEntity(false).execute();
  }
  // The pending balances the accruals (and partial reversals) would have left.
  await ds.query(
    'UPDATE promoter_accounts SET pendingFen = (SELECT COALESCE(SUM(accruedFen - reversedFen), 0) FROM commissions c WHERE c.promoterId = promoter_accounts.promoterId)',
  );
  log(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const service = app.get(CommissionsService);
  const t0 = performance.now();
  const first = await service.settleDue(now);
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const second = await service.settleDue(now);
  const againMs = performance.now() - t1;

  console.log(
    `settlement of ${first.settled} commissions: ${seconds.toFixed(2)} s  (${(first.settled / seconds).toFixed(0)} commissions/s, ${first.settledFen} fen)`,
  );
  console.log(`second run (nothing due): ${againMs.toFixed(0)} ms, settled ${second.settled}`);

  const entries = await ds.getRepository(CommissionEntry).count({ where: { type: 'SETTLE' } });
  const [{ pending, available }] = await ds.query(
    'SELECT COALESCE(SUM(pendingFen), 0) AS pending, COALESCE(SUM(availableFen), 0) AS available FROM promoter_accounts',
  );
  const stillPending = await ds.getRepository(Commission).count({ where: { status: 'PENDING' } });
  const ok =
    first.settled === COMMISSIONS &&
    second.settled === 0 &&
    entries === COMMISSIONS &&
    Number(pending) === 0 &&
    Number(available) === expectedFen &&
    first.settledFen === expectedFen &&
    stillPending === 0;
  console.log(
    `reconciled: ${ok ? 'yes' : 'NO'} (SETTLE entries ${entries}, available ${available} fen = expected ${expectedFen}, pending ${pending}, still PENDING ${stillPending})`,
  );
  failed = !ok;
} finally {
  await app.close();
  await db.drop();
}
process.exit(failed ? 1 : 0);
