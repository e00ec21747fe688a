import type {
  ClaimCouponResponse,
  CouponCentreResponse,
  CouponProductsResponse,
  CouponWalletResponse,
} from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { CouponTemplate } from '../../src/modules/coupons/coupon-template.entity';
import { MemberCoupon } from '../../src/modules/coupons/member-coupon.entity';
import { Category } from '../../src/modules/catalog/category.entity';
import { type Actor, memberLogin, signedUpMember, staffLogin } from '../support/actors';
import { uniquePhone } from '../factories';
import { ds } from '../support/distribution';
import { createTestApp, type TestApp } from '../support/test-app';

/** 领券中心: operator marks templates claimable; members claim within limits and stock; 去使用 lists the products. */

const clock = new TestClock(new Date('2026-12-03T02:01:00Z')); // 10:01 in Shanghai
let t: TestApp;
let operator: Actor;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

const newMember = () => signedUpMember(t, `centre-${++serial}`, uniquePhone());

async function template(body: Record<string, unknown>): Promise<CouponTemplate> {
  const code = `CENTRE_T${++serial}`;
  const res = await t.inject({
    method: 'POST',
    url: '/api/admin/coupon-templates',
    headers: operator.headers,
    payload: {
      code,
      name: '满50减10',
      kind: 'AMOUNT_OFF',
      amountOffFen: 1000,
      thresholdFen: 5000,
      scope: { kind: 'ALL' },
      stacking: 'EXCLUSIVE',
      validDays: 7,
      ...body,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<CouponTemplate>();
}

const setClaim = (code: string, payload: Record<string, unknown>) =>
  t.inject({ method: 'PUT', url: `/api/admin/coupon-templates/${code}/claim`, headers: operator.headers, payload });
const claim = (who: Actor, templateId: number) =>
  t.inject({ method: 'POST', url: `/api/coupon-centre/${templateId}/claim`, headers: who.headers });
const centre = async (who: Actor) =>
  (await t.inject({ method: 'GET', url: '/api/coupon-centre', headers: who.headers })).json<CouponCentreResponse>();
const countOf = (templateId: number) => ds(t).getRepository(MemberCoupon).countBy({ templateId });
const claimedCount = async (templateId: number) =>
  (await ds(t).getRepository(CouponTemplate).findOneByOrFail({ id: templateId })).claimedCount;

describe('marking templates claimable', () => {
  it('lists only claimable templates, with stock and the member’s state', async () => {
    const tpl = await template({});
    const member = await newMember();
    expect((await centre(member)).items.find((i) => i.templateId === tpl.id)).toBeUndefined();
    const res = await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: tpl.code, claimable: true, perMemberLimit: 1, totalStock: 5, claimed: 0 });
    expect((await centre(member)).items.find((i) => i.templateId === tpl.id)).toMatchObject({
      label: '满50减10',
      remaining: 5,
      claimedByMe: 0,
      state: 'CLAIMABLE',
      validDays: 7,
    });
  });

  it('refuses bad settings with a code naming the field, and changes nothing', async () => {
    const tpl = await template({});
    for (const payload of [
      { claimable: true, perMemberLimit: 0, totalStock: 5 },
      { claimable: true, perMemberLimit: 1, totalStock: 0 },
      { claimable: 'yes', perMemberLimit: 1, totalStock: 5 },
      { claimable: true, perMemberLimit: 1, totalStock: 'many' },
      { claimable: true, perMemberLimit: 1 },
    ]) {
      const res = await setClaim(tpl.code, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await setClaim('NO_SUCH_CODE', { claimable: true, perMemberLimit: 1, totalStock: 1 })).statusCode).toBe(
      404,
    );
    expect((await ds(t).getRepository(CouponTemplate).findOneByOrFail({ id: tpl.id })).claimable).toBe(false);

    // Stock never below what was claimed.
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 3 });
    await claim(await newMember(), tpl.id);
    await claim(await newMember(), tpl.id);
    const below = await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 1 });
    expect(below.statusCode).toBe(400);
    expect(below.json().details).toEqual([expect.objectContaining({ field: 'totalStock' })]);
    expect(await ds(t).getRepository(CouponTemplate).findOneByOrFail({ id: tpl.id })).toMatchObject({
      claimTotal: 3,
      claimedCount: 2,
    });
  });

  it('needs an operator', async () => {
    const tpl = await template({});
    const member = await newMember();
    const res = await t.inject({
      method: 'PUT',
      url: `/api/admin/coupon-templates/${tpl.code}/claim`,
      headers: member.headers,
      payload: { claimable: true, perMemberLimit: 1, totalStock: 5 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('claiming', () => {
  it('puts the coupon in the wallet once; a second claim is refused with a clear code and changes nothing', async () => {
    const tpl = await template({ name: '领券中心专享', validDays: 3 });
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 10 });
    const member = await newMember();
    const first = await claim(member, tpl.id);
    expect(first.statusCode).toBe(200);
    const body = first.json<ClaimCouponResponse>();
    expect(body.coupon).toMatchObject({
      name: '领券中心专享',
      status: 'AVAILABLE',
      validFrom: '2026-12-03T02:01:00.000Z',
      validUntil: '2026-12-06T02:01:00.000Z',
    });
    expect(body.item).toMatchObject({ state: 'CLAIMED', claimedByMe: 1, remaining: 9 });
    const wallet = (
      await t.inject({ method: 'GET', url: '/api/coupons/me', headers: member.headers })
    ).json<CouponWalletResponse>();
    expect(wallet.items.map((c) => c.id)).toEqual([body.coupon.id]);

    const again = await claim(member, tpl.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'COUPON_CLAIM_LIMIT', message: '你已领取过该券' });
    expect(await countOf(tpl.id)).toBe(1);
    expect(await claimedCount(tpl.id)).toBe(1);
  });

  it('lets a member claim up to the per-member limit', async () => {
    const tpl = await template({});
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 2, totalStock: null });
    const member = await newMember();
    expect((await claim(member, tpl.id)).json<ClaimCouponResponse>().item).toMatchObject({
      state: 'CLAIMABLE',
      claimedByMe: 1,
      remaining: null,
    });
    expect((await claim(member, tpl.id)).statusCode).toBe(200);
    expect((await claim(member, tpl.id)).json()).toMatchObject({ code: 'COUPON_CLAIM_LIMIT' });
    expect(await countOf(tpl.id)).toBe(2);
  });

  it('gives the last unit to exactly one of many parallel claimants', async () => {
    const tpl = await template({});
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 1 });
    const members = await Promise.all(Array.from({ length: 8 }, () => newMember()));
    const answers = await Promise.all(members.map((m) => claim(m, tpl.id)));
    const codes = answers.map((a) => (a.statusCode === 200 ? 'OK' : a.json<{ code: string }>().code)).sort();
    expect(codes).toEqual(['COUPON_CLAIM_SOLD_OUT', ...Array(6).fill('COUPON_CLAIM_SOLD_OUT'), 'OK'].sort());
    expect(await countOf(tpl.id)).toBe(1);
    expect(await claimedCount(tpl.id)).toBe(1);
    const loser = members[answers.findIndex((a) => a.statusCode !== 200)];
    expect((await centre(loser)).items.find((i) => i.templateId === tpl.id)).toMatchObject({
      state: 'SOLD_OUT',
      remaining: 0,
    });
  });

  it('claims once when the same member taps twice at once', async () => {
    const tpl = await template({});
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 100 });
    const member = await newMember();
    const answers = await Promise.all([claim(member, tpl.id), claim(member, tpl.id), claim(member, tpl.id)]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 200)) {
      expect(a.json()).toMatchObject({ code: 'COUPON_CLAIM_LIMIT' });
    }
    expect(await countOf(tpl.id)).toBe(1);
    expect(await claimedCount(tpl.id)).toBe(1);
  });

  it('refuses templates not in the centre, visitors and bad ids', async () => {
    const hidden = await template({});
    const member = await newMember();
    expect((await claim(member, hidden.id)).json()).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE' });
    expect((await claim(member, 999_999)).statusCode).toBe(404);
    expect((await claim(member, 'abc' as unknown as number)).statusCode).toBe(400);
    const open = await template({});
    await setClaim(open.code, { claimable: true, perMemberLimit: 1, totalStock: 5 });
    const visitor = await memberLogin(t, `centre-visitor-${++serial}`);
    const refused = await claim(visitor, open.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'NOT_SIGNED_UP' });
    // Taken out of the centre: listed no more, claims refused; claimed coupons stay.
    await claim(member, open.id);
    await setClaim(open.code, { claimable: false, perMemberLimit: 1, totalStock: 5 });
    expect((await claim(await newMember(), open.id)).json()).toMatchObject({ code: 'COUPON_NOT_CLAIMABLE' });
    expect((await centre(member)).items.find((i) => i.templateId === open.id)).toBeUndefined();
    expect(await countOf(open.id)).toBe(1);
    expect(await claimedCount(open.id)).toBe(1);
  });
});

describe('去使用', () => {
  it('lists the products a coupon applies to; another member’s coupon is not found', async () => {
    const categories = await ds(t)
      .getRepository(Category)
      .find({ order: { id: 'ASC' } });
    const snacks = categories.find((c) => c.name === '休闲零食')!;
    const tpl = await template({
      name: '零食满30减5',
      thresholdFen: 3000,
      amountOffFen: 500,
      scope: { kind: 'CATEGORIES', categoryIds: [snacks.id] },
    });
    await setClaim(tpl.code, { claimable: true, perMemberLimit: 1, totalStock: 5 });
    const member = await newMember();
    const coupon = (await claim(member, tpl.id)).json<ClaimCouponResponse>().coupon;
    const res = await t.inject({
      method: 'GET',
      url: `/api/coupons/me/${coupon.id}/products?page=1&pageSize=50`,
      headers: member.headers,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json<CouponProductsResponse>();
    expect(page.coupon.id).toBe(coupon.id);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((p) => p.categoryId === snacks.id)).toBe(true);

    const all = await template({});
    await setClaim(all.code, { claimable: true, perMemberLimit: 1, totalStock: 5 });
    const allCoupon = (await claim(member, all.id)).json<ClaimCouponResponse>().coupon;
    const everything = (
      await t.inject({ method: 'GET', url: `/api/coupons/me/${allCoupon.id}/products`, headers: member.headers })
    ).json<CouponProductsResponse>();
    expect(everything.total).toBeGreaterThan(page.total);

    const stranger = await newMember();
    const foreign = await t.inject({
      method: 'GET',
      url: `/api/coupons/me/${coupon.id}/products`,
      headers: stranger.headers,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'COUPON_NOT_FOUND' });
  });
});
