import type { AdminGiftView, AdminRedemptionView, AuditEntryView, Page, RedemptionView } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { MembersService } from '../../src/modules/members/members.service';
import { type Actor, staffLogin } from '../support/actors';
import { createGift, memberWithPoints, redeem, requestId } from '../support/points-mall';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The operator console's 积分商城 routes: gifts (list, detail, create, edit, stock), the redemption list and its
 * filters, shipping a SHIP redemption, an audit entry for every write, and store managers kept out.
 */
const clock = new TestClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let operator: Actor;
let manager: Actor;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  operator = await staffLogin(t, 'operator');
  manager = await staffLogin(t, 'manager.sh001');
});
afterAll(() => t.close());

const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, who: Actor = operator) =>
  t.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) });
const auditOf = async (objectType: string, id: number) =>
  (await admin('GET', `/api/admin/audit?objectType=${objectType}&objectId=${id}`)).json<Page<AuditEntryView>>().items;
const address = { recipientName: '李四', phone: '13912345678', region: '上海市 静安区', detail: '南京西路1266号' };

describe('gifts', () => {
  it('creates, reads, edits and restocks a gift, each write audited with small before/after', async () => {
    const gift = await createGift(t, operator, {
      name: '控制台帆布袋',
      pointsPrice: 300,
      stock: 5,
      fulfilments: ['PICKUP', 'SHIP'],
    });
    expect(gift).toMatchObject({ name: '控制台帆布袋', pointsPrice: 300, stock: 5, active: true, redeemed: 0 });
    expect((await admin('GET', `/api/admin/points-mall/gifts/${gift.id}`)).json<AdminGiftView>().id).toBe(gift.id);

    const edit = await admin('PUT', `/api/admin/points-mall/gifts/${gift.id}`, {
      name: '控制台帆布袋',
      description: gift.description,
      imageUrl: gift.imageUrl,
      pointsPrice: 360,
      fulfilments: ['SHIP'],
      active: false,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json<AdminGiftView>()).toMatchObject({
      pointsPrice: 360,
      fulfilments: ['SHIP'],
      active: false,
      stock: 5,
    });

    const stock = await admin('POST', `/api/admin/points-mall/gifts/${gift.id}/stock`, { delta: 7 });
    expect(stock.json<AdminGiftView>().stock).toBe(12);
    const tooMany = await admin('POST', `/api/admin/points-mall/gifts/${gift.id}/stock`, { delta: -13 });
    expect(tooMany.statusCode).toBe(409);

    const entries = await auditOf('gift', gift.id);
    expect(entries.map((e) => e.action)).toEqual(['gift.stock_adjust', 'gift.update', 'gift.create']);
    expect(entries[0]).toMatchObject({ before: { stock: 5 }, after: { stock: 12, delta: 7 } });
    expect(entries[1]).toMatchObject({
      before: { pointsPrice: 300, fulfilments: ['PICKUP', 'SHIP'], active: true },
      after: { pointsPrice: 360, fulfilments: ['SHIP'], active: false },
    });
    expect(entries[1].after).not.toHaveProperty('name'); // unchanged fields stay out of the trail
    expect(entries[2].after).toMatchObject({ name: '控制台帆布袋', stock: 5 });
  });

  it('lists gifts filtered by shelf and name in SQL', async () => {
    await createGift(t, operator, { name: '筛选-上架', active: true });
    await createGift(t, operator, { name: '筛选-下架', active: false });
    const names = async (query: string) =>
      (await admin('GET', `/api/admin/points-mall/gifts?pageSize=50&${query}`))
        .json<Page<AdminGiftView>>()
        .items.map((g) => g.name);
    expect(await names(`keyword=${encodeURIComponent('筛选')}&active=false`)).toEqual(['筛选-下架']);
    expect(await names(`keyword=${encodeURIComponent('筛选')}&active=true`)).toEqual(['筛选-上架']);
  });

  it('names the field of a bad gift', async () => {
    const res = await admin('POST', '/api/admin/points-mall/gifts', {
      name: '坏礼品',
      description: '',
      imageUrl: 'ftp://x',
      pointsPrice: 0,
      stock: -1,
      fulfilments: [],
      active: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ details: { field: string }[] }>().details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['imageUrl', 'pointsPrice', 'stock', 'fulfilments']));
  });
});

describe('redemptions', () => {
  it('filters by status, gift, fulfilment, member phone (masked out) and date; ships a SHIP one, audited', async () => {
    const mug = await createGift(t, operator, {
      name: '兑换-马克杯',
      pointsPrice: 100,
      stock: 5,
      fulfilments: ['PICKUP'],
    });
    const bag = await createGift(t, operator, {
      name: '兑换-快递袋',
      pointsPrice: 100,
      stock: 5,
      fulfilments: ['SHIP'],
    });
    const rich = await memberWithPoints(t, 'console-rich', 1000);
    const poor = await memberWithPoints(t, 'console-poor', 10);
    const pickup = await redeem(t, rich.actor, { giftId: mug.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect(pickup.statusCode).toBe(200);
    clock.set(new Date('2026-12-02T02:00:00Z')); // the next day
    const ship = await redeem(t, rich.actor, {
      giftId: bag.id,
      clientRequestId: requestId(),
      fulfilment: 'SHIP',
      address,
    });
    expect(ship.statusCode).toBe(200);
    const failed = await redeem(t, poor.actor, { giftId: mug.id, clientRequestId: requestId(), fulfilment: 'PICKUP' });
    expect(failed.statusCode).toBeGreaterThanOrEqual(400); // too few points: a FAILED row

    const list = async (query: string) =>
      (await admin('GET', `/api/admin/points-mall/redemptions?pageSize=50&${query}`)).json<Page<AdminRedemptionView>>();
    const byGift = await list(`giftId=${mug.id}`);
    expect(byGift.items.map((r) => r.status).sort()).toEqual(['COMPLETED', 'FAILED']);
    expect((await list(`giftId=${mug.id}&status=FAILED`)).items.map((r) => r.memberId)).toEqual([poor.id]);
    expect((await list(`giftId=${bag.id}&fulfilment=PICKUP`)).total).toBe(0);

    const phone = await memberPhone(rich.id);
    const mine = await list(`phone=${phone}`);
    expect(mine.items.map((r) => r.gift.name)).toEqual(['兑换-快递袋', '兑换-马克杯']);
    expect(mine.items[0].memberPhoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(JSON.stringify(mine)).not.toContain(phone);
    expect(JSON.stringify(mine)).not.toContain(pickup.json<RedemptionView>().voucher?.pickupCode ?? '-');
    expect(mine.items[1].voucher).toMatchObject({ status: 'AVAILABLE' });
    expect(mine.items[0].shipment).toMatchObject({ status: 'PENDING', phoneMasked: '139****5678', carrier: null });
    expect((await list('phone=13000000000')).total).toBe(0);
    expect((await admin('GET', '/api/admin/points-mall/redemptions?phone=12345')).statusCode).toBe(400);

    const day1 = `from=2026-11-30T16:00:00.000Z&to=2026-12-01T16:00:00.000Z`;
    expect((await list(`phone=${phone}&${day1}`)).items.map((r) => r.gift.name)).toEqual(['兑换-马克杯']);

    const shipId = ship.json<RedemptionView>().id;
    const bad = await admin('POST', `/api/admin/points-mall/redemptions/${shipId}/ship`, {
      carrier: ' ',
      trackingNo: '1',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('trackingNo');
    const shipped = await admin('POST', `/api/admin/points-mall/redemptions/${shipId}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json<AdminRedemptionView>().shipment).toMatchObject({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    const repeat = await admin('POST', `/api/admin/points-mall/redemptions/${shipId}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(repeat.statusCode).toBe(200);
    const other = await admin('POST', `/api/admin/points-mall/redemptions/${shipId}/ship`, {
      carrier: '中通快递',
      trackingNo: 'ZT1234567890',
    });
    expect(other.statusCode).toBe(409);
    const pickupId = pickup.json<RedemptionView>().id;
    const notShip = await admin('POST', `/api/admin/points-mall/redemptions/${pickupId}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(notShip.json()).toMatchObject({ code: 'REDEMPTION_NOT_SHIPPABLE' });
    expect(
      (
        await admin('POST', '/api/admin/points-mall/redemptions/999999/ship', {
          carrier: '顺丰速运',
          trackingNo: 'SF1234567890',
        })
      ).statusCode,
    ).toBe(404);

    const entries = await auditOf('redemption', shipId);
    expect(entries.map((e) => e.action)).toEqual(['redemption.ship']);
    expect(entries[0]).toMatchObject({
      after: { shipment: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });

    const memberView = await t.inject({
      method: 'GET',
      url: '/api/points-mall/me/redemptions',
      headers: rich.actor.headers,
    });
    expect(memberView.json<Page<RedemptionView>>().items[0].shipment).toMatchObject({
      carrier: '顺丰速运',
      status: 'SHIPPED',
    });
  });
});

describe('access', () => {
  it('refuses a store manager every gift and redemption route with 403', async () => {
    const gift = await createGift(t, operator);
    const calls: Array<['GET' | 'POST' | 'PUT', string, object?]> = [
      ['GET', '/api/admin/points-mall/gifts'],
      ['GET', `/api/admin/points-mall/gifts/${gift.id}`],
      ['POST', '/api/admin/points-mall/gifts', {}],
      ['PUT', `/api/admin/points-mall/gifts/${gift.id}`, {}],
      ['POST', `/api/admin/points-mall/gifts/${gift.id}/stock`, { delta: 1 }],
      ['GET', '/api/admin/points-mall/redemptions'],
      ['POST', '/api/admin/points-mall/redemptions/1/ship', { carrier: '顺丰速运', trackingNo: 'SF1234567890' }],
    ];
    for (const [method, url, payload] of calls) {
      expect((await admin(method, url, payload, manager)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});

/** The member's full phone, as the operator would type it from a customer's call. */
async function memberPhone(id: number): Promise<string> {
  const member = await t.app.get(MembersService).anyById(id);
  if (!member?.phone) throw new Error('member without a phone');
  return member.phone;
}
