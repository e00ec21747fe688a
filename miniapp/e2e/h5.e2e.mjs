#!/usr/bin/env node
/* global AbortSignal */
// End-to-end check of the H5 build in real Chromium: home → detail → 分类 → 购物车 → 我的.
// BASE_URL: the server serving the H5 build and the API (e.g. http://127.0.0.1:3000). Required.
// ARTIFACTS_DIR: where screenshots go (default <repo>/artifacts). CHROMIUM_PATH: default /usr/bin/chromium.
// Prints "N passed, M failed" and exits non-zero on any failure.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const ARTIFACTS_DIR = resolve(process.env.ARTIFACTS_DIR ?? join(repoRoot, 'artifacts'));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WAIT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);
const PRICE = /^-?¥\d+\.\d{2}$/;

if (!BASE_URL) {
  console.error(
    'h5 e2e: set BASE_URL to the server that serves the H5 build and the API, e.g. BASE_URL=http://127.0.0.1:3000',
  );
  process.exit(2);
}
mkdirSync(ARTIFACTS_DIR, { recursive: true });

// Fail fast, and clearly, when nothing answers at BASE_URL.
try {
  const res = await fetch(`${BASE_URL}/api/health`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) console.log(`warning: ${BASE_URL}/api/health answered ${res.status}`);
} catch (err) {
  console.error(`h5 e2e: cannot reach ${BASE_URL}/api/health (${String(err?.cause?.code ?? err?.message ?? err)})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const results = [];
const pageErrors = [];
const failedRequests = [];

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`✔ ${name} (${Date.now() - started}ms)`);
  } catch (err) {
    results.push({ name, ok: false });
    const message = String(err?.message ?? err).replaceAll('\n', '\n    ');
    console.log(`✘ ${name}\n    ${message}`);
    if (failedRequests.length > 0) console.log(`    failed requests so far: ${failedRequests.join(', ')}`);
    if (pageErrors.length > 0) console.log(`    page errors so far: ${pageErrors.join(' | ')}`);
    await shot(`failure-${results.length}`).catch(() => undefined);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

let page;
async function shot(name) {
  const file = join(ARTIFACTS_DIR, `h5-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${file}`);
}

async function texts(selector) {
  return page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
}

async function clickTab(label) {
  const tab = page.locator('.weui-tabbar__item', { hasText: label }).first();
  if (!(await tab.isVisible().catch(() => false))) {
    // Not on a tab page (e.g. after a failed step): start again from home.
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
  }
  await tab.click({ timeout: WAIT_MS });
}

/** Visible elements only: Taro H5 keeps hidden tab pages in the DOM. */
const visible = (selector) => page.locator(selector).locator('visible=true');

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const isApi = res.url().includes('/api/');
    if (res.status() >= 400 && (isApi || type === 'script' || type === 'stylesheet' || type === 'document')) {
      failedRequests.push(`${res.status()} ${type} ${res.url()}`);
    }
  });

  let firstProduct = { name: '', price: '' };

  await check('home page lists products with ¥ prices', async () => {
    await page.goto(`${BASE_URL}/`, { waitUntil: 'domcontentloaded' });
    await visible('.product-card .product-name').first().waitFor();
    const names = await texts('.home-page .product-card .product-name');
    const prices = await texts('.home-page .product-card .product-price');
    assert(
      names.length > 0 && names.every(Boolean),
      `no product names on the home page (got ${JSON.stringify(names)})`,
    );
    assert(
      prices.length === names.length,
      `expected a price per product, got ${prices.length} prices for ${names.length} products`,
    );
    const bad = prices.filter((p) => !PRICE.test(p));
    assert(bad.length === 0, `prices not formatted as ¥0.00: ${JSON.stringify(bad)}`);
    firstProduct = { name: names[0], price: prices[0] };
    console.log(`    ${names.length} products, first: ${firstProduct.name} ${firstProduct.price}`);
    await page.waitForTimeout(400); // let covers paint
    await shot('home');
  });

  await check('product detail shows its name, price and SKUs', async () => {
    const card = visible('.home-page .product-card').first();
    await card.waitFor();
    await card.click();
    await page.waitForURL(/\/packages\/product\/pages\/detail\/index\?id=\d+/);
    const name = visible('.detail-name').first();
    await name.waitFor();
    const detailName = (await name.textContent())?.trim() ?? '';
    const detailPrice = (await visible('.detail-price').first().textContent())?.trim() ?? '';
    assert(detailName === firstProduct.name, `detail name "${detailName}" != tapped card "${firstProduct.name}"`);
    assert(PRICE.test(detailPrice), `detail price "${detailPrice}" is not ¥0.00`);
    const skus = await visible('.sku-item').count();
    console.log(`    ${detailName} ${detailPrice}, ${skus} SKU(s)`);
    await page.waitForTimeout(400);
    await shot('detail');
    await page.goBack();
    await visible('.weui-tabbar__item').first().waitFor();
  });

  await check('分类 tab shows categories and their products', async () => {
    await clickTab('分类');
    await visible('.category-tab').first().waitFor();
    await visible('.category-products .product-card .product-name').first().waitFor();
    const firstNames = await visible('.category-products .product-name').allTextContents();
    const prices = await visible('.category-products .product-price').allTextContents();
    assert(firstNames.length > 0, 'no products in the first category');
    assert(
      prices.every((p) => PRICE.test(p.trim())),
      `bad prices: ${JSON.stringify(prices)}`,
    );
    const tabs = visible('.category-tab');
    const tabCount = await tabs.count();
    if (tabCount > 1) {
      await tabs.nth(1).click();
      await visible('.category-tab--active')
        .filter({ hasText: (await tabs.nth(1).textContent())?.trim() ?? '' })
        .waitFor();
      await visible('.category-products .product-card, .category-products .state-empty').first().waitFor();
    }
    console.log(`    ${tabCount} categories, ${firstNames.length} products in the first`);
    await page.waitForTimeout(400);
    await shot('category');
  });

  await check('购物车 tab shows the empty cart', async () => {
    await clickTab('购物车');
    await visible('.cart-page .state-empty').first().waitFor();
    const title = (await visible('.cart-page .state-empty__title').first().textContent())?.trim();
    assert(title === '购物车还是空的', `cart title is "${title}"`);
    await shot('cart');
  });

  await check('我的 tab shows the member card placeholder', async () => {
    await clickTab('我的');
    await visible('.member-card').first().waitFor();
    const login = visible('.login-button').first();
    assert((await login.textContent())?.includes('登录/注册'), 'no 登录/注册 button');
    const entries = await visible('.mine-entry__title').allTextContents();
    for (const want of ['我的订单', '优惠券', '积分', '会员码']) {
      assert(entries.includes(want), `missing entry ${want} (got ${JSON.stringify(entries)})`);
    }
    await login.click();
    await page.getByText('会员功能即将上线').first().waitFor({ timeout: 5_000 });
    await shot('mine');
  });

  await check('no uncaught page errors and no failed API or asset requests', async () => {
    assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
    assert(
      failedRequests.length === 0,
      `failed requests (a 404 for js/css after rebuilding H5 means the server needs a restart):\n${failedRequests.join('\n')}`,
    );
  });
} catch (err) {
  results.push({ name: 'browser session', ok: false });
  console.log(`✘ browser session\n    ${String(err?.stack ?? err)}`);
} finally {
  await browser.close().catch(() => undefined);
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\nh5 e2e against ${BASE_URL}, screenshots in ${ARTIFACTS_DIR}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
