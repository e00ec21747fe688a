import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  AdminProductDto,
  AdminProductSummaryDto,
  AuditEntryView,
  CategoryDto,
  Page,
  ProductImageUploadResponse,
} from '@tidepool/shared';
import { PRODUCT_IMAGE_RULES } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

// What the console's 商品 area relies on: image uploads, stale-edit protection, stock reasons, the audit trail of
// every write, and the catalogue closed to store managers.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-catalog-console-'));
const imagesDir = path.join(dataDir, 'uploads', 'products');

let t: TestApp;
let operator: Actor;
let manager: Actor;
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  operator = await staffLogin(t, 'operator');
  manager = await staffLogin(t, 'manager.sh001');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type ErrorBody = { code: string; message: string; details?: { field: string }[] };
type Method = 'GET' | 'POST' | 'PATCH';
const call = async <T>(method: Method, url: string, payload?: unknown, who: Actor = operator) => {
  const res = await t.inject({
    method,
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json<T>() };
};
const upload = (body: Buffer, contentType = 'image/png', who: Actor = operator) =>
  t.inject({
    method: 'POST',
    url: '/api/admin/catalog/images',
    headers: { ...who.headers, 'content-type': contentType },
    payload: body,
  });

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND), with a tEXt chunk so each test's image has its own bytes. */
function png(note: string): Buffer {
  const base = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const text = Buffer.from(`Comment\0${note}`, 'latin1');
  const chunk = Buffer.concat([
    u32(text.length),
    Buffer.from('tEXt'),
    text,
    u32(crc32(Buffer.concat([Buffer.from('tEXt'), text]))),
  ]);
  // Insert before IEND (the last 12 bytes).
  return Buffer.concat([base.subarray(0, base.length - 12), chunk, base.subarray(base.length - 12)]);
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
const storedFiles = () => (fs.existsSync(imagesDir) ? fs.readdirSync(imagesDir) : []);

async function auditOf(objectType: string, objectId: number | string): Promise<AuditEntryView[]> {
  const { body } = await call<Page<AuditEntryView>>(
    'GET',
    `/api/admin/audit?objectType=${objectType}&objectId=${objectId}&pageSize=50`,
  );
  return body.items;
}

let seq = 0;
async function newProduct(): Promise<AdminProductDto> {
  const category = await call<CategoryDto>('POST', '/api/admin/catalog/categories', { name: `控制台分类${++seq}` });
  expect(category.status).toBe(201);
  const { status, body } = await call<AdminProductDto>('POST', '/api/admin/catalog/products', {
    categoryId: category.body.id,
    name: `控制台商品${seq}`,
    images: ['/static/demo/products/candle-ocean-1.svg'],
    skus: [
      { code: `CON-${seq}-R`, specs: { 颜色: '红' }, priceFen: 1990, stock: 5 },
      { code: `CON-${seq}-B`, specs: { 颜色: '蓝' }, priceFen: 2990, stock: 7 },
    ],
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

describe('product images', () => {
  it('stores a real PNG and serves it at its URL with a long immutable cache header', async () => {
    const image = png('served');
    const res = await upload(image);
    expect(res.statusCode, res.body).toBe(201);
    const { url } = res.json<ProductImageUploadResponse>();
    expect(url).toMatch(/^\/uploads\/products\/[0-9a-f]{64}\.png$/);
    const served = await t.inject({ method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(image)).toBe(true);
    // The URL is accepted as a product image.
    const product = await newProduct();
    const edited = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      images: [url],
      version: product.version,
    });
    expect(edited).toMatchObject({ status: 200, body: { coverUrl: url, images: [url] } });
  });

  it('the same image twice is one file and one URL; each upload is audited', async () => {
    const image = png('twice');
    const before = storedFiles().length;
    const first = (await upload(image)).json<ProductImageUploadResponse>();
    const second = (await upload(image, 'image/webp')).json<ProductImageUploadResponse>();
    expect(second.url).toBe(first.url);
    expect(storedFiles().length).toBe(before + 1);
    const hash = /([0-9a-f]{64})/.exec(first.url)![1];
    const entries = await auditOf('product_image', hash);
    expect(entries.map((e) => e.action)).toEqual(['product_image.upload', 'product_image.upload']);
    expect(entries[0]).toMatchObject({ actorRole: 'operator', after: { url: first.url, reused: true } });
  });

  it('refuses a text file labelled image/png (checked by its bytes) with 400 IMAGE_INVALID', async () => {
    const before = storedFiles();
    const res = await upload(Buffer.from('just some text, not an image\n'.repeat(10)));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMAGE_INVALID', message: expect.stringContaining('图片') });
    expect(storedFiles()).toEqual(before);
  });

  it('refuses an image over the limit, stores nothing; a far larger body is cut off too', async () => {
    const before = storedFiles();
    const big = Buffer.concat([png('big'), Buffer.alloc(PRODUCT_IMAGE_RULES.maxBytes)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>()).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: '图片不能超过 2MB' });
    const huge = await upload(Buffer.concat([png('huge'), Buffer.alloc(PRODUCT_IMAGE_RULES.maxBytes * 4)]));
    expect(huge.statusCode).toBe(413);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a body of another type and an empty body', async () => {
    const text = await t.inject({
      method: 'POST',
      url: '/api/admin/catalog/images',
      headers: { ...operator.headers, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorBody>().code).toBe('IMAGE_INVALID');
    const empty = await upload(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });
});

describe('product edits', () => {
  it('edits fields and SKUs in one request: edits listed SKUs, adds new ones, bumps the version', async () => {
    const product = await newProduct();
    const [red, blue] = product.skus;
    const { status, body } = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      name: '改名后的商品',
      description: '新的描述',
      skus: [
        { id: red.id, code: red.code, specs: red.specs, priceFen: 990 },
        { id: blue.id, code: `${blue.code}-X`, specs: blue.specs, priceFen: blue.priceFen, stock: 999 },
        { code: `${red.code}-G`, specs: { 颜色: '绿' }, priceFen: 3990, stock: 4 },
      ],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.version).toBeGreaterThan(product.version);
    expect(body).toMatchObject({ name: '改名后的商品', priceFen: 990, maxPriceFen: 3990, skuCount: 3 });
    expect(body.skus.map((s) => [s.code, s.priceFen, s.stock])).toEqual([
      [red.code, 990, 5],
      // The stock of an existing SKU is never set by an edit.
      [`${blue.code}-X`, blue.priceFen, 7],
      [`${red.code}-G`, 3990, 4],
    ]);
    const [entry] = await auditOf('product', product.id);
    expect(entry).toMatchObject({
      action: 'product.update',
      before: { name: product.name },
      after: { name: '改名后的商品' },
    });
  });

  it('a stale version is refused with 409 PRODUCT_STALE and nothing changes', async () => {
    const product = await newProduct();
    // Someone else edits first.
    const other = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      subtitle: '别人改的',
    });
    expect(other.status).toBe(200);
    const stale = await call<ErrorBody>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      name: '覆盖别人的修改',
      skus: [{ id: product.skus[0].id, code: product.skus[0].code, specs: product.skus[0].specs, priceFen: 1 }],
    });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'PRODUCT_STALE', message: '商品已被他人修改，请刷新后重试' },
    });
    const now = await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`);
    expect(now.body).toMatchObject({ name: product.name, subtitle: '别人改的', version: other.body.version });
    expect(now.body.skus[0].priceFen).toBe(product.skus[0].priceFen);
    expect((await auditOf('product', product.id)).map((e) => e.action)).toEqual(['product.update', 'product.create']);
  });

  it('a SKU edit through its own route also makes an open editor stale', async () => {
    const product = await newProduct();
    expect((await call('PATCH', `/api/admin/catalog/skus/${product.skus[0].id}`, { priceFen: 100 })).status).toBe(200);
    const stale = await call<ErrorBody>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      name: 'x',
    });
    expect(stale.body.code).toBe('PRODUCT_STALE');
  });

  it('refuses two SKUs with the same spec combination and an unknown SKU id', async () => {
    const product = await newProduct();
    const dup = await call<ErrorBody>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      skus: [{ code: 'CON-DUP-1', specs: { 颜色: '红' }, priceFen: 100, stock: 1 }],
    });
    expect(dup).toMatchObject({ status: 409, body: { code: 'SKU_SPECS_TAKEN' } });
    const unknown = await call<ErrorBody>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      version: product.version,
      skus: [{ id: 99_999_999, code: 'CON-UNKNOWN', specs: { 颜色: '紫' }, priceFen: 100 }],
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'SKU_NOT_FOUND' } });
  });

  it('publishes and unpublishes, each audited by name', async () => {
    const product = await newProduct();
    const off = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      status: 'OFF_SALE',
      version: product.version,
    });
    expect(off.body.status).toBe('OFF_SALE');
    const on = await call<AdminProductDto>('PATCH', `/api/admin/catalog/products/${product.id}`, {
      status: 'ON_SALE',
      version: off.body.version,
    });
    expect(on.body.status).toBe('ON_SALE');
    const actions = (await auditOf('product', product.id)).map((e) => e.action);
    expect(actions).toEqual(['product.publish', 'product.unpublish', 'product.create']);
  });
});

describe('stock adjustments', () => {
  it('need a reason, which the audit entry keeps', async () => {
    const product = await newProduct();
    const sku = product.skus[0];
    const url = `/api/admin/catalog/skus/${sku.id}/stock-adjustments`;
    for (const payload of [{ delta: 3 }, { delta: 3, reason: '' }, { delta: 3, reason: '   ' }]) {
      const res = await call<ErrorBody>('POST', url, payload);
      expect(res.status).toBe(400);
      expect(res.body.details?.map((d) => d.field)).toContain('reason');
    }
    expect((await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`)).body.skus[0].stock).toBe(
      sku.stock,
    );
    expect(await call('POST', url, { delta: -2, reason: '盘点报损' })).toMatchObject({
      status: 200,
      body: { skuId: sku.id, stock: sku.stock - 2 },
    });
    const [entry] = await auditOf('product', product.id);
    expect(entry).toMatchObject({
      action: 'product.stock_adjust',
      before: { skuId: sku.id, stock: sku.stock },
      after: { skuId: sku.id, stock: sku.stock - 2, delta: -2, reason: '盘点报损' },
    });
  });
});

describe('categories and the list', () => {
  it('creates and edits categories, each audited', async () => {
    const created = await call<CategoryDto>('POST', '/api/admin/catalog/categories', { name: '新分类', sort: 3 });
    expect(created.status).toBe(201);
    const edited = await call<CategoryDto>('PATCH', `/api/admin/catalog/categories/${created.body.id}`, {
      name: '改名分类',
    });
    expect(edited.body).toMatchObject({ name: '改名分类', sort: 3 });
    const entries = await auditOf('category', created.body.id);
    expect(entries.map((e) => e.action)).toEqual(['category.update', 'category.create']);
    expect(entries[0]).toMatchObject({ before: { name: '新分类' }, after: { name: '改名分类' } });
  });

  it('searches by SKU code as well as title, filters by category and status, pages in SQL', async () => {
    const product = await newProduct();
    const byCode = await call<Page<AdminProductSummaryDto>>(
      'GET',
      `/api/admin/catalog/products?keyword=${encodeURIComponent(product.skus[1].code)}`,
    );
    expect(byCode.body.items.map((p) => p.id)).toEqual([product.id]);
    expect(byCode.body.items[0]).toMatchObject({ priceFen: 1990, maxPriceFen: 2990, totalStock: 12, skuCount: 2 });
    const byCategory = await call<Page<AdminProductSummaryDto>>(
      'GET',
      `/api/admin/catalog/products?categoryId=${product.categoryId}&status=ON_SALE&pageSize=1`,
    );
    expect(byCategory.body).toMatchObject({ total: 1, items: [{ id: product.id }] });
    const offShelf = await call<Page<AdminProductSummaryDto>>(
      'GET',
      `/api/admin/catalog/products?categoryId=${product.categoryId}&status=OFF_SALE`,
    );
    expect(offShelf.body.total).toBe(0);
  });
});

describe('who may write the catalogue', () => {
  it('a store manager is refused every catalogue write (403)', async () => {
    const product = await newProduct();
    const writes: [Method, string, unknown][] = [
      ['POST', '/api/admin/catalog/categories', { name: '店长分类' }],
      ['PATCH', `/api/admin/catalog/categories/${product.categoryId}`, { name: 'x' }],
      ['POST', '/api/admin/catalog/products', { name: 'x' }],
      ['PATCH', `/api/admin/catalog/products/${product.id}`, { status: 'OFF_SALE' }],
      ['POST', `/api/admin/catalog/products/${product.id}/skus`, {}],
      ['PATCH', `/api/admin/catalog/skus/${product.skus[0].id}`, { priceFen: 1 }],
      ['POST', `/api/admin/catalog/skus/${product.skus[0].id}/stock-adjustments`, { delta: 1, reason: 'x' }],
    ];
    for (const [method, url, payload] of writes) {
      expect(await call<ErrorBody>(method, url, payload, manager), `${method} ${url}`).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    }
    expect((await upload(png('manager'), 'image/png', manager)).statusCode).toBe(403);
    expect((await call<AdminProductDto>('GET', `/api/admin/catalog/products/${product.id}`)).body).toMatchObject({
      status: 'ON_SALE',
      version: product.version,
    });
  });
});
