// Loads the COMPILED weapp output (dist/weapp, from `pnpm build:weapp`) into miniprogram-simulate (host in
// sim-host.mjs) and checks what the home page really renders, with a stubbed global `wx.request` answering the
// catalogue endpoints from fixtures.
//
// Run: pnpm build:weapp && pnpm test:weapp
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { attr, byClass, installHost, nodeText, openPage, requests, tapText, textOf, waitFor } from './sim-host.mjs';

const require = createRequire(import.meta.url);
const { formatFen } = require('@tidepool/shared');

// ---------------------------------------------------------------- fixtures
const CATEGORIES = [
  { id: 1, name: '茶饮冲调', iconUrl: '/static/categories/1.svg', sort: 1 },
  { id: 2, name: '休闲零食', iconUrl: '/static/categories/2.svg', sort: 2 },
  { id: 3, name: '家居日用', iconUrl: '/static/categories/3.svg', sort: 3 },
];
const PRODUCTS = Array.from({ length: 13 }, (_, i) => ({
  id: i + 1,
  categoryId: (i % 3) + 1,
  name: `模拟商品${String(i + 1).padStart(2, '0')}`,
  subtitle: '会员专享',
  coverUrl: `/static/products/${i + 1}.svg`,
  priceFen: 1990 + i * 100,
  originalPriceFen: i === 0 ? 2990 : null,
  sales: i * 7,
}));

/** What the stub answers; tests flip these to simulate outages. */
const server = { categoriesDown: false, productsDown: false };

function answer(url) {
  const u = new URL(url, 'http://fixture.invalid');
  if (u.pathname === '/api/catalog/categories') {
    return server.categoriesDown
      ? { statusCode: 503, data: { code: 'DATABASE_UNAVAILABLE', message: 'db down (raw server text)' } }
      : { statusCode: 200, data: CATEGORIES };
  }
  if (u.pathname === '/api/catalog/products') {
    if (server.productsDown) {
      return { statusCode: 503, data: { code: 'DATABASE_UNAVAILABLE', message: 'db down (raw server text)' } };
    }
    const page = Number(u.searchParams.get('page') ?? 1);
    const pageSize = Number(u.searchParams.get('pageSize') ?? 20);
    const categoryId = u.searchParams.get('categoryId');
    const all = PRODUCTS.filter((p) => !categoryId || p.categoryId === Number(categoryId));
    const items = all.slice((page - 1) * pageSize, page * pageSize);
    return {
      statusCode: 200,
      data: { items, page, pageSize, total: all.length, hasMore: page * pageSize < all.length },
    };
  }
  const detail = /^\/api\/catalog\/products\/(\d+)$/.exec(u.pathname);
  if (detail) {
    const product = PRODUCTS.find((p) => p.id === Number(detail[1]));
    if (!product) return { statusCode: 404, data: { code: 'PRODUCT_NOT_FOUND', message: 'Product not found' } };
    return {
      statusCode: 200,
      data: {
        ...product,
        categoryName: CATEGORIES.find((c) => c.id === product.categoryId).name,
        images: [product.coverUrl],
        description: '第一段介绍。\n第二段介绍。',
        skus: [
          { id: product.id * 10 + 1, specs: { 规格: '标准装' }, priceFen: product.priceFen, stock: 8 },
          {
            id: product.id * 10 + 2,
            specs: { 规格: '家庭装', 口味: '原味' },
            priceFen: product.priceFen + 1000,
            stock: 0,
          },
        ],
      },
    };
  }
  return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: 'no route' } };
}

// ---------------------------------------------------------------- tests
describe('weapp home page (compiled dist/weapp in miniprogram-simulate)', () => {
  let home;
  before(() => {
    installHost(answer);
    home = openPage('pages/index/index');
  });
  after(() => {
    home?.close();
  });

  test('renders the category shortcuts and the first page of products with formatted prices', async () => {
    await waitFor(() => byClass(home.comp, 'product-name').length > 0, 'product names');
    const names = byClass(home.comp, 'product-name').map(nodeText);
    assert.deepEqual(
      names,
      PRODUCTS.slice(0, 10).map((p) => p.name),
    );
    const prices = byClass(home.comp, 'product-price').map(nodeText);
    assert.deepEqual(
      prices,
      PRODUCTS.slice(0, 10).map((p) => formatFen(p.priceFen)),
    );
    assert.equal(prices[0], '¥19.90');
    assert.deepEqual(byClass(home.comp, 'product-original-price').map(nodeText), ['¥29.90']);
    const text = textOf(home.comp);
    for (const c of CATEGORIES) assert.ok(text.includes(c.name), `category ${c.name} not rendered`);
    assert.ok(text.includes('共 13 件'), 'total not rendered');
    assert.ok(text.includes('加载更多'), 'load-more footer not rendered');
  });

  test('calls the API through Taro.request with a request id, and resolves image URLs against the API base', () => {
    const paths = requests.map((r) => new URL(r.url).pathname + new URL(r.url).search);
    assert.ok(paths.includes('/api/catalog/categories'));
    assert.ok(paths.includes('/api/catalog/products?page=1&pageSize=10'));
    for (const r of requests) assert.match(r.header['X-Request-Id'] ?? '', /^mp-/);
    const base = new URL(requests[0].url).origin;
    const covers = byClass(home.comp, 'product-cover').map((n) => attr(n, 'src'));
    assert.equal(covers[0], `${base}/static/products/1.svg`);
  });

  test('reaching the bottom loads the next page', async () => {
    home.page.onReachBottom();
    await waitFor(() => byClass(home.comp, 'product-name').length === 13, 'page 2');
    assert.deepEqual(
      byClass(home.comp, 'product-name').map(nodeText),
      PRODUCTS.map((p) => p.name),
    );
    assert.ok(textOf(home.comp).includes('没有更多了'));
    assert.ok(requests.some((r) => r.url.endsWith('/api/catalog/products?page=2&pageSize=10')));
  });
});

describe('weapp error states and other pages (compiled)', () => {
  test('home: the Chinese message for the error code (never server text), then 重试 recovers', async () => {
    server.productsDown = true;
    const { comp, close } = openPage('pages/index/index');
    try {
      await waitFor(() => textOf(comp).includes('重试'), 'the error state');
      const text = textOf(comp);
      assert.ok(text.includes('服务繁忙，请稍后再试'), `unexpected error text: ${text}`);
      assert.ok(!text.includes('raw server text'));
      assert.equal(byClass(comp, 'product-name').length, 0);

      server.productsDown = false;
      tapText(comp, '重试');
      await waitFor(() => byClass(comp, 'product-name').length === 10, 'products after retry');
      assert.deepEqual(
        byClass(comp, 'product-price').map(nodeText),
        PRODUCTS.slice(0, 10).map((p) => formatFen(p.priceFen)),
      );
    } finally {
      server.productsDown = false;
      close();
    }
  });

  test("分类: categories down → error; 重试 shows the categories and the first one's products", async () => {
    server.categoriesDown = true;
    const { comp, close } = openPage('pages/category/index');
    try {
      await waitFor(() => textOf(comp).includes('重试'), 'the error state');
      assert.ok(textOf(comp).includes('服务繁忙，请稍后再试'));

      server.categoriesDown = false;
      tapText(comp, '重试');
      await waitFor(() => byClass(comp, 'product-name').length > 0, 'products after retry');
      assert.deepEqual(
        byClass(comp, 'category-tab').map(nodeText),
        CATEGORIES.map((c) => c.name),
      );
      const expected = PRODUCTS.filter((p) => p.categoryId === 1);
      assert.deepEqual(
        byClass(comp, 'product-name').map(nodeText),
        expected.map((p) => p.name),
      );
      assert.deepEqual(
        byClass(comp, 'product-price').map(nodeText),
        expected.map((p) => formatFen(p.priceFen)),
      );
    } finally {
      server.categoriesDown = false;
      close();
    }
  });

  test('商品详情 (subpackage): name, price and SKUs, out-of-stock SKU disabled; unknown id → 商品不存在', async () => {
    const product = PRODUCTS[2];
    const detail = openPage('packages/product/pages/detail/index', { id: String(product.id) });
    try {
      await waitFor(() => byClass(detail.comp, 'detail-name').length > 0, 'the detail page');
      assert.equal(nodeText(byClass(detail.comp, 'detail-name')[0]), product.name);
      assert.equal(nodeText(byClass(detail.comp, 'detail-price')[0]), formatFen(product.priceFen));
      const skus = byClass(detail.comp, 'sku-item');
      assert.equal(skus.length, 2);
      assert.ok(nodeText(skus[0]).includes('标准装') && nodeText(skus[0]).includes('库存 8'));
      assert.equal(byClass(detail.comp, 'sku-item--disabled').length, 1);
      assert.ok(nodeText(byClass(detail.comp, 'sku-item--disabled')[0]).includes('已售罄'));
    } finally {
      detail.close();
    }

    const missing = openPage('packages/product/pages/detail/index', { id: '999' });
    try {
      await waitFor(() => textOf(missing.comp).includes('商品不存在或已下架'), 'the not-found state');
      assert.ok(textOf(missing.comp).includes('去逛逛'));
    } finally {
      missing.close();
    }
  });
});
