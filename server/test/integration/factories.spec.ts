import type { OrderView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { CouponsService } from '../../src/modules/coupons/coupons.service';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import {
  completedOrder,
  createCashier,
  createCouponTemplate,
  createMember,
  createProduct,
  createPromoter,
  createSku,
  createStore,
  issueCoupon,
  paidOrder,
  shippedOrder,
} from '../factories';
import { type Actor } from '../support/actors';
import { type TestApp } from '../support/test-app';
import { bootShop } from '../support/shop';

// Tuesday 2026-11-24 10:00 in Shanghai: no member day, so an order pays its list price.
const clock = new TestClock(new Date('2026-11-24T02:00:00Z'));
let t: TestApp;
let operator: Actor;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
});
afterAll(() => t.close());

const order = (who: Actor, id: number) =>
  t.inject({ method: 'GET', url: `/api/orders/${id}`, headers: who.headers }).then((r) => r.json<OrderView>());

describe('test factories: each makes rows of its own', () => {
  it('makes products and SKUs with the asked prices and stock, never touching another row', async () => {
    const a = await createProduct(t, { prices: [1200, 1500], stock: 7 });
    const b = await createSku(t, 990, 3);
    expect(a.skus.map((s) => [s.priceFen, s.stock])).toEqual([
      [1200, 7],
      [1500, 7],
    ]);
    expect(a.priceFen).toBe(1200);
    expect(b).toMatchObject({ priceFen: 990, stock: 3 });
    expect(new Set([...a.skus, b].map((s) => s.code)).size).toBe(3);
  });

  it('makes signed-up members, with growth putting them in their tier', async () => {
    const plain = await createMember(t);
    const silver = await createMember(t, { growth: 3000, birthday: '11-24' });
    expect(plain.id).not.toBe(silver.id);
    expect(await t.app.get(LoyaltyService).summary(silver.id)).toMatchObject({ growth: 3000, tier: 'SILVER' });
  });

  it('makes orders paid, shipped and completed through the real flow', async () => {
    const buyer = await createMember(t);
    const sku = await createSku(t, 2500, 10);
    const paid = await paidOrder(t, buyer, [sku.id]);
    expect(paid).toMatchObject({ state: 'PAID', payableFen: 2500 });
    const shipped = await shippedOrder(t, operator, buyer, [{ skuId: sku.id, quantity: 2 }]);
    expect(shipped).toMatchObject({ state: 'FULFILLED', payableFen: 5000 });
    const completed = await completedOrder(t, operator, buyer, [sku.id]);
    expect(completed.state).toBe('COMPLETED');
    expect((await order(buyer, paid.id)).state).toBe('PAID');
  });

  it('makes coupon templates and issues coupons that checkout can use', async () => {
    const buyer = await createMember(t);
    const template = await createCouponTemplate(t, { amountOffFen: 500 });
    const couponId = await issueCoupon(t, template, buyer.id);
    const again = await issueCoupon(t, template, buyer.id);
    expect(again).not.toBe(couponId);
    const sku = await createSku(t, 3000, 5);
    const paid = await paidOrder(t, buyer, [sku.id], { couponIds: [couponId] });
    expect(paid.payableFen).toBe(2500);
    expect((await t.app.get(CouponsService).usable(buyer.id)).map((c) => c.coupon.id)).toEqual([again]);
  });

  it('makes approved promoters, stores and their cashiers', async () => {
    const p = await createPromoter(t, operator);
    expect(p.promoterId).toBeGreaterThan(0);
    const store = await createStore(t);
    expect(store.timeZone).toBe('Asia/Shanghai');
    const cashier = await createCashier(t, store.id);
    const code = await t.inject({
      method: 'GET',
      url: `/api/stores/${store.id}/signup-code`,
      headers: cashier.headers,
    });
    expect(code.statusCode).toBe(200);
  });
});
