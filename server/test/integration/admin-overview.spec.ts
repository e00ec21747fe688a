import { getDataSourceToken } from '@nestjs/typeorm';
import {
  memberCodeAt,
  type OverviewResponse,
  type StoreMemberSummary,
  type TillTransactionView,
} from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { LONG_LIVED_TOKENS } from '../support/shop';
import { Order } from '../../src/modules/orders/order.entity';
import { createSku, paidOrder, unpaidOrder } from '../factories';
import { type Actor, codeCredential, signedUpMember, signupToken, staffLogin } from '../support/actors';
import { bootShop } from '../support/shop';
import type { TestApp } from '../support/test-app';

/*
 * A small known set, in Shanghai (UTC+8), on Wednesday 12-02 and Thursday 12-03 (the member-day order is below
 * the member-day threshold, so every price is plain):
 *   12-02 23:30  online order, pickup at store 1 (SH001), 50.00          -> 12-02, ONLINE, store 1
 *   12-03 00:30  online order, pickup at store 2 (SH002), 30.00          -> 12-03 (UTC still says 12-02), store 2
 *   12-03 11:00  drop order, shipped, 40.00                              -> 12-03, DROP, no store
 *   12-03 12:00  till sale at store 1, 80.00                             -> 12-03, TILL, store 1
 *   12-03 12:30  an unpaid order                                         -> not counted
 * Signups: one with store 1's code on 12-02, one online on 12-03, one with store 2's code on 12-03.
 */
const at = (iso: string) => new Date(iso);
// The app boots (and seeds the demo, whose shoppers have back-dated purchases) half a year before the dashboard's
// window, so the figures below are this spec's purchases alone.
const clock = new TestClock(at('2026-06-01T10:00:00Z'));
let t: TestApp;
let operator: Actor;
let manager: Actor;
let cashier1: Actor;
let cashier2: Actor;
const paid = { o1: 0, o2: 0, drop: 0, till: 0 };

beforeAll(async () => {
  ({ t, operator } = await bootShop(clock, { auth: LONG_LIVED_TOKENS }));
  clock.set(at('2026-12-02T10:00:00Z'));
  manager = await staffLogin(t, 'manager.sh001');
  cashier1 = await staffLogin(t, 'cashier.sh001');
  cashier2 = await staffLogin(t, 'cashier.sh002');
  const sku50 = await createSku(t, 5000);
  const sku30 = await createSku(t, 3000);
  const sku40 = await createSku(t, 4000);

  clock.set(at('2026-12-02T04:00:00Z')); // 12-02 12:00
  const inStore1 = await signedUpMember(t, 'ov-store1', '13722220001', {
    signupToken: await signupToken(t, cashier1, 1),
  });
  clock.set(at('2026-12-02T15:30:00Z')); // 12-02 23:30
  paid.o1 = (await paidOrder(t, inStore1, [sku50.id], { pickupStoreId: 1 })).payableFen;

  clock.set(at('2026-12-02T16:10:00Z')); // 12-03 00:10
  const online = await signedUpMember(t, 'ov-online', '13722220002');
  clock.set(at('2026-12-02T16:30:00Z')); // 12-03 00:30
  paid.o2 = (await paidOrder(t, online, [sku30.id], { pickupStoreId: 2 })).payableFen;

  clock.set(at('2026-12-03T03:00:00Z')); // 12-03 11:00
  const dropOrder = await paidOrder(t, online, [sku40.id], { fulfilment: 'SHIP' });
  // An order placed in a drop carries its drop's id; the rush itself is the drops spec's business.
  await t.app.get<DataSource>(getDataSourceToken()).getRepository(Order).update({ id: dropOrder.id }, { dropId: 4242 });
  paid.drop = dropOrder.payableFen;

  clock.set(at('2026-12-03T04:00:00Z')); // 12-03 12:00
  const credential = await codeCredential(t, inStore1);
  const scan = await t.inject({
    method: 'POST',
    url: '/api/store-mode/scans',
    headers: cashier1.headers,
    payload: { code: memberCodeAt(credential, clock.now().getTime()) },
  });
  const sale = await t.inject({
    method: 'POST',
    url: '/api/store-mode/purchases',
    headers: cashier1.headers,
    payload: { scanId: scan.json<StoreMemberSummary>().scanId, amountFen: 8000, clientId: 'overview-till-0001' },
  });
  expect(sale.statusCode, sale.body).toBe(200);
  paid.till = sale.json<TillTransactionView>().payableFen;

  clock.set(at('2026-12-03T04:30:00Z')); // 12-03 12:30
  await unpaidOrder(t, online, [sku30.id]);
  await signedUpMember(t, 'ov-store2', '13722220003', { signupToken: await signupToken(t, cashier2, 2) });
  clock.set(at('2026-12-03T06:00:00Z')); // now: 12-03 14:00 Shanghai
});
afterAll(() => t.close());

const overview = async (who: Actor, days = 30) => {
  const res = await t.inject({ method: 'GET', url: `/api/admin/overview?days=${days}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OverviewResponse>();
};

describe('the dashboard', () => {
  it('counts the prices the purchases paid', () => {
    expect(paid).toEqual({ o1: 5000, o2: 3000, drop: 4000, till: 8000 });
  });

  it('adds up today and the period, by brand-zone day, channel and store', async () => {
    const o = await overview(operator);
    expect(o.timeZone).toBe('Asia/Shanghai');
    expect(o.series).toHaveLength(30);
    expect(o.series[29].day).toBe('2026-12-03');
    expect(o.series[0].day).toBe('2026-11-04');
    expect(o.today).toEqual({ gmvFen: 15_000, paidOrders: 3, avgOrderFen: 5000, newMembers: 2 });
    expect(o.period).toEqual({ gmvFen: 20_000, paidOrders: 4, avgOrderFen: 5000, newMembers: 3 });
    // The 23:30 order is on 12-02, the 00:30 one on 12-03 (UTC would say 12-02 for both).
    expect(o.series[28]).toMatchObject({ day: '2026-12-02', gmvFen: 5000, paidOrders: 1, newMembers: 1 });
    expect(o.series[28].channels).toEqual([
      { channel: 'ONLINE', gmvFen: 5000, paidOrders: 1 },
      { channel: 'TILL', gmvFen: 0, paidOrders: 0 },
      { channel: 'DROP', gmvFen: 0, paidOrders: 0 },
    ]);
    expect(o.series[29].channels).toEqual([
      { channel: 'ONLINE', gmvFen: 3000, paidOrders: 1 },
      { channel: 'TILL', gmvFen: 8000, paidOrders: 1 },
      { channel: 'DROP', gmvFen: 4000, paidOrders: 1 },
    ]);
    expect(o.series.slice(0, 28).every((d) => d.gmvFen === 0 && d.newMembers === 0)).toBe(true);
    expect(o.channels).toEqual([
      { channel: 'ONLINE', gmvFen: 8000, paidOrders: 2 },
      { channel: 'TILL', gmvFen: 8000, paidOrders: 1 },
      { channel: 'DROP', gmvFen: 4000, paidOrders: 1 },
    ]);
    expect(o.stores).toEqual([
      { storeId: 1, storeName: '上海南京西路店', gmvFen: 13_000, paidOrders: 2, newMembers: 1 },
      { storeId: null, storeName: '线上（快递配送）', gmvFen: 4000, paidOrders: 1, newMembers: 1 },
      { storeId: 2, storeName: '上海徐家汇店', gmvFen: 3000, paidOrders: 1, newMembers: 1 },
    ]);
    expect(o.storeId).toBeNull();
  });

  it('a shorter window starts later', async () => {
    const o = await overview(operator, 1);
    expect(o.series.map((d) => d.day)).toEqual(['2026-12-03']);
    expect(o.period).toEqual(o.today);
  });

  it('gives a store manager only their store: its orders, till sales and signups', async () => {
    const o = await overview(manager);
    expect(o.storeId).toBe(1);
    expect(o.today).toEqual({ gmvFen: 8000, paidOrders: 1, avgOrderFen: 8000, newMembers: 0 });
    expect(o.period).toEqual({ gmvFen: 13_000, paidOrders: 2, avgOrderFen: 6500, newMembers: 1 });
    expect(o.stores.map((s) => s.storeId)).toEqual([1]);
  });

  it('refuses bad windows and callers without a console role', async () => {
    const bad = await t.inject({ method: 'GET', url: '/api/admin/overview?days=0', headers: operator.headers });
    expect(bad.statusCode).toBe(400);
    const res = await t.inject({ method: 'GET', url: '/api/admin/overview', headers: cashier1.headers });
    expect(res.statusCode).toBe(403);
  });
});
