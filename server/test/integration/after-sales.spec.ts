import { reversedCommission } from '@tidepool/shared';
import type {
  AdminAfterSaleView,
  AfterSaleOptionsResponse,
  AfterSaleView,
  CheckoutQuoteResponse,
  OrderView,
  Page,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { AfterSale } from '../../src/modules/after-sales/after-sale.entity';
import { MemberCoupon } from '../../src/modules/coupons/member-coupon.entity';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { OrderItem } from '../../src/modules/orders/order-item.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { type Actor, memberLogin } from '../support/actors';
import {
  completeOrder,
  confirmRefund,
  ds,
  member,
  promoter,
  setDistribution,
  settleOutbox,
  shareToken,
  visit,
} from '../support/distribution';
import { type TestApp } from '../support/test-app';
import { simulatorOf } from '../support/wechatpay';
import { createSku } from '../factories';
import { bootShop } from '../support/shop';

const WEDNESDAY = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(WEDNESDAY);
let t: TestApp;
let operator: Actor;
let serial = 0;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
});
afterAll(() => t.close());

type Buyer = Actor & { id: number };

/** An order for `quantity` units of one SKU; `paidFen` overrides what the line (and order) pays, as a discount would. */
async function order(
  quantity: number,
  opts: { paidFen?: number; pay?: boolean; buyer?: Buyer; skuId?: number; couponIds?: number[] } = {},
) {
  const n = ++serial;
  const buyer = opts.buyer ?? (await member(t, `after-sales-${n}`));
  const sku = opts.skuId ? { id: opts.skuId } : await createSku(t, 3400, 50);
  const lines = [{ skuId: sku.id, quantity }];
  const q = (
    await t.inject({
      method: 'POST',
      url: '/api/orders/quote',
      headers: buyer.headers,
      payload: { lines, couponIds: opts.couponIds ?? [] },
    })
  ).json<CheckoutQuoteResponse>();
  const created = (
    await t.inject({
      method: 'POST',
      url: '/api/orders',
      headers: buyer.headers,
      payload: {
        clientOrderId: `after-sale-order-${n}`,
        lines,
        couponIds: opts.couponIds ?? [],
        expectedPayableFen: q.payableFen,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
    })
  ).json<OrderView>();
  if (opts.paidFen !== undefined) {
    await ds(t).getRepository(Order).update({ id: created.id }, { payableFen: opts.paidFen });
    await ds(t).getRepository(OrderItem).update({ orderId: created.id }, { paidFen: opts.paidFen });
  }
  if (opts.pay !== false) {
    const pay = await t.inject({ method: 'POST', url: `/api/orders/${created.id}/pay`, headers: buyer.headers });
    await simulatorOf(t).pay(pay.json<{ paymentParams: { package: string } }>().paymentParams.package.slice(10));
    await settleOutbox(t);
  }
  const view = (
    await t.inject({ method: 'GET', url: `/api/orders/${created.id}`, headers: buyer.headers })
  ).json<OrderView>();
  return { buyer, order: view, lineId: view.lines[0].id };
}

let requestSeq = 0;
function apply(buyer: Actor, body: Record<string, unknown>) {
  return t.inject({
    method: 'POST',
    url: '/api/after-sales',
    headers: buyer.headers,
    payload: { clientRequestId: `apply-${process.pid}-${++requestSeq}`, reasonCode: 'QUALITY', ...body },
  });
}
const admin = (method: 'GET' | 'POST', path: string, payload?: Record<string, unknown>) =>
  t.inject({ method, url: `/api/admin/after-sales${path}`, headers: operator.headers, payload });
const line = (id: number) => ds(t).getRepository(OrderItem).findOneByOrFail({ id });
const refundOf = async (afterSaleId: number) => {
  const row = await ds(t).getRepository(AfterSale).findOneByOrFail({ id: afterSaleId });
  return ds(t).getRepository(PaymentRefund).findOneByOrFail({ id: row.paymentRefundId! });
};
const points = async (b: Buyer) => t.app.get(LoyaltyService).summary(b.id);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
    'hex',
  ),
]);
function multipart(file: Buffer, name = 'photo.png', type = 'image/png') {
  const boundary = '----tidepool-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(buyer: Actor, file: Buffer, name?: string, type?: string) {
  const { payload, headers } = multipart(file, name, type);
  return t.inject({
    method: 'POST',
    url: '/api/after-sales/photos',
    headers: { ...buyer.headers, ...headers },
    payload,
  });
}

describe('after-sales: 退货退款 of one of two units', () => {
  it('goes 待审核 → 待退货 → 退款中 → 已退款 and takes back half the points and growth', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(2);
    await completeOrder(t, operator, buyer, o.id);
    const before = await points(buyer);
    expect(before.points).toBe(o.pointsAwarded);
    expect(before.points).toBeGreaterThan(0);

    const photo = await upload(buyer, PNG);
    expect(photo.statusCode).toBe(200);
    const res = await apply(buyer, {
      orderId: o.id,
      type: 'RETURN_REFUND',
      reasonText: '瓶身有裂纹',
      photoIds: [photo.json<{ id: number }>().id],
      lines: [{ lineId, quantity: 1 }],
    });
    expect(res.statusCode).toBe(200);
    const [applied] = res.json<AfterSaleView[]>();
    const half = o.lines[0].paidFen / 2;
    expect(applied).toMatchObject({ state: 'PENDING_REVIEW', quantity: 1, amountFen: half, actions: ['CANCEL'] });
    expect(applied.photos).toHaveLength(1);
    expect(await line(lineId)).toMatchObject({ refundState: 'REFUNDING', refundingQuantity: 1, refundingFen: half });

    const approved = await admin('POST', `/${applied.id}/approve`);
    expect(approved.json<AdminAfterSaleView>()).toMatchObject({ state: 'AWAITING_RETURN', memberId: buyer.id });
    // A double click on approve changes nothing more.
    expect((await admin('POST', `/${applied.id}/approve`)).json()).toMatchObject({ state: 'AWAITING_RETURN' });
    const detail = (
      await t.inject({ method: 'GET', url: `/api/after-sales/${applied.id}`, headers: buyer.headers })
    ).json<AfterSaleView>();
    expect(detail.actions).toEqual(['SUBMIT_RETURN']);
    const parcel = await t.inject({
      method: 'POST',
      url: `/api/after-sales/${applied.id}/return`,
      headers: buyer.headers,
      payload: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    expect(parcel.json<AfterSaleView>()).toMatchObject({ returnCarrier: '顺丰速运', returnTrackingNo: 'SF1234567890' });
    // The member cannot withdraw once approved.
    const late = await t.inject({
      method: 'POST',
      url: `/api/after-sales/${applied.id}/cancel`,
      headers: buyer.headers,
    });
    expect(late.json()).toMatchObject({ code: 'AFTER_SALE_STATE_CONFLICT' });

    const received = await admin('POST', `/${applied.id}/confirm-return`);
    expect(received.json<AdminAfterSaleView>().state).toBe('REFUNDING');
    const refund = await refundOf(applied.id);
    expect(refund).toMatchObject({
      amountFen: half,
      status: 'PROCESSING',
      lines: [{ lineId, quantity: 1, amountFen: half }],
    });
    expect((await points(buyer)).points).toBe(before.points);

    await confirmRefund(t, refund.outRefundNo);
    const done = (
      await t.inject({ method: 'GET', url: `/api/after-sales/${applied.id}`, headers: buyer.headers })
    ).json<AfterSaleView>();
    expect(done.state).toBe('REFUNDED');
    expect(done.timeline.map((e) => e.title)).toEqual([
      '提交申请',
      '商家同意退货',
      '已寄回商品',
      '商家已收到退货',
      '退款成功',
    ]);
    expect(await line(lineId)).toMatchObject({
      refundState: 'NONE',
      refundedQuantity: 1,
      refundedFen: half,
      refundingQuantity: 0,
      refundingFen: 0,
    });
    const after = await points(buyer);
    expect(after.points).toBe(before.points - Math.floor(before.points / 2));
    expect(after.growth).toBe(before.growth - Math.floor(before.growth / 2));
    // The other unit can still be applied for, for the rest of the line.
    const options = (
      await t.inject({ method: 'GET', url: `/api/after-sales/options?orderId=${o.id}`, headers: buyer.headers })
    ).json<AfterSaleOptionsResponse>();
    expect(options.lines[0]).toMatchObject({ usedQuantity: 1, usedFen: half, refundableQuantity: 1 });
    expect(options.types).toEqual(['REFUND_ONLY', 'RETURN_REFUND']);
  });
});

describe('after-sales: partial quantities', () => {
  it('allocates the line by largest remainder: 10000 fen over 3 units refunds 3334, 3333, 3333, never more', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(3, { paidFen: 10_000 });
    const awarded = (await points(buyer)).points;
    const amounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
      expect(res.statusCode).toBe(200);
      const [a] = res.json<AfterSaleView[]>();
      amounts.push(a.amountFen);
      if (i < 2) {
        expect((await admin('POST', `/${a.id}/approve`)).json()).toMatchObject({ state: 'REFUNDING' });
        await confirmRefund(t, (await refundOf(a.id)).outRefundNo);
      } else {
        // The third is held (in review): the line has no free unit left.
        const more = await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
        expect(more.statusCode).toBe(409);
        expect(more.json()).toMatchObject({ code: 'AFTER_SALE_QUANTITY_EXCEEDED' });
        await admin('POST', `/${a.id}/approve`);
        await confirmRefund(t, (await refundOf(a.id)).outRefundNo);
      }
    }
    expect(amounts).toEqual([3334, 3333, 3333]);
    expect(await line(lineId)).toMatchObject({ refundState: 'REFUNDED', refundedQuantity: 3, refundedFen: 10_000 });
    const refunds = await ds(t).getRepository(PaymentRefund).findBy({ orderId: o.id });
    expect(refunds.reduce((s, r) => s + r.amountFen, 0)).toBe(10_000);
    // Points go back in proportion at each step and exactly to zero at the end.
    expect((await points(buyer)).points).toBe(0);
    expect(awarded).toBeGreaterThan(0);
  });

  it('gives the remaining units the remaining money when an earlier application was refused', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(3, { paidFen: 1001 });
    const [first] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 2 }] })).json<
      AfterSaleView[]
    >();
    expect(first.amountFen).toBe(668);
    const refused = await admin('POST', `/${first.id}/reject`, { reason: '商品已使用，不支持退款' });
    expect(refused.json<AdminAfterSaleView>()).toMatchObject({
      state: 'REJECTED',
      rejectReason: '商品已使用，不支持退款',
    });
    expect(await line(lineId)).toMatchObject({ refundState: 'NONE', refundingQuantity: 0, refundingFen: 0 });
    const [all] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 3 }] })).json<
      AfterSaleView[]
    >();
    expect(all.amountFen).toBe(1001);
    // A refused one cannot be approved afterwards.
    expect((await admin('POST', `/${first.id}/approve`)).json()).toMatchObject({ code: 'AFTER_SALE_STATE_CONFLICT' });
  });

  it('lets the member withdraw while in review, which frees the units', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(2);
    const [a] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 2 }] })).json<
      AfterSaleView[]
    >();
    const cancelled = await t.inject({
      method: 'POST',
      url: `/api/after-sales/${a.id}/cancel`,
      headers: buyer.headers,
    });
    expect(cancelled.json<AfterSaleView>()).toMatchObject({ state: 'CANCELLED', actions: [] });
    const again = await t.inject({ method: 'POST', url: `/api/after-sales/${a.id}/cancel`, headers: buyer.headers });
    expect(again.json<AfterSaleView>().state).toBe('CANCELLED');
    expect(await line(lineId)).toMatchObject({ refundState: 'NONE', refundingQuantity: 0 });
    expect((await admin('POST', `/${a.id}/approve`)).statusCode).toBe(409);
  });
});

describe('after-sales: bad input changes nothing', () => {
  it('refuses more than was bought, counting units refunded or in progress, with a clear code', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(2);
    const tooMany = await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 3 }] });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({
      code: 'AFTER_SALE_QUANTITY_EXCEEDED',
      message: expect.stringContaining('最多还可申请 2 件'),
    });
    await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
    const same = await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 2 }] });
    expect(same.json()).toMatchObject({ code: 'AFTER_SALE_QUANTITY_EXCEEDED' });
    // The old whole-line route respects the units held by the after-sale too.
    const whole = await t.inject({
      method: 'POST',
      url: `/api/orders/${o.id}/refunds`,
      headers: buyer.headers,
      payload: { lineIds: [lineId] },
    });
    expect(whole.json()).toMatchObject({ code: 'REFUND_STATE_CONFLICT' });
    expect(await line(lineId)).toMatchObject({ refundingQuantity: 1, refundedQuantity: 0 });
    expect(await ds(t).getRepository(AfterSale).countBy({ orderId: o.id })).toBe(1);
  });

  it('refuses an unpaid order, another member’s order and after-sale, a missing line, and a return before shipping', async () => {
    clock.set(WEDNESDAY);
    const unpaid = await order(1, { pay: false });
    expect(
      (
        await apply(unpaid.buyer, {
          orderId: unpaid.order.id,
          type: 'REFUND_ONLY',
          lines: [{ lineId: unpaid.lineId, quantity: 1 }],
        })
      ).json(),
    ).toMatchObject({ code: 'ORDER_NOT_PAID' });
    const { buyer, order: o, lineId } = await order(1);
    const stranger = await member(t, `stranger-${serial}`);
    const theirs = await apply(stranger, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(
      (await t.inject({ method: 'GET', url: `/api/after-sales/options?orderId=${o.id}`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
    const missing = await apply(buyer, {
      orderId: o.id,
      type: 'REFUND_ONLY',
      lines: [{ lineId: unpaid.lineId, quantity: 1 }],
    });
    expect(missing.json()).toMatchObject({ code: 'AFTER_SALE_LINE_NOT_FOUND' });
    const early = await apply(buyer, { orderId: o.id, type: 'RETURN_REFUND', lines: [{ lineId, quantity: 1 }] });
    expect(early.json()).toMatchObject({ code: 'AFTER_SALE_TYPE_NOT_ALLOWED' });
    const [mine] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] })).json<
      AfterSaleView[]
    >();
    for (const [method, url] of [
      ['GET', `/api/after-sales/${mine.id}`],
      ['POST', `/api/after-sales/${mine.id}/cancel`],
    ] as const) {
      const res = await t.inject({ method, url, headers: stranger.headers });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'AFTER_SALE_NOT_FOUND' });
    }
    // A member may not use the operator's routes.
    expect(
      (await t.inject({ method: 'POST', url: `/api/admin/after-sales/${mine.id}/approve`, headers: buyer.headers }))
        .statusCode,
    ).toBe(403);
    expect((await ds(t).getRepository(AfterSale).findOneByOrFail({ id: mine.id })).state).toBe('PENDING_REVIEW');
  });

  it('refuses after the after-sales window (completion + DISTRIBUTION_RETURN_WINDOW_DAYS)', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(1);
    await completeOrder(t, operator, buyer, o.id);
    clock.advance(t.config.brand.returnWindowDays * 86_400_000 - 60_000);
    const options = (
      await t.inject({ method: 'GET', url: `/api/after-sales/options?orderId=${o.id}`, headers: buyer.headers })
    ).json<AfterSaleOptionsResponse>();
    expect(options.blockedBy).toBeNull();
    const actions = async () =>
      (await t.inject({ method: 'GET', url: `/api/orders/${o.id}`, headers: buyer.headers })).json<OrderView>().actions;
    expect(await actions()).toContain('APPLY_REFUND');
    clock.advance(2 * 60_000);
    // Past the token's lifetime too: the member logs in again.
    Object.assign(buyer, await memberLogin(t, `after-sales-${serial}`));
    // The order no longer offers 申请售后 once the window closed.
    expect(await actions()).not.toContain('APPLY_REFUND');
    const res = await apply(buyer, { orderId: o.id, type: 'RETURN_REFUND', lines: [{ lineId, quantity: 1 }] });
    expect(res.json()).toMatchObject({ code: 'RETURN_WINDOW_CLOSED' });
    expect(await ds(t).getRepository(AfterSale).countBy({ orderId: o.id })).toBe(0);
    expect(await line(lineId)).toMatchObject({ refundingQuantity: 0, refundState: 'NONE' });
    clock.set(WEDNESDAY);
  });

  it('answers 400 naming the field for malformed applications, and the same after-sales for a retried submit', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(2);
    for (const body of [
      { orderId: o.id, type: 'EXCHANGE', lines: [{ lineId, quantity: 1 }] },
      { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 0 }] },
      { orderId: o.id, type: 'REFUND_ONLY', lines: [] },
      { orderId: o.id, type: 'REFUND_ONLY', reasonCode: 'BORED', lines: [{ lineId, quantity: 1 }] },
      { orderId: o.id, type: 'REFUND_ONLY', reasonText: 'x'.repeat(201), lines: [{ lineId, quantity: 1 }] },
    ]) {
      const res = await apply(buyer, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ code: string; details: unknown[] }>().details.length).toBeGreaterThan(0);
    }
    const payload = {
      clientRequestId: 'retry-me-12345',
      orderId: o.id,
      type: 'REFUND_ONLY',
      reasonCode: 'OTHER',
      lines: [{ lineId, quantity: 1 }],
    };
    const first = await t.inject({ method: 'POST', url: '/api/after-sales', headers: buyer.headers, payload });
    const second = await t.inject({ method: 'POST', url: '/api/after-sales', headers: buyer.headers, payload });
    expect(second.json<AfterSaleView[]>()[0].id).toBe(first.json<AfterSaleView[]>()[0].id);
    const changed = await t.inject({
      method: 'POST',
      url: '/api/after-sales',
      headers: buyer.headers,
      payload: { ...payload, lines: [{ lineId, quantity: 2 }] },
    });
    expect(changed.json()).toMatchObject({ code: 'AFTER_SALE_REQUEST_CONFLICT' });
    expect(await line(lineId)).toMatchObject({ refundingQuantity: 1 });
  });
});

describe('after-sales: concurrency', () => {
  it('two applications for the last unit at once: exactly one wins', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(2);
    await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(await line(lineId)).toMatchObject({ refundingQuantity: 2, refundingFen: o.lines[0].paidFen });
    expect(await ds(t).getRepository(AfterSale).countBy({ orderId: o.id })).toBe(2);
  });
});

describe('after-sales: racing decisions', () => {
  it('a withdrawal racing a refusal and an approval: one wins, the units are released or refunded exactly once', async () => {
    clock.set(WEDNESDAY);
    for (let round = 0; round < 3; round++) {
      const { buyer, order: o, lineId } = await order(2);
      const [a] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 2 }] })).json<
        AfterSaleView[]
      >();
      const answers = await Promise.all([
        t.inject({ method: 'POST', url: `/api/after-sales/${a.id}/cancel`, headers: buyer.headers }),
        admin('POST', `/${a.id}/reject`, { reason: '重复申请' }),
        admin('POST', `/${a.id}/approve`),
      ]);
      expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const row = await ds(t).getRepository(AfterSale).findOneByOrFail({ id: a.id });
      const held = await line(lineId);
      const refunds = await ds(t).getRepository(PaymentRefund).countBy({ orderId: o.id });
      if (row.state === 'REFUNDING') {
        expect(held).toMatchObject({ refundingQuantity: 2, refundingFen: o.lines[0].paidFen });
        expect(refunds).toBe(1);
      } else {
        expect(['CANCELLED', 'REJECTED']).toContain(row.state);
        expect(held).toMatchObject({ refundingQuantity: 0, refundingFen: 0, refundState: 'NONE' });
        expect(refunds).toBe(0);
      }
    }
  });
});

describe('after-sales: photos', () => {
  it('keeps JPEG/PNG/WebP up to 5 MB, refuses other files by their bytes, and serves them by signed URL only', async () => {
    const buyer = await member(t, 'photographer');
    const ok = await upload(buyer, PNG);
    const { id, url } = ok.json<{ id: number; url: string }>();
    const shown = await t.inject({ method: 'GET', url });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.rawPayload.equals(PNG)).toBe(true);
    expect((await t.inject({ method: 'GET', url: url.replace(/sig=[^&]+/, 'sig=AAAA') })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: `/api/after-sales/photos/${id}/content` })).statusCode).toBe(404);
    // A text file named .png and declared image/png is still not an image.
    const fake = await upload(buyer, Buffer.from('not really a picture'), 'evil.png', 'image/png');
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'PHOTO_TYPE_UNSUPPORTED' });
    const big = await upload(buyer, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE' });
    // Someone else's photo cannot be attached.
    const { buyer: other, order: o, lineId } = await order(1);
    const res = await apply(other, {
      orderId: o.id,
      type: 'REFUND_ONLY',
      photoIds: [id],
      lines: [{ lineId, quantity: 1 }],
    });
    expect(res.json()).toMatchObject({ code: 'PHOTO_NOT_FOUND' });
    expect(await line(lineId)).toMatchObject({ refundingQuantity: 0 });
  });

  it('stops a member uploading more than 60 photos a day', async () => {
    const buyer = await member(t, 'photo-flood');
    for (let i = 0; i < 60; i++) expect((await upload(buyer, PNG)).statusCode).toBe(200);
    const refused = await upload(buyer, PNG);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // The first of the 60 leaves the 24-hour window in about a day.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(86_400 - 120);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(86_400);
  });
});

describe('after-sales: the operator’s API is documented', () => {
  it('has an OpenAPI summary on every admin after-sales route', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, { summary?: string }>>;
    }>();
    const routes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/admin/after-sales'));
    const operations = routes.flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => [`${m} ${path}`, op.summary]),
    );
    expect(operations.map(([name]) => name).sort()).toEqual([
      'get /api/admin/after-sales',
      'get /api/admin/after-sales/{id}',
      'post /api/admin/after-sales/{id}/approve',
      'post /api/admin/after-sales/{id}/confirm-return',
      'post /api/admin/after-sales/{id}/reject',
    ]);
    for (const [name, summary] of operations) expect(summary, name).toBeTruthy();
  });
});

describe('after-sales: the operator’s list', () => {
  it('filters by state, type and order number and pages in SQL', async () => {
    clock.set(WEDNESDAY);
    const { buyer, order: o, lineId } = await order(3);
    for (let i = 0; i < 3; i++)
      await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] });
    const page1 = (await admin('GET', `?orderNo=${o.orderNo}&pageSize=2`)).json<Page<AdminAfterSaleView>>();
    expect(page1).toMatchObject({ total: 3, hasMore: true, page: 1 });
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin('GET', `?orderNo=${o.orderNo}&pageSize=2&page=2`)).json<Page<AdminAfterSaleView>>();
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((a) => a.id)).size).toBe(3);
    await admin('POST', `/${page2.items[0].id}/reject`, { reason: '不符合售后条件' });
    const pending = (await admin('GET', `?orderNo=${o.orderNo}&state=PENDING_REVIEW`)).json<Page<AdminAfterSaleView>>();
    expect(pending.total).toBe(2);
    expect(
      (await admin('GET', `?orderNo=${o.orderNo}&type=RETURN_REFUND`)).json<Page<AdminAfterSaleView>>().total,
    ).toBe(0);
    expect((await admin('GET', `?memberId=${buyer.id}`)).json<Page<AdminAfterSaleView>>().total).toBe(3);
    expect((await admin('GET', `?state=LOST`)).statusCode).toBe(400);
    expect((await admin('POST', `/${pending.items[0].id}/reject`, { reason: '   ' })).statusCode).toBe(400);
    const mine = (
      await t.inject({ method: 'GET', url: `/api/after-sales?orderId=${o.id}`, headers: buyer.headers })
    ).json<Page<AfterSaleView>>();
    expect(mine.total).toBe(3);
  });
});

describe('after-sales: commission follows the money', () => {
  it('takes back the promoter’s commission in proportion to the units refunded, not the whole line', async () => {
    clock.set(WEDNESDAY);
    const p = await promoter(t, operator, 'after-sales-promoter');
    const buyer = await member(t, 'after-sales-referred');
    const sku = await createSku(t, 3400, 50);
    expect(
      (await setDistribution(t, operator, sku.productId, { enabled: true, rateBp: 1_000, secondRateBp: 0 })).statusCode,
    ).toBe(200);
    expect((await visit(t, buyer, await shareToken(t, p, sku.productId))).outcome).toBe('BOUND');
    const { order: o, lineId } = await order(2, { buyer, skuId: sku.id });
    const paid = o.lines[0].paidFen;
    const commission = Math.floor((paid * 1_000) / 10_000);
    const earnings = async () =>
      (await t.inject({ method: 'GET', url: '/api/distribution/me/earnings', headers: p.headers })).json<{
        pendingFen: number;
      }>();
    expect((await earnings()).pendingFen).toBe(commission);
    const [a] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity: 1 }] })).json<
      AfterSaleView[]
    >();
    await admin('POST', `/${a.id}/approve`);
    await confirmRefund(t, (await refundOf(a.id)).outRefundNo);
    expect((await earnings()).pendingFen).toBe(commission - reversedCommission(commission, paid, a.amountFen));
    expect((await earnings()).pendingFen).toBeGreaterThan(0);
  });
});

describe('after-sales: coupons', () => {
  it('gives the order’s coupon back only when the last unit of the order is refunded', async () => {
    clock.set(WEDNESDAY);
    const buyer = await member(t, 'after-sales-coupon');
    const issued = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates/FULL_99_MINUS_20/issue',
      headers: operator.headers,
      payload: { memberIds: [buyer.id], batch: 'after-sales-test' },
    });
    expect(issued.statusCode).toBe(200);
    const coupon = await ds(t).getRepository(MemberCoupon).findOneByOrFail({ memberId: buyer.id });
    const { order: o, lineId } = await order(3, { buyer, couponIds: [coupon.id] });
    expect(o.discounts.some((d) => d.amountFen === 2000)).toBe(true);
    const status = async () => (await ds(t).getRepository(MemberCoupon).findOneByOrFail({ id: coupon.id })).status;
    expect(await status()).toBe('USED');
    const refundUnits = async (quantity: number) => {
      const [a] = (await apply(buyer, { orderId: o.id, type: 'REFUND_ONLY', lines: [{ lineId, quantity }] })).json<
        AfterSaleView[]
      >();
      await admin('POST', `/${a.id}/approve`);
      await confirmRefund(t, (await refundOf(a.id)).outRefundNo);
    };
    const actions = async () =>
      (await t.inject({ method: 'GET', url: `/api/orders/${o.id}`, headers: buyer.headers })).json<OrderView>().actions;
    await refundUnits(2);
    expect(await status()).toBe('USED');
    expect(await actions()).toContain('APPLY_REFUND');
    await refundUnits(1);
    expect(await status()).toBe('AVAILABLE');
    // Nothing is left to refund: the order stops offering 申请售后.
    expect(await actions()).not.toContain('APPLY_REFUND');
    expect(await line(lineId)).toMatchObject({ refundState: 'REFUNDED', refundedFen: o.lines[0].paidFen });
  });
});
