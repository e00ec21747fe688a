// Checkout and payment-notification throughput: `node scripts/bench-checkout.mjs` (SQLite in a temp dir) or with
// DATABASE_URL=mysql://root@127.0.0.1:3306/<any> (a fresh database beside it, dropped afterwards).
// Boots the built app on a free port with the local WeChat Pay simulator (real signatures, real HTTP delivery),
// then measures, at the same concurrency: POST /api/orders (stock reserved, coupons, pricing), pay + the signed
// notification applied (PENDING_PAYMENT → PAID + outbox), the same notifications replayed (no effect), and as the
// baseline GET /api/health. Prints per-second rates, p50/p95/p99 and the ratios.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { measure, scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 600);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

await run('pnpm', ['build:shared']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { WechatPaySimulator } = require('./dist/modules/payments/wechatpay/sim/wechatpay-simulator.js');
const { OutboxService } = require('./dist/modules/outbox/outbox.service.js');
const { PRIVACY_TERMS_VERSION } = require('@tidepool/shared');

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const { dataDir, database, drop: dropDatabase } = await scratchDatabase(require);

const port = await freePort();
const base = loadConfig({
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  PORT: String(port),
  DATA_DIR: dataDir,
  JOBS_ENABLED: 'false',
});
const config = {
  ...base,
  database,
  h5Dir: join(dataDir, 'no-h5'),
  wechatPay: { ...base.wechatPay, notifyBase: `http://127.0.0.1:${port}` },
};
const app = await createApp(config);
await app.listen({ port, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${port}`;
const sim = app.get(WechatPaySimulator);

async function call(method, path, body, token) {
  const res = await fetch(origin + path, {
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
    `bench: ${database.kind === 'mysql' ? 'MariaDB/MySQL' : 'SQLite'}, ${ORDERS} orders by ${MEMBERS} members, concurrency ${CONCURRENCY}`,
  );
  const { DataSource } = require('typeorm');
  const ds = app.get(DataSource);
  await ds.query('UPDATE skus SET priceFen = 1000, stock = 1000000 WHERE id = 1');
  const tokens = [];
  for (let i = 0; i < MEMBERS; i++) {
    const { accessToken } = (await call('POST', '/api/auth/wechat-login', { code: `dev-bench-buyer-${i}` })).json;
    await call(
      'POST',
      '/api/members/signup',
      { phoneCode: `dev-phone-1590000${String(i).padStart(4, '0')}`, consentVersion: PRIVACY_TERMS_VERSION },
      accessToken,
    );
    tokens.push(accessToken);
  }
  const payable = (
    await call('POST', '/api/orders/quote', { lines: [{ skuId: 1, quantity: 1 }], couponIds: [] }, tokens[0])
  ).json.payableFen;

  await measure('warm-up health', 200, CONCURRENCY, () => call('GET', '/api/health'));
  const baseline = await measure('baseline GET /api/health', ORDERS, CONCURRENCY, () => call('GET', '/api/health'));
  const orders = [];
  let failed = 0;
  const checkout = await measure('POST /api/orders (checkout)', ORDERS, CONCURRENCY, async (i) => {
    const res = await call(
      'POST',
      '/api/orders',
      {
        clientOrderId: `bench-order-${i}`,
        lines: [{ skuId: 1, quantity: 1 }],
        couponIds: [],
        expectedPayableFen: payable,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
      tokens[i % MEMBERS],
    );
    if (res.status === 200) orders[i] = { id: res.json.id, orderNo: res.json.orderNo, token: tokens[i % MEMBERS] };
    else failed++;
  });
  const prepays = [];
  for (let i = 0; i < ORDERS; i++) {
    if (!orders[i]) continue;
    const pay = await call('POST', `/api/orders/${orders[i].id}/pay`, undefined, orders[i].token);
    prepays[i] = pay.json.paymentParams.package.replace('prepay_id=', '');
  }
  let notAccepted = 0;
  const notify = await measure('payment + signed notification → PAID', ORDERS, CONCURRENCY, async (i) => {
    if (!prepays[i]) return;
    const { delivery } = await sim.pay(prepays[i]);
    if (delivery.status !== 204) notAccepted++;
  });
  const replay = await measure('replayed notification (no effect)', ORDERS, CONCURRENCY, async (i) => {
    if (!orders[i]) return;
    const attempt = await sim.redeliver(orders[i].orderNo);
    if (attempt.status !== 204) notAccepted++;
  });
  await app.get(OutboxService).dispatch();
  const [{ paid }] = await ds.query("SELECT COUNT(*) AS paid FROM orders WHERE state = 'PAID'");
  const [{ stock }] = await ds.query('SELECT stock FROM skus WHERE id = 1');
  console.log(
    `orders created ${ORDERS - failed}/${ORDERS}; PAID ${paid}; notifications not accepted ${notAccepted}; stock left ${stock} (of 1000000)`,
  );
  console.log(
    `ratio: checkout ${(checkout.perSecond / baseline.perSecond).toFixed(3)}× health throughput, p95 ${(checkout.p95 / baseline.p95).toFixed(2)}× ; notifications ${notify.perSecond.toFixed(0)}/s first delivery, ${replay.perSecond.toFixed(0)}/s replays`,
  );
  if (failed > 0 || notAccepted > 0 || Number(paid) !== ORDERS || Number(stock) !== 1000000 - ORDERS)
    process.exitCode = 1;
} finally {
  await app.close();
  await dropDatabase();
}
