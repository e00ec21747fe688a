import { getDataSourceToken } from '@nestjs/typeorm';
import type { AdminGiftView, GiftDetail, GiftPickupResult, GiftSummary, Page, RedemptionView } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { PointsEntry } from '../../src/modules/loyalty/points-entry.entity';
import { GiftRedemption } from '../../src/modules/points-mall/gift-redemption.entity';
import { Gift } from '../../src/modules/points-mall/gift.entity';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { DEMO_GIFTS } from '../../src/modules/seed/demo-gifts';
import { type Actor, memberLogin, staffLogin } from '../support/actors';
import { createGift, memberWithPoints, myRedemptions, redeem, requestId } from '../support/points-mall';
import { createTestApp, type TestApp } from '../support/test-app';

const clock = new TestClock(new Date('2026-11-25T02:00:00Z'));
let t: TestApp;
let operator: Actor;
let cashier1: Actor;
let cashier2: Actor;
let loyalty: LoyaltyService;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  operator = await staffLogin(t, 'operator');
  cashier1 = await staffLogin(t, 'cashier.sh001');
  cashier2 = await staffLogin(t, 'cashier.sh002');
  loyalty = t.app.get(LoyaltyService);
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const stockOf = async (giftId: number) => (await ds().getRepository(Gift).findOneByOrFail({ id: giftId })).stock;
const redeemEntries = (memberId: number) => ds().getRepository(PointsEntry).findBy({ memberId, kind: 'REDEEM' });
const pointsOf = async (memberId: number) => (await loyalty.summary(memberId)).points;
const pickUp = (cashier: Actor, pickupCode: string) =>
  t.inject({ method: 'POST', url: '/api/store-mode/gift-pickups', headers: cashier.headers, payload: { pickupCode } });

describe('browsing the mall', () => {
  it('lists the demo gifts to anyone, in order, with stock and fulfilment', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/points-mall/gifts?pageSize=50' });
    expect(res.statusCode).toBe(200);
    const page = res.json<Page<GiftSummary>>();
    const demo = page.items.slice(0, DEMO_GIFTS.length);
    expect(demo.map((g) => [g.name, g.pointsPrice, g.stock, g.fulfilments])).toEqual(
      DEMO_GIFTS.map((g) => [g.name, g.pointsPrice, g.stock, g.fulfilments]),
    );
    expect(demo[0]?.imageUrl).toBe('/static/demo/gifts/tote-bag.svg');
    expect((await t.inject({ method: 'GET', url: demo[0].imageUrl })).statusCode).toBe(200);

    const detail = await t.inject({ method: 'GET', url: `/api/points-mall/gifts/${demo[1]?.id}` });
    expect(detail.json<GiftDetail>()).toMatchObject({ name: '会员限定马克杯', description: expect.any(String) });
    expect((await t.inject({ method: 'GET', url: '/api/points-mall/gifts/99999' })).json()).toMatchObject({
      code: 'GIFT_NOT_FOUND',
    });
  });

  it('hides an inactive gift from members but not from the operator', async () => {
    const gift = await createGift(t, operator, { name: '下架礼品', active: false });
    expect((await t.inject({ method: 'GET', url: `/api/points-mall/gifts/${gift.id}` })).statusCode).toBe(404);
    const list = await t.inject({ method: 'GET', url: '/api/points-mall/gifts?pageSize=50' });
    expect(list.json<Page<GiftSummary>>().items.map((g) => g.id)).not.toContain(gift.id);
    const admin = await t.inject({
      method: 'GET',
      url: '/api/admin/points-mall/gifts?pageSize=50',
      headers: operator.headers,
    });
    expect(admin.json<Page<AdminGiftView>>().items.find((g) => g.id === gift.id)).toMatchObject({ active: false });
  });
});

describe('operator gift catalogue', () => {
  it('creates, edits and moves stock by adjustment, never below zero', async () => {
    const gift = await createGift(t, operator, { stock: 3, pointsPrice: 250 });
    expect(gift).toMatchObject({ stock: 3, pointsPrice: 250, redeemed: 0, active: true });
    const edit = await t.inject({
      method: 'PUT',
      url: `/api/admin/points-mall/gifts/${gift.id}`,
      headers: operator.headers,
      payload: {
        name: '改名礼品',
        description: '新的描述',
        imageUrl: '/static/demo/gifts/cable.svg',
        pointsPrice: 300,
        fulfilments: ['SHIP', 'PICKUP'],
        active: true,
        sort: 5,
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      name: '改名礼品',
      pointsPrice: 300,
      stock: 3,
      fulfilments: ['PICKUP', 'SHIP'],
    });

    const adjust = (delta: unknown) =>
      t.inject({
        method: 'POST',
        url: `/api/admin/points-mall/gifts/${gift.id}/stock`,
        headers: operator.headers,
        payload: { delta },
      });
    expect((await adjust(7)).json()).toMatchObject({ stock: 10 });
    expect((await adjust(-4)).json()).toMatchObject({ stock: 6 });
    const tooMany = await adjust(-7);
    expect([tooMany.statusCode, tooMany.json().code]).toEqual([409, 'GIFT_OUT_OF_STOCK']);
    expect(await stockOf(gift.id)).toBe(6);
    for (const delta of [0, 1.5, '3', null]) {
      expect([delta, (await adjust(delta)).statusCode]).toEqual([delta, 400]);
    }
    const missing = await t.inject({
      method: 'POST',
      url: '/api/admin/points-mall/gifts/99999/stock',
      headers: operator.headers,
      payload: { delta: 1 },
    });
    expect(missing.json()).toMatchObject({ code: 'GIFT_NOT_FOUND' });
  });

  it('refuses bad gifts with 400 and non-operators with 403', async () => {
    const bad: Record<string, unknown>[] = [
      { pointsPrice: -1 },
      { pointsPrice: 0 },
      { pointsPrice: 10.5 },
      { stock: -1 },
      { stock: 2.5 },
      { stock: '5' },
      { fulfilments: [] },
      { fulfilments: ['DRONE'] },
      { imageUrl: '/static/../secrets' },
      { imageUrl: 'http://example.com/a.png' },
      { name: '' },
      { surprise: true },
    ];
    const base = {
      name: '礼品',
      description: '',
      imageUrl: '/static/demo/gifts/mug.svg',
      pointsPrice: 100,
      stock: 1,
      fulfilments: ['PICKUP'],
      active: true,
    };
    for (const change of bad) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/admin/points-mall/gifts',
        headers: operator.headers,
        payload: { ...base, ...change },
      });
      expect([change, res.statusCode, res.json().code]).toEqual([change, 400, 'VALIDATION_FAILED']);
    }
    const member = await memberLogin(t, 'not-an-operator');
    const res = await t.inject({
      method: 'POST',
      url: '/api/admin/points-mall/gifts',
      headers: member.headers,
      payload: base,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('redeeming', () => {
  it('a PICKUP gift: spends the points once, takes one unit, and gives a voucher with a pickup code', async () => {
    const gift = await createGift(t, operator, { name: '帆布袋', pointsPrice: 300, stock: 5 });
    const m = await memberWithPoints(t, 'pickup-1', 1000);
    const clientRequestId = requestId();
    const res = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(res.statusCode).toBe(200);
    const view = res.json<RedemptionView>();
    expect(view).toMatchObject({
      clientRequestId,
      gift: { id: gift.id, name: '帆布袋' },
      pointsPrice: 300,
      fulfilment: 'PICKUP',
      status: 'COMPLETED',
      failureCode: null,
      voucher: { status: 'AVAILABLE', pickedUpAt: null },
      shipment: null,
    });
    expect(view.voucher?.pickupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(await pointsOf(m.id)).toBe(700);
    expect(await stockOf(gift.id)).toBe(4);
    const [entry] = await redeemEntries(m.id);
    expect(entry).toMatchObject({ points: -300, reason: '兑换礼品：帆布袋', sourceType: 'gift_redemption' });
    expect(entry?.sourceId).toBe(String(view.id));

    // The retry of the same attempt answers the same redemption and spends nothing more.
    const again = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(again.json<RedemptionView>()).toEqual(view);
    expect(await redeemEntries(m.id)).toHaveLength(1);
    expect(await stockOf(gift.id)).toBe(4);
    // Reusing the id for something else is refused.
    const other = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'SHIP' });
    expect([other.statusCode, other.json().code]).toEqual([409, 'REDEMPTION_REQUEST_CONFLICT']);
    expect(await myRedemptions(t, m.actor)).toEqual([view]);
  });

  it('a SHIP gift: needs an address and records a shipment with the phone masked', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 200, fulfilments: ['SHIP'] });
    const pickupOnly = await createGift(t, operator, { pointsPrice: 200, fulfilments: ['PICKUP'] });
    const m = await memberWithPoints(t, 'ship-1', 500);
    const address = { recipientName: '李四', phone: '13912345678', region: '上海市 静安区', detail: '南京西路1266号' };
    const noAddress = await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'SHIP' });
    expect([noAddress.statusCode, noAddress.json().code]).toEqual([400, 'SHIPPING_ADDRESS_REQUIRED']);
    const wrongWay = await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect([wrongWay.statusCode, wrongWay.json().code]).toEqual([400, 'GIFT_FULFILMENT_UNAVAILABLE']);
    const stray = await redeem(t, m.actor, {
      giftId: pickupOnly.id,
      clientRequestId: requestId(),
      fulfilment: 'PICKUP',
      address,
    });
    expect(stray.statusCode).toBe(400);
    expect(await pointsOf(m.id)).toBe(500);

    const res = await redeem(t, m.actor, {
      giftId: gift.id,
      clientRequestId: requestId(),
      fulfilment: 'SHIP',
      address,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<RedemptionView>()).toMatchObject({
      status: 'COMPLETED',
      voucher: null,
      shipment: { recipientName: '李四', phoneMasked: '139****5678', region: '上海市 静安区', status: 'PENDING' },
    });
    expect(await pointsOf(m.id)).toBe(300);
  });

  it('POINTS_INSUFFICIENT: nothing is spent, the stock is untouched, and a retry answers the same', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 800, stock: 2 });
    const m = await memberWithPoints(t, 'poor-1', 799);
    const clientRequestId = requestId();
    const res = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(await stockOf(gift.id)).toBe(2);
    expect(await pointsOf(m.id)).toBe(799);
    expect(await redeemEntries(m.id)).toEqual([]);
    const again = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(again.json().code).toBe('POINTS_INSUFFICIENT');
    expect(await myRedemptions(t, m.actor)).toEqual([]);
    expect(await ds().getRepository(GiftRedemption).findOneByOrFail({ memberId: m.id })).toMatchObject({
      status: 'FAILED',
      failureCode: 'POINTS_INSUFFICIENT',
    });
  });

  it('POINTS_INSUFFICIENT found by the ledger after the unit was taken gives the unit back', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 500, stock: 1 });
    const m = await memberWithPoints(t, 'poor-2', 100);
    // The balance looked sufficient a moment before (e.g. points spent elsewhere in between).
    vi.spyOn(loyalty, 'summary').mockResolvedValueOnce({
      points: 1000,
      debt: 0,
      growth: 0,
      tier: 'NORMAL',
      expiringSoon: null,
    });
    const res = await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(await stockOf(gift.id)).toBe(1);
    expect(await redeemEntries(m.id)).toEqual([]);
    expect(await ds().getRepository(GiftRedemption).findOneByOrFail({ memberId: m.id })).toMatchObject({
      status: 'FAILED',
      failureCode: 'POINTS_INSUFFICIENT',
    });
  });

  it('GIFT_OUT_OF_STOCK: the last unit goes to one member, the next is refused and keeps their points', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100, stock: 1 });
    const a = await memberWithPoints(t, 'stock-a', 300);
    const b = await memberWithPoints(t, 'stock-b', 300);
    expect(
      (await redeem(t, a.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' })).statusCode,
    ).toBe(200);
    const late = await redeem(t, b.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'GIFT_OUT_OF_STOCK']);
    expect(await stockOf(gift.id)).toBe(0);
    expect(await pointsOf(b.id)).toBe(300);
    expect(await redeemEntries(b.id)).toEqual([]);
    const list = await t.inject({
      method: 'GET',
      url: `/api/admin/points-mall/gifts?pageSize=50`,
      headers: operator.headers,
    });
    expect(list.json<Page<AdminGiftView>>().items.find((g) => g.id === gift.id)).toMatchObject({
      stock: 0,
      redeemed: 1,
    });
  });

  it('refuses bad requests with 400, visitors with NOT_SIGNED_UP and unknown gifts with 404', async () => {
    const gift = await createGift(t, operator);
    const m = await memberWithPoints(t, 'bad-input', 1000);
    const bad: Record<string, unknown>[] = [
      { giftId: -1 },
      { giftId: 1.5 },
      { giftId: String(gift.id) },
      { clientRequestId: 'short' },
      { clientRequestId: 'has spaces in it' },
      { fulfilment: 'DRONE' },
      { fulfilment: 'SHIP', address: { recipientName: '王五', phone: '12345', region: '上海', detail: '某路' } },
      { fulfilment: 'SHIP', address: 'somewhere' },
      { points: 1 },
    ];
    for (const change of bad) {
      const res = await redeem(t, m.actor, {
        giftId: gift.id,
        clientRequestId: requestId(),
        fulfilment: 'PICKUP',
        ...change,
      });
      expect([change, res.statusCode, res.json().code]).toEqual([change, 400, 'VALIDATION_FAILED']);
    }
    const unknown = await redeem(t, m.actor, { giftId: 99999, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'GIFT_NOT_FOUND']);
    const visitor = await memberLogin(t, 'mall-visitor');
    const res = await redeem(t, visitor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'NOT_SIGNED_UP']);
    expect(await pointsOf(m.id)).toBe(1000);
    expect(await stockOf(gift.id)).toBe(10);
  });
});

describe('a redemption interrupted between its two transactions', () => {
  /** The process dies while settling: the event's handler and the request's own settlement both fail. */
  const dieWhileSettling = () =>
    vi
      .spyOn(loyalty, 'redeem')
      .mockRejectedValueOnce(new Error('process died'))
      .mockRejectedValueOnce(new Error('process died'));
  const startedEvent = (redemptionId: number) =>
    ds()
      .getRepository(OutboxEvent)
      .findOneByOrFail({ dedupeKey: `gift.redemption.started:${redemptionId}` });

  it('is completed by the retry after a crash once the unit was taken', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100, stock: 3 });
    const m = await memberWithPoints(t, 'crash-1', 250);
    const clientRequestId = requestId();
    dieWhileSettling();
    const crashed = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(crashed.statusCode).toBe(500);
    expect(await stockOf(gift.id)).toBe(2);
    const row = await ds().getRepository(GiftRedemption).findOneByOrFail({ memberId: m.id });
    expect(row).toMatchObject({ status: 'STOCK_TAKEN' });
    expect(await startedEvent(row.id)).toMatchObject({ processedAt: null });
    expect((await myRedemptions(t, m.actor))[0]).toMatchObject({ status: 'PROCESSING', voucher: null });

    const retry = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(retry.json<RedemptionView>()).toMatchObject({ status: 'COMPLETED', voucher: { status: 'AVAILABLE' } });
    expect(await stockOf(gift.id)).toBe(2);
    expect(await pointsOf(m.id)).toBe(150);
    expect(await redeemEntries(m.id)).toHaveLength(1);
  });

  it('spends the points and completes in one transaction: a crash in between leaves neither', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100, stock: 3 });
    const m = await memberWithPoints(t, 'crash-2', 250);
    const clientRequestId = requestId();
    const real = loyalty.redeem.bind(loyalty);
    const spendThenDie = async (...args: Parameters<LoyaltyService['redeem']>) => {
      await real(...args);
      throw new Error('process died after spending, before completing');
    };
    vi.spyOn(loyalty, 'redeem').mockImplementationOnce(spendThenDie).mockImplementationOnce(spendThenDie);
    expect((await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' })).statusCode).toBe(500);
    expect(await pointsOf(m.id)).toBe(250);
    expect(await redeemEntries(m.id)).toHaveLength(0);
    const retry = await redeem(t, m.actor, { giftId: gift.id, clientRequestId, fulfilment: 'PICKUP' });
    expect(retry.json<RedemptionView>()).toMatchObject({ status: 'COMPLETED' });
    expect(await pointsOf(m.id)).toBe(150);
    expect(await redeemEntries(m.id)).toHaveLength(1);
    expect(await stockOf(gift.id)).toBe(2);
  });

  it('is completed through its event by the outbox when the client never comes back (no sweeper)', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100, stock: 3 });
    const m = await memberWithPoints(t, 'crash-3', 100);
    dieWhileSettling();
    await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    vi.restoreAllMocks();
    expect((await myRedemptions(t, m.actor))[0]?.status).toBe('PROCESSING');
    clock.advance(60_000); // the next minute's outbox-dispatch
    await t.app.get(JobScheduler).tick();
    expect((await myRedemptions(t, m.actor))[0]).toMatchObject({
      status: 'COMPLETED',
      voucher: { status: 'AVAILABLE' },
    });
    const row = await ds().getRepository(GiftRedemption).findOneByOrFail({ memberId: m.id });
    expect((await startedEvent(row.id)).processedAt).not.toBeNull();
    expect(await pointsOf(m.id)).toBe(0);
    expect(await redeemEntries(m.id)).toHaveLength(1);
    expect(await stockOf(gift.id)).toBe(2);
  });
});

describe('picking up at a till (核销礼品)', () => {
  it('hands the gift over once, recording who, where and when', async () => {
    const gift = await createGift(t, operator, { name: '马克杯', pointsPrice: 100 });
    const m = await memberWithPoints(t, 'pickup-till', 100);
    const view = (
      await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' })
    ).json<RedemptionView>();
    const code = view.voucher!.pickupCode;

    expect((await pickUp(cashier1, 'ZZZZZZZZZZ')).json()).toMatchObject({ code: 'GIFT_PICKUP_NOT_FOUND' });
    expect((await pickUp(cashier1, 'nope')).statusCode).toBe(404);
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    const res = await pickUp(cashier1, typed);
    expect(res.statusCode).toBe(200);
    expect(res.json<GiftPickupResult>()).toMatchObject({
      redemptionId: view.id,
      giftName: '马克杯',
      pickupCode: code,
      storeName: '上海南京西路店',
      memberPhoneMasked: expect.stringMatching(/^139\*{4}\d{4}$/),
      pickedUpAt: clock.now().toISOString(),
    });
    for (const cashier of [cashier1, cashier2]) {
      const reuse = await pickUp(cashier, code);
      expect(reuse.statusCode).toBe(409);
      expect(reuse.json()).toMatchObject({
        code: 'GIFT_ALREADY_PICKED_UP',
        message: expect.stringContaining('上海南京西路店'),
      });
    }
    expect((await myRedemptions(t, m.actor))[0]?.voucher).toMatchObject({
      status: 'PICKED_UP',
      pickedUpStoreName: '上海南京西路店',
      pickedUpAt: clock.now().toISOString(),
    });
    const member = await pickUp(m.actor, code);
    expect(member.statusCode).toBe(403);
  });

  it('two tills entering the same code at once hand it over once', async () => {
    const gift = await createGift(t, operator, { pointsPrice: 100 });
    const m = await memberWithPoints(t, 'pickup-race', 100);
    const code = (
      await redeem(t, m.actor, { giftId: gift.id, clientRequestId: requestId(), fulfilment: 'PICKUP' })
    ).json<RedemptionView>().voucher!.pickupCode;
    const results = await Promise.all([pickUp(cashier1, code), pickUp(cashier2, code), pickUp(cashier1, code)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });
});
