import type { AdminGiftView, CreateGiftRequest, RedemptionView } from '@tidepool/shared';
import { LoyaltyService } from '../../src/modules/loyalty/loyalty.service';
import { type Actor, signedUpMember } from './actors';
import type { TestApp } from './test-app';

/** Helpers for points-mall tests: gifts made by the operator, members with points, redemption requests. */
export async function createGift(
  t: TestApp,
  operator: Actor,
  overrides: Partial<CreateGiftRequest> = {},
): Promise<AdminGiftView> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/admin/points-mall/gifts',
    headers: operator.headers,
    payload: {
      name: '测试礼品',
      description: '测试用',
      imageUrl: '/static/demo/gifts/mug.svg',
      pointsPrice: 100,
      stock: 10,
      fulfilments: ['PICKUP'],
      active: true,
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create gift: ${res.statusCode} ${res.body}`);
  return res.json<AdminGiftView>();
}

export async function memberId(t: TestApp, actor: Actor): Promise<number> {
  return (await t.inject({ method: 'GET', url: '/api/me', headers: actor.headers })).json<{ id: number }>().id;
}

let phoneSeq = 0;

/** A signed-up member holding `points` (earned through the ledger, as a purchase would). */
export async function memberWithPoints(
  t: TestApp,
  name: string,
  points: number,
): Promise<{ actor: Actor; id: number }> {
  phoneSeq++;
  const actor = await signedUpMember(
    t,
    name,
    `139${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`,
  );
  const id = await memberId(t, actor);
  if (points > 0) {
    await t.app
      .get(LoyaltyService)
      .earn(id, { sourceType: 'order', sourceId: `seed-${id}`, points, reason: '购物获得积分' });
  }
  return { actor, id };
}

export function redeem(t: TestApp, actor: Actor, payload: Record<string, unknown>): ReturnType<TestApp['inject']> {
  return t.inject({ method: 'POST', url: '/api/points-mall/redemptions', headers: actor.headers, payload });
}

export async function myRedemptions(t: TestApp, actor: Actor): Promise<RedemptionView[]> {
  const res = await t.inject({ method: 'GET', url: '/api/points-mall/me/redemptions', headers: actor.headers });
  return res.json<{ items: RedemptionView[] }>().items;
}

let requestSeq = 0;
export const requestId = () => `req-${Date.now().toString(36)}-${++requestSeq}`;
