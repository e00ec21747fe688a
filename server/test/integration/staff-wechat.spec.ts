import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { staffLogin } from '../support/actors';
import { createTestApp, type TestApp } from '../support/test-app';

const clock = new TestClock(new Date('2026-11-25T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { clock });
});
afterAll(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.inject({ method: 'POST', url, payload, headers });

describe('binding a staff member’s WeChat (invite from an operator)', () => {
  it('binds once with a valid invite, then logs the cashier in with wx.login alone', async () => {
    const operator = await staffLogin(t, 'operator');
    const me = await t.inject({
      method: 'GET',
      url: '/api/me',
      headers: (await staffLogin(t, 'cashier.sh001')).headers,
    });
    const cashierId = me.json<{ id: number }>().id;

    expect((await post('/api/auth/staff-wechat-login', { code: 'dev-cashier-phone' })).json()).toMatchObject({
      code: 'STAFF_WECHAT_NOT_BOUND',
    });
    const invite = await post(`/api/admin/staff/${cashierId}/wechat-invite`, {}, operator.headers);
    expect(invite.statusCode).toBe(200);
    const { inviteCode } = invite.json<{ inviteCode: string }>();
    expect(
      (await post('/api/auth/staff-wechat-bind', { code: 'dev-cashier-phone', inviteCode: 'wrong-code-123' })).json(),
    ).toMatchObject({
      code: 'STAFF_INVITE_INVALID',
    });
    const bound = await post('/api/auth/staff-wechat-bind', { code: 'dev-cashier-phone', inviteCode });
    expect(bound.statusCode).toBe(200);
    expect(bound.json()).toMatchObject({ role: 'cashier', storeId: 1 });
    // Single use: the same invite cannot bind another WeChat account.
    expect((await post('/api/auth/staff-wechat-bind', { code: 'dev-someone-else', inviteCode })).json()).toMatchObject({
      code: 'STAFF_INVITE_INVALID',
    });
    const login = await post('/api/auth/staff-wechat-login', { code: 'dev-cashier-phone' });
    expect(login.json()).toMatchObject({ role: 'cashier', storeId: 1 });
    const who = await t.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` },
    });
    expect(who.json()).toMatchObject({ id: cashierId, role: 'cashier', storeId: 1 });
  });

  it('refuses an expired invite, one WeChat for two accounts, and non-operators', async () => {
    const operator = await staffLogin(t, 'operator');
    const cashier2 = await staffLogin(t, 'cashier.sh002');
    const id2 = (await t.inject({ method: 'GET', url: '/api/me', headers: cashier2.headers })).json<{ id: number }>()
      .id;
    expect((await post(`/api/admin/staff/${id2}/wechat-invite`, {}, cashier2.headers)).statusCode).toBe(403);
    expect((await post('/api/admin/staff/9999/wechat-invite', {}, operator.headers)).json()).toMatchObject({
      code: 'STAFF_NOT_FOUND',
    });
    const expired = (await post(`/api/admin/staff/${id2}/wechat-invite`, {}, operator.headers)).json<{
      inviteCode: string;
    }>();
    clock.advance(25 * 3600_000);
    expect(
      (await post('/api/auth/staff-wechat-bind', { code: 'dev-c2', inviteCode: expired.inviteCode })).json(),
    ).toMatchObject({
      code: 'STAFF_INVITE_INVALID',
    });
    const op2 = await staffLogin(t, 'operator');
    const fresh = (await post(`/api/admin/staff/${id2}/wechat-invite`, {}, op2.headers)).json<{ inviteCode: string }>();
    const taken = await post('/api/auth/staff-wechat-bind', {
      code: 'dev-cashier-phone',
      inviteCode: fresh.inviteCode,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'STAFF_WECHAT_ALREADY_BOUND' });
  });
});
