import { getDataSourceToken } from '@nestjs/typeorm';
import type { AdminProductDto, CartMergeResponse, CartView } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartItem } from '../../src/modules/cart/cart-item.entity';
import { type Actor, memberLogin, signedUpMember, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let operator: Actor;
beforeAll(async () => {
  t = await createTestApp();
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type ErrorBody = { code: string; message: string; details?: { field: string }[] };
const call = async <T>(who: Actor | null, method: Method, url: string, payload?: unknown) => {
  const res = await t.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    ...(who ? { headers: who.headers } : {}),
  });
  return { status: res.statusCode, body: (res.body ? res.json<T>() : undefined) as T };
};

const cart = async (member: Actor) => {
  const res = await call<CartView>(member, 'GET', '/api/cart');
  expect(res.status).toBe(200);
  return res.body;
};
const add = (member: Actor, skuId: number, quantity = 1) =>
  call<CartView & ErrorBody>(member, 'POST', '/api/cart/items', { skuId, quantity });
const put = (member: Actor, skuId: number, body: Record<string, unknown>) =>
  call<CartView & ErrorBody>(member, 'PUT', `/api/cart/items/${skuId}`, body);
const merge = (member: Actor, mergeId: string, items: { skuId: number; quantity: number }[]) =>
  call<CartMergeResponse & ErrorBody>(member, 'POST', '/api/cart/merge', { mergeId, items });
const quantities = (view: CartView) => Object.fromEntries(view.lines.map((l) => [l.skuId, l.quantity]));

let seq = 0;
let categoryId = 0;
/** A fresh product with one SKU per given stock (price 1000, 2000, … fen). */
async function product(stocks: number[], tags: string[] = []): Promise<{ id: number; skuIds: number[] }> {
  if (!categoryId) {
    categoryId = (await call<{ id: number }>(operator, 'POST', '/api/admin/catalog/categories', { name: '购物车测试' }))
      .body.id;
  }
  const res = await call<AdminProductDto>(operator, 'POST', '/api/admin/catalog/products', {
    categoryId,
    name: `购物车商品${++seq}`,
    images: [`/static/cart-${seq}.png`],
    promotionTags: tags,
    skus: stocks.map((stock, i) => ({
      code: `CART-${seq}-${i}`,
      specs: { 款式: `款${i + 1}` },
      priceFen: 1000 * (i + 1),
      stock,
    })),
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, skuIds: res.body.skus.map((s) => s.id) };
}
const adjustStock = (skuId: number, delta: number) =>
  call(operator, 'POST', `/api/admin/catalog/skus/${skuId}/stock-adjustments`, { delta, reason: '测试' });
const setShelf = (productId: number, status: 'ON_SALE' | 'OFF_SALE') =>
  call(operator, 'PATCH', `/api/admin/catalog/products/${productId}`, { status });
const cartRows = (memberSkuId: number) =>
  t.app.get<DataSource>(getDataSourceToken()).getRepository(CartItem).countBy({ skuId: memberSkuId });

describe('cart: who may use it', () => {
  it('needs a member token: 401 without one, 403 for staff', async () => {
    const cashier = await staffLogin(t, 'cashier.sh001');
    expect(await call(null, 'GET', '/api/cart')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    for (const staff of [operator, cashier]) {
      expect(await call(staff, 'GET', '/api/cart')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await call(staff, 'POST', '/api/cart/merge', { mergeId: 'abcdefgh', items: [] })).status).toBe(403);
    }
  });

  it('works for a visitor who has not signed up yet, and for a signed-up member', async () => {
    const { skuIds } = await product([5]);
    for (const member of [await memberLogin(t, 'cart-visitor'), await signedUpMember(t, 'cart-m', '13700000001')]) {
      expect((await add(member, skuIds[0])).status).toBe(200);
      expect(quantities(await cart(member))).toEqual({ [skuIds[0]]: 1 });
    }
  });

  it("a member sees and changes only their own cart; another member's lines are out of reach", async () => {
    const { skuIds } = await product([10, 10]);
    const [a, b] = skuIds as [number, number];
    const alice = await memberLogin(t, 'cart-alice');
    const bob = await memberLogin(t, 'cart-bob');
    await add(alice, a, 2);
    await add(bob, b, 1);
    expect(quantities(await cart(alice))).toEqual({ [a]: 2 });
    expect(quantities(await cart(bob))).toEqual({ [b]: 1 });
    // Bob naming Alice's SKU touches Bob's cart only.
    await call(bob, 'DELETE', `/api/cart/items/${a}`);
    await call(bob, 'POST', '/api/cart/select', { skuIds: [a], selected: false });
    expect(quantities(await cart(alice))).toEqual({ [a]: 2 });
    expect((await cart(alice)).lines[0]?.selected).toBe(true);
    // No route takes a member id: a query naming one is ignored, a body naming one is refused.
    expect(quantities((await call<CartView>(bob, 'GET', '/api/cart?memberId=1')).body)).toEqual({ [b]: 1 });
    expect((await call(bob, 'POST', '/api/cart/items', { skuId: a, quantity: 1, memberId: 1 })).status).toBe(400);
  });

  it("a deleted account's old token no longer reaches the cart", async () => {
    const member = await memberLogin(t, 'cart-leaver');
    expect((await call(member, 'DELETE', '/api/members/me')).status).toBe(204);
    expect(await call(member, 'GET', '/api/cart')).toMatchObject({ status: 401 });
  });
});

describe('cart: lines and totals', () => {
  it('starts empty', async () => {
    expect(await cart(await memberLogin(t, 'cart-empty'))).toEqual({
      lines: [],
      totalQuantity: 0,
      selectedQuantity: 0,
      selectedSubtotalFen: 0,
      allSelected: false,
    });
  });

  it('adds units, shows the current product data, newest line first, and totals the selected lines', async () => {
    const { id, skuIds } = await product([50, 50], ['zone-2for79']);
    const [a, b] = skuIds as [number, number];
    const member = await memberLogin(t, 'cart-adder');
    await add(member, a, 2);
    await add(member, a, 1);
    const view = (await add(member, b, 1)).body;
    expect(view.lines.map((l) => l.skuId)).toEqual([b, a]);
    expect(view.lines[1]).toEqual({
      skuId: a,
      productId: id,
      categoryId,
      productName: expect.stringMatching(/^购物车商品/),
      coverUrl: expect.stringMatching(/^\/static\/cart-/),
      specs: { 款式: '款1' },
      priceFen: 1000,
      quantity: 3,
      lineTotalFen: 3000,
      stock: 50,
      promotionTags: ['zone-2for79'],
      selected: true,
      availability: 'AVAILABLE',
    });
    expect(view).toMatchObject({ totalQuantity: 4, selectedQuantity: 4, selectedSubtotalFen: 5000, allSelected: true });

    // Unticking a line takes it out of the subtotal; a price change shows at once.
    const unticked = await put(member, b, { quantity: 1, selected: false });
    expect(unticked.body).toMatchObject({ selectedQuantity: 3, selectedSubtotalFen: 3000, allSelected: false });
    await call(operator, 'PATCH', `/api/admin/catalog/skus/${a}`, { priceFen: 1200 });
    expect((await cart(member)).selectedSubtotalFen).toBe(3600);
    const all = await call<CartView>(member, 'POST', '/api/cart/select', { skuIds: [a, b, 999999], selected: true });
    expect(all.body).toMatchObject({ selectedSubtotalFen: 3600 + 2000, allSelected: true });
  });

  it('shows a seeded demo product with its price and no promotion tags', async () => {
    const member = await memberLogin(t, 'cart-demo');
    const view = (await add(member, 1, 2)).body;
    expect(view.lines[0]).toMatchObject({ skuId: 1, productId: 1, quantity: 2, promotionTags: [] });
    expect(view.selectedSubtotalFen).toBe(view.lines[0].priceFen * 2);
  });

  it('PUT sets the quantity (creating the line), keeps the tick unless told, and 0 or DELETE removes', async () => {
    const { skuIds } = await product([20]);
    const sku = skuIds[0];
    const member = await memberLogin(t, 'cart-putter');
    expect(quantities((await put(member, sku, { quantity: 4 })).body)).toEqual({ [sku]: 4 });
    await put(member, sku, { quantity: 4, selected: false });
    const kept = (await put(member, sku, { quantity: 6 })).body;
    expect(kept.lines[0]).toMatchObject({ quantity: 6, selected: false });
    expect((await put(member, sku, { quantity: 0 })).body.lines).toEqual([]);
    await put(member, sku, { quantity: 2 });
    expect((await call<CartView>(member, 'DELETE', `/api/cart/items/${sku}`)).body.lines).toEqual([]);
    // Deleting again is fine.
    expect((await call(member, 'DELETE', `/api/cart/items/${sku}`)).status).toBe(200);
  });

  it.each([
    [{ quantity: 100 }, 'quantity'],
    [{ quantity: -1 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ quantity: '2' }, 'quantity'],
    [{}, 'quantity'],
    [{ quantity: 1, selected: 'yes' }, 'selected'],
    [{ quantity: 1, priceFen: 1 }, 'priceFen'],
  ])('PUT refuses %j with 400 naming %s', async (payload, field) => {
    const member = await memberLogin(t, 'cart-validation');
    const res = await put(member, 1, payload);
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toContain(field);
  });

  it('answers 404 SKU_NOT_FOUND for an unknown SKU and 400 for a malformed one', async () => {
    const member = await memberLogin(t, 'cart-unknown');
    expect(await add(member, 999999)).toMatchObject({ status: 404, body: { code: 'SKU_NOT_FOUND' } });
    expect(await put(member, 999999, { quantity: 1 })).toMatchObject({ status: 404, body: { code: 'SKU_NOT_FOUND' } });
    expect((await call(member, 'PUT', '/api/cart/items/abc', { quantity: 1 })).status).toBe(400);
    expect((await call(member, 'DELETE', '/api/cart/items/0')).status).toBe(400);
    expect((await call(member, 'POST', '/api/cart/items', { skuId: 1, quantity: 0 })).status).toBe(400);
    expect((await call(member, 'POST', '/api/cart/select', { skuIds: [], selected: true })).status).toBe(400);
  });

  it('refuses what the shelf or the stock cannot give, caps a line at 99', async () => {
    const { id, skuIds } = await product([3, 0, 200]);
    const [few, none, many] = skuIds as [number, number, number];
    const member = await memberLogin(t, 'cart-limits');
    expect(await add(member, none)).toMatchObject({ status: 409, body: { code: 'CART_OUT_OF_STOCK' } });
    expect(await put(member, none, { quantity: 1 })).toMatchObject({
      status: 409,
      body: { code: 'CART_OUT_OF_STOCK' },
    });
    await add(member, few, 2);
    const over = await add(member, few, 2);
    expect(over).toMatchObject({ status: 409, body: { code: 'STOCK_INSUFFICIENT' } });
    expect(over.body.message).toContain('3');
    expect(await put(member, few, { quantity: 4 })).toMatchObject({ status: 409 });
    expect((await put(member, few, { quantity: 3 })).status).toBe(200);
    await add(member, many, 98);
    expect(quantities((await add(member, many, 5)).body)[many]).toBe(99);
    expect(await add(member, many, 1)).toMatchObject({ status: 409, body: { code: 'CART_LINE_LIMIT' } });
    await setShelf(id, 'OFF_SALE');
    expect(await add(member, many)).toMatchObject({ status: 409, body: { code: 'PRODUCT_OFF_SHELF' } });
    expect(await put(member, many, { quantity: 1 })).toMatchObject({
      status: 409,
      body: { code: 'PRODUCT_OFF_SHELF' },
    });
  });

  it('flags lines the shop can no longer sell as asked, and leaves them out of the totals', async () => {
    const p1 = await product([10]);
    const p2 = await product([10, 10]);
    const [offShelf, soldOut, short] = [p1.skuIds[0], p2.skuIds[0], p2.skuIds[1]];
    const member = await memberLogin(t, 'cart-flags');
    await add(member, offShelf, 1);
    await add(member, soldOut, 2);
    await add(member, short, 5);
    await setShelf(p1.id, 'OFF_SALE');
    await adjustStock(soldOut, -10);
    await adjustStock(short, -7);
    const view = await cart(member);
    const byId = Object.fromEntries(view.lines.map((l) => [l.skuId, l]));
    expect(byId[offShelf]).toMatchObject({ availability: 'OFF_SHELF' });
    expect(byId[soldOut]).toMatchObject({ availability: 'OUT_OF_STOCK', stock: 0 });
    expect(byId[short]).toMatchObject({ availability: 'QUANTITY_EXCEEDS_STOCK', stock: 3, quantity: 5 });
    expect(view).toMatchObject({ totalQuantity: 8, selectedQuantity: 0, selectedSubtotalFen: 0, allSelected: false });
    // Lowering a line that exceeds the stock is allowed, even to a number still above it; raising it is not.
    expect((await put(member, short, { quantity: 4 })).status).toBe(200);
    expect(await put(member, short, { quantity: 5 })).toMatchObject({ status: 409 });
    const fixed = (await put(member, short, { quantity: 3 })).body;
    expect(fixed).toMatchObject({ selectedQuantity: 3, selectedSubtotalFen: 6000, allSelected: true });
    // Back on the shelf, the line counts again.
    await setShelf(p1.id, 'ON_SALE');
    expect((await cart(member)).selectedQuantity).toBe(4);
  });

  it('concurrent adds and sets of one SKU never make two lines', async () => {
    const { skuIds } = await product([500]);
    const sku = skuIds[0];
    const member = await memberLogin(t, 'cart-racer');
    const adds = await Promise.all(Array.from({ length: 20 }, () => add(member, sku, 1)));
    expect(adds.every((r) => r.status === 200)).toBe(true);
    expect(await cartRows(sku)).toBe(1);
    expect(quantities(await cart(member))).toEqual({ [sku]: 20 });

    const other = await memberLogin(t, 'cart-racer-2');
    const puts = await Promise.all(Array.from({ length: 20 }, (_, i) => put(other, sku, { quantity: i + 1 })));
    expect(puts.every((r) => r.status === 200)).toBe(true);
    expect(await cartRows(sku)).toBe(2); // one line per member
    expect((await cart(other)).lines).toHaveLength(1);
  });
});

describe('cart: merging the guest cart at login', () => {
  it('adds guest quantities to the member lines, capped at 99 and at the stock, skipping what cannot be sold', async () => {
    const p = await product([100, 120, 5, 0]);
    const [a, b, c, soldOut] = p.skuIds as [number, number, number, number];
    const off = await product([10]);
    await setShelf(off.id, 'OFF_SALE');
    const member = await memberLogin(t, 'cart-merger');
    await add(member, a, 2);
    await add(member, b, 90);
    const res = await merge(member, 'guest-cart-0001', [
      { skuId: a, quantity: 3 },
      { skuId: b, quantity: 20 },
      { skuId: c, quantity: 8 },
      { skuId: soldOut, quantity: 1 },
      { skuId: off.skuIds[0], quantity: 1 },
      { skuId: 999999, quantity: 1 },
    ]);
    expect(res.status).toBe(200);
    expect(quantities(res.body)).toEqual({ [a]: 5, [b]: 99, [c]: 5 });
    expect(res.body.alreadyMerged).toBe(false);
    expect(res.body.skipped).toEqual([
      { skuId: soldOut, reason: 'OUT_OF_STOCK' },
      { skuId: off.skuIds[0], reason: 'OFF_SHELF' },
      { skuId: 999999, reason: 'NOT_FOUND' },
    ]);
  });

  it('sums repeated SKUs of the guest cart, and an empty guest cart changes nothing', async () => {
    const { skuIds } = await product([50]);
    const member = await memberLogin(t, 'cart-merger-2');
    const res = await merge(member, 'guest-cart-0002', [
      { skuId: skuIds[0], quantity: 2 },
      { skuId: skuIds[0], quantity: 3 },
    ]);
    expect(quantities(res.body)).toEqual({ [skuIds[0]]: 5 });
    expect((await merge(member, 'guest-cart-0003', [])).body.lines).toHaveLength(1);
  });

  it('is applied once per mergeId: a retry changes nothing, other items under the same id are refused', async () => {
    const { skuIds } = await product([50]);
    const sku = skuIds[0];
    const member = await memberLogin(t, 'cart-retrier');
    const items = [{ skuId: sku, quantity: 2 }];
    expect(quantities((await merge(member, 'retry-merge-1', items)).body)).toEqual({ [sku]: 2 });
    const again = await merge(member, 'retry-merge-1', items);
    expect(again.status).toBe(200);
    expect(again.body.alreadyMerged).toBe(true);
    expect(quantities(again.body)).toEqual({ [sku]: 2 });
    expect(await merge(member, 'retry-merge-1', [{ skuId: sku, quantity: 3 }])).toMatchObject({
      status: 409,
      body: { code: 'CART_MERGE_CONFLICT' },
    });
    // Another member may use the same id: ids are per member.
    const other = await memberLogin(t, 'cart-retrier-2');
    expect((await merge(other, 'retry-merge-1', items)).body.alreadyMerged).toBe(false);
  });

  it('a double submit of the same merge, at the same moment, adds the quantities once', async () => {
    const { skuIds } = await product([80, 80]);
    const [a, b] = skuIds as [number, number];
    const member = await memberLogin(t, 'cart-double');
    await add(member, a, 1);
    const items = [
      { skuId: a, quantity: 4 },
      { skuId: b, quantity: 6 },
    ];
    const results = await Promise.all(Array.from({ length: 5 }, () => merge(member, 'double-submit-1', items)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => !r.body.alreadyMerged)).toHaveLength(1);
    expect(quantities(await cart(member))).toEqual({ [a]: 5, [b]: 6 });
  });

  it.each([
    [{ mergeId: 'short', items: [] }, 'mergeId'],
    [{ mergeId: 'has space!!', items: [] }, 'mergeId'],
    [{ items: [] }, 'mergeId'],
    [{ mergeId: 'valid-id-1', items: [{ skuId: 1, quantity: 0 }] }, 'items.0.quantity'],
    [{ mergeId: 'valid-id-1', items: [{ skuId: 1, quantity: 100 }] }, 'items.0.quantity'],
    [{ mergeId: 'valid-id-1', items: [{ skuId: 'a', quantity: 1 }] }, 'items.0.skuId'],
    [{ mergeId: 'valid-id-1' }, 'items'],
  ])('refuses %j with 400 naming %s', async (payload, field) => {
    const member = await memberLogin(t, 'cart-merge-validation');
    const res = await call<ErrorBody>(member, 'POST', '/api/cart/merge', payload);
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toContain(field);
  });
});
