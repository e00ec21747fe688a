import type { PromoterMeView } from '@tidepool/shared';
import type { Actor } from '../support/actors';
import type { TestApp } from '../support/test-app';
import { createMember, type MemberActor } from './member.factory';

export type PromoterActor = MemberActor & { promoterId: number; inviteToken: string };

/** A signed-up member who applied (optionally with an invite token) and was approved by the operator. */
export async function createPromoter(
  t: TestApp,
  operator: Actor,
  name?: string,
  inviteToken?: string,
): Promise<PromoterActor> {
  const m = await createMember(t, { name });
  const nickname = name ?? `推手${m.id}`;
  const applied = await t.inject({
    method: 'POST',
    url: '/api/distribution/apply',
    headers: m.headers,
    payload: { nickname, ...(inviteToken ? { inviteToken } : {}) },
  });
  if (applied.statusCode !== 200) throw new Error(`apply ${nickname}: ${applied.statusCode} ${applied.body}`);
  const me = applied.json<PromoterMeView>();
  if (me.status !== 'APPROVED') {
    const res = await t.inject({
      method: 'POST',
      url: `/api/admin/distribution/promoters/${me.promoterId}/approve`,
      headers: operator.headers,
    });
    if (res.statusCode !== 200) throw new Error(`approve ${nickname}: ${res.statusCode} ${res.body}`);
  }
  const after = (
    await t.inject({ method: 'GET', url: '/api/distribution/me', headers: m.headers })
  ).json<PromoterMeView>();
  return { ...m, promoterId: after.promoterId!, inviteToken: after.inviteToken! };
}
