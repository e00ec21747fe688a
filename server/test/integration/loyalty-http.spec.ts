import type { Page, PointsBalanceResponse, PointsHistoryEntry, TierResponse } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { type Actor, memberLogin, signedUpMember, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

// 2026-12-10 10:00 in Shanghai: points earned in 2025 expire at the end of this year, within 30 days.
const NOW = new Date('2026-12-10T02:00:00Z');
const clock = new TestClock(NOW);
let t: TestApp;
let loyalty: LoyaltyService;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  loyalty = t.app.get(LoyaltyService);
});
afterAll(() => t.close());

const idOf = async (actor: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/me', headers: actor.headers })).json<{ id: number }>().id;
const get = async <T>(actor: Actor, url: string) => {
  const res = await t.inject({ method: 'GET', url, headers: actor.headers });
  return { status: res.statusCode, body: res.json<T>() };
};

describe('GET /api/loyalty/me/points', () => {
  it('shows a new member zero and nothing expiring', async () => {
    const m = await memberLogin(t, 'points-zero');
    expect(await get(m, '/api/loyalty/me/points')).toEqual({
      status: 200,
      body: { available: 0, debt: 0, expiringSoon: null },
    });
  });

  it('shows the balance, the debt and the points expiring soonest, for the caller only', async () => {
    const m = await signedUpMember(t, 'points-a', '13800001001');
    const other = await signedUpMember(t, 'points-b', '13800001002');
    const id = await idOf(m);
    const soon = new Date('2026-12-31T16:00:00Z');
    await loyalty.earn(id, {
      sourceType: 'order',
      sourceId: 'h-1',
      points: 120,
      reason: '购物获得积分',
      expiresAt: soon,
    });
    await loyalty.earn(id, { sourceType: 'pos_sale', sourceId: 'h-2', points: 300, reason: '门店消费获得积分' });
    await loyalty.redeem(id, {
      sourceType: 'gift_redemption',
      sourceId: 'h-3',
      points: 20,
      reason: '兑换礼品：帆布袋',
    });
    expect((await get<PointsBalanceResponse>(m, '/api/loyalty/me/points')).body).toEqual({
      available: 400,
      debt: 0,
      expiringSoon: { points: 100, at: soon.toISOString() },
    });
    expect((await get(other, '/api/loyalty/me/points')).body).toMatchObject({ available: 0 });

    const history = await get<Page<PointsHistoryEntry>>(m, '/api/loyalty/me/points/history?pageSize=2');
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ total: 3, page: 1, pageSize: 2, hasMore: true });
    expect(history.body.items).toEqual([
      expect.objectContaining({ kind: 'REDEEM', points: -20, reason: '兑换礼品：帆布袋', availableAfter: 400 }),
      expect.objectContaining({ kind: 'EARN', points: 300, reason: '门店消费获得积分', availableAfter: 420 }),
    ]);
    expect(history.body.items[0]?.createdAt).toBe(NOW.toISOString());
    const page2 = await get<Page<PointsHistoryEntry>>(m, '/api/loyalty/me/points/history?page=2&pageSize=2');
    expect(page2.body).toMatchObject({ hasMore: false, items: [{ kind: 'EARN', points: 120 }] });
    expect((await get<Page<PointsHistoryEntry>>(other, '/api/loyalty/me/points/history')).body.total).toBe(0);
  });

  it('refuses a bad page and staff callers', async () => {
    const m = await memberLogin(t, 'points-bad');
    for (const q of ['page=0', 'pageSize=51', 'page=1.5', 'pageSize=-1', 'page=abc']) {
      const res = await get<{ code: string }>(m, `/api/loyalty/me/points/history?${q}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    const cashier = await staffLogin(t, 'cashier.sh001');
    expect((await get(cashier, '/api/loyalty/me/points')).status).toBe(403);
  });
});

describe('GET /api/loyalty/me/tier', () => {
  it('shows progress to the next tier and the benefits table', async () => {
    const m = await signedUpMember(t, 'tier-a', '13800001003');
    await loyalty.addGrowth(await idOf(m), { sourceType: 'order', sourceId: 'tier-1', growth: 4500, reason: '购物' });
    const { status, body } = await get<TierResponse>(m, '/api/loyalty/me/tier');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      growth: 4500,
      tier: { code: 'SILVER', name: '银卡' },
      nextTier: { code: 'GOLD', name: '金卡', minGrowth: 6000 },
      growthToNextTier: 1500,
      progressPermille: 500,
    });
    expect(
      body.benefits.map((b) => [b.code, b.pointsPerYuanTenths, b.memberDayDiscountFen, b.priorityDropAccess]),
    ).toEqual([
      ['NORMAL', 10, 600, false],
      ['SILVER', 15, 800, false],
      ['GOLD', 20, 1000, true],
    ]);
    expect(body.benefits.every((b) => b.birthdayPointsMultiplier === 2 && b.birthdayCouponFen === 800)).toBe(true);
  });

  it('shows the top tier complete', async () => {
    const m = await signedUpMember(t, 'tier-gold', '13800001004');
    await loyalty.addGrowth(await idOf(m), { sourceType: 'order', sourceId: 'tier-2', growth: 9000, reason: '购物' });
    expect((await get<TierResponse>(m, '/api/loyalty/me/tier')).body).toMatchObject({
      tier: { code: 'GOLD' },
      nextTier: null,
      growthToNextTier: 0,
      progressPermille: 1000,
    });
  });
});
