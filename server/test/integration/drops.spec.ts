import { getDataSourceToken } from '@nestjs/typeorm';
import type { DropListResponse, DropOrderSummaryView, DropView, OrderView, Page } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { DropItem } from '../../src/modules/drops/drop-item.entity';
import { DropMemberHold } from '../../src/modules/drops/drop-member-hold.entity';
import { Drop } from '../../src/modules/drops/drop.entity';
import { DropRemindersService } from '../../src/modules/drops/drop-reminders.service';
import { DROP_TICK_MS } from '../../src/modules/drops/drop-ticker.service';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { DevWechatGateway } from '../../src/modules/wechat/dev-wechat.gateway';
import { WechatGateway } from '../../src/modules/wechat/wechat.gateway';
import { MemberTier } from '../../src/modules/loyalty/member-tier.entity';
import { PaymentRefund } from '../../src/modules/orders/payment-refund.entity';
import { type Actor, signedUpMember } from '../support/actors';
import { dropSku, scheduleDrop } from '../support/drops';
import { type TestApp } from '../support/test-app';
import { simulatorOf } from '../support/wechatpay';
import { bootShop } from '../support/shop';

/** Friday 2026-11-27 11:50 in Shanghai. */
const FRIDAY_1150 = new Date('2026-11-27T03:50:00Z');
const NOON = '2026-11-27T12:00:00+08:00';
const clock = new TestClock(FRIDAY_1150);
let t: TestApp;
let operator: Actor;
let serial = 0;

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock));
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());
/** The drop's tick as the scheduler runs it every few seconds. */
const dropTick = () => t.app.get(JobScheduler).runFrequent('drop-tick');

it('ticks as a frequent job of the scheduler, not a timer of its own', () => {
  expect(t.app.get(JobScheduler).frequentJobs()).toContainEqual({ name: 'drop-tick', everyMs: DROP_TICK_MS });
  expect(DROP_TICK_MS).toBe(5_000);
});
const newMember = () => {
  const n = ++serial;
  return signedUpMember(t, `drop-buyer-${n}`, `1350000${String(n).padStart(4, '0')}`);
};
const memberIdOf = async (m: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: m.headers })).json<{ id: number }>().id;

async function onceDrop(cap: number, perMemberLimit: number, extra: Record<string, unknown> = {}) {
  const sku = await dropSku(t);
  // Scheduled ahead of the noon opening, as an operator must (a drop cannot be scheduled to open in the past);
  // the test's own clock is restored after.
  const at = clock.now();
  if (at.getTime() >= Date.parse(NOON)) clock.set(FRIDAY_1150);
  try {
    return await scheduleOnce(sku, cap, perMemberLimit, extra);
  } finally {
    clock.set(at);
  }
}

function scheduleOnce(
  sku: Awaited<ReturnType<typeof dropSku>>,
  cap: number,
  perMemberLimit: number,
  extra: Record<string, unknown>,
) {
  return scheduleDrop(t, operator, {
    title: `限量团 ${++serial}`,
    recurrence: 'ONCE',
    opensAt: NOON,
    closesAt: '2026-11-27T13:00:00+08:00',
    items: [{ skuId: sku.id, dropPriceFen: Math.min(990, sku.priceFen), cap, perMemberLimit }],
    ...extra,
  });
}

function buy(m: Actor, dropId: number, dropItemId: number, clientOrderId: string, quantity = 1) {
  return t.inject({
    method: 'POST',
    url: `/api/drops/${dropId}/orders`,
    headers: m.headers,
    payload: { dropItemId, quantity, clientOrderId, fulfilment: 'PICKUP', pickupStoreId: 1 },
  });
}

const counters = async (itemId: number) => {
  const item = await ds().getRepository(DropItem).findOneByOrFail({ id: itemId });
  return { sold: item.sold, reserved: item.reserved, left: item.cap - item.sold - item.reserved, cap: item.cap };
};

describe('scheduling drops', () => {
  it("seeds the demo brand's weekly drop in this week's window", async () => {
    const list = (await t.inject({ method: 'GET', url: '/api/drops' })).json<DropListResponse>();
    const weekly = list.items.find((d) => d.title === '周五限量团');
    expect(weekly).toMatchObject({ recurrence: 'WEEKLY', opensAt: '2026-11-27T04:00:00.000Z', phase: 'UPCOMING' });
    expect(weekly?.items.map((i) => i.cap)).toEqual([200, 300]);
    for (const item of weekly?.items ?? []) expect(item.dropPriceFen).toBeLessThan(item.listPriceFen);
  });

  it("puts a weekly drop in the brand's Friday 12:00 – Saturday 18:00 window", async () => {
    clock.set(new Date('2026-11-24T02:00:00Z')); // Tuesday
    const sku = await dropSku(t);
    const drop = await scheduleDrop(t, operator, {
      title: '周五团购',
      recurrence: 'WEEKLY',
      items: [{ skuId: sku.id, dropPriceFen: sku.priceFen - 100, cap: 200, perMemberLimit: 2 }],
    });
    expect(drop).toMatchObject({
      opensAt: '2026-11-27T04:00:00.000Z',
      closesAt: '2026-11-28T10:00:00.000Z',
      earlyAccess: { GOLD: 30 },
      reservationSeconds: 300,
      status: 'SCHEDULED',
    });
    expect(drop.items[0]).toMatchObject({ cap: 200, sold: 0, reserved: 0, left: 200, listPriceFen: sku.priceFen });
    clock.set(FRIDAY_1150);
  });

  it('refuses bad schedules with the field named, and creates nothing', async () => {
    const sku = await dropSku(t);
    const before = await ds().getRepository(Drop).count();
    const good = { skuId: sku.id, dropPriceFen: 100, cap: 10, perMemberLimit: 1 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ recurrence: 'ONCE', items: [good] }, 'opensAt'],
      [{ recurrence: 'ONCE', opensAt: NOON, closesAt: '2026-11-27T11:00:00+08:00', items: [good] }, 'closesAt'],
      [{ recurrence: 'WEEKLY', items: [{ ...good, dropPriceFen: sku.priceFen + 1 }] }, 'items[0].dropPriceFen'],
      [{ recurrence: 'WEEKLY', items: [{ ...good, perMemberLimit: 11 }] }, 'items[0].perMemberLimit'],
      [{ recurrence: 'WEEKLY', items: [good, good] }, 'items'],
      [{ recurrence: 'WEEKLY', items: [{ ...good, skuId: 999_999 }] }, 'items[0].skuId'],
      [{ recurrence: 'WEEKLY', earlyAccess: { PLATINUM: 10 }, items: [good] }, 'earlyAccess'],
    ];
    for (const [body, field] of cases) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/admin/drops',
        headers: operator.headers,
        payload: { title: '坏数据', ...body },
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().details)).toContain(field);
    }
    const cap0 = await t.inject({
      method: 'POST',
      url: '/api/admin/drops',
      headers: operator.headers,
      payload: { title: 'x', recurrence: 'WEEKLY', items: [{ ...good, cap: 0 }] },
    });
    expect(cap0.statusCode).toBe(400);
    expect(await ds().getRepository(Drop).count()).toBe(before);
  });

  it('cancels only before anyone may buy', async () => {
    clock.set(new Date('2026-11-27T03:00:00Z')); // 11:00, before gold's 11:30
    const drop = await onceDrop(5, 1);
    const member = await newMember();
    const res = await t.inject({
      method: 'POST',
      url: `/api/admin/drops/${drop.id}/cancel`,
      headers: operator.headers,
    });
    expect(res.json()).toMatchObject({ status: 'CANCELLED' });
    expect((await t.inject({ method: 'GET', url: `/api/drops/${drop.id}` })).statusCode).toBe(404);
    const open = await onceDrop(5, 1);
    clock.set(new Date('2026-11-27T03:31:00Z')); // 11:31: gold may buy
    const late = await t.inject({
      method: 'POST',
      url: `/api/admin/drops/${open.id}/cancel`,
      headers: operator.headers,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DROP_NOT_CANCELLABLE');
    expect((await buy(member, open.id, open.items[0].id, 'cancelled-try-1')).statusCode).toBe(409);
    clock.set(FRIDAY_1150);
  });
});

describe('buying in a drop', () => {
  it('opens for gold members 30 minutes early and for everyone else at noon, and ends at closing', async () => {
    clock.set(new Date('2026-11-27T03:20:00Z')); // 11:20
    const drop = await onceDrop(20, 2);
    const item = drop.items[0];
    const normal = await newMember();
    const gold = await newMember();
    const now = clock.now();
    await ds()
      .getRepository(MemberTier)
      .save({
        memberId: await memberIdOf(gold),
        growth: 6000,
        tier: 'GOLD',
        version: 1,
        createdAt: now,
        updatedAt: now,
      });

    const early = await buy(gold, drop.id, item.id, 'gold-early-1');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DROP_NOT_OPEN' });

    clock.set(new Date('2026-11-27T03:35:00Z')); // 11:35
    const goldBuy = await buy(gold, drop.id, item.id, 'gold-early-2');
    expect(goldBuy.statusCode).toBe(201);
    expect(goldBuy.json<OrderView>()).toMatchObject({ state: 'PENDING_PAYMENT', payableFen: item.dropPriceFen });
    const notYet = await buy(normal, drop.id, item.id, 'normal-early-1');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().code).toBe('DROP_NOT_OPEN');
    expect(notYet.json().details).toEqual([{ field: 'opensAt', reason: '2026-11-27T04:00:00.000Z' }]);
    expect(notYet.json().message).toContain('12:00');

    const goldView = (
      await t.inject({ method: 'GET', url: `/api/drops/${drop.id}`, headers: gold.headers })
    ).json<DropView>();
    expect(goldView).toMatchObject({ phase: 'OPEN', myOpensAt: '2026-11-27T03:30:00.000Z' });
    expect(goldView.items[0]).toMatchObject({ myQuantity: 1, left: 19 });
    const normalView = (
      await t.inject({ method: 'GET', url: `/api/drops/${drop.id}`, headers: normal.headers })
    ).json<DropView>();
    expect(normalView).toMatchObject({ phase: 'UPCOMING', myOpensAt: '2026-11-27T04:00:00.000Z' });

    clock.set(new Date('2026-11-27T04:00:00Z'));
    expect((await buy(normal, drop.id, item.id, 'normal-noon-1')).statusCode).toBe(201);
    clock.set(new Date('2026-11-27T05:00:00Z')); // 13:00: closed
    const ended = await buy(normal, drop.id, item.id, 'normal-late-1');
    expect(ended.statusCode).toBe(409);
    expect(ended.json().code).toBe('DROP_ENDED');
    clock.set(FRIDAY_1150);
  });

  it('holds the per-member limit across concurrent requests; a retried request answers the same order', async () => {
    clock.set(new Date('2026-11-27T04:01:00Z'));
    const drop = await onceDrop(50, 2);
    const item = drop.items[0];
    const member = await newMember();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => buy(member, drop.id, item.id, `limit-race-${i}`)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.json().code).toBe('DROP_LIMIT_REACHED');
    expect(await counters(item.id)).toMatchObject({ reserved: 2, left: 48 });
    const hold = await ds()
      .getRepository(DropMemberHold)
      .findOneByOrFail({ dropItemId: item.id, memberId: await memberIdOf(member) });
    expect(hold.held).toBe(2);

    const winner = results.find((r) => r.statusCode === 201)!;
    const index = results.indexOf(winner);
    const again = await buy(member, drop.id, item.id, `limit-race-${index}`);
    expect(again.json<OrderView>().id).toBe(winner.json<OrderView>().id);
    const tooMany = await buy(await newMember(), drop.id, item.id, 'limit-three-1', 3);
    expect(tooMany.json().code).toBe('DROP_LIMIT_REACHED');
    expect(await counters(item.id)).toMatchObject({ reserved: 2, left: 48 });
    clock.set(FRIDAY_1150);
  });

  it('sells exactly the cap to a crowd, then answers losers without touching the database', async () => {
    clock.set(new Date('2026-11-27T04:02:00Z'));
    const drop = await onceDrop(10, 1);
    const item = drop.items[0];
    const crowd = await Promise.all(Array.from({ length: 40 }, () => newMember()));
    const latecomers = await Promise.all(Array.from({ length: 20 }, () => newMember()));
    const results = await Promise.all(crowd.map((m, i) => buy(m, drop.id, item.id, `crowd-${drop.id}-${i}`)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    const losers = results.filter((r) => r.statusCode !== 201);
    expect(losers).toHaveLength(30);
    for (const r of losers) expect(r.json().code).toBe('DROP_SOLD_OUT');
    expect(await counters(item.id)).toEqual({ sold: 0, reserved: 10, left: 0, cap: 10 });

    // Every query the app sends goes through the query runner: count them while the latecomers are refused.
    const proto = Object.getPrototypeOf(ds().createQueryRunner()) as { query: (...args: unknown[]) => unknown };
    const spy = vi.spyOn(proto, 'query');
    try {
      const late = await Promise.all(latecomers.map((m, i) => buy(m, drop.id, item.id, `late-${drop.id}-${i}`)));
      for (const r of late) expect(r.json().code).toBe('DROP_SOLD_OUT');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // A winner whose answer was lost retries after the sell-out: it gets its order, not "sold out".
    const winnerIndex = results.findIndex((r) => r.statusCode === 201);
    const retry = await buy(crowd[winnerIndex], drop.id, item.id, `crowd-${drop.id}-${winnerIndex}`);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<OrderView>().id).toBe(results[winnerIndex].json<OrderView>().id);
    clock.set(FRIDAY_1150);
  });

  it('puts an expired reservation back on sale after closing the WeChat order, and refunds a payment that comes later', async () => {
    clock.set(new Date('2026-11-27T04:03:00Z'));
    const drop = await onceDrop(1, 1);
    const item = drop.items[0];
    const [a, b] = [await newMember(), await newMember()];
    const orderA = (await buy(a, drop.id, item.id, 'expire-a-1')).json<OrderView>();
    expect(orderA.payBefore).toBe(new Date(clock.now().getTime() + 300_000).toISOString());
    const pay = await t.inject({ method: 'POST', url: `/api/orders/${orderA.id}/pay`, headers: a.headers });
    expect(pay.statusCode).toBe(200);
    const prepayId = pay.json().paymentParams.package.replace('prepay_id=', '');
    expect((await buy(b, drop.id, item.id, 'expire-b-1')).json().code).toBe('DROP_SOLD_OUT');

    const stateOf = async (m: Actor, id: number) =>
      (await t.inject({ method: 'GET', url: `/api/orders/${id}`, headers: m.headers })).json<OrderView>().state;
    clock.advance(299_000);
    await dropTick();
    expect(await stateOf(a, orderA.id)).toBe('PENDING_PAYMENT');
    clock.advance(2_000);
    expect((await dropTick())?.expired).toBeGreaterThanOrEqual(1);
    expect(await stateOf(a, orderA.id)).toBe('CANCELLED');
    const sim = simulatorOf(t);
    expect(sim.orderByPrepayId(prepayId)?.state).toBe('CLOSED');
    expect(await counters(item.id)).toEqual({ sold: 0, reserved: 0, left: 1, cap: 1 });
    const view = (await t.inject({ method: 'GET', url: `/api/drops/${drop.id}`, headers: a.headers })).json<DropView>();
    expect(view.items[0]).toMatchObject({ left: 1, soldOut: false, myQuantity: 0 });

    const orderB = await buy(b, drop.id, item.id, 'expire-b-2');
    expect(orderB.statusCode).toBe(201);

    // WeChat lets A's payment through after all (the close did not take): the money goes back, the unit stays B's.
    sim.setTradeState(orderA.orderNo, 'NOTPAY');
    await sim.pay(prepayId, { late: true });
    const refunds = await ds().getRepository(PaymentRefund).findBy({ orderId: orderA.id });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ kind: 'LATE_PAYMENT', amountFen: orderA.payableFen });
    const detailA = (
      await t.inject({ method: 'GET', url: `/api/orders/${orderA.id}`, headers: a.headers })
    ).json<OrderView>();
    expect(detailA.state).toBe('CANCELLED');
    expect(await counters(item.id)).toEqual({ sold: 0, reserved: 1, left: 0, cap: 1 });

    // B pays: reserved → sold, and sold + reserved + left = cap.
    const payB = await t.inject({
      method: 'POST',
      url: `/api/orders/${orderB.json<OrderView>().id}/pay`,
      headers: b.headers,
    });
    await sim.pay(payB.json().paymentParams.package.replace('prepay_id=', ''));
    expect(await counters(item.id)).toEqual({ sold: 1, reserved: 0, left: 0, cap: 1 });
    clock.set(FRIDAY_1150);
  });

  it('refuses visitors who have not joined, and lists my drop orders', async () => {
    clock.set(new Date('2026-11-27T04:04:00Z'));
    const drop = await onceDrop(5, 1);
    const visitor = await (await import('../support/actors')).memberLogin(t, `drop-visitor-${++serial}`);
    const refused = await buy(visitor, drop.id, drop.items[0].id, 'visitor-try-1');
    expect(refused.json().code).toBe('NOT_SIGNED_UP');

    const member = await newMember();
    const placed = await buy(member, drop.id, drop.items[0].id, 'mine-order-1');
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json<OrderView>();
    const mine = (
      await t.inject({ method: 'GET', url: '/api/drops/orders/mine?page=1&pageSize=10', headers: member.headers })
    ).json<Page<DropOrderSummaryView>>();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      id: order.id,
      dropId: drop.id,
      dropTitle: drop.title,
      state: 'PENDING_PAYMENT',
    });
    expect(order.discounts).toEqual([
      { key: `drop:${drop.id}`, label: '团购价', amountFen: drop.items[0].listPriceFen - drop.items[0].dropPriceFen },
    ]);

    const list = (await t.inject({ method: 'GET', url: '/api/drops' })).json<DropListResponse>();
    expect(list.items.map((d) => d.id)).toContain(drop.id);
    const anonymous = list.items.find((d) => d.id === drop.id)!;
    expect(anonymous).toMatchObject({ reminded: false, myOpensAt: anonymous.opensAt });
    expect(anonymous.items[0].myQuantity).toBe(0);
    clock.set(FRIDAY_1150);
  });

  it('records a reminder only with the subscribe-message consent, and lets the member cancel it', async () => {
    clock.set(FRIDAY_1150);
    const drop = await onceDrop(5, 1);
    const member = await newMember();
    const url = `/api/drops/${drop.id}/reminder`;
    const without = await t.inject({ method: 'POST', url, headers: member.headers, payload: { templateIds: [] } });
    expect(without.statusCode).toBe(400);
    const view = (
      await t.inject({ method: 'GET', url: `/api/drops/${drop.id}`, headers: member.headers })
    ).json<DropView>();
    expect(view.reminded).toBe(false);
    const ok = await t.inject({
      method: 'POST',
      url,
      headers: member.headers,
      payload: { templateIds: [view.reminderTemplateId] },
    });
    expect(ok.json()).toEqual({ reminded: true });
    // Twice is still one reminder.
    await t.inject({
      method: 'POST',
      url,
      headers: member.headers,
      payload: { templateIds: [view.reminderTemplateId] },
    });
    const admin = (
      await t.inject({ method: 'GET', url: `/api/admin/drops/${drop.id}`, headers: operator.headers })
    ).json();
    expect(admin.reminders).toBe(1);
    expect(
      (await t.inject({ method: 'GET', url: `/api/drops/${drop.id}`, headers: member.headers })).json<DropView>()
        .reminded,
    ).toBe(true);
    expect((await t.inject({ method: 'DELETE', url, headers: member.headers })).json()).toEqual({ reminded: false });
  });

  it("sends each reminder once at the member's own opening through the WeChat gateway", async () => {
    clock.set(new Date('2026-11-27T03:00:00Z')); // 11:00
    const drop = await onceDrop(5, 1);
    const [normal, gold] = [await newMember(), await newMember()];
    const now = clock.now();
    await ds()
      .getRepository(MemberTier)
      .save({
        memberId: await memberIdOf(gold),
        growth: 6000,
        tier: 'GOLD',
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    for (const m of [normal, gold]) {
      const res = await t.inject({
        method: 'POST',
        url: `/api/drops/${drop.id}/reminder`,
        headers: m.headers,
        payload: { templateIds: ['dev-drop-reminder'] },
      });
      expect(res.json()).toEqual({ reminded: true });
    }
    const gateway = t.app.get<WechatGateway, DevWechatGateway>(WechatGateway);
    const sentFor = () => gateway.sentSubscribeMessages().filter((m) => m.page?.endsWith(`?id=${drop.id}`));
    await dropTick();
    expect(sentFor()).toHaveLength(0);
    clock.set(new Date('2026-11-27T03:30:00Z')); // 11:30: gold's priority purchase
    await Promise.all([dropTick(), t.app.get(DropRemindersService).sendDue()]);
    expect(sentFor()).toHaveLength(1);
    expect(sentFor()[0]).toMatchObject({
      templateId: 'dev-drop-reminder',
      data: { thing1: drop.title, time2: '2026-11-27 11:30' },
    });
    clock.set(new Date('2026-11-27T04:00:00Z'));
    await Promise.all([dropTick(), t.app.get(DropRemindersService).sendDue()]);
    await dropTick();
    expect(sentFor()).toHaveLength(2);
    expect(sentFor()[0].data.time2).toBe('2026-11-27 12:00');
    const admin = (
      await t.inject({ method: 'GET', url: `/api/admin/drops/${drop.id}`, headers: operator.headers })
    ).json();
    expect(admin).toMatchObject({ reminders: 2, remindersSent: 2 });
    clock.set(FRIDAY_1150);
  });
});
