import { getDataSourceToken } from '@nestjs/typeorm';
import type { CheckoutQuoteResponse, OrderView } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Product } from '../../src/modules/catalog/product.entity';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { CouponsService } from '../../src/modules/coupons/coupons.service';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { Order } from '../../src/modules/orders/order.entity';
import { OrdersService } from '../../src/modules/orders/orders.service';
import { type Actor, memberLogin, signedUpMember } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';
import { createProduct, createSku } from '../factories';

// Wednesday 2026-11-25 10:00 in Shanghai.
const WEDNESDAY = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(WEDNESDAY);
let t: TestApp;
let serial = 0;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
});
afterAll(() => t.close());

const skus = () => t.app.get<DataSource>(getDataSourceToken()).getRepository(Sku);
const idOf = async (member: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: member.headers })).json<{ id: number }>().id;

/** A SKU of its own with a known price and stock (the demo catalogue is never edited). */
async function sku(priceFen: number, stock: number): Promise<number> {
  return (await createSku(t, priceFen, stock)).id;
}
async function member(growth = 0): Promise<Actor> {
  const n = ++serial;
  const m = await signedUpMember(t, `shopper-${n}`, `1330000${String(n).padStart(4, '0')}`);
  if (growth) {
    await t.app
      .get(LoyaltyService)
      .addGrowth(await idOf(m), { sourceType: 'test', sourceId: n, growth, reason: '测试' });
  }
  return m;
}
const quote = (m: Actor, payload: object) =>
  t.inject({ method: 'POST', url: '/api/orders/quote', headers: m.headers, payload });
const order = (m: Actor, payload: object) =>
  t.inject({ method: 'POST', url: '/api/orders', headers: m.headers, payload });
const stockOf = async (skuId: number) => (await skus().findOneByOrFail({ id: skuId })).stock;

describe('checkout quote (the shared pricing engine)', () => {
  it('prices the source figures: silver ¥80 → ¥72 on Wednesday, ¥80 on Tuesday', async () => {
    const skuId = await sku(8000, 10);
    const silver = await member(3000);
    clock.set(WEDNESDAY);
    const wed = (await quote(silver, { lines: [{ skuId, quantity: 1 }] })).json<CheckoutQuoteResponse>();
    expect(wed).toMatchObject({ subtotalFen: 8000, payableFen: 7200, memberDay: true, pointsToEarn: 108 });
    expect(wed.discounts).toEqual([{ key: 'member-day', label: '会员日满68减8', amountFen: 800 }]);
    expect(wed.lines[0]).toMatchObject({ skuId, quantity: 1, originalFen: 8000, paidFen: 7200 });
    // A WeChat visitor who has not joined pays list price and earns nothing.
    const visitor = await memberLogin(t, `visitor-${serial}`);
    const asVisitor = (await quote(visitor, { lines: [{ skuId, quantity: 1 }] })).json<CheckoutQuoteResponse>();
    expect(asVisitor).toMatchObject({ payableFen: 8000, memberDay: false, pointsToEarn: 0, discounts: [] });
    clock.set(new Date('2026-11-24T02:00:00Z'));
    const tue = (await quote(silver, { lines: [{ skuId, quantity: 1 }] })).json<CheckoutQuoteResponse>();
    expect(tue).toMatchObject({ payableFen: 8000, memberDay: false, discounts: [] });
    clock.set(WEDNESDAY);
  });

  it('applies the 2件79折 zone to products tagged into it (demo snacks), with the rule version on the quote', async () => {
    clock.set(new Date('2026-11-24T02:00:00Z')); // Tuesday: no member day
    const products = t.app.get<DataSource>(getDataSourceToken()).getRepository(Product);
    const zoned = (await products.find()).filter((p) => p.promotionTags.includes('zone-2for79'));
    expect(zoned.length).toBeGreaterThan(0);
    const [zoneSku] = (await createProduct(t, { prices: [1000], stock: 10, promotionTags: ['zone-2for79'] })).skus;
    const m = await member();
    const q = (await quote(m, { lines: [{ skuId: zoneSku.id, quantity: 3 }] })).json<CheckoutQuoteResponse>();
    // Two of three units in a complete group at 79折: 2000 → 1580; the third pays full price.
    expect(q).toMatchObject({ subtotalFen: 3000, payableFen: 2580 });
    expect(q.discounts).toEqual([{ key: 'promotion:zone-2for79', label: '2件79折', amountFen: 420 }]);
    clock.set(WEDNESDAY);
  });

  it('suggests the best coupon and explains the unusable ones', async () => {
    const skuId = await sku(6000, 10);
    const m = await member();
    const coupons = t.app.get(CouponsService);
    await coupons.issue(await coupons.template('FULL_99_MINUS_20'), [
      { memberId: await idOf(m), issueKey: `t:${serial}` },
    ]);
    const one = (await quote(m, { lines: [{ skuId, quantity: 1 }] })).json<CheckoutQuoteResponse>();
    expect(one.suggestedCouponIds).toEqual([]);
    expect(one.coupons[0]).toMatchObject({ usable: false, reason: 'COUPON_THRESHOLD_NOT_MET', shortfallFen: 3900 });
    const two = (await quote(m, { lines: [{ skuId, quantity: 2 }] })).json<CheckoutQuoteResponse>();
    expect(two.suggestedCouponIds).toHaveLength(1);
    // ¥120: member day (normal, ¥6) and 满99减20 → ¥94.
    expect(two).toMatchObject({ subtotalFen: 12000, payableFen: 9400 });
    const lineSum = two.lines.reduce((s, l) => s + l.paidFen, 0);
    expect(lineSum).toBe(two.payableFen);
  });
});

describe('orders', () => {
  it('reserves stock, refuses a changed price or missing stock without changing anything, and is idempotent', async () => {
    const skuId = await sku(5000, 3);
    const m = await member();
    const base = { lines: [{ skuId, quantity: 2 }], couponIds: [], fulfilment: 'PICKUP', pickupStoreId: 1 };
    const changed = await order(m, { ...base, clientOrderId: 'order-price-1', expectedPayableFen: 9999 });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'PRICE_CHANGED' });
    expect(await stockOf(skuId)).toBe(3);
    const payable = (await quote(m, { lines: base.lines, couponIds: [] })).json<CheckoutQuoteResponse>().payableFen;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        order(m, { ...base, clientOrderId: 'order-retry-1', expectedPayableFen: payable }),
      ),
    );
    expect(new Set(results.map((r) => r.json<OrderView>().id)).size).toBe(1);
    const created = results[0].json<OrderView>();
    expect(created).toMatchObject({ state: 'PENDING_PAYMENT', payableFen: payable, actions: ['PAY', 'CANCEL'] });
    expect(created.orderNo.length).toBeLessThanOrEqual(32);
    expect(await stockOf(skuId)).toBe(1);
    const short = await order(m, { ...base, clientOrderId: 'order-short-1', expectedPayableFen: payable });
    expect(short.statusCode).toBe(409);
    expect(short.json<{ code: string; message: string }>()).toMatchObject({ code: 'STOCK_INSUFFICIENT' });
    expect(short.json<{ message: string }>().message).toMatch(/「.+」库存不足/);
    expect(await stockOf(skuId)).toBe(1);
  });

  it('cancels an unpaid order: stock and coupon come back; another member sees 404', async () => {
    const skuId = await sku(6000, 5);
    const m = await member();
    const coupons = t.app.get(CouponsService);
    await coupons.issue(await coupons.template('FULL_99_MINUS_20'), [
      { memberId: await idOf(m), issueKey: `c:${serial}` },
    ]);
    const q = (await quote(m, { lines: [{ skuId, quantity: 2 }] })).json<CheckoutQuoteResponse>();
    const created = (
      await order(m, {
        clientOrderId: 'order-cancel-1',
        lines: [{ skuId, quantity: 2 }],
        couponIds: q.couponIds,
        expectedPayableFen: q.payableFen,
        fulfilment: 'SHIP',
        address: { recipientName: '张三', phone: '13800000000', region: '上海市 静安区', detail: '南京西路 1 号' },
      })
    ).json<OrderView>();
    const wallet = () => t.inject({ method: 'GET', url: '/api/coupons/me', headers: m.headers }).then((r) => r.json());
    expect((await wallet()).counts).toMatchObject({ AVAILABLE: 0, USED: 1 });
    expect(await stockOf(skuId)).toBe(3);
    const other = await member();
    expect(
      (await t.inject({ method: 'GET', url: `/api/orders/${created.id}`, headers: other.headers })).statusCode,
    ).toBe(404);
    expect(
      (await t.inject({ method: 'POST', url: `/api/orders/${created.id}/cancel`, headers: other.headers })).statusCode,
    ).toBe(404);
    const cancelled = await t.inject({ method: 'POST', url: `/api/orders/${created.id}/cancel`, headers: m.headers });
    expect(cancelled.json()).toMatchObject({ state: 'CANCELLED', cancelReason: '用户取消', actions: [] });
    expect(await stockOf(skuId)).toBe(5);
    expect((await wallet()).counts).toMatchObject({ AVAILABLE: 1, USED: 0 });
    const list = await t.inject({ method: 'GET', url: '/api/orders?state=CANCELLED', headers: m.headers });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: created.id, state: 'CANCELLED' }] });
  });

  it('cancels unpaid orders after the payment window and releases their stock', async () => {
    clock.set(WEDNESDAY);
    const skuId = await sku(1000, 2);
    const m = await member();
    const q = (await quote(m, { lines: [{ skuId, quantity: 2 }] })).json<CheckoutQuoteResponse>();
    const created = (
      await order(m, {
        clientOrderId: 'order-expire-1',
        lines: [{ skuId, quantity: 2 }],
        couponIds: [],
        expectedPayableFen: q.payableFen,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      })
    ).json<OrderView>();
    expect(await stockOf(skuId)).toBe(0);
    clock.advance(14 * 60_000);
    expect(await t.app.get(OrdersService).expireUnpaid()).toBe(0);
    clock.advance(2 * 60_000);
    expect(await t.app.get(OrdersService).expireUnpaid()).toBeGreaterThanOrEqual(1);
    expect(await stockOf(skuId)).toBe(2);
    const after = await t.inject({ method: 'GET', url: `/api/orders/${created.id}`, headers: m.headers });
    expect(after.json()).toMatchObject({ state: 'CANCELLED', cancelReason: '超时未支付' });
    clock.set(WEDNESDAY);
  });

  it('sells exactly the last units when many checkouts race for them', async () => {
    clock.set(WEDNESDAY);
    const skuId = await sku(1000, 20);
    const buyers = await Promise.all(Array.from({ length: 20 }, () => member()));
    const attempts = buyers.flatMap((m, i) =>
      Array.from({ length: 10 }, (_, j) =>
        order(m, {
          clientOrderId: `race-${serial}-${i}-${j}`,
          lines: [{ skuId, quantity: 1 }],
          couponIds: [],
          expectedPayableFen: 1000,
          fulfilment: 'PICKUP',
          pickupStoreId: 1,
        }),
      ),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(20);
    expect(results.filter((r) => r.json<{ code?: string }>().code === 'STOCK_INSUFFICIENT')).toHaveLength(180);
    expect(await stockOf(skuId)).toBe(0);
  });

  it('forgets the delivery address when the member deletes their account', async () => {
    const skuId = await sku(2000, 5);
    const m = await member();
    const q = (await quote(m, { lines: [{ skuId, quantity: 1 }] })).json<CheckoutQuoteResponse>();
    const created = (
      await order(m, {
        clientOrderId: 'order-pipl-0001',
        lines: [{ skuId, quantity: 1 }],
        couponIds: q.couponIds,
        expectedPayableFen: q.payableFen,
        fulfilment: 'SHIP',
        address: { recipientName: '王五', phone: '13700000000', region: '上海市 黄浦区', detail: '人民大道 1 号' },
      })
    ).json<OrderView>();
    expect(created.address).toMatchObject({ recipientName: '王五' });
    expect((await t.inject({ method: 'DELETE', url: '/api/members/me', headers: m.headers })).statusCode).toBe(204);
    const row = await t.app
      .get<DataSource>(getDataSourceToken())
      .getRepository(Order)
      .findOneByOrFail({ id: created.id });
    expect(row.address).toBeNull();
    expect(row.payableFen).toBe(created.payableFen); // the books stay
  });

  it('refuses bad input', async () => {
    const m = await member();
    for (const lines of [
      [],
      [{ skuId: 1, quantity: 0 }],
      [{ skuId: 1, quantity: 100 }],
      [{ skuId: 1, quantity: 1.5 }],
    ]) {
      expect((await quote(m, { lines })).statusCode).toBe(400);
    }
    expect((await quote(m, { lines: [{ skuId: 999_999, quantity: 1 }] })).json()).toMatchObject({
      code: 'SKU_NOT_FOUND',
    });
    const noAddress = await order(m, {
      clientOrderId: 'order-no-address',
      lines: [{ skuId: 1, quantity: 1 }],
      couponIds: [],
      expectedPayableFen: 1,
      fulfilment: 'SHIP',
    });
    expect(noAddress.statusCode).toBe(400);
  });
});
