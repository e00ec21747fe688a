import { getDataSourceToken } from '@nestjs/typeorm';
import { memberCodeAt, PRIVACY_TERMS_VERSION, type MemberCenterResponse } from '@tidepool/shared';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Sku } from '../../src/modules/catalog/sku.entity';
import { Member } from '../../src/modules/members/member.entity';
import { MemberVoucher } from '../../src/modules/members/voucher.entity';
import { Order } from '../../src/modules/orders/order.entity';
import { type Actor, codeCredential, memberLogin, signedUpMember, signupToken, staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

// Wednesday 2026-11-25, 10:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-25T02:00:00Z'));
let t: TestApp;
let cashier1: Actor;
let operator: Actor;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
  cashier1 = await staffLogin(t, 'cashier.sh001');
  operator = await staffLogin(t, 'operator');
});
afterAll(() => t.close());

const ds = () => t.app.get<DataSource>(getDataSourceToken());
const card = async (member: Actor) => {
  const res = await t.inject({ method: 'GET', url: '/api/members/me', headers: member.headers });
  expect(res.statusCode).toBe(200);
  return res.json<MemberCenterResponse>();
};
const signup = (member: Actor, payload: Record<string, unknown>) =>
  t.inject({ method: 'POST', url: '/api/members/signup', headers: member.headers, payload });
const memberRow = async (member: Actor) => {
  const me = await t.inject({ method: 'GET', url: '/api/me', headers: member.headers });
  return ds().getRepository(Member).findOneByOrFail({ id: me.json<{ id: number }>().id });
};

describe('signup (成为会员)', () => {
  it('shows a visitor an empty card until they sign up', async () => {
    const visitor = await memberLogin(t, 'visitor-1');
    expect(await card(visitor)).toMatchObject({
      signedUp: false,
      phoneMasked: null,
      tier: { code: 'NORMAL', name: '普卡' },
      growth: 0,
      points: 0,
      couponCount: 0,
      nextTier: { code: 'SILVER', minGrowth: 3000 },
      growthToNextTier: 3000,
      tierProgressPermille: 0,
    });
  });

  it('refuses without the current consent, a bad birthday, a bad phone code or an unknown store code, changing nothing', async () => {
    const m = await memberLogin(t, 'careful');
    const base = { phoneCode: 'dev-phone-13900000001', consentVersion: PRIVACY_TERMS_VERSION };
    const noConsent = await signup(m, { ...base, consentVersion: '2020-01-01' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ code: 'CONSENT_REQUIRED' });
    const badBirthday = await signup(m, { ...base, birthday: '02-30' });
    expect(badBirthday.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const badPhone = await signup(m, { ...base, phoneCode: 'forged' });
    expect(badPhone.json()).toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    const badStore = await signup(m, { ...base, signupToken: 'NoSuchToken123' });
    expect(badStore.statusCode).toBe(404);
    expect(badStore.json()).toMatchObject({ code: 'SIGNUP_CODE_NOT_FOUND' });
    const row = await memberRow(m);
    expect(row).toMatchObject({ signedUpAt: null, phone: null, consentVersion: null, birthday: null });
    expect(await ds().getRepository(MemberVoucher).countBy({ memberId: row.id })).toBe(0);
  });

  it('signs up in store: consent recorded, store attributed, one shopping-bag voucher, idempotent under a rush', async () => {
    const token = await signupToken(t, cashier1);
    const m = await memberLogin(t, 'in-store');
    const payload = {
      phoneCode: 'dev-phone-13900000002',
      consentVersion: PRIVACY_TERMS_VERSION,
      birthday: '05-20',
      signupToken: token,
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => signup(m, payload)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const c = results[0].json<MemberCenterResponse>();
    expect(c).toMatchObject({
      signedUp: true,
      phoneMasked: '139****0002',
      birthday: '05-20',
      signupStoreName: '上海南京西路店',
      couponCount: 1,
    });
    const row = await memberRow(m);
    expect(row).toMatchObject({ phone: '13900000002', consentVersion: PRIVACY_TERMS_VERSION, signupStoreId: 1 });
    expect(row.consentedAt?.toISOString()).toBe(clock.now().toISOString());
    const vouchers = await ds().getRepository(MemberVoucher).findBy({ memberId: row.id });
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]).toMatchObject({ kind: 'SIGNUP_GIFT', title: '免费购物袋', status: 'AVAILABLE' });
    // A later retry with a fresh phone code changes nothing.
    const again = await signup(m, { ...payload, phoneCode: 'dev-phone-13900000099' });
    expect(again.statusCode).toBe(200);
    expect((await memberRow(m)).phone).toBe('13900000002');
  });

  it('attributes a staff code to the staff member too; an online signup gets no in-store gift', async () => {
    const staffToken = await signupToken(t, cashier1, 1, true);
    const info = await t.inject({ method: 'GET', url: `/api/signup-codes/${staffToken}` });
    expect(info.json()).toEqual({ token: staffToken, storeName: '上海南京西路店', staffName: expect.any(String) });
    const viaStaff = await signedUpMember(t, 'via-staff', '13900000003', { signupToken: staffToken });
    const row = await memberRow(viaStaff);
    expect(row.signupStoreId).toBe(1);
    expect(row.signupStaffId).not.toBeNull();
    const online = await signedUpMember(t, 'online', '13900000004');
    expect(await card(online)).toMatchObject({ signedUp: true, couponCount: 0, signupStoreName: null });
  });

  it('one phone belongs to one member', async () => {
    await signedUpMember(t, 'phone-owner', '13900000005');
    const other = await memberLogin(t, 'phone-thief');
    const res = await signup(other, { phoneCode: 'dev-phone-13900000005', consentVersion: PRIVACY_TERMS_VERSION });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PHONE_IN_USE' });
    expect((await memberRow(other)).signedUpAt).toBeNull();
  });

  it('lets a birthday be set once and never changed by the member', async () => {
    const m = await signedUpMember(t, 'no-birthday', '13900000006');
    const set = (birthday: string) =>
      t.inject({ method: 'PUT', url: '/api/members/me/birthday', headers: m.headers, payload: { birthday } });
    expect((await set('13-01')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await set('07-07')).json()).toMatchObject({ birthday: '07-07' });
    expect((await set('07-07')).statusCode).toBe(200); // the same request again
    const change = await set('08-08');
    expect(change.statusCode).toBe(409);
    expect(change.json()).toMatchObject({ code: 'BIRTHDAY_ALREADY_SET' });
    expect((await memberRow(m)).birthday).toBe('07-07');
  });
});

describe('signup codes', () => {
  it('are stable per store, public to resolve, and only a cashier of that store (or an operator) may print them', async () => {
    const first = await t.inject({ method: 'GET', url: '/api/stores/1/signup-code', headers: cashier1.headers });
    const second = await t.inject({ method: 'GET', url: '/api/stores/1/signup-code', headers: operator.headers });
    expect(first.statusCode).toBe(200);
    const body = first.json<{ token: string; imageDataUrl: string; h5Url: string; page: string }>();
    expect(body.token).toMatch(/^[A-Za-z0-9]{1,32}$/);
    expect(second.json<{ token: string }>().token).toBe(body.token);
    expect(body.imageDataUrl).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(body.h5Url).toBe(`/packages/member/pages/signup/index?token=${body.token}`);
    const otherStore = await t.inject({ method: 'GET', url: '/api/stores/2/signup-code', headers: cashier1.headers });
    expect(otherStore.statusCode).toBe(403);
    expect(
      (await t.inject({ method: 'GET', url: '/api/stores/2/signup-code', headers: operator.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: '/api/stores/99/signup-code', headers: operator.headers })).json(),
    ).toMatchObject({ code: 'STORE_NOT_FOUND' });
    const unknown = await t.inject({ method: 'GET', url: '/api/signup-codes/Nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SIGNUP_CODE_NOT_FOUND' });
    const member = await memberLogin(t, 'curious');
    expect(
      (await t.inject({ method: 'GET', url: '/api/stores/1/signup-code', headers: member.headers })).statusCode,
    ).toBe(403);
  });
});

describe('member center (我的)', () => {
  it('hints the member day on Wednesday in Shanghai, until Thursday 00:00 there', async () => {
    const m = await signedUpMember(t, 'wednesday', '13900000007');
    clock.set(new Date('2026-11-25T15:59:00Z')); // Wednesday 23:59 Shanghai
    expect((await card(m)).memberDay).toEqual({ today: true, hint: '今天是会员日：普卡会员满¥68立减¥6' });
    clock.set(new Date('2026-11-25T16:00:00Z')); // Thursday 00:00 Shanghai, still Wednesday in UTC
    expect((await card(m)).memberDay).toEqual({ today: false, hint: null });
    clock.set(new Date('2026-11-25T02:00:00Z'));
  });
});

describe('personal data (PIPL)', () => {
  it('exports the member’s data and deletes the account by anonymising it', async () => {
    const token = await signupToken(t, cashier1);
    const m = await signedUpMember(t, 'leaving', '13900000008', { signupToken: token, birthday: '01-02' });
    const exported = await t.inject({ method: 'GET', url: '/api/members/me/export', headers: m.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toMatchObject({
      member: {
        phone: '13900000008',
        birthday: '01-02',
        consentVersion: PRIVACY_TERMS_VERSION,
        signupStoreName: '上海南京西路店',
      },
      vouchers: [{ title: '免费购物袋', status: 'AVAILABLE' }],
    });
    const id = (await memberRow(m)).id;
    const asOperator = await t.inject({ method: 'GET', url: `/api/admin/members/${id}`, headers: operator.headers });
    expect(asOperator.json()).toMatchObject({ id, phoneMasked: '139****0008' });
    expect(asOperator.body).not.toContain('13900000008');

    // An order with a delivery address: the orders module erases it when the account goes (its registered hook).
    const sku = await ds()
      .getRepository(Sku)
      .findOneOrFail({ where: {}, order: { id: 'ASC' } });
    const lines = [{ skuId: sku.id, quantity: 1 }];
    const quote = await t.inject({ method: 'POST', url: '/api/orders/quote', headers: m.headers, payload: { lines } });
    const ordered = await t.inject({
      method: 'POST',
      url: '/api/orders',
      headers: m.headers,
      payload: {
        clientOrderId: 'leaving-1',
        lines,
        couponIds: [],
        expectedPayableFen: quote.json<{ payableFen: number }>().payableFen,
        fulfilment: 'SHIP',
        address: { recipientName: '张三', phone: '13900000008', region: '上海市 静安区', detail: '南京西路 1 号' },
      },
    });
    expect(ordered.statusCode).toBe(200);
    const orderId = ordered.json<{ id: number }>().id;
    expect((await ds().getRepository(Order).findOneByOrFail({ id: orderId })).address).not.toBeNull();

    const del = await t.inject({ method: 'DELETE', url: '/api/members/me', headers: m.headers });
    expect(del.statusCode).toBe(204);
    expect((await ds().getRepository(Order).findOneByOrFail({ id: orderId })).address).toBeNull();
    const row = await ds().getRepository(Member).findOneByOrFail({ id });
    expect(row).toMatchObject({ phone: null, birthday: null, unionid: null, codeHandle: null, codeSecret: null });
    expect(row.openid).toBe(`deleted:${id}`);
    expect(row.deletedAt).not.toBeNull();
    expect((await t.inject({ method: 'GET', url: '/api/members/me', headers: m.headers })).statusCode).toBe(401);
    expect(
      (await t.inject({ method: 'GET', url: `/api/admin/members/${id}`, headers: operator.headers })).statusCode,
    ).toBe(404);
    // The voucher stays (ledger-like rows keep the pseudonymous id); the phone is free again.
    expect(await ds().getRepository(MemberVoucher).countBy({ memberId: id })).toBe(1);
    const back = await memberLogin(t, 'leaving');
    expect(await card(back)).toMatchObject({ signedUp: false });
    await signup(back, { phoneCode: 'dev-phone-13900000008', consentVersion: PRIVACY_TERMS_VERSION });
    expect((await card(back)).phoneMasked).toBe('139****0008');
  });

  it('answers 404 for an unknown member and never another member’s data', async () => {
    expect(
      (await t.inject({ method: 'GET', url: '/api/admin/members/999999', headers: operator.headers })).json(),
    ).toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    expect((await t.inject({ method: 'GET', url: '/api/admin/members/1', headers: cashier1.headers })).statusCode).toBe(
      403,
    );
  });
});

describe('member code credential', () => {
  it('is refused before signup and replaced on every provisioning', async () => {
    const visitor = await memberLogin(t, 'code-visitor');
    const res = await t.inject({ method: 'POST', url: '/api/members/me/code-credential', headers: visitor.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'NOT_SIGNED_UP' });
    const m = await signedUpMember(t, 'code-owner', '13900000009');
    const first = await codeCredential(t, m);
    expect(first).toMatchObject({ stepSeconds: 30, serverTime: clock.now().toISOString() });
    expect(first.handle).toMatch(/^[1-9]\d{9}$/);
    expect(first.secret).toMatch(/^[0-9a-f]{40}$/);
    const second = await codeCredential(t, m);
    expect(second.handle).not.toBe(first.handle);
    const row = await memberRow(m);
    expect(first.handle).not.toContain(String(row.id).padStart(4, '0'));
    expect(memberCodeAt(first, clock.now().getTime())).not.toContain('13900000009');
  });
});
