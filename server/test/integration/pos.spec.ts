import { getDataSourceToken } from '@nestjs/typeorm';
import {
  memberCodeAt,
  type StoreMemberSummary,
  type TillQuoteResponse,
  type TillTransactionView,
} from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { BirthdayCouponsJob } from '../../src/modules/coupons/birthday-coupons.job';
import { JobScheduler } from '../../src/modules/jobs/job-scheduler.service';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { OutboxEvent } from '../../src/modules/outbox/outbox-event.entity';
import { OutboxService } from '../../src/modules/outbox/outbox.service';
import { type Actor, codeCredential, signedUpMember, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

// Wednesday 2026-11-25 10:00 in Shanghai.
const WEDNESDAY = new Date('2026-11-25T02:00:00Z');
const clock = new TestClock(WEDNESDAY);
let t: TestApp;
let cashier1: Actor;
let cashier2: Actor;
let serial = 0;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  cashier1 = await staffLogin(t, 'cashier.sh001');
  cashier2 = await staffLogin(t, 'cashier.sh002');
});
afterAll(() => t.close());

const idOf = async (member: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: member.headers })).json<{ id: number }>().id;

/** A signed-up member with the given growth (3000 = 银卡, 6000 = 金卡), scanned at store 1 now. */
async function atTill(growth: number, extra: { birthday?: string } = {}) {
  const n = ++serial;
  const member = await signedUpMember(t, `till-${n}`, `1350000${String(n).padStart(4, '0')}`, extra);
  const memberId = await idOf(member);
  if (growth > 0) {
    await t.app.get(LoyaltyService).addGrowth(memberId, { sourceType: 'test', sourceId: n, growth, reason: '测试' });
  }
  const credential = await codeCredential(t, member);
  const scan = async (cashier = cashier1) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/store-mode/scans',
      headers: cashier.headers,
      payload: { code: memberCodeAt(credential, clock.now().getTime() - (cashier === cashier1 ? 0 : 30_000)) },
    });
    expect(res.statusCode).toBe(200);
    return res.json<StoreMemberSummary>();
  };
  return { member, memberId, scan };
}

const quoteAt = (scanId: number, amountFen: number, couponIds?: number[], cashier = cashier1) =>
  t.inject({
    method: 'POST',
    url: '/api/store-mode/purchases/quote',
    headers: cashier.headers,
    payload: { scanId, amountFen, ...(couponIds ? { couponIds } : {}) },
  });
const buy = (scanId: number, amountFen: number, clientId: string, couponIds?: number[], cashier = cashier1) =>
  t.inject({
    method: 'POST',
    url: '/api/store-mode/purchases',
    headers: cashier.headers,
    payload: { scanId, amountFen, clientId, ...(couponIds ? { couponIds } : {}) },
  });
const refund = (id: number, cashier = cashier1) =>
  t.inject({ method: 'POST', url: `/api/store-mode/purchases/${id}/refund`, headers: cashier.headers });
const points = (memberId: number) => t.app.get(LoyaltyService).summary(memberId);

describe('member-day pricing at the till (source figures)', () => {
  it.each([
    ['silver', 3000, 8000, 7200],
    ['gold', 6000, 8000, 7000],
    ['normal', 0, 8000, 7400],
    ['normal under ¥68', 0, 6799, 6799],
  ])(
    'on Wednesday a %s member (growth %i) with a basket of %i fen pays %i fen',
    async (_label, growth, amount, payable) => {
      clock.set(WEDNESDAY);
      const { scan } = await atTill(growth);
      const res = await quoteAt((await scan()).scanId, amount);
      expect(res.statusCode).toBe(200);
      expect(res.json<TillQuoteResponse>()).toMatchObject({ subtotalFen: amount, payableFen: payable });
    },
  );

  it('counts Wednesday 23:59 in Shanghai and not Thursday 00:00, nor Tuesday', async () => {
    const cases: [string, number][] = [
      ['2026-11-25T15:59:00Z', 7200], // Wed 23:59 Shanghai
      ['2026-11-25T16:00:00Z', 8000], // Thu 00:00 Shanghai (still Wednesday in UTC)
      ['2026-11-24T02:00:00Z', 8000], // Tuesday
    ];
    for (const [instant, payable] of cases) {
      clock.set(new Date(instant));
      const { scan } = await atTill(3000);
      const q = (await quoteAt((await scan()).scanId, 8000)).json<TillQuoteResponse>();
      expect({ instant, payable: q.payableFen, memberDay: q.memberDay }).toEqual({
        instant,
        payable,
        memberDay: payable !== 8000,
      });
    }
    clock.set(WEDNESDAY);
  });
});

describe('recording a till purchase', () => {
  it('records how the shopper paid, carries it on till.sale.recorded, and refuses an unknown method changing nothing', async () => {
    clock.set(WEDNESDAY);
    const { scan } = await atTill(0);
    const { scanId } = await scan();
    const pay = (clientId: string, paymentMethod?: string) =>
      t.inject({
        method: 'POST',
        url: '/api/store-mode/purchases',
        headers: cashier1.headers,
        payload: { scanId, amountFen: 3500, clientId, ...(paymentMethod === undefined ? {} : { paymentMethod }) },
      });
    const refused = await pay('sale-method-bad1', 'BITCOIN');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('paymentMethod');
    const sales = t.app.get<DataSource>(getDataSourceToken()).getRepository('TillTransaction');
    expect(await sales.countBy({ clientId: 'sale-method-bad1' })).toBe(0);

    const wechat = (await pay('sale-method-wx01', 'WECHAT_PAY')).json<TillTransactionView>();
    expect(wechat.paymentMethod).toBe('WECHAT_PAY');
    const event = await t.app
      .get<DataSource>(getDataSourceToken())
      .getRepository(OutboxEvent)
      .findOneByOrFail({ dedupeKey: `till.sale.recorded:${wechat.id}` });
    expect(event.payload).toMatchObject({ saleId: wechat.id, payableFen: 3500, paymentMethod: 'WECHAT_PAY' });

    const cash = (await pay('sale-method-cash', 'CASH')).json<TillTransactionView>();
    expect(cash.paymentMethod).toBe('CASH');
    // A till that does not ask records UNSPECIFIED, never WeChat Pay.
    const unasked = (await pay('sale-method-none')).json<TillTransactionView>();
    expect(unasked.paymentMethod).toBe('UNSPECIFIED');
  });

  it('awards points and growth once, even when the confirm is retried and sent concurrently', async () => {
    clock.set(WEDNESDAY);
    const { memberId, scan } = await atTill(3000);
    const { scanId } = await scan();
    const before = await points(memberId);
    const results = await Promise.all(Array.from({ length: 8 }, () => buy(scanId, 8000, 'sale-retry-0001')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const ids = new Set(results.map((r) => r.json<TillTransactionView>().id));
    expect(ids.size).toBe(1);
    const sale = results[0].json<TillTransactionView>();
    // Silver pays ¥72 on member day: 1.5 points per yuan → 108 points, 720 growth.
    expect(sale).toMatchObject({ payableFen: 7200, pointsAwarded: 108, growthAwarded: 720, status: 'COMPLETED' });
    expect(sale.discounts).toEqual([{ label: '会员日满68减8', amountFen: 800 }]);
    const after = await points(memberId);
    const history = await t.app.get(LoyaltyService).history(memberId);
    expect(history.items[0]).toMatchObject({ points: 108, reason: '上海南京西路店 门店消费 ¥72.00（会员日满68减8）' });
    expect(after.points - before.points).toBe(108);
    expect(after.growth - before.growth).toBe(720);
    // The same clientId with another amount is a different sale: refused, nothing changes.
    const conflict = await buy(scanId, 9000, 'sale-retry-0001');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'TILL_TXN_CONFLICT' });
    expect((await points(memberId)).points).toBe(after.points);
  });

  it('doubles points on the member’s birthday (store time zone)', async () => {
    clock.set(new Date('2026-11-26T02:00:00Z')); // Thursday 11-26 in Shanghai: no member day
    const { memberId, scan } = await atTill(0, { birthday: '11-26' });
    const sale = (await buy((await scan()).scanId, 10_050, 'sale-birthday-01')).json<TillTransactionView>();
    expect(sale).toMatchObject({ payableFen: 10_050, pointsAwarded: 200, growthAwarded: 1000 });
    expect((await points(memberId)).points).toBe(200);
    clock.set(WEDNESDAY);
  });

  it('applies a coupon, and a refund reverses exactly what was awarded and gives the coupon back', async () => {
    clock.set(new Date('2026-05-19T17:00:00Z')); // 2026-05-20 01:00 Shanghai (a Wednesday)
    const { member, memberId, scan } = await atTill(6000, { birthday: '05-20' });
    await t.app.get(BirthdayCouponsJob).run(clock.now());
    const summary = await scan();
    const coupon = summary.coupons.find((c) => c.name === '生日专享8元无门槛券');
    expect(coupon).toBeDefined();
    const q = (await quoteAt(summary.scanId, 8000, [coupon!.id])).json<TillQuoteResponse>();
    // Gold member day ¥10 off and the ¥8 coupon: ¥62; birthday doubles 2 points per yuan → 248.
    expect(q).toMatchObject({ payableFen: 6200, pointsToEarn: 248, growthToEarn: 620, birthdayDouble: true });
    const sale = (await buy(summary.scanId, 8000, 'sale-coupon-0001', [coupon!.id])).json<TillTransactionView>();
    expect(sale.payableFen).toBe(6200);
    const wallet = () =>
      t.inject({ method: 'GET', url: '/api/coupons/me', headers: member.headers }).then((r) => r.json());
    expect((await wallet()).counts).toMatchObject({ AVAILABLE: 0, USED: 1 });
    const reuse = await buy(summary.scanId, 8000, 'sale-coupon-0002', [coupon!.id]);
    expect(reuse.json()).toMatchObject({ code: 'COUPON_ALREADY_USED' });

    const before = await points(memberId);
    const done = await refund(sale.id);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'REFUNDED' });
    const after = await points(memberId);
    expect(before.points - after.points).toBe(248);
    expect(before.growth - after.growth).toBe(620);
    expect((await wallet()).counts).toMatchObject({ AVAILABLE: 1, USED: 0 });
    const twice = await refund(sale.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'TILL_TXN_ALREADY_REFUNDED' });
    expect(await points(memberId)).toEqual(after);
    clock.set(WEDNESDAY);
  });

  it('lets a refund lower the tier again', async () => {
    clock.set(WEDNESDAY);
    const { memberId, scan } = await atTill(2900);
    const sale = (await buy((await scan()).scanId, 2000, 'sale-tier-00001')).json<TillTransactionView>();
    expect((await points(memberId)).tier).toBe('SILVER');
    await refund(sale.id);
    expect((await points(memberId)).tier).toBe('NORMAL');
  });

  it('refuses bad input, another store and unknown sales without changing anything', async () => {
    clock.set(new Date('2026-11-27T02:00:00Z')); // Friday: this store's newest sale is made here
    const { memberId, scan } = await atTill(0);
    const { scanId } = await scan();
    for (const amountFen of [-100, 0, 12.5, '100']) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/store-mode/purchases',
        headers: cashier1.headers,
        payload: { scanId, amountFen, clientId: 'sale-bad-input' },
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await buy(scanId, 1000, 'x')).statusCode).toBe(400); // clientId too short
    const moved = await t.inject({
      method: 'POST',
      url: '/api/store-mode/purchases',
      headers: cashier1.headers,
      payload: { scanId, amountFen: 1000, clientId: 'sale-price-moved', expectedPayableFen: 900 },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ code: 'PRICE_CHANGED' });
    expect((await buy(scanId, 1000, 'sale-other-store', undefined, cashier2)).statusCode).toBe(403);
    expect((await refund(999_999)).json()).toMatchObject({ code: 'TILL_TXN_NOT_FOUND' });
    const sale = (await buy(scanId, 1000, 'sale-own-store1')).json<TillTransactionView>();
    expect((await refund(sale.id, cashier2)).statusCode).toBe(403);
    expect((await points(memberId)).points).toBe(10);
    const list = await t.inject({
      method: 'GET',
      url: '/api/store-mode/purchases?pageSize=5',
      headers: cashier1.headers,
    });
    expect(list.json()).toMatchObject({ page: 1, pageSize: 5 });
    expect(list.json<{ items: TillTransactionView[] }>().items[0].id).toBe(sale.id);
    const other = await t.inject({ method: 'GET', url: '/api/store-mode/purchases', headers: cashier2.headers });
    expect(other.json<{ items: TillTransactionView[] }>().items.every((s) => s.storeName === '上海徐家汇店')).toBe(
      true,
    );
  });
});

describe('awards through till.sale.recorded (no sweep)', () => {
  it('arrive on the outbox’s next pass when the process died between the sale’s commit and its awards', async () => {
    clock.set(WEDNESDAY);
    const { memberId, scan } = await atTill(3000);
    const before = await points(memberId);
    // The sale commits with its event; the process dies before delivering it.
    vi.spyOn(t.app.get(OutboxService), 'dispatchKey').mockResolvedValueOnce(false);
    const sale = (await buy((await scan()).scanId, 8000, 'sale-crash-00001')).json<TillTransactionView>();
    vi.restoreAllMocks();
    expect(sale.pointsAwarded).toBe(108);
    expect((await points(memberId)).points).toBe(before.points);
    const event = () =>
      t.app
        .get<DataSource>(getDataSourceToken())
        .getRepository(OutboxEvent)
        .findOneByOrFail({ dedupeKey: `till.sale.recorded:${sale.id}` });
    expect((await event()).processedAt).toBeNull();

    clock.advance(60_000); // the next minute's outbox-dispatch job
    await t.app.get(JobScheduler).tick();
    expect((await event()).processedAt).not.toBeNull();
    const after = await points(memberId);
    expect([after.points - before.points, after.growth - before.growth]).toEqual([108, 720]);

    // A refund takes back exactly that, once, however often its event is dispatched.
    expect((await refund(sale.id)).statusCode).toBe(200);
    await t.app.get(OutboxService).dispatch();
    const refunded = await points(memberId);
    expect([refunded.points, refunded.growth]).toEqual([before.points, before.growth]);
    expect((await refund(sale.id)).json()).toMatchObject({ code: 'TILL_TXN_ALREADY_REFUNDED' });
    clock.set(WEDNESDAY);
  });
});
