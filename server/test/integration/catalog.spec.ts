import type { Page, ProductDetailDto, ProductSummaryDto } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../src/modules/seed/demo-catalog';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = async <T>(url: string) => {
  const res = await t.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>() };
};

describe('GET /api/catalog/categories', () => {
  it('lists the seeded categories in order', async () => {
    const { status, body } = await get<{ name: string; iconUrl: string }[]>('/api/catalog/categories');
    expect(status).toBe(200);
    expect(body.map((c) => c.name)).toEqual(DEMO_CATEGORIES.map((c) => c.name));
    expect(body[0]?.iconUrl).toMatch(/^\/static\//);
  });
});

describe('GET /api/catalog/products', () => {
  it('pages through every product exactly once', async () => {
    const seen: number[] = [];
    let page = 1;
    for (;;) {
      const { status, body } = await get<Page<ProductSummaryDto>>(`/api/catalog/products?page=${page}&pageSize=7`);
      expect(status).toBe(200);
      expect(body.total).toBe(DEMO_PRODUCTS.length);
      expect(body.pageSize).toBe(7);
      seen.push(...body.items.map((p) => p.id));
      if (!body.hasMore) break;
      page += 1;
    }
    expect(page).toBe(Math.ceil(DEMO_PRODUCTS.length / 7));
    expect(new Set(seen).size).toBe(DEMO_PRODUCTS.length);
  });

  it('shows the lowest SKU price in integer fen', async () => {
    const { body } = await get<Page<ProductSummaryDto>>('/api/catalog/products?pageSize=50');
    const candle = body.items.find((p) => p.name === '海盐鼠尾草香薰蜡烛');
    expect(candle).toMatchObject({ priceFen: 3990, originalPriceFen: 5990 });
    for (const p of body.items) expect(Number.isInteger(p.priceFen)).toBe(true);
  });

  it('filters by category and by keyword', async () => {
    const { body: categories } = await get<{ id: number; name: string }[]>('/api/catalog/categories');
    const plush = categories.find((c) => c.name === '毛绒公仔');
    const { body } = await get<Page<ProductSummaryDto>>(`/api/catalog/products?categoryId=${plush?.id}`);
    expect(body.items.map((p) => p.name).sort()).toEqual(
      DEMO_PRODUCTS.filter((p) => p.category === 'plush')
        .map((p) => p.name)
        .sort(),
    );
    const { body: found } = await get<Page<ProductSummaryDto>>(
      `/api/catalog/products?keyword=${encodeURIComponent('蜡烛')}`,
    );
    expect(found.items.map((p) => p.name)).toEqual(['海盐鼠尾草香薰蜡烛', '白桃乌龙香薰蜡烛']);
    const { body: none } = await get<Page<ProductSummaryDto>>('/api/catalog/products?keyword=%25');
    expect(none).toMatchObject({ items: [], total: 0, hasMore: false });
  });

  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=1000', 'pageSize'],
    ['page=99999999', 'page'],
    ['categoryId=1.5', 'categoryId'],
    ['sort=price', 'sort'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const { status, body } = await get<{ code: string; message: string; details: { field: string }[] }>(
      `/api/catalog/products?${query}`,
    );
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain(field);
    expect(body.details.map((d) => d.field)).toContain(field);
  });
});

describe('GET /api/catalog/products/:id', () => {
  it('returns the product with its SKUs', async () => {
    const { body: list } = await get<Page<ProductSummaryDto>>('/api/catalog/products?pageSize=50');
    const bear = list.items.find((p) => p.name === '软萌小熊毛绒公仔');
    const { status, body } = await get<ProductDetailDto>(`/api/catalog/products/${bear?.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: '软萌小熊毛绒公仔', categoryName: '毛绒公仔', priceFen: 5990 });
    expect(body.skus).toEqual([
      expect.objectContaining({ specs: { 尺寸: '25cm' }, priceFen: 5990, stock: 260 }),
      expect.objectContaining({ specs: { 尺寸: '40cm' }, priceFen: 8990, stock: 90 }),
    ]);
    expect(body.images).toHaveLength(2);
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown product and 400 for a malformed id', async () => {
    expect(await get('/api/catalog/products/999999')).toEqual({
      status: 404,
      body: { code: 'PRODUCT_NOT_FOUND', message: '商品不存在或已下架' },
    });
    for (const id of ['abc', '0', '-3', '1.5', '99999999999']) {
      const { status, body } = await get<{ code: string }>(`/api/catalog/products/${id}`);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('POST /api/catalog/skus/lookup', () => {
  const post = (payload: string, contentType = 'application/json') =>
    t.inject({ method: 'POST', url: '/api/catalog/skus/lookup', payload, headers: { 'content-type': contentType } });

  it('returns price and stock for known SKUs in request order, skipping unknown ones', async () => {
    const { body: detail } = await get<ProductDetailDto>('/api/catalog/products/1');
    const [a, b] = detail.skus;
    const res = await post(JSON.stringify({ skuIds: [b?.id ?? a?.id, 999999, a?.id] }));
    expect(res.statusCode).toBe(200);
    const items = res.json<{ skuId: number; priceFen: number; onSale: boolean }[]>();
    expect(items.map((i) => i.skuId)).toEqual(b ? [b.id, a?.id] : [a?.id]);
    expect(items.every((i) => i.onSale)).toBe(true);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await post('{"skuIds": [1,');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers extra fields with 400 naming the field', async () => {
    const res = await post(JSON.stringify({ skuIds: [1], priceFen: 1 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'priceFen' }] });
    expect(res.json<{ message: string }>().message).toContain('priceFen');
  });

  it.each([
    ['{}', 'skuIds'],
    ['{"skuIds": []}', 'skuIds'],
    ['{"skuIds": [1.5]}', 'skuIds'],
    ['{"skuIds": ["1"]}', 'skuIds'],
    [JSON.stringify({ skuIds: Array.from({ length: 51 }, (_, i) => i + 1) }), 'skuIds'],
  ])('rejects %s', async (payload, field) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
  });
});
