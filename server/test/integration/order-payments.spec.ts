import { getDataSourceToken } from '@nestjs/typeorm';
import { type CheckoutQuoteResponse, fen, type OrderPaymentResponse, type OrderView } from '@tidepool/shared';
import { type DataSource, type DeepPartial, In, IsNull } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { DomainException } from '../../src/common/errors/domain.exception';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { OrderPaymentsService } from '../../src/modules/orders/order-payments.service';
import { Order } from '../../src/modules/orders/order.entity';
import { OrdersService } from '../../src/modules/orders/orders.service';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { WechatPayGateway } from '../../src/modules/payments/wechatpay/wechatpay.gateway';
import { type Actor, signedUpMember, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';
import { notifyInProcess, simulatorOf, simWechatPay } from '../support/wechatpay';
import { createSku } from '../factories';

const WEDNESDAY = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(WEDNESDAY);
let t: TestApp;
let serial = 0;
/** Notification answers the app gave, in order. */
const answers: number[] = [];
beforeAll(async () => {
  t = await createTestApp(simWechatPay(), undefined, { clock });
  notifyInProcess(t, (status) => answers.push(status));
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const memberIdOf = async (m: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: m.headers })).json<{ id: number }>().id;

async function unpaidOrder(
  priceFen = 8000,
): Promise<{ m: Actor; order: OrderView; pay: OrderPaymentResponse; prepayId: string }> {
  const n = ++serial;
  const m = await signedUpMember(t, `payer-${n}`, `1320000${String(n).padStart(4, '0')}`);
  const sku = await createSku(t, priceFen, 5);
  const lines = [{ skuId: sku.id, quantity: 1 }];
  const q = (
    await t.inject({ method: 'POST', url: '/api/orders/quote', headers: m.headers, payload: { lines, couponIds: [] } })
  ).json<CheckoutQuoteResponse>();
  const order = (
    await t.inject({
      method: 'POST',
      url: '/api/orders',
      headers: m.headers,
      payload: {
        clientOrderId: `pay-order-${n}`,
        lines,
        couponIds: [],
        expectedPayableFen: q.payableFen,
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
    })
  ).json<OrderView>();
  const res = await t.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: m.headers });
  expect(res.statusCode).toBe(200);
  const pay = res.json<OrderPaymentResponse>();
  const prepayId = pay.paymentParams.package.replace('prepay_id=', '');
  return { m, order, pay, prepayId };
}
/** Delivers outbox events until none is pending (a background dispatch may hold one for a moment). */
async function settleOutbox(): Promise<void> {
  const events = ds().getRepository(OutboxEvent);
  for (let i = 0; i < 100; i++) {
    await t.app.get(OutboxService).dispatch();
    if ((await events.countBy({ processedAt: IsNull() })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('outbox did not settle');
}
const detail = async (m: Actor, id: number) =>
  (await t.inject({ method: 'GET', url: `/api/orders/${id}`, headers: m.headers })).json<OrderView>();

describe('paying an order with WeChat Pay (simulator, real signatures)', () => {
  it('opens the payment, becomes PAID on the notification, and awards points once however often it is replayed', async () => {
    clock.set(WEDNESDAY);
    const { m, order, pay, prepayId } = await unpaidOrder();
    expect(pay.paymentParams).toMatchObject({ signType: 'RSA', package: `prepay_id=${prepayId}` });
    expect(pay.h5PayUrl).toContain(`/api/dev/wechatpay/pay?prepay_id=${encodeURIComponent(prepayId)}`);
    await simulatorOf(t).pay(prepayId);
    expect(answers.at(-1)).toBe(204);
    await settleOutbox();
    const paid = await detail(m, order.id);
    expect(paid).toMatchObject({ state: 'PAID', actions: ['APPLY_REFUND'], pointsAwarded: 74 });
    const memberId = await memberIdOf(m);
    const before = await t.app.get(LoyaltyService).summary(memberId);
    expect(before).toMatchObject({ points: 74, growth: 740 });

    // The same notification 20 times, concurrently and then in sequence: nothing more happens.
    const replays = await Promise.all(Array.from({ length: 20 }, () => simulatorOf(t).redeliver(order.orderNo)));
    for (let i = 0; i < 5; i++) await simulatorOf(t).redeliver(order.orderNo);
    expect(replays.every((r) => r.status === 204)).toBe(true);
    await settleOutbox();
    expect(await t.app.get(LoyaltyService).summary(memberId)).toEqual(before);
    expect((await detail(m, order.id)).state).toBe('PAID');
  });

  it('refuses forged, probe, unknown-serial and stale notifications with non-2xx, changing nothing', async () => {
    clock.set(WEDNESDAY);
    const { m, order } = await unpaidOrder();
    const sim = simulatorOf(t);
    // The simulator's order must look paid for a genuine-looking notification; forge each way instead.
    const forgeries = [
      { forgeSignature: true },
      { probe: true },
      { serial: 'PUB_KEY_ID_0000000000000000' },
      { timestamp: new Date(WEDNESDAY.getTime() - 10 * 60_000) },
      { tamperTag: true },
    ];
    for (const forgery of forgeries) {
      const attempt = await sim.send(sim.paymentNotification(order.orderNo, forgery));
      expect([400, 401]).toContain(attempt.status);
    }
    expect((await detail(m, order.id)).state).toBe('PENDING_PAYMENT');
  });

  it('refuses a genuine notification whose amount differs from the order, changing nothing', async () => {
    clock.set(WEDNESDAY);
    const { m, order, prepayId } = await unpaidOrder(5000);
    // Our side now expects a different amount (as if the order had been tampered with or mispriced).
    await ds()
      .getRepository(Order)
      .update({ id: order.id }, { payableFen: order.payableFen + 1 });
    await simulatorOf(t).pay(prepayId);
    expect(answers.at(-1)).toBe(400);
    expect((await detail(m, order.id)).state).toBe('PENDING_PAYMENT');
    expect((await t.app.get(LoyaltyService).summary(await memberIdOf(m))).points).toBe(0);
  });

  it('closes the WeChat order before releasing stock at expiry; a payment that won the race keeps the order', async () => {
    clock.set(WEDNESDAY);
    const expired = await unpaidOrder(1000);
    const racing = await unpaidOrder(1000);
    // The racing member paid, but the notification was lost on the way.
    const sim = simulatorOf(t);
    const transport = sim.notifier.transport;
    sim.notifier.transport = () => Promise.resolve(503);
    await sim.pay(racing.prepayId);
    sim.notifier.transport = transport;
    clock.advance(16 * 60_000);
    await t.app.get(OrdersService).expireUnpaid();
    expect((await detail(expired.m, expired.order.id)).state).toBe('CANCELLED');
    expect((await detail(racing.m, racing.order.id)).state).toBe('PAID');
    // The closed order can no longer be paid at WeChat.
    await expect(sim.pay(expired.prepayId, { late: true })).rejects.toThrow();
    clock.set(WEDNESDAY);
  });

  it('refunds a payment that arrives for an order already cancelled, automatically and once', async () => {
    clock.set(WEDNESDAY);
    const { m, order, prepayId } = await unpaidOrder(1000);
    // The order was cancelled on our side (e.g. a close that failed to reach WeChat) while WeChat still let the member pay.
    await ds().getRepository(Order).update({ id: order.id }, { state: 'CANCELLED', cancelReason: '超时未支付' });
    await simulatorOf(t).pay(prepayId);
    await simulatorOf(t).redeliver(order.orderNo);
    expect((await detail(m, order.id)).state).toBe('CANCELLED');
    const refunds = await ds().getRepository(PaymentRefund).findBy({ orderId: order.id });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ kind: 'LATE_PAYMENT', amountFen: order.payableFen });
    expect((await t.app.get(LoyaltyService).summary(await memberIdOf(m))).points).toBe(0);
  });

  it('pays through reconciliation when no notification ever arrives', async () => {
    clock.set(WEDNESDAY);
    const { m, order, prepayId } = await unpaidOrder(2000);
    const sim = simulatorOf(t);
    const transport = sim.notifier.transport;
    sim.notifier.transport = () => Promise.resolve(500);
    await sim.pay(prepayId);
    sim.notifier.transport = transport;
    clock.advance(3 * 60_000);
    expect((await t.app.get(OrderPaymentsService).reconcile()).paid).toBeGreaterThanOrEqual(1);
    expect((await detail(m, order.id)).state).toBe('PAID');
    clock.set(WEDNESDAY);
  });

  it('refunds a line: REFUNDING until WeChat confirms, then points and growth go back once', async () => {
    clock.set(WEDNESDAY);
    const { m, order, prepayId } = await unpaidOrder(8000);
    await simulatorOf(t).pay(prepayId);
    await settleOutbox();
    const memberId = await memberIdOf(m);
    expect((await t.app.get(LoyaltyService).summary(memberId)).points).toBe(74);
    const operator = await staffLogin(t, 'operator');
    expect(
      (
        await t.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/fulfil`, headers: operator.headers })
      ).json(),
    ).toMatchObject({ state: 'FULFILLED' });
    expect(
      (await t.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: m.headers })).json(),
    ).toMatchObject({ state: 'COMPLETED' });
    const lineId = order.lines[0].id;
    const asked = await t.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refunds`,
      headers: m.headers,
      payload: { lineIds: [lineId] },
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json<OrderView>().lines[0].refundState).toBe('REFUNDING');
    const again = await t.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refunds`,
      headers: m.headers,
      payload: { lineIds: [lineId] },
    });
    expect(again.json()).toMatchObject({ code: 'REFUND_STATE_CONFLICT' });
    expect((await t.app.get(LoyaltyService).summary(memberId)).points).toBe(74);
    const [refund] = await ds().getRepository(PaymentRefund).findBy({ orderId: order.id });
    await simulatorOf(t).settleRefund(refund.outRefundNo);
    await simulatorOf(t).redeliver(refund.outRefundNo);
    await settleOutbox();
    expect((await detail(m, order.id)).lines[0].refundState).toBe('REFUNDED');
    expect(await t.app.get(LoyaltyService).summary(memberId)).toMatchObject({ points: 0, growth: 0 });
  });

  it('keeps a refunded order as it is when the delayed payment notification finally arrives', async () => {
    clock.set(WEDNESDAY);
    const { m, order, prepayId } = await unpaidOrder(3000);
    const sim = simulatorOf(t);
    const transport = sim.notifier.transport;
    sim.notifier.transport = () => Promise.resolve(503);
    await sim.pay(prepayId);
    sim.notifier.transport = transport;
    clock.advance(3 * 60_000);
    await t.app.get(OrderPaymentsService).reconcile();
    await settleOutbox();
    await t.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refunds`,
      headers: m.headers,
      payload: { lineIds: [order.lines[0].id] },
    });
    const [refund] = await ds().getRepository(PaymentRefund).findBy({ orderId: order.id });
    await sim.settleRefund(refund.outRefundNo);
    await settleOutbox();
    const memberId = await memberIdOf(m);
    const after = await t.app.get(LoyaltyService).summary(memberId);
    // Now the payment notification that was lost earlier arrives.
    expect((await sim.redeliver(order.orderNo)).status).toBe(204);
    await settleOutbox();
    expect((await detail(m, order.id)).lines[0].refundState).toBe('REFUNDED');
    expect((await detail(m, order.id)).state).toBe('PAID');
    expect(await t.app.get(LoyaltyService).summary(memberId)).toEqual(after);
    clock.set(WEDNESDAY);
  });
});

/** An unpaid order row with a WeChat Pay order opened, for the walks over many orders. */
function unpaidOrderRow(
  no: string,
  createdAt: Date,
  reservationExpiresAt: Date,
  extra: DeepPartial<Order> = {},
): DeepPartial<Order> {
  return {
    orderNo: no,
    memberId: 1,
    clientKey: `1:${no}`,
    state: 'PENDING_PAYMENT',
    subtotalFen: 1000,
    totalDiscountFen: 0,
    payableFen: 1000,
    discounts: [],
    ruleVersions: {},
    couponIds: [],
    fulfilment: 'PICKUP',
    pickupStoreId: 1,
    createdAt,
    reservationExpiresAt,
    prepayOpened: true,
    ...extra,
  };
}

describe('payment reconciliation walks every unpaid order', () => {
  it('queries all 130 oldest first in batches; after WeChat fails mid-run the next run resumes there', async () => {
    const now = new Date(WEDNESDAY.getTime() + 3600_000); // earlier tests' orders are past their window by then
    clock.set(now);
    const orders = ds().getRepository(Order);
    const row = (no: string, createdAt: Date, extra: DeepPartial<Order> = {}) =>
      unpaidOrderRow(no, createdAt, new Date(now.getTime() + 5 * 60_000), extra);
    // Inserted newest first, so that id order is not the age order the walk must follow.
    const mine = Array.from({ length: 130 }, (_, i) => `RCN${String(i).padStart(4, '0')}`);
    const outside = ['RCNX-NOPREPAY', 'RCNX-EXPIRED', 'RCNX-FRESH'];
    await orders.save(
      [
        ...mine.map((no, i) => row(no, new Date(now.getTime() - 10 * 60_000 + i * 1000))).reverse(),
        row(outside[0], new Date(now.getTime() - 9 * 60_000), { prepayOpened: false }),
        row(outside[1], new Date(now.getTime() - 30 * 60_000), { reservationExpiresAt: now }),
        row(outside[2], new Date(now.getTime() - 60_000)),
      ].map((r) => orders.create(r)),
    );

    const gateway = t.app.get(WechatPayGateway);
    let queried: string[] = [];
    let failOn: string | null = mine[59];
    const spy = vi.spyOn(gateway, 'queryOrder').mockImplementation((outTradeNo) => {
      queried.push(outTradeNo);
      if (outTradeNo === failOn) return Promise.reject(new DomainException('PAYMENT_UNAVAILABLE'));
      return Promise.resolve({
        appId: 'wx-sim',
        mchId: 'sim',
        outTradeNo,
        tradeState: 'NOTPAY',
        tradeStateDesc: '未支付',
      });
    });
    try {
      const reconcile = () => t.app.get(OrderPaymentsService).reconcile();
      // Run 1: oldest first until WeChat fails on the 60th.
      expect((await reconcile()).checked).toBe(59);
      expect(queried).toEqual(mine.slice(0, 60));
      // Run 2: goes on after the order that failed (it comes round again) to the newest, past the first 100.
      failOn = null;
      queried = [];
      expect((await reconcile()).checked).toBe(70);
      expect(queried).toEqual(mine.slice(60));
      // Run 3: the walk went round, so it starts from the oldest again.
      queried = [];
      expect((await reconcile()).checked).toBe(130);
      expect(queried).toEqual(mine);
      expect(queried.filter((no) => outside.includes(no))).toEqual([]);
      // Nothing was refused or changed: every order is still unpaid.
      expect(await orders.countBy({ orderNo: In(mine), state: 'PENDING_PAYMENT' })).toBe(130);
    } finally {
      spy.mockRestore();
      await orders.delete({ orderNo: In([...mine, ...outside]) });
      clock.set(WEDNESDAY);
    }
  });
});

describe('refund reconciliation walks every refund WeChat has not settled', () => {
  it('asks about all 130 oldest first; refunds that stay PROCESSING do not starve the rest, and a failure resumes there', async () => {
    const order = await ds()
      .getRepository(Order)
      .findOneOrFail({ where: {}, order: { id: 'ASC' } });
    const refunds = ds().getRepository(PaymentRefund);
    const mine = Array.from({ length: 130 }, (_, i) => `RFW${String(i).padStart(4, '0')}`);
    await refunds.save(
      mine.map((outRefundNo) =>
        refunds.create({
          orderId: order.id,
          outRefundNo,
          kind: 'LATE_PAYMENT',
          transactionId: `tx-${outRefundNo}`,
          amountFen: 100,
          totalFen: 100,
          lineIds: [],
          status: 'PROCESSING',
          createdAt: clock.now(),
        }),
      ),
    );
    const gateway = t.app.get(WechatPayGateway);
    const orderSpy = vi.spyOn(gateway, 'queryOrder').mockRejectedValue(new Error('no unpaid orders in this test'));
    let asked: string[] = [];
    let failOn: string | null = mine[59];
    const spy = vi.spyOn(gateway, 'queryRefund').mockImplementation((outRefundNo) => {
      asked.push(outRefundNo);
      if (outRefundNo === failOn) return Promise.reject(new DomainException('PAYMENT_UNAVAILABLE'));
      return Promise.resolve({
        refundId: `r-${outRefundNo}`,
        outRefundNo,
        outTradeNo: order.orderNo,
        transactionId: `tx-${outRefundNo}`,
        status: 'PROCESSING',
        refundFen: fen(100),
        totalFen: fen(100),
      });
    });
    try {
      const reconcile = () => t.app.get(OrderPaymentsService).reconcile();
      await reconcile(); // stops at the 60th, which WeChat could not answer
      expect(asked.filter((no) => mine.includes(no))).toEqual(mine.slice(0, 60));
      failOn = null;
      asked = [];
      await reconcile(); // goes on after it and reaches the newest, past the first 100 that never settle
      expect(asked.filter((no) => mine.includes(no))).toEqual(mine.slice(60));
      asked = [];
      await reconcile(); // the next round starts from the oldest, the one that failed included
      expect(asked.filter((no) => mine.includes(no))).toEqual(mine);
      expect(await refunds.countBy({ outRefundNo: In(mine), status: 'PROCESSING' })).toBe(130);
    } finally {
      spy.mockRestore();
      orderSpy.mockRestore();
      await refunds.delete({ outRefundNo: In(mine) });
    }
  });
});

describe('expiry walks every expired order', () => {
  it('cancels the 30 behind 100 whose WeChat order cannot be closed, in one run', async () => {
    const now = new Date(WEDNESDAY.getTime() + 2 * 3600_000);
    clock.set(now);
    const orders = ds().getRepository(Order);
    const stuck = Array.from({ length: 100 }, (_, i) => `EXS${String(i).padStart(4, '0')}`);
    const due = Array.from({ length: 30 }, (_, i) => `EXD${String(i).padStart(4, '0')}`);
    const expiredAt = (i: number) => new Date(now.getTime() - 20 * 60_000 + i * 1000);
    await orders.save(
      [
        ...stuck.map((no, i) => unpaidOrderRow(no, expiredAt(i), expiredAt(i))),
        ...due.map((no, i) => unpaidOrderRow(no, expiredAt(100 + i), expiredAt(100 + i), { prepayOpened: false })),
      ].map((r) => orders.create(r)),
    );
    const spy = vi
      .spyOn(t.app.get(OrderPaymentsService), 'closeBeforeRelease')
      .mockRejectedValue(new DomainException('PAYMENT_ORDER_PAID'));
    try {
      expect(await t.app.get(OrdersService).expireUnpaid(now)).toBe(30);
      expect(await orders.countBy({ orderNo: In(due), state: 'CANCELLED' })).toBe(30);
      expect(await orders.countBy({ orderNo: In(stuck), state: 'PENDING_PAYMENT' })).toBe(100);
    } finally {
      spy.mockRestore();
      await orders.delete({ orderNo: In([...stuck, ...due]) });
      clock.set(WEDNESDAY);
    }
  });
});
