import { getDataSourceToken } from '@nestjs/typeorm';
import type {
  CartView,
  CheckoutQuoteResponse,
  OrderPickupView,
  OrderSummaryView,
  OrderView,
  Page,
} from '@tidepool/shared';
import { type DataSource, In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { CommissionsService } from '../../src/modules/distribution/commissions.service';
import { Commission } from '../../src/modules/distribution/distribution.entities';
import { BrandSettings } from '../../src/modules/brand/brand-settings.service';
import { JobRun } from '../../src/modules/jobs/job-run.entity';
import { JobRunner } from '../../src/modules/jobs/job-runner.service';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { AUTO_CONFIRM_CHUNK, OrderFulfilmentService } from '../../src/modules/orders/order-fulfilment.service';
import { Order } from '../../src/modules/orders/order.entity';
import { moveOrders } from '../../src/modules/orders/order-transitions';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { type Actor, memberLogin, signedUpMember, staffLogin } from '../support/actors';
import { promoter, setDistribution, settleOutbox, shareToken, visit } from '../support/distribution';
import { createTestApp, type TestApp, type TestDatabase } from '../support/test-app';
import { notifyInProcess, simulatorOf, simWechatPay } from '../support/wechatpay';
import { createSku } from '../factories';

// Tuesday 2026-11-24 10:00 in Shanghai: no member day, so prices are list prices.
const TUESDAY = new Date('2026-11-24T02:00:00Z');
const DAY_MS = 86_400_000;
const clock = new TestClock(TUESDAY);
let t: TestApp & { db: TestDatabase };
let replicaB: TestApp;
let serial = 0;
let operator: Actor;
const ADDRESS = { recipientName: '张三', phone: '13800000000', region: '上海市 静安区', detail: '南京西路 1 号' };

beforeAll(async () => {
  t = await createTestApp(simWechatPay(), undefined, { clock });
  // A second replica on the same database (for the scheduled job), with its own scheduler and runner.
  replicaB = await createTestApp({ ...simWechatPay(), seedDemo: false }, t.db, { clock });
  notifyInProcess(t);
  operator = await staffLogin(t, 'operator');
});
afterAll(async () => {
  await replicaB.close();
  await t.close();
});

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const get = <T>(m: Actor, url: string) => t.inject({ method: 'GET', url, headers: m.headers }).then((r) => r.json<T>());
const post = (m: Actor, url: string, payload?: object) =>
  t.inject({ method: 'POST', url, headers: m.headers, payload });

const memberName = new Map<Actor, number>();
async function member(): Promise<Actor> {
  const n = ++serial;
  const m = await signedUpMember(t, `fulfil-${n}`, `1350000${String(n).padStart(4, '0')}`);
  memberName.set(m, n);
  return m;
}

/** A SKU of its own per call, with a known price and stock. */
async function sku(priceFen = 3000, stock = 50): Promise<number> {
  return (await createSku(t, priceFen, stock)).id;
}

async function place(
  m: Actor,
  lines: { skuId: number; quantity: number }[],
  fulfilment: { fulfilment: 'SHIP' } | { fulfilment: 'PICKUP'; pickupStoreId: number } = { fulfilment: 'SHIP' },
): Promise<OrderView> {
  const q = (await post(m, '/api/orders/quote', { lines, couponIds: [] })).json<CheckoutQuoteResponse>();
  const res = await post(m, '/api/orders', {
    clientOrderId: `fulfil-order-${++serial}`,
    lines,
    couponIds: [],
    expectedPayableFen: q.payableFen,
    ...fulfilment,
    ...(fulfilment.fulfilment === 'SHIP' ? { address: ADDRESS } : {}),
  });
  expect(res.statusCode).toBe(200);
  return res.json<OrderView>();
}

async function pay(m: Actor, order: OrderView): Promise<OrderView> {
  const res = await post(m, `/api/orders/${order.id}/pay`);
  expect(res.statusCode).toBe(200);
  await simulatorOf(t).pay(res.json<{ paymentParams: { package: string } }>().paymentParams.package.slice(10));
  const paid = await get<OrderView>(m, `/api/orders/${order.id}`);
  expect(paid.state).toBe('PAID');
  return paid;
}

async function paidOrder(m: Actor, fulfilment?: Parameters<typeof place>[2]): Promise<OrderView> {
  return pay(m, await place(m, [{ skuId: await sku(), quantity: 1 }], fulfilment));
}

const ship = (id: number, payload: object = { carrier: '顺丰速运', trackingNo: `SF${1_000_000_000 + id}` }) =>
  post(operator, `/api/admin/orders/${id}/ship`, payload);

const completedEvents = (orderId: number) =>
  ds()
    .getRepository(OutboxEvent)
    .countBy({ topic: 'order.completed', dedupeKey: `order.completed:${orderId}` });

describe('checkout takes the ordered units out of the server cart (defect 1)', () => {
  it('removes only the ordered quantities, in the order’s transaction', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const [a, b, c] = [await sku(1000, 20), await sku(2000, 20), await sku(500, 20)];
    for (const [skuId, quantity] of [
      [a, 3],
      [b, 1],
      [c, 2],
    ]) {
      expect((await post(m, '/api/cart/items', { skuId, quantity })).statusCode).toBe(200);
    }
    const order = await place(m, [
      { skuId: a, quantity: 2 },
      { skuId: b, quantity: 1 },
    ]);
    const cart = await get<CartView>(m, '/api/cart');
    const quantities = Object.fromEntries(cart.lines.map((l) => [l.skuId, l.quantity]));
    expect(quantities).toEqual({ [a]: 1, [c]: 2 });

    // A retried submit (same clientOrderId) takes nothing more.
    const q = (
      await post(m, '/api/orders/quote', { lines: [{ skuId: c, quantity: 2 }], couponIds: [] })
    ).json<CheckoutQuoteResponse>();
    const submit = {
      clientOrderId: `cart-c-${serial}`,
      lines: [{ skuId: c, quantity: 2 }],
      couponIds: [],
      expectedPayableFen: q.payableFen,
      fulfilment: 'SHIP',
      address: ADDRESS,
    };
    expect((await post(m, '/api/orders', submit)).statusCode).toBe(200);
    expect((await post(m, '/api/orders', submit)).statusCode).toBe(200);
    expect((await get<CartView>(m, '/api/cart')).lines.map((l) => [l.skuId, l.quantity])).toEqual([[a, 1]]);
    expect(order.state).toBe('PENDING_PAYMENT');
  });

  it('leaves the cart alone when the order is refused', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const a = await sku(1000, 5);
    await post(m, '/api/cart/items', { skuId: a, quantity: 3 });
    const q = (
      await post(m, '/api/orders/quote', { lines: [{ skuId: a, quantity: 3 }], couponIds: [] })
    ).json<CheckoutQuoteResponse>();
    await ds().getRepository(Sku).update({ id: a }, { stock: 2 });
    const refused = await post(m, '/api/orders', {
      clientOrderId: `cart-refused-${serial}`,
      lines: [{ skuId: a, quantity: 3 }],
      couponIds: [],
      expectedPayableFen: q.payableFen,
      fulfilment: 'SHIP',
      address: ADDRESS,
    });
    expect(refused.json()).toMatchObject({ code: 'STOCK_INSUFFICIENT' });
    expect((await get<CartView>(m, '/api/cart')).lines.map((l) => [l.skuId, l.quantity])).toEqual([[a, 3]]);
  });
});

describe('order numbers (defect 12)', () => {
  it('embed the store-zone date and time, not UTC', async () => {
    // 17:30 UTC on the 25th is 01:30 on the 26th in Shanghai.
    clock.set(new Date('2026-11-25T17:30:05Z'));
    const m = await member();
    const order = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    expect(order.orderNo).toMatch(/^20261126013005\d{6}$/);
    clock.set(TUESDAY);
  });
});

describe('order list tabs', () => {
  it('filters by state on the server and pages, newest first; actions come with each row', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const unpaid = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    clock.advance(1000);
    const paid = await paidOrder(m);
    clock.advance(1000);
    const shipped = await paidOrder(m);
    expect((await ship(shipped.id)).statusCode).toBe(200);
    clock.advance(1000);
    const done = await paidOrder(m);
    expect((await ship(done.id)).statusCode).toBe(200);
    expect((await post(m, `/api/orders/${done.id}/confirm-receipt`)).statusCode).toBe(200);
    clock.advance(1000);
    const cancelled = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    await post(m, `/api/orders/${cancelled.id}/cancel`);
    // Someone else's orders never show.
    await paidOrder(await member());

    const tab = (state?: string, page = 1, pageSize = 10) =>
      get<Page<OrderSummaryView>>(m, `/api/orders?page=${page}&pageSize=${pageSize}${state ? `&state=${state}` : ''}`);
    const ids = (p: Page<OrderSummaryView>) => p.items.map((o) => o.id);
    expect(ids(await tab())).toEqual([cancelled.id, done.id, shipped.id, paid.id, unpaid.id]);
    expect(ids(await tab('PENDING_PAYMENT'))).toEqual([unpaid.id]);
    expect(ids(await tab('PAID'))).toEqual([paid.id]);
    expect(ids(await tab('FULFILLED'))).toEqual([shipped.id]);
    expect(ids(await tab('COMPLETED'))).toEqual([done.id]);
    expect((await tab('FULFILLED')).items[0]).toMatchObject({
      fulfilment: 'SHIP',
      actions: ['CONFIRM_RECEIPT', 'APPLY_REFUND'],
    });
    const first = await tab(undefined, 1, 2);
    const second = await tab(undefined, 2, 2);
    const third = await tab(undefined, 3, 2);
    expect(first).toMatchObject({ total: 5, hasMore: true });
    expect(third).toMatchObject({ total: 5, hasMore: false });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(await tab()));
    const bad = await t.inject({ method: 'GET', url: '/api/orders?state=SHIPPED', headers: m.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('state');
  });
});

describe('shipping and receipt', () => {
  it('the operator ships with carrier and tracking number; the member sees them; refusals change nothing', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const order = await paidOrder(m);
    // Bad input names the field; other roles are refused; nothing changes.
    for (const [payload, field] of [
      [{ carrier: '', trackingNo: 'SF1234567890' }, 'carrier'],
      [{ carrier: '顺丰速运', trackingNo: '12' }, 'trackingNo'],
      [{ carrier: '顺丰速运', trackingNo: 'SF 1234 5678' }, 'trackingNo'],
      [{ carrier: '顺丰速运' }, 'trackingNo'],
    ] as const) {
      const res = await ship(order.id, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const cashier = await staffLogin(t, 'cashier.sh001');
    for (const who of [m, cashier]) {
      expect(
        (await post(who, `/api/admin/orders/${order.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' }))
          .statusCode,
      ).toBe(403);
    }
    expect((await ship(999_999)).statusCode).toBe(404);
    expect((await get<OrderView>(m, `/api/orders/${order.id}`)).state).toBe('PAID');

    clock.advance(60_000);
    const shipped = await ship(order.id, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.statusCode).toBe(200);
    const seen = await get<OrderView>(m, `/api/orders/${order.id}`);
    expect(seen).toMatchObject({
      state: 'FULFILLED',
      actions: ['CONFIRM_RECEIPT', 'APPLY_REFUND'],
      shipment: {
        carrier: '顺丰速运',
        trackingNo: 'SF1234567890',
        shippedAt: clock.now().toISOString(),
        autoConfirmAt: new Date(clock.now().getTime() + 10 * DAY_MS).toISOString(),
      },
      pickupCode: null,
    });
    // The same shipment again is fine; another one is refused.
    expect((await ship(order.id, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })).statusCode).toBe(200);
    const other = await ship(order.id, { carrier: '中通快递', trackingNo: 'ZT000000001' });
    expect(other.json()).toMatchObject({ code: 'ORDER_ALREADY_SHIPPED' });
    expect((await get<OrderView>(m, `/api/orders/${order.id}`)).shipment?.trackingNo).toBe('SF1234567890');

    // Unpaid and pickup orders are not shipped.
    const unpaid = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    expect((await ship(unpaid.id)).json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    const pickup = await paidOrder(m, { fulfilment: 'PICKUP', pickupStoreId: 1 });
    expect((await ship(pickup.id)).json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    expect((await get<OrderView>(m, `/api/orders/${pickup.id}`)).state).toBe('PAID');

    // Marked fulfilled without a number: the number may be added (shipping time kept); completed: refused.
    const marked = await paidOrder(m);
    expect((await post(operator, `/api/admin/orders/${marked.id}/fulfil`)).statusCode).toBe(200);
    const markedAt = (await get<OrderView>(m, `/api/orders/${marked.id}`)).fulfilledAt;
    clock.advance(60_000);
    expect((await ship(marked.id, { carrier: '京东物流', trackingNo: 'JD0012345678' })).json()).toMatchObject({
      state: 'FULFILLED',
      fulfilledAt: markedAt,
      shipment: { carrier: '京东物流', trackingNo: 'JD0012345678', shippedAt: markedAt },
    });
    const done = await paidOrder(m);
    await post(operator, `/api/admin/orders/${done.id}/fulfil`);
    await post(m, `/api/orders/${done.id}/confirm-receipt`);
    expect((await ship(done.id)).json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    expect((await get<OrderView>(m, `/api/orders/${done.id}`)).shipment).toBeNull();
  });

  it('确认收货 completes the order once and publishes order.completed once; others get 404', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const order = await paidOrder(m);
    expect((await post(m, `/api/orders/${order.id}/confirm-receipt`)).json()).toMatchObject({
      code: 'ORDER_STATE_CONFLICT',
    });
    await ship(order.id);
    const stranger = await member();
    expect((await post(stranger, `/api/orders/${order.id}/confirm-receipt`)).statusCode).toBe(404);
    expect(
      (await t.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: stranger.headers })).statusCode,
    ).toBe(404);
    expect((await get<OrderView>(m, `/api/orders/${order.id}`)).state).toBe('FULFILLED');
    const taps = await Promise.all(Array.from({ length: 4 }, () => post(m, `/api/orders/${order.id}/confirm-receipt`)));
    expect(taps.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const done = await get<OrderView>(m, `/api/orders/${order.id}`);
    expect(done).toMatchObject({ state: 'COMPLETED', completedAt: clock.now().toISOString() });
    expect(done.actions).toEqual(['APPLY_REFUND']);
    expect(await completedEvents(order.id)).toBe(1);
  });
});

describe('order transitions go through the shared table on the server', () => {
  const row = (id: number) => ds().getRepository(Order).findOneByOrFail({ id });

  it('refuses shipping, fulfilling or confirming an unpaid order with ORDER_STATE_CONFLICT and changes nothing', async () => {
    const m = await member();
    const unpaid = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    const before = await row(unpaid.id);
    for (const res of [
      await ship(unpaid.id),
      await post(operator, `/api/admin/orders/${unpaid.id}/fulfil`),
      await post(m, `/api/orders/${unpaid.id}/confirm-receipt`),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    }
    expect(await row(unpaid.id)).toEqual(before);
    expect(before).toMatchObject({ state: 'PENDING_PAYMENT', carrier: null, trackingNo: null, fulfilledAt: null });
    expect(await completedEvents(unpaid.id)).toBe(0);
  });

  it('moves nothing when the row left the state the move was decided from, and refuses what the table lacks', async () => {
    const m = await member();
    const order = await place(m, [{ skuId: await sku(), quantity: 1 }]);
    const before = await row(order.id);
    // Decided from PAID while the row is still PENDING_PAYMENT: the conditional UPDATE matches no row.
    const stale = await ds().transaction((manager) =>
      moveOrders(manager, [order.id], 'PAID', ['FULFIL'], { fulfilledAt: clock.now() }),
    );
    expect(stale).toBe(0);
    // COMPLETE from PENDING_PAYMENT is no transition of the table: refused before any write.
    await expect(
      ds().transaction((manager) => moveOrders(manager, [order.id], 'PENDING_PAYMENT', ['COMPLETE'])),
    ).rejects.toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    expect(await row(order.id)).toEqual(before);
  });
});

describe('automatic confirmation', () => {
  it('completes orders shipped ORDER_AUTO_CONFIRM_DAYS ago, once across two replicas, in chunks', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const orders: OrderView[] = [];
    for (let i = 0; i < AUTO_CONFIRM_CHUNK + 3; i++) orders.push(await place(m, [{ skuId: await sku(), quantity: 1 }]));
    // Paid through the simulator for a few; the rest straight in the table (the payment path is tested elsewhere).
    for (const o of orders.slice(0, 3)) await pay(m, o);
    await ds()
      .getRepository(Order)
      .update({ id: In(orders.slice(3).map((o) => o.id)) }, { state: 'PAID', paidAt: clock.now() });
    for (const o of orders.slice(0, -1)) expect((await ship(o.id)).statusCode).toBe(200);
    // The member confirms one of them before the deadline.
    await post(m, `/api/orders/${orders[0].id}/confirm-receipt`);
    clock.advance(DAY_MS);
    const late = orders[orders.length - 1];
    await ship(late.id); // shipped a day later: not due with the others
    const states = async () =>
      (
        await ds()
          .getRepository(Order)
          .findBy({ id: In(orders.map((o) => o.id)) })
      )
        .sort((a, b) => a.id - b.id)
        .map((o) => o.state);
    let period = 0;
    const runBoth = (now: Date) => {
      const runKey = `test-period-${++period}`;
      return Promise.all(
        [t, replicaB, t, replicaB].map((app) =>
          app.app.get(JobRunner).run('orders-auto-confirm', runKey, async () => ({
            confirmed: await app.app.get(OrderFulfilmentService).autoConfirm(now),
          })),
        ),
      );
    };

    clock.set(new Date(TUESDAY.getTime() + 10 * DAY_MS - 60_000));
    const early = await runBoth(clock.now());
    expect(early.filter((r) => r.ran)).toEqual([{ ran: true, outcome: { confirmed: 0 } }]);
    expect(await states()).toEqual(['COMPLETED', ...orders.slice(1).map(() => 'FULFILLED')]);

    clock.set(new Date(TUESDAY.getTime() + 10 * DAY_MS + 3_600_000));
    // The member taps 确认收货 on one of them while the job runs on two replicas.
    const again = await memberLogin(t, `fulfil-${memberName.get(m)}`);
    const [results, tapped] = await Promise.all([
      runBoth(clock.now()),
      post(again, `/api/orders/${orders[1].id}/confirm-receipt`),
    ]);
    expect(tapped.statusCode).toBe(200);
    const ran = results.filter((r) => r.ran);
    expect(ran).toHaveLength(1);
    const confirmed = ran[0].ran ? ran[0].outcome.confirmed : -1;
    // Everything shipped 10 days ago (more than one chunk), less the one the member confirmed earlier and perhaps
    // the one just tapped (other tests' shipped orders in this database may be due too).
    expect(confirmed).toBeGreaterThanOrEqual(AUTO_CONFIRM_CHUNK);
    expect(await states()).toEqual([...orders.slice(0, -1).map(() => 'COMPLETED'), 'FULFILLED']);
    for (const o of orders.slice(0, -1)) expect(await completedEvents(o.id)).toBe(1);
    expect(await completedEvents(late.id)).toBe(0);
    const row = await ds().getRepository(Order).findOneByOrFail({ id: orders[2].id });
    expect(row.completedAt?.toISOString()).toBe(clock.now().toISOString());

    // A second period finds nothing more to do; the last order follows a day later.
    expect((await runBoth(clock.now())).filter((r) => r.ran)).toEqual([{ ran: true, outcome: { confirmed: 0 } }]);
    clock.advance(DAY_MS);
    expect((await runBoth(clock.now())).filter((r) => r.ran)).toEqual([{ ran: true, outcome: { confirmed: 1 } }]);
    expect(await completedEvents(late.id)).toBe(1);
    await t.app.get(OutboxService).dispatch();
    clock.set(TUESDAY);
  }, 120_000);

  it('is registered with the scheduler', async () => {
    clock.set(new Date(TUESDAY.getTime() + 40 * DAY_MS));
    await t.app.get(JobScheduler).tick();
    const runKey = `${clock.now().toISOString().slice(0, 15)}0`;
    const runs = await ds().getRepository(JobRun).findBy({ job: 'orders-auto-confirm', runKey });
    expect(runs.map((r) => r.status)).toEqual(['DONE']);
    clock.set(TUESDAY);
  }, 120_000);
});

describe('commission settlement starts from completion', () => {
  it('an automatically confirmed order’s commission becomes available after the return window', async () => {
    clock.set(TUESDAY);
    const p = await promoter(t, operator, `fulfil-promoter-${++serial}`);
    const buyer = await member();
    const skuId = await sku(10_000, 50);
    const { productId } = await ds().getRepository(Sku).findOneByOrFail({ id: skuId });
    // A product of the test's own: distribution is switched on for it as the demo seed does for its products.
    const enabled = await setDistribution(t, operator, productId, { enabled: true, rateBp: 1_000, secondRateBp: 0 });
    expect(enabled.statusCode).toBe(200);
    await visit(t, buyer, await shareToken(t, p, productId));
    const order = await pay(buyer, await place(buyer, [{ skuId, quantity: 1 }]));
    await settleOutbox(t);
    const commission = () =>
      ds().getRepository(Commission).findOneByOrFail({ orderId: order.id, promoterId: p.promoterId });
    expect((await commission()).status).toBe('PENDING');
    await ship(order.id);
    clock.advance(10 * DAY_MS + 60_000);
    expect(await t.app.get(OrderFulfilmentService).autoConfirm()).toBeGreaterThanOrEqual(1);
    await settleOutbox(t);
    const returnWindow = t.app.get(BrandSettings).rules().returnWindowDays * DAY_MS;
    await t.app.get(CommissionsService).settleDue(new Date(clock.now().getTime() + returnWindow - 60_000));
    expect((await commission()).status).toBe('PENDING');
    await t.app.get(CommissionsService).settleDue(new Date(clock.now().getTime() + returnWindow + 60_000));
    expect((await commission()).status).toBe('AVAILABLE');
    clock.set(TUESDAY);
  });
});

describe('store pickup', () => {
  it('shows a pickup code once paid; only the chosen store hands it over, once', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const unpaid = await place(m, [{ skuId: await sku(), quantity: 2 }], { fulfilment: 'PICKUP', pickupStoreId: 2 });
    expect(unpaid.pickupCode).toBeNull();
    const order = await pay(m, unpaid);
    expect(order.pickupCode).toMatch(/^\d{12}$/);
    const code = order.pickupCode!;
    const spaced = code.replace(/(\d{4})(?=\d)/g, '$1 ');

    const nanjing = await staffLogin(t, 'cashier.sh001');
    const xujiahui = await staffLogin(t, 'cashier.sh002');
    for (const url of ['/api/store-mode/order-pickups/lookup', '/api/store-mode/order-pickups']) {
      const wrong = await post(nanjing, url, { pickupCode: code });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json()).toMatchObject({ code: 'ORDER_PICKUP_WRONG_STORE', message: '该订单需在上海徐家汇店自提' });
      expect((await post(m, url, { pickupCode: code })).statusCode).toBe(403);
      expect((await post(operator, url, { pickupCode: code })).statusCode).toBe(403);
      const bad = await post(xujiahui, url, { pickupCode: '12ab' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details[0].field).toBe('pickupCode');
      expect((await post(xujiahui, url, { pickupCode: '000000000000' })).json()).toMatchObject({
        code: 'ORDER_PICKUP_NOT_FOUND',
      });
    }
    expect((await get<OrderView>(m, `/api/orders/${order.id}`)).state).toBe('PAID');

    const looked = (
      await post(xujiahui, '/api/store-mode/order-pickups/lookup', { pickupCode: spaced })
    ).json<OrderPickupView>();
    expect(looked).toMatchObject({
      orderId: order.id,
      state: 'PAID',
      storeName: '上海徐家汇店',
      memberPhoneMasked: expect.stringMatching(/^135\*{4}\d{4}$/),
      pickedUpAt: null,
      lines: [{ quantity: 2, productName: order.lines[0].productName }],
    });
    clock.advance(60_000);
    const tries = await Promise.all(
      Array.from({ length: 3 }, () => post(xujiahui, '/api/store-mode/order-pickups', { pickupCode: code })),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const handed = tries.find((r) => r.statusCode === 200)!.json<OrderPickupView>();
    expect(handed).toMatchObject({ state: 'COMPLETED', pickedUpAt: clock.now().toISOString() });
    expect(tries.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'ORDER_ALREADY_PICKED_UP' });
    const after = await get<OrderView>(m, `/api/orders/${order.id}`);
    expect(after).toMatchObject({ state: 'COMPLETED', pickupCode: null, fulfilledAt: clock.now().toISOString() });
    expect(await completedEvents(order.id)).toBe(1);

    clock.advance(60_000);
    const twice = await post(xujiahui, '/api/store-mode/order-pickups', { pickupCode: code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ message: string }>().message).toMatch(/^该订单已于 2026-11-24 10:\d\d 在上海徐家汇店提货$/);
    const row = await ds().getRepository(Order).findOneByOrFail({ id: order.id });
    expect(row.completedAt?.toISOString()).toBe(handed.pickedUpAt);
    expect(await completedEvents(order.id)).toBe(1);
  });

  it('refuses an unpaid order and one with a refund under way, changing nothing', async () => {
    clock.set(TUESDAY);
    const m = await member();
    const nanjing = await staffLogin(t, 'cashier.sh001');
    const unpaid = await place(m, [{ skuId: await sku(), quantity: 1 }], { fulfilment: 'PICKUP', pickupStoreId: 1 });
    const unpaidCode = (await ds().getRepository(Order).findOneByOrFail({ id: unpaid.id })).pickupCode!;
    const early = await post(nanjing, '/api/store-mode/order-pickups', { pickupCode: unpaidCode });
    expect(early.json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT', message: '该订单尚未付款，付款后才能提货' });
    const paid = await paidOrder(m, { fulfilment: 'PICKUP', pickupStoreId: 1 });
    expect((await post(m, `/api/orders/${paid.id}/refunds`, { lineIds: [paid.lines[0].id] })).statusCode).toBe(200);
    const refunding = await post(nanjing, '/api/store-mode/order-pickups', { pickupCode: paid.pickupCode! });
    expect(refunding.json()).toMatchObject({ code: 'ORDER_STATE_CONFLICT' });
    expect((await get<OrderView>(m, `/api/orders/${paid.id}`)).state).toBe('PAID');
    expect(await completedEvents(paid.id)).toBe(0);
  });
});
