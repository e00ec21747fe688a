import type {
  AdminAfterSaleDetail,
  AdminOrderDetail,
  AdminOrderRow,
  AfterSaleView,
  AuditEntryView,
  OrderView,
  Page,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { createSku, paidOrder, unpaidOrder, unique } from '../factories';
import { type Actor, signedUpMember, staffLogin } from '../support/actors';
import { confirmRefund, ds, requestRefund } from '../support/distribution';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';

const clock = new TestClock(new Date('2026-11-20T04:00:00Z'));
let t: TestApp;
let operator: Actor;
let manager: Actor;
let sh001: number;
let sh002: number;

type Buyer = Actor & { id: number; phone: string };
type ErrorBody = { code: string; message: string; details?: { field: string }[] };

let phoneSeq = 0;
async function buyer(): Promise<Buyer> {
  const phone = `139${String(process.pid % 10_000).padStart(4, '0')}${String(++phoneSeq).padStart(4, '0')}`;
  const actor = await signedUpMember(t, unique('admin-orders'), phone);
  const id = (await t.inject({ method: 'GET', url: '/api/me', headers: actor.headers })).json<{ id: number }>().id;
  return { ...actor, id, phone };
}

async function call<T>(method: 'GET' | 'POST', url: string, payload?: object, who: Actor = operator) {
  const res = await t.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<T>(), raw: res };
}

async function auditOf(objectType: 'order' | 'after_sale', id: number, who: Actor = operator) {
  const res = await call<Page<AuditEntryView>>(
    'GET',
    `/api/admin/audit?objectType=${objectType}&objectId=${id}`,
    undefined,
    who,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

const stockOf = async (skuId: number) => (await ds(t).getRepository(Sku).findOneByOrFail({ id: skuId })).stock;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
  manager = await staffLogin(t, 'manager.sh001');
  const stores = await ds(t).query<{ id: number; code: string }[]>('SELECT id, code FROM stores');
  sh001 = Number(stores.find((s) => s.code === 'SH001')!.id);
  sh002 = Number(stores.find((s) => s.code === 'SH002')!.id);
});
afterAll(() => t.close());

describe('admin orders: list and filters', () => {
  it('filters by phone, order number, state, fulfilment, store and time in SQL, newest first, phone masked', async () => {
    const alice = await buyer();
    const sku = await createSku(t, 2590, 20);
    const shipped = await paidOrder(t, alice, [{ skuId: sku.id, quantity: 2 }], { fulfilment: 'SHIP' });
    clock.advance(60_000);
    const pickup = await paidOrder(t, alice, [sku.id], { pickupStoreId: sh002 });
    clock.advance(60_000);
    const unpaid = await unpaidOrder(t, alice, [sku.id], { pickupStoreId: sh001 });

    const byPhone = await call<Page<AdminOrderRow>>('GET', `/api/admin/orders?phone=${alice.phone}`);
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items.map((r) => r.id)).toEqual([unpaid.id, pickup.id, shipped.id]);
    const row = byPhone.body.items[2];
    expect(row).toMatchObject({
      orderNo: shipped.orderNo,
      memberId: alice.id,
      memberPhoneMasked: `${alice.phone.slice(0, 3)}****${alice.phone.slice(7)}`,
      storeId: null,
      channel: 'MALL',
      state: 'PAID',
      fulfilment: 'SHIP',
      payableFen: shipped.payableFen,
      itemCount: 2,
    });
    expect(row.paidAt).not.toBeNull();
    expect(JSON.stringify(byPhone.body)).not.toContain(alice.phone);
    expect(byPhone.body.items[1]).toMatchObject({ storeId: sh002, storeName: '上海徐家汇店' });

    const only = async (query: string) =>
      (await call<Page<AdminOrderRow>>('GET', `/api/admin/orders?phone=${alice.phone}&${query}`)).body.items.map(
        (r) => r.id,
      );
    expect(await only('state=PENDING_PAYMENT')).toEqual([unpaid.id]);
    expect(await only('fulfilment=SHIP')).toEqual([shipped.id]);
    expect(await only(`storeId=${sh002}`)).toEqual([pickup.id]);
    expect(await only(`orderNo=${pickup.orderNo}`)).toEqual([pickup.id]);
    expect(await only(`from=${encodeURIComponent(pickup.createdAt)}`)).toEqual([unpaid.id, pickup.id]);
    expect(await only(`to=${encodeURIComponent(pickup.createdAt)}`)).toEqual([shipped.id]);
    expect(await only('pageSize=1&page=2')).toEqual([pickup.id]);
    // A phone nobody has matches nothing (not everything).
    expect((await call<Page<AdminOrderRow>>('GET', '/api/admin/orders?phone=13000000000')).body).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('refuses bad filters with 400 naming the field', async () => {
    for (const [query, field] of [
      ['state=SHIPPED', 'state'],
      ['phone=1380013', 'phone'],
      ['from=yesterday', 'from'],
      ['storeId=abc', 'storeId'],
      ['pageSize=500', 'pageSize'],
    ] as const) {
      const res = await call<ErrorBody>('GET', `/api/admin/orders?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details?.map((d) => d.field)).toContain(field);
    }
  });
});

describe('admin orders: CSV export', () => {
  it('exports the filtered orders with a BOM, yuan amounts, brand-zone times and masked phones', async () => {
    const bob = await buyer();
    const sku = await createSku(t, 1234, 20);
    const order = await paidOrder(t, bob, [sku.id], { fulfilment: 'SHIP' });
    const res = await t.inject({
      method: 'GET',
      url: `/api/admin/orders/export.csv?phone=${bob.phone}`,
      headers: operator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="orders-20261120.csv"; filename*=UTF-8''orders-20261120.csv`,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('订单号,会员手机号,门店,渠道,配送方式,状态,实付金额(元),件数,下单时间,支付时间');
    expect(lines).toHaveLength(2);
    const cells = lines[1].split(',');
    expect(cells[0]).toBe(order.orderNo);
    expect(cells[1]).toBe(`${bob.phone.slice(0, 3)}****${bob.phone.slice(7)}`);
    expect(cells.slice(2, 8)).toEqual([
      '品牌发货',
      '小程序商城',
      '快递配送',
      '待发货',
      (order.payableFen / 100).toFixed(2),
      '1',
    ]);
    // 04:00Z on the test clock is noon in Shanghai.
    expect(cells[8]).toMatch(/^2026-11-20 12:\d\d:\d\d$/);
    expect(res.body).not.toContain(bob.phone);
  });

  it('a store manager exports their own store only', async () => {
    const carol = await buyer();
    const sku = await createSku(t, 1000, 20);
    const mine = await paidOrder(t, carol, [sku.id], { pickupStoreId: sh001 });
    const theirs = await paidOrder(t, carol, [sku.id], { pickupStoreId: sh002 });
    const res = await t.inject({
      method: 'GET',
      url: `/api/admin/orders/export.csv?phone=${carol.phone}`,
      headers: manager.headers,
    });
    expect(res.body).toContain(mine.orderNo);
    expect(res.body).not.toContain(theirs.orderNo);
  });
});

describe('admin orders: detail', () => {
  it('shows the price breakdown, rule versions, the WeChat payment and refund ids, and a timeline', async () => {
    const dan = await buyer();
    const a = await createSku(t, 3000, 20);
    const b = await createSku(t, 2000, 20);
    const order = await paidOrder(
      t,
      dan,
      [
        { skuId: a.id, quantity: 2 },
        { skuId: b.id, quantity: 1 },
      ],
      { fulfilment: 'SHIP' },
    );
    await confirmRefund(t, await requestRefund(t, dan, order.id, [order.lines[1].id]));

    const { status, body } = await call<AdminOrderDetail>('GET', `/api/admin/orders/${order.id}`);
    expect(status).toBe(200);
    expect(body.actions).toEqual(['SHIP']);
    expect(body.lines).toHaveLength(2);
    for (const line of body.lines) {
      expect(line.originalFen).toBe(line.unitPriceFen * line.quantity);
      expect(line.paidFen).toBe(line.originalFen - line.itemDiscountFen - line.orderDiscountFen);
    }
    expect(body.lines[1]).toMatchObject({ refundState: 'REFUNDED', refundedQuantity: 1 });
    expect(body.ruleVersions).toEqual(expect.any(Object));
    expect(Object.keys(body.ruleVersions).length).toBeGreaterThan(0);
    expect(body.payment).toMatchObject({ amountFen: order.payableFen, transactionId: expect.stringMatching(/^\d+$/) });
    expect(body.refunds).toHaveLength(1);
    expect(body.refunds[0]).toMatchObject({
      kind: 'LINES',
      status: 'SUCCESS',
      transactionId: body.payment!.transactionId,
      wechatRefundId: expect.stringMatching(/^50\d+$/),
      amountFen: body.lines[1].paidFen,
    });
    expect(body.timeline.map((e) => e.title)).toEqual(['下单', '支付成功', '发起微信退款', '微信退款成功']);
  });

  it('is 404 for an unknown order and 400 for a bad id', async () => {
    expect((await call<ErrorBody>('GET', '/api/admin/orders/999999')).body.code).toBe('ORDER_NOT_FOUND');
    const bad = await call<ErrorBody>('GET', '/api/admin/orders/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.field).toBe('id');
  });
});

describe('admin orders: writes', () => {
  it('cancels an unpaid order with a reason: stock and coupons back exactly once, audited', async () => {
    const erin = await buyer();
    const sku = await createSku(t, 1500, 10);
    const order = await unpaidOrder(t, erin, [{ skuId: sku.id, quantity: 3 }]);
    expect(await stockOf(sku.id)).toBe(7);

    const missing = await call<ErrorBody>('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '   ' });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.map((d) => d.field)).toContain('reason');

    const res = await call<AdminOrderDetail>('POST', `/api/admin/orders/${order.id}/cancel`, {
      reason: '顾客电话要求取消',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'CANCELLED', cancelReason: '顾客电话要求取消', actions: [] });
    expect(await stockOf(sku.id)).toBe(10);
    const again = await call<ErrorBody>('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '再取消一次' });
    expect(again).toMatchObject({ status: 409, body: { code: 'ORDER_STATE_CONFLICT' } });
    expect(await stockOf(sku.id)).toBe(10);
    // The member's own cancel after it changes nothing either.
    await t.inject({ method: 'POST', url: `/api/orders/${order.id}/cancel`, headers: erin.headers });
    expect(await stockOf(sku.id)).toBe(10);

    const entries = await auditOf('order', order.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'order.cancel',
      actorRole: 'operator',
      before: { state: 'PENDING_PAYMENT' },
      after: { state: 'CANCELLED', cancelReason: '顾客电话要求取消' },
    });
  });

  it('refuses to cancel a paid order', async () => {
    const order = await paidOrder(t, await buyer(), [(await createSku(t)).id]);
    const res = await call<ErrorBody>('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '试试' });
    expect(res).toMatchObject({ status: 409, body: { code: 'ORDER_STATE_CONFLICT' } });
    expect(await auditOf('order', order.id)).toHaveLength(0);
  });

  it('ships a paid delivery order with carrier and tracking number, audited; bad input names the field', async () => {
    const order = await paidOrder(t, await buyer(), [(await createSku(t)).id], { fulfilment: 'SHIP' });
    const bad = await call<ErrorBody>('POST', `/api/admin/orders/${order.id}/ship`, {
      carrier: '顺丰速运',
      trackingNo: '#1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field)).toContain('trackingNo');

    const res = await call<AdminOrderDetail>('POST', `/api/admin/orders/${order.id}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'FULFILLED',
      shipment: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
      actions: [],
    });
    expect(res.body.timeline.at(-1)).toMatchObject({ title: '已发货', note: '顺丰速运 SF1234567890' });
    // The same shipment again answers the order; nothing more is recorded.
    await call('POST', `/api/admin/orders/${order.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    const entries = await auditOf('order', order.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'order.ship',
      storeId: null,
      before: { state: 'PAID', trackingNo: null },
      after: { state: 'FULFILLED', carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
  });

  it('hands a paid pickup order over from the console (PAID → COMPLETED), audited, once', async () => {
    const order = await paidOrder(t, await buyer(), [(await createSku(t)).id], { pickupStoreId: sh001 });
    const before = await call<AdminOrderDetail>('GET', `/api/admin/orders/${order.id}`, undefined, manager);
    expect(before.body.actions).toEqual(['HAND_OVER']);
    const res = await call<AdminOrderDetail>(
      'POST',
      `/api/admin/orders/${order.id}/pickup-handover`,
      undefined,
      manager,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'COMPLETED',
      pickup: { storeId: sh001, handedOverAt: expect.any(String) },
    });
    const again = await call<ErrorBody>('POST', `/api/admin/orders/${order.id}/pickup-handover`, undefined, manager);
    expect(again.status).toBe(409);
    const entries = await auditOf('order', order.id, manager);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'order.hand_over', actorRole: 'store_manager', storeId: sh001 });
  });
});

describe('admin orders and after-sales: store scope', () => {
  it('a store manager sees only their store and gets 404 for every route on another store’s order', async () => {
    const fay = await buyer();
    const sku = await createSku(t, 3000, 30);
    const mine = await paidOrder(t, fay, [sku.id], { pickupStoreId: sh001 });
    const theirs = await paidOrder(t, fay, [{ skuId: sku.id, quantity: 2 }], { pickupStoreId: sh002 });
    const theirsUnpaid = await unpaidOrder(t, fay, [sku.id], { pickupStoreId: sh002 });
    const shipped = await paidOrder(t, fay, [sku.id], { fulfilment: 'SHIP' });

    const list = await call<Page<AdminOrderRow>>('GET', `/api/admin/orders?phone=${fay.phone}`, undefined, manager);
    expect(list.body.items.map((r) => r.id)).toEqual([mine.id]);
    // Asking for another store's orders by filter changes nothing: the scope wins.
    const asked = await call<Page<AdminOrderRow>>('GET', `/api/admin/orders?storeId=${sh002}`, undefined, manager);
    expect(asked.body.items.every((r) => r.storeId === sh001)).toBe(true);

    const apply = await t.inject({
      method: 'POST',
      url: '/api/after-sales',
      headers: fay.headers,
      payload: {
        clientRequestId: unique('apply'),
        orderId: theirs.id,
        type: 'REFUND_ONLY',
        reasonCode: 'QUALITY',
        lines: [{ lineId: theirs.lines[0].id, quantity: 1 }],
      },
    });
    expect(apply.statusCode, apply.body).toBeLessThan(300);
    const afterSale = apply.json<AfterSaleView[]>()[0];

    const routes: [method: 'GET' | 'POST', url: string, body?: object][] = [
      ['GET', `/api/admin/orders/${theirs.id}`],
      ['POST', `/api/admin/orders/${theirs.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF0000000001' }],
      ['POST', `/api/admin/orders/${theirs.id}/fulfil`],
      ['POST', `/api/admin/orders/${theirs.id}/pickup-handover`],
      ['POST', `/api/admin/orders/${theirsUnpaid.id}/cancel`, { reason: '越权' }],
      ['GET', `/api/admin/orders/${shipped.id}`],
      ['POST', `/api/admin/orders/${shipped.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF0000000002' }],
      ['GET', `/api/admin/after-sales/${afterSale.id}`],
      ['POST', `/api/admin/after-sales/${afterSale.id}/approve`],
      ['POST', `/api/admin/after-sales/${afterSale.id}/reject`, { reason: '越权' }],
      ['POST', `/api/admin/after-sales/${afterSale.id}/confirm-return`],
    ];
    for (const [method, url, body] of routes) {
      const res = await call<ErrorBody>(method, url, body, manager);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toMatch(url.includes('after-sales') ? 'AFTER_SALE_NOT_FOUND' : 'ORDER_NOT_FOUND');
    }
    // Nothing moved.
    const still = await call<AdminOrderDetail>('GET', `/api/admin/orders/${theirs.id}`);
    expect(still.body.state).toBe('PAID');
    expect((await call<AdminOrderDetail>('GET', `/api/admin/orders/${theirsUnpaid.id}`)).body.state).toBe(
      'PENDING_PAYMENT',
    );
    const queue = await call<Page<AdminAfterSaleDetail>>(
      'GET',
      '/api/admin/after-sales?pageSize=50',
      undefined,
      manager,
    );
    expect(queue.body.items.every((a) => a.storeId === sh001)).toBe(true);
    expect(queue.body.items.map((a) => a.id)).not.toContain(afterSale.id);
    expect(await auditOf('order', theirs.id)).toHaveLength(0);
  });
});

describe('admin after-sales: audit and the WeChat refund status', () => {
  it('approving and refusing are audited; the view carries the refund as WeChat Pay reports it', async () => {
    const gus = await buyer();
    const sku = await createSku(t, 2000, 30);
    const order: OrderView = await paidOrder(t, gus, [{ skuId: sku.id, quantity: 2 }], { pickupStoreId: sh001 });
    const applyOne = async () =>
      (
        await t.inject({
          method: 'POST',
          url: '/api/after-sales',
          headers: gus.headers,
          payload: {
            clientRequestId: unique('apply'),
            orderId: order.id,
            type: 'REFUND_ONLY',
            reasonCode: 'QUALITY',
            lines: [{ lineId: order.lines[0].id, quantity: 1 }],
          },
        })
      ).json<AfterSaleView[]>()[0];
    const first = await applyOne();
    const approved = await call<AdminAfterSaleDetail>(
      'POST',
      `/api/admin/after-sales/${first.id}/approve`,
      undefined,
      manager,
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ storeId: sh001, refund: { kind: 'LINES', outRefundNo: expect.any(String) } });
    expect(['PROCESSING', 'SUCCESS']).toContain(approved.body.refund!.status);
    await confirmRefund(t, approved.body.refund!.outRefundNo);
    const settled = await call<AdminAfterSaleDetail>('GET', `/api/admin/after-sales/${first.id}`, undefined, manager);
    expect(settled.body).toMatchObject({
      state: 'REFUNDED',
      refund: { status: 'SUCCESS', wechatRefundId: expect.any(String) },
    });
    expect(await auditOf('after_sale', first.id, manager)).toMatchObject([
      {
        action: 'after_sale.approve',
        actorRole: 'store_manager',
        before: { state: 'PENDING_REVIEW' },
        after: { state: 'REFUNDING' },
      },
    ]);

    const second = await applyOne();
    const noReason = await call<ErrorBody>('POST', `/api/admin/after-sales/${second.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details?.map((d) => d.field)).toContain('reason');
    const rejected = await call<AdminAfterSaleDetail>('POST', `/api/admin/after-sales/${second.id}/reject`, {
      reason: '商品无质量问题',
    });
    expect(rejected.body).toMatchObject({ state: 'REJECTED', refund: null });
    expect(await auditOf('after_sale', second.id)).toMatchObject([
      { action: 'after_sale.reject', after: { state: 'REJECTED', rejectReason: '商品无质量问题' } },
    ]);

    // The order's timeline shows both after-sales.
    const detail = await call<AdminOrderDetail>('GET', `/api/admin/orders/${order.id}`);
    expect(detail.body.timeline.filter((e) => e.title.startsWith('申请售后'))).toHaveLength(2);
  });
});
