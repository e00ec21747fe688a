// The console's 订单 page with many orders: `node scripts/bench-console-orders.mjs` (MariaDB at
// mysql://root@127.0.0.1:3306 by default, a fresh database beside it and dropped afterwards; DATABASE_URL to choose
// the server). Boots the built app with the console and the demo brand, makes real paid and unpaid orders through
// the API (checkout, the WeChat Pay simulator's signed notification), then, as the baseline, measures the 订单 page
// in Chromium with those few orders; copies them in SQL up to BENCH_ORDERS (10,000) spread over 60 days, both
// stores and every state, and measures the same page again. The whole user flow is timed: navigation to /console/
// orders until the first page of rows is on screen, and then a filter (by state and date range) until its rows
// are. Prints median times over BENCH_RUNS loads, the SQL statements the server ran per load (MariaDB's
// `Questions`, less the probe's own), and the ratios against the baseline.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from './bench-lib.mjs';
import { log, ROOT, run } from './lib.mjs';

const TARGET = Number(process.env.BENCH_ORDERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED_ORDERS = 12;

await run('pnpm', ['build:shared']);
await run('pnpm', ['--filter', '@tidepool/console', 'build']);
await run('pnpm', ['build:server']);
const require = createRequire(join(ROOT, 'server', 'package.json'));
const { createApp } = require('./dist/app.factory.js');
const { loadConfig } = require('./dist/config/env.js');
const { WechatPaySimulator } = require('./dist/modules/payments/wechatpay/sim/wechatpay-simulator.js');
const { PRIVACY_TERMS_VERSION } = require('@tidepool/shared');
const { chromium } = createRequire(join(ROOT, 'miniapp', 'package.json'))('@playwright/test');

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const mysqlUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/tidepool';
const { dataDir, database, drop: dropDatabase } = await scratchDatabase(require, mysqlUrl);
const port = await freePort();
const base = loadConfig({
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  PORT: String(port),
  DATA_DIR: dataDir,
  JOBS_ENABLED: 'false',
});
const app = await createApp({
  ...base,
  database,
  h5Dir: join(dataDir, 'no-h5'),
  wechatPay: { ...base.wechatPay, notifyBase: `http://127.0.0.1:${port}` },
});
await app.listen({ port, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${port}`;
const { DataSource } = require('typeorm');
const ds = app.get(DataSource);
const mysql = database.kind === 'mysql';

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
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Statements the database has run so far (MariaDB's global Questions counter; the probe itself counts one). */
async function questions() {
  if (!mysql) return 0;
  const [row] = await ds.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(row.Value ?? row.VALUE);
}

async function makeRealOrders() {
  const sim = app.get(WechatPaySimulator);
  await ds.query('UPDATE skus SET stock = 1000000');
  for (let i = 0; i < SEED_ORDERS; i++) {
    const { accessToken } = await call('POST', '/api/auth/wechat-login', { code: `dev-bench-console-${i}` });
    await call(
      'POST',
      '/api/members/signup',
      { phoneCode: `dev-phone-1581000${String(i).padStart(4, '0')}`, consentVersion: PRIVACY_TERMS_VERSION },
      accessToken,
    );
    const lines = [{ skuId: 1 + (i % 5), quantity: 1 + (i % 2) }];
    const { payableFen } = await call('POST', '/api/orders/quote', { lines, couponIds: [] }, accessToken);
    const order = await call(
      'POST',
      '/api/orders',
      {
        clientOrderId: `bench-console-${i}`,
        lines,
        couponIds: [],
        expectedPayableFen: payableFen,
        fulfilment: 'PICKUP',
        pickupStoreId: 1 + (i % 2),
      },
      accessToken,
    );
    if (i % 3 !== 0) {
      const pay = await call('POST', `/api/orders/${order.id}/pay`, undefined, accessToken);
      await sim.pay(pay.paymentParams.package.replace('prepay_id=', ''));
    }
  }
}

/** Copies the real orders (every column, unique ones made unique) and their lines until there are `target`. */
async function copyOrdersTo(target) {
  const originals = await ds.query('SELECT * FROM orders ORDER BY id');
  const items = await ds.query('SELECT * FROM order_items ORDER BY id');
  const itemsByOrder = new Map();
  for (const item of items) itemsByOrder.set(item.orderId, [...(itemsByOrder.get(item.orderId) ?? []), item]);
  const orderColumns = Object.keys(originals[0]).filter((c) => c !== 'id');
  const itemColumns = Object.keys(items[0]).filter((c) => c !== 'id' && c !== 'orderId');
  const q = (c) => (mysql ? `\`${c}\`` : `"${c}"`);
  const now = Date.now();
  let made = originals.length;
  let copy = 0;
  while (made < target) {
    const batch = Math.min(400, target - made);
    const rows = [];
    for (let k = 0; k < batch; k++, copy++) {
      const from = originals[copy % originals.length];
      const createdAt = new Date(now - ((copy * 7919) % (60 * 24 * 3600)) * 1000);
      const row = {
        ...from,
        orderNo: `B${String(copy).padStart(12, '0')}`,
        clientKey: `bench-copy-${copy}`,
        createdAt,
        reservationExpiresAt: createdAt,
      };
      if (from.transactionId) row.transactionId = `bench-tx-${copy}`;
      if (from.pickupCode) row.pickupCode = `P${String(copy).padStart(10, '0')}`;
      if (from.paidAt) row.paidAt = new Date(createdAt.getTime() + 60_000);
      for (const key of Object.keys(row))
        if (key.toLowerCase().includes('storeid') && row[key] !== null) row[key] = 1 + (copy % 2);
      rows.push(row);
    }
    const values = rows.map((r) => orderColumns.map((c) => r[c]));
    await ds.query(
      `INSERT INTO orders (${orderColumns.map(q).join(', ')}) VALUES ${rows.map(() => `(${orderColumns.map(() => '?').join(', ')})`).join(', ')}`,
      values.flat(),
    );
    const inserted = await ds.query(
      `SELECT id, clientKey FROM orders WHERE clientKey IN (${rows.map(() => '?').join(', ')})`,
      rows.map((r) => r.clientKey),
    );
    const idByKey = new Map(inserted.map((r) => [r.clientKey, r.id]));
    const itemRows = rows.flatMap((r, k) => {
      const source = originals[(copy - batch + k) % originals.length];
      return (itemsByOrder.get(source.id) ?? []).map((item) => [
        idByKey.get(r.clientKey),
        ...itemColumns.map((c) => item[c]),
      ]);
    });
    if (itemRows.length > 0) {
      await ds.query(
        `INSERT INTO order_items (${['orderId', ...itemColumns].map(q).join(', ')}) VALUES ${itemRows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')}`,
        itemRows.flat(),
      );
    }
    made += batch;
  }
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM orders');
  return Number(n);
}

async function measurePage(browser, session, label) {
  const times = [];
  const filterTimes = [];
  const statements = [];
  for (let runNo = 0; runNo < RUNS; runNo++) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await context.addInitScript(
      (value) => globalThis.localStorage.setItem('tidepool-console-session', value),
      JSON.stringify(session),
    );
    const page = await context.newPage();
    const before = await questions();
    const t0 = performance.now();
    await page.goto(`${origin}/console/orders`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
    times.push(performance.now() - t0);
    statements.push((await questions()) - before - 1);
    // The flow goes on: filter by a state, until the filtered rows are on screen.
    const t1 = performance.now();
    const listed = page.waitForResponse(
      (res) => res.url().includes('/api/admin/orders?') && res.url().includes('state='),
    );
    await page.locator('.ant-pro-query-filter .ant-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await listed;
    await page
      .locator('.ant-table-row')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(() => undefined);
    filterTimes.push(performance.now() - t1);
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const r = { load: median(times), filter: median(filterTimes), statements: median(statements) };
  console.log(
    `${label.padEnd(34)} 订单 page to first rows: median ${r.load.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}); filter: median ${r.filter.toFixed(0)} ms; SQL statements per load: ${mysql ? r.statements : 'n/a on SQLite'}`,
  );
  return r;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  log(`bench: ${mysql ? 'MariaDB/MySQL' : 'SQLite'}; ${SEED_ORDERS} real orders, then ${TARGET}`);
  await makeRealOrders();
  const session = await call('POST', '/api/auth/staff-login', { username: 'operator', password: 'tidepool123' });
  const baseline = await measurePage(browser, session, `baseline: ${SEED_ORDERS} orders`);
  const total = await copyOrdersTo(TARGET);
  const loaded = await measurePage(browser, session, `${total} orders`);
  console.log(
    `ratio: load ${(loaded.load / baseline.load).toFixed(2)}× the baseline, filter ${(loaded.filter / baseline.filter).toFixed(2)}×, statements ${mysql ? `${loaded.statements} vs ${baseline.statements}` : 'n/a'}`,
  );
} finally {
  await browser.close();
  await app.close();
  await dropDatabase();
}
