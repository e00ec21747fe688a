import type {
  AdminProductDto,
  AdminProductSummaryDto,
  AdminSkuDto,
  CategoryDto,
  Page,
  ProductDetailDto,
  StockAdjustmentResponse,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, memberLogin, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = async <T>(method: Method, url: string, payload?: unknown, who: Actor | null = operator) => {
  const res = await t.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    ...(who ? { headers: who.headers } : {}),
  });
  return { status: res.statusCode, body: res.json<T>() };
};
type ErrorBody = { code: string; message: string; details?: { field: string }[] };

let seq = 0;
const newSku = (overrides: Record<string, unknown> = {}) => ({
  code: `T-SKU-${++seq}`,
  specs: { 颜色: `色${seq}` },
  priceFen: 1990,
  stock: 10,
  ...overrides,
});

async function createCategory(name = '测试分类'): Promise<CategoryDto> {
  const { status, body } = await call<CategoryDto>('POST', '/api/admin/catalog/categories', { name, sort: 99 });
  expect(status).toBe(201);
  return body;
}

async function createProduct(overrides: Record<string, unknown> = {}): Promise<AdminProductDto> {
  const category = overrides.categoryId ? null : await createCategory();
  const { status, body } = await call<AdminProductDto>('POST', '/api/admin/catalog/products', {
    categoryId: category?.id,
    name: '测试商品',
    images: ['/static/demo/products/candle-ocean-1.svg', 'https://img.example.com/p/2.png'],
    skus: [newSku({ priceFen: 2990 }), newSku({ priceFen: 1990 })],
    ...overrides,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

describe('catalogue admin: roles', () => {
  it('is for operators only: 401 without a token, 403 for members and cashiers', async () => {
    const member = await memberLogin(t, 'admin-nosy-member');
    const cashier = await staffLogin(t, 'cashier.sh001');
    for (const [method, url] of [
      ['GET', '/api/admin/catalog/products'],
      ['POST', '/api/admin/catalog/categories'],
      ['POST', '/api/admin/catalog/skus/1/stock-adjustments'],
    ] as const) {
      expect((await call<ErrorBody>(method, url, method === 'GET' ? undefined : {}, null)).status).toBe(401);
      for (const who of [member, cashier]) {
        const res = await call<ErrorBody>(method, url, method === 'GET' ? undefined : { delta: 1, name: 'x' }, who);
        expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      }
    }
  });
});

describe('catalogue admin: categories', () => {
  it('creates and edits a category; the storefront lists it', async () => {
    const created = await createCategory('  节日限定  ');
    expect(created).toMatchObject({ name: '节日限定', iconUrl: '', sort: 99 });
    const edited = await call<CategoryDto>('PATCH', `/api/admin/catalog/categories/${created.id}`, {
      name: '圣诞限定',
      iconUrl: '/static/demo/categories/box.svg',
    });
    expect(edited).toEqual({
      status: 200,
      body: { id: created.id, name: '圣诞限定', iconUrl: '/static/demo/categories/box.svg', sort: 99 },
    });
    const publicList = await call<CategoryDto[]>('GET', '/api/catalog/categories', undefined, null);
    expect(publicList.body.find((c) => c.id === created.id)?.name).toBe('圣诞限定');
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: '超'.repeat(33) }, 'name'],
    [{ name: 'ok', iconUrl: 'javascript:alert(1)' }, 'iconUrl'],
    [{ name: 'ok', iconUrl: '//evil.example.com/x.png' }, 'iconUrl'],
    [{ name: 'ok', sort: 1.5 }, 'sort'],
    [{ name: 'ok', extra: 1 }, 'extra'],
  ])('refuses %j with 400 naming %s', async (payload, field) => {
    const { status, body } = await call<ErrorBody>('POST', '/api/admin/catalog/categories', payload);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details?.map((d) => d.field)).toContain(field);
  });

  it('answers 404 for an unknown category and 400 for a null name', async () => {
    expect(await call('PATCH', '/api/admin/catalog/categories/999999', { name: 'x' })).toMatchObject({
      status: 404,
      body: { code: 'CATEGORY_NOT_FOUND' },
    });
    const category = await createCategory();
    expect((await call('PATCH', `/api/admin/catalog/categories/${category.id}`, { name: null })).status).toBe(400);
  });
});

describe('catalogue admin: products and SKUs', () => {
  it('creates a product with SKUs, cover = first image, lowest price kept, tags deduplicated', async () => {
    const product = await createProduct({ promotionTags: ['zone-2for79', 'zone-2for79', 'new-in'] });
    expect(product).toMatchObject({
      name: '测试商品',
      status: 'ON_SALE',
      coverUrl: '/static/demo/products/candle-ocean-1.svg',
      priceFen: 1990,
      promotionTags: ['zone-2for79', 'new-in'],
      skuCount: 2,
      totalStock: 20,
      originalPriceFen: null,
      sales: 0,
    });
    expect(product.skus.map((s) => s.priceFen)).toEqual([2990, 1990]);
    const detail = await call<ProductDetailDto>('GET', `/api/catalog/products/${product.id}`, undefined, null);
    expect(detail.status).toBe(200);
    expect(detail.body.skus).toHaveLength(2);
  });

  it('takes a product off the shelf and back: hidden from the storefront, still in the admin list', async () => {
    const product = await createProduct({ name: '下架测试商品' });
    const off = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      status: 'OFF_SALE',
      promotionTags: ['zone-2for79'],
      originalPriceFen: 3990,
    });
    expect(off.body).toMatchObject({ status: 'OFF_SALE', promotionTags: ['zone-2for79'], originalPriceFen: 3990 });
    expect((await call('GET', `/api/catalog/products/${product.id}`, undefined, null)).status).toBe(404);
    // The guest cart's lookup still finds its SKUs, flagged off sale, with the tags the pricing engine reads.
    const lookup = await call<{ onSale: boolean; promotionTags: string[]; categoryId: number }[]>(
      'POST',
      '/api/catalog/skus/lookup',
      { skuIds: [product.skus[0]?.id] },
      null,
    );
    expect(lookup.body).toEqual([
      expect.objectContaining({ onSale: false, promotionTags: ['zone-2for79'], categoryId: product.categoryId }),
    ]);
    const list = await call<Page<AdminProductSummaryDto>>(
      'GET',
      `/api/admin/catalog/products?status=OFF_SALE&keyword=${encodeURIComponent('下架测试')}`,
    );
    expect(list.body.items.map((p) => p.id)).toEqual([product.id]);
    expect(list.body.items[0]).toMatchObject({ skuCount: 2, totalStock: 20 });
    const back = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      status: 'ON_SALE',
      originalPriceFen: null,
    });
    expect(back.body).toMatchObject({ status: 'ON_SALE', originalPriceFen: null, promotionTags: ['zone-2for79'] });
    expect((await call('GET', `/api/catalog/products/${product.id}`, undefined, null)).status).toBe(200);
  });

  it('pages the admin list over every product, any status', async () => {
    const first = await call<Page<AdminProductSummaryDto>>('GET', '/api/admin/catalog/products?pageSize=5');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 5, hasMore: true });
    expect(first.body.items).toHaveLength(5);
    const seen = new Set<number>();
    for (let page = 1; ; page++) {
      const { body } = await call<Page<AdminProductSummaryDto>>(
        'GET',
        `/api/admin/catalog/products?pageSize=50&page=${page}`,
      );
      for (const item of body.items) seen.add(item.id);
      if (!body.hasMore) break;
    }
    expect(seen.size).toBe(first.body.total);
    expect((await call('GET', '/api/admin/catalog/products?status=SOLD')).status).toBe(400);
  });

  it('adds and edits SKUs; the product keeps its lowest price; stock is not editable directly', async () => {
    const product = await createProduct();
    const added = await call<AdminSkuDto>('POST', `/api/admin/catalog/products/${product.id}/skus`, {
      code: 'T-CHEAP',
      specs: { 颜色: '限定' },
      priceFen: 990,
      stock: 3,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ productId: product.id, priceFen: 990, stock: 3, sort: 2 });
    expect((await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`)).body.priceFen).toBe(990);

    const edited = await call<AdminSkuDto>('PATCH', `/api/admin/catalog/skus/${added.body.id}`, { priceFen: 5990 });
    expect(edited.body).toMatchObject({ priceFen: 5990, stock: 3 });
    expect((await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`)).body.priceFen).toBe(1990);

    const stock = await call<ErrorBody>('PATCH', `/api/admin/catalog/skus/${added.body.id}`, { stock: 100 });
    expect(stock.status).toBe(400);
    expect(stock.body.details?.map((d) => d.field)).toEqual(['stock']);
  });

  it('refuses duplicate SKU codes (409) and duplicate spec combinations', async () => {
    const product = await createProduct();
    const [a, b] = product.skus;
    expect(
      await call('POST', `/api/admin/catalog/products/${product.id}/skus`, newSku({ code: a?.code })),
    ).toMatchObject({ status: 409, body: { code: 'SKU_CODE_TAKEN' } });
    expect(
      await call('POST', `/api/admin/catalog/products/${product.id}/skus`, newSku({ specs: a?.specs })),
    ).toMatchObject({ status: 409, body: { code: 'SKU_SPECS_TAKEN' } });
    expect(await call('PATCH', `/api/admin/catalog/skus/${b?.id}`, { specs: a?.specs })).toMatchObject({
      status: 409,
      body: { code: 'SKU_SPECS_TAKEN' },
    });
    expect(await call('PATCH', `/api/admin/catalog/skus/${b?.id}`, { code: a?.code })).toMatchObject({
      status: 409,
      body: { code: 'SKU_CODE_TAKEN' },
    });
    // Within one new product: a malformed request.
    const category = await createCategory();
    const same = await call<ErrorBody>('POST', '/api/admin/catalog/products', {
      categoryId: category.id,
      name: '重复规格',
      images: ['/static/x.png'],
      skus: [newSku({ specs: {} }), newSku({ specs: {} })],
    });
    expect(same).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ field: 'skus.specs' }] },
    });
    // Nothing of a refused product was written.
    const list = await call<Page<AdminProductSummaryDto>>(
      'GET',
      `/api/admin/catalog/products?keyword=${encodeURIComponent('重复规格')}`,
    );
    expect(list.body.total).toBe(0);
  });

  it('answers 404 for unknown products, SKUs and categories', async () => {
    expect(await call('GET', '/api/admin/catalog/products/999999')).toMatchObject({
      status: 404,
      body: { code: 'PRODUCT_NOT_FOUND' },
    });
    expect(await call('PATCH', '/api/admin/catalog/products/999999', { name: 'x' })).toMatchObject({
      status: 404,
      body: { code: 'PRODUCT_NOT_FOUND' },
    });
    expect(await call('POST', '/api/admin/catalog/products/999999/skus', newSku())).toMatchObject({
      status: 404,
      body: { code: 'PRODUCT_NOT_FOUND' },
    });
    expect(await call('PATCH', '/api/admin/catalog/skus/999999', { priceFen: 100 })).toMatchObject({
      status: 404,
      body: { code: 'SKU_NOT_FOUND' },
    });
    expect(
      await call('POST', '/api/admin/catalog/skus/999999/stock-adjustments', { delta: 1, reason: '盘点' }),
    ).toMatchObject({
      status: 404,
      body: { code: 'SKU_NOT_FOUND' },
    });
    const product = await createProduct();
    expect(await call('PATCH', `/api/admin/catalog/products/${product.id}`, { categoryId: 999999 })).toMatchObject({
      status: 404,
      body: { code: 'CATEGORY_NOT_FOUND' },
    });
    expect(
      await call('POST', '/api/admin/catalog/products', {
        categoryId: 999999,
        name: 'x',
        images: ['/static/x.png'],
        skus: [newSku()],
      }),
    ).toMatchObject({ status: 404, body: { code: 'CATEGORY_NOT_FOUND' } });
    expect((await call('GET', '/api/admin/catalog/products/abc')).status).toBe(400);
  });

  const valid = { categoryId: 1, name: '商品', images: ['/static/x.png'] };
  it.each([
    [{ ...valid }, 'skus'],
    [{ ...valid, skus: [] }, 'skus'],
    [{ ...valid, name: '', skus: [newSku()] }, 'name'],
    [{ ...valid, images: [], skus: [newSku()] }, 'images'],
    [{ ...valid, images: ['ftp://x/y.png'], skus: [newSku()] }, 'images'],
    [{ ...valid, status: 'SOLD_OUT', skus: [newSku()] }, 'status'],
    [{ ...valid, promotionTags: ['Zone 2for79'], skus: [newSku()] }, 'promotionTags'],
    [{ ...valid, promotionTags: ['a,b'], skus: [newSku()] }, 'promotionTags'],
    [{ ...valid, originalPriceFen: 12.5, skus: [newSku()] }, 'originalPriceFen'],
    [{ ...valid, skus: [newSku({ priceFen: 19.9 })] }, 'skus.0.priceFen'],
    [{ ...valid, skus: [newSku({ priceFen: 0 })] }, 'skus.0.priceFen'],
    [{ ...valid, skus: [newSku({ stock: -1 })] }, 'skus.0.stock'],
    [{ ...valid, skus: [newSku({ specs: { 颜色: 5 } })] }, 'skus.0.specs'],
    [{ ...valid, skus: [newSku({ specs: { a: '1', b: '2', c: '3', d: '4' } })] }, 'skus.0.specs'],
    [{ ...valid, skus: [newSku({ code: 'has space' })] }, 'skus.0.code'],
    [{ ...valid, skus: [newSku({ id: 5 })] }, 'skus.0.id'],
  ])('refuses product %j with 400 naming %s', async (payload, field) => {
    const { status, body } = await call<ErrorBody>('POST', '/api/admin/catalog/products', payload);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details?.map((d) => d.field)).toContain(field);
  });
});

describe('catalogue admin: stock adjustments', () => {
  const adjust = (skuId: number, delta: unknown) =>
    call<StockAdjustmentResponse & ErrorBody>('POST', `/api/admin/catalog/skus/${skuId}/stock-adjustments`, {
      delta,
      reason: '盘点',
    });

  it('adds and takes away stock, never below zero nor above the maximum', async () => {
    const product = await createProduct({ skus: [newSku({ stock: 5 })] });
    const skuId = product.skus[0].id;
    expect(await adjust(skuId, 7)).toEqual({ status: 200, body: { skuId, stock: 12 } });
    expect(await adjust(skuId, -12)).toEqual({ status: 200, body: { skuId, stock: 0 } });
    expect(await adjust(skuId, -1)).toMatchObject({ status: 409, body: { code: 'STOCK_OUT_OF_RANGE' } });
    expect(await adjust(skuId, 1_000_000)).toEqual({ status: 200, body: { skuId, stock: 1_000_000 } });
    expect(await adjust(skuId, 1)).toMatchObject({ status: 409, body: { code: 'STOCK_OUT_OF_RANGE' } });
    for (const bad of [0, 1.5, '3', null, 1_000_001]) expect((await adjust(skuId, bad)).status).toBe(400);
  });

  it('20 concurrent decrements of 1 on a stock of 12: exactly 12 succeed and the stock ends at 0', async () => {
    const product = await createProduct({ skus: [newSku({ stock: 12 })] });
    const skuId = product.skus[0].id;
    const results = await Promise.all(Array.from({ length: 20 }, () => adjust(skuId, -1)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(12);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'STOCK_OUT_OF_RANGE')).toHaveLength(8);
    // Each success saw a distinct stock after it: no two decrements read the same value.
    expect(new Set(ok.map((r) => r.body.stock)).size).toBe(12);
    const after = await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`);
    expect(after.body.skus[0]?.stock).toBe(0);
  });

  it('20 concurrent decrements of 3 and increments of 2 keep the books: final = start + sum of the successes', async () => {
    const product = await createProduct({ skus: [newSku({ stock: 10 })] });
    const skuId = product.skus[0].id;
    const deltas = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? 2 : -3));
    const results = await Promise.all(deltas.map((d) => adjust(skuId, d)));
    const applied = deltas.filter((_, i) => results[i]?.status === 200).reduce((sum, d) => sum + d, 0);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const after = await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`);
    expect(after.body.skus[0]?.stock).toBe(10 + applied);
    expect(after.body.skus[0]?.stock).toBeGreaterThanOrEqual(0);
  });
});
