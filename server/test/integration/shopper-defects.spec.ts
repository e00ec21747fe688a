import type {
  CouponWalletResponse,
  DropView,
  OrderView,
  Page,
  ShareFunnelView,
  StoreMemberSummary,
  VoucherListResponse,
} from '@tidepool/shared';
import { memberCodeAt, PRIVACY_TERMS_VERSION } from '@tidepool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUTH_TOKEN_SECRET } from '../../src/config/env';
import { TestClock } from '../../src/common/clock/clock.service';
import { type Actor, codeCredential, memberLogin, signedUpMember, signupToken, staffLogin } from '../support/actors';
import { uniquePhone } from '../factories';
import { member, promoter, shareToken, skus } from '../support/distribution';
import { dropSku, scheduleDrop } from '../support/drops';
import { createTestApp, type TestApp } from '../support/test-app';
import { notifyInProcess, simulatorOf, simWechatPay } from '../support/wechatpay';

/** Issue 12 defects 3, 7, 8, 9 and 10, each as the shopper (or cashier, or promoter) meets it. */

// Thursday 2026-12-03 15:17 in Shanghai (07:17 UTC).
const START = new Date('2026-12-03T07:17:00Z');
const clock = new TestClock(START);
let t: TestApp;
let operator: Actor;
let cashier: Actor;

beforeAll(async () => {
  const auth = { tokenSecret: DEV_AUTH_TOKEN_SECRET, tokenTtlSeconds: 30 * 86_400 };
  t = await createTestApp({ ...simWechatPay(), auth }, undefined, { clock });
  notifyInProcess(t);
  operator = await staffLogin(t, 'operator');
  cashier = await staffLogin(t, 'cashier.sh001');
});
afterAll(() => t.close());

const get = async <T>(who: Actor, url: string) => {
  const res = await t.inject({ method: 'GET', url, headers: who.headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};
const signup = (who: Actor, phone: string, extra: Record<string, unknown> = {}) =>
  t.inject({
    method: 'POST',
    url: '/api/members/signup',
    headers: who.headers,
    payload: { phoneCode: `dev-phone-${phone}`, consentVersion: PRIVACY_TERMS_VERSION, ...extra },
  });

describe('defect 3: one person is one visitor per share', () => {
  const visit = (who: Actor | null, token: string, visitorId?: string) =>
    t.inject({
      method: 'POST',
      url: '/api/distribution/visits',
      ...(who ? { headers: who.headers } : {}),
      payload: { token, ...(visitorId ? { visitorId } : {}) },
    });

  it('links the anonymous visit to the member after the silent login', async () => {
    const [product] = await skus(t, [5_000]);
    const p = await promoter(t, operator, 'funnel-promoter');
    const token = await shareToken(t, p, product.productId);
    const friend = await member(t, 'funnel-friend');
    const phone = 'v1a2b3c4d5e6f7a8b9c0d1e2';

    expect((await visit(null, token, phone)).json()).toMatchObject({ outcome: 'ANONYMOUS' });
    expect((await visit(friend, token, phone)).json()).toMatchObject({ outcome: 'BOUND' });
    // The same friend opening the card again that day is not a new visitor either.
    await visit(friend, token, phone);
    let funnel = (await get<Page<ShareFunnelView>>(p, '/api/distribution/me/shares')).items[0];
    expect(funnel).toMatchObject({ token, views: 1, visitors: 1 });

    // Another phone, never logged in, is a second visitor; a second look from it is not.
    await visit(null, token, 'v-other-phone-0000000001');
    await visit(null, token, 'v-other-phone-0000000001');
    funnel = (await get<Page<ShareFunnelView>>(p, '/api/distribution/me/shares')).items[0];
    expect(funnel).toMatchObject({ views: 2, visitors: 2 });

    // The next day the friend comes back: a second view, still one person.
    clock.advance(86_400_000);
    await visit(friend, token, phone);
    funnel = (await get<Page<ShareFunnelView>>(p, '/api/distribution/me/shares')).items[0];
    expect(funnel).toMatchObject({ views: 3, visitors: 2 });
    clock.set(START);
  });

  it('refuses a malformed visitor id with a code naming the field', async () => {
    const res = await visit(null, 'whatever', 'not ok!');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(res.json())).toContain('visitorId');
  });
});

describe('defect 7: the member card and the till agree on what is usable here', () => {
  it('counts the coupons the till lists (an online member has coupons, no vouchers)', async () => {
    const shopper = await signedUpMember(t, 'usable-here', uniquePhone());
    const id = (await get<{ id: number }>(shopper, '/api/me')).id;
    const issued = await t.inject({
      method: 'POST',
      url: '/api/admin/coupon-templates/FULL_99_MINUS_20/issue',
      headers: operator.headers,
      payload: { memberIds: [id], batch: 'usable-here' },
    });
    expect(issued.statusCode).toBe(200);
    const credential = await codeCredential(t, shopper);
    const res = await t.inject({
      method: 'POST',
      url: '/api/store-mode/scans',
      headers: cashier.headers,
      payload: { code: memberCodeAt(credential, clock.now().getTime()) },
    });
    expect(res.statusCode).toBe(200);
    const summary = res.json<StoreMemberSummary>();
    expect(summary.vouchers).toHaveLength(0);
    expect(summary.coupons).toHaveLength(1);
    expect(summary.usableCount).toBe(1);

    // Defect 14: after a sale with the coupon, the card read again shows the new points and no coupon left.
    const sale = await t.inject({
      method: 'POST',
      url: '/api/store-mode/purchases',
      headers: cashier.headers,
      payload: {
        scanId: summary.scanId,
        amountFen: 12_000,
        clientId: 'usable-here-sale',
        couponIds: [summary.coupons[0].id],
      },
    });
    expect(sale.statusCode).toBe(200);
    const awarded = sale.json<{ pointsAwarded: number }>().pointsAwarded;
    expect(awarded).toBeGreaterThan(0);
    const again = await t.inject({
      method: 'GET',
      url: `/api/store-mode/scans/${summary.scanId}`,
      headers: cashier.headers,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<StoreMemberSummary>()).toMatchObject({
      points: summary.points + awarded,
      coupons: [],
      usableCount: 0,
    });
    // Another store's cashier cannot read it; an unknown scan is not found.
    const other = await staffLogin(t, 'cashier.sh002');
    const foreign = await t.inject({
      method: 'GET',
      url: `/api/store-mode/scans/${summary.scanId}`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(403);
    const unknown = await t.inject({ method: 'GET', url: '/api/store-mode/scans/999999', headers: cashier.headers });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('defect 8: signup gives what the page promises', () => {
  it('gives an online signup on the birthday the birthday coupon, and no shopping bag', async () => {
    const who = await memberLogin(t, 'birthday-online');
    expect((await signup(who, uniquePhone(), { birthday: '12-03' })).statusCode).toBe(200);
    const coupons = await get<CouponWalletResponse>(who, '/api/coupons/me?status=AVAILABLE');
    expect(coupons.items.map((c) => c.name)).toEqual(['生日专享8元无门槛券']);
    expect((await get<VoucherListResponse>(who, '/api/members/me/vouchers')).items).toHaveLength(0);
    // The nightly job later that year issues nothing more (same issue key).
    expect((await signup(who, uniquePhone(), { birthday: '12-03' })).statusCode).toBe(200);
    expect((await get<CouponWalletResponse>(who, '/api/coupons/me')).items).toHaveLength(1);
  });

  it('gives a store signup the shopping bag, and no birthday coupon on another day', async () => {
    const who = await memberLogin(t, 'store-signup');
    const res = await signup(who, uniquePhone(), { birthday: '12-04', signupToken: await signupToken(t, cashier) });
    expect(res.statusCode).toBe(200);
    expect((await get<VoucherListResponse>(who, '/api/members/me/vouchers')).items.map((v) => v.title)).toEqual([
      '免费购物袋',
    ]);
    expect((await get<CouponWalletResponse>(who, '/api/coupons/me')).items).toHaveLength(0);
  });
});

describe('defect 10: a mainland mobile number', () => {
  it('refuses eleven zeros with a message that says what a number looks like, and changes nothing', async () => {
    const who = await memberLogin(t, 'zeros');
    const res = await signup(who, '00000000000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'PHONE_INVALID', message: expect.stringContaining('1 开头的 11 位') });
    const me = await get<{ signedUp: boolean }>(who, '/api/members/me');
    expect(me.signedUp).toBe(false);
    expect((await signup(who, '13912345678')).statusCode).toBe(200);
  });
});

describe('defect 9: the drop says units may come back only while some are reserved', () => {
  it('shows reserved units per item, and none once the last unit is paid', async () => {
    // Scheduled before it opens (a drop can no longer be scheduled in the past), then bought at 12:05.
    clock.set(new Date('2026-12-04T03:50:00Z')); // Friday 11:50 in Shanghai
    const sku = await dropSku(t);
    const drop = await scheduleDrop(t, operator, {
      title: '最后一件',
      recurrence: 'ONCE',
      opensAt: '2026-12-04T12:00:00+08:00',
      closesAt: '2026-12-04T13:00:00+08:00',
      items: [{ skuId: sku.id, dropPriceFen: Math.min(990, sku.priceFen - 1), cap: 1, perMemberLimit: 1 }],
    });
    clock.set(new Date('2026-12-04T04:05:00Z')); // Friday 12:05 in Shanghai
    const buyer = await signedUpMember(t, 'last-unit', uniquePhone());
    const itemId = drop.items[0].id;
    const order = await t.inject({
      method: 'POST',
      url: `/api/drops/${drop.id}/orders`,
      headers: buyer.headers,
      payload: {
        dropItemId: itemId,
        quantity: 1,
        clientOrderId: 'last-unit-1',
        fulfilment: 'PICKUP',
        pickupStoreId: 1,
      },
    });
    expect(order.statusCode).toBe(201);
    const view = () => t.inject({ method: 'GET', url: `/api/drops/${drop.id}` }).then((r) => r.json<DropView>());
    expect((await view()).items[0]).toMatchObject({ left: 0, soldOut: true, reserved: 1 });
    const pay = await t.inject({
      method: 'POST',
      url: `/api/orders/${order.json<OrderView>().id}/pay`,
      headers: buyer.headers,
    });
    await simulatorOf(t).pay(pay.json().paymentParams.package.replace('prepay_id=', ''));
    expect((await view()).items[0]).toMatchObject({ left: 0, soldOut: true, reserved: 0 });
    clock.set(START);
  });
});
