import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { Member } from '../../src/modules/members/member.entity';
import { AuthTokenService } from '../../src/modules/auth/auth-token.service';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  // As behind a reverse proxy on this host, so each test can speak from its own client address.
  t = await createTestApp({ trustedProxies: ['127.0.0.1'] });
});
afterAll(() => t.close());

const wechatLogin = (code: string) => t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code } });
const staffLogin = (username: string, password: string, ip = '10.0.0.1') =>
  t.inject({
    method: 'POST',
    url: '/api/auth/staff-login',
    payload: { username, password },
    headers: { 'x-forwarded-for': ip },
  });
const me = (token?: string) =>
  t.inject({ method: 'GET', url: '/api/me', headers: token ? { authorization: `Bearer ${token}` } : {} });
const members = () => t.app.get<DataSource>(getDataSourceToken()).getRepository(Member);

describe('POST /api/auth/wechat-login (dev gateway)', () => {
  it('creates the member on first login and answers a token that /api/me recognises', async () => {
    const res = await wechatLogin('dev-alice');
    expect(res.statusCode).toBe(200);
    const { accessToken } = res.json<{ accessToken: string }>();
    expect(Object.keys(res.json())).toEqual(['accessToken']);
    const who = await me(accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ role: 'member', storeId: null, displayName: null });
    const member = await members().findOneByOrFail({ id: who.json<{ id: number }>().id });
    expect(member.openid).toMatch(/^dev_/);
    expect(member.phone).toBeNull();
  });

  it('logs the same person in as the same member, and another person as another', async () => {
    const idOf = async (code: string) =>
      (await me((await wechatLogin(code)).json<{ accessToken: string }>().accessToken)).json<{ id: number }>().id;
    const first = await idOf('dev-bob');
    expect(await idOf('dev-bob')).toBe(first);
    expect(await idOf('dev-carol')).not.toBe(first);
  });

  it('creates exactly one member when the same user logs in many times at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => wechatLogin('dev-dave')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const ids = await Promise.all(results.map(async (r) => (await me(r.json().accessToken)).json().id));
    expect(new Set(ids).size).toBe(1);
    const openid = (await members().findOneByOrFail({ id: ids[0] })).openid;
    expect(await members().countBy({ openid })).toBe(1);
  });

  it('refuses a bad code and a malformed body', async () => {
    const bad = await wechatLogin('not-a-dev-code');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效，请重新登录' });
    const empty = await t.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: {} });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const extra = await t.inject({
      method: 'POST',
      url: '/api/auth/wechat-login',
      payload: { code: 'dev-x', role: 'operator' },
    });
    expect(extra.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('POST /api/auth/staff-login', () => {
  it('logs a cashier in, bound to their store', async () => {
    const res = await staffLogin('cashier.sh001', 'tidepool123');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ accessToken: string; role: string; storeId: number; displayName: string }>();
    expect(body).toMatchObject({ role: 'cashier', storeId: expect.any(Number), displayName: expect.any(String) });
    expect((await me(body.accessToken)).json()).toEqual({
      id: expect.any(Number),
      role: 'cashier',
      storeId: body.storeId,
      displayName: body.displayName,
    });
    const other = (await staffLogin('cashier.sh002', 'tidepool123')).json<{ storeId: number }>();
    expect(other.storeId).not.toBe(body.storeId);
  });

  it('logs an operator in without a store', async () => {
    const res = await staffLogin('operator', 'tidepool123');
    expect(res.json()).toMatchObject({ role: 'operator', storeId: null });
  });

  it('answers an unknown user and a wrong password identically', async () => {
    const wrong = await staffLogin('cashier.sh001', 'tidepool124', '10.0.0.2');
    const unknown = await staffLogin('nobody', 'tidepool123', '10.0.0.2');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'STAFF_LOGIN_FAILED', message: '账号或密码错误' });
    }
  });

  it('refuses further attempts after 5 failures for one username from one address', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await staffLogin('cashier.sh002', `wrong-${i}`, '10.0.0.3')).statusCode).toBe(401);
    }
    const blocked = await staffLogin('cashier.sh002', 'tidepool123', '10.0.0.3');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Until the 15-minute window of the first failure passes.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // The real cashier at another till is not locked out.
    expect((await staffLogin('cashier.sh002', 'tidepool123', '10.0.0.4')).statusCode).toBe(200);
  });

  it('counts guesses sent all at once before any of them is checked', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => staffLogin('cashier.sh001', `burst-${i}`, '10.0.0.5')),
    );
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(7);
  });

  it('treats case and surrounding spaces as the same account and the same guess budget', async () => {
    for (const spelling of ['cashier.sh001 ', 'Cashier.SH001', '  cashier.sh001   ']) {
      const res = await staffLogin(spelling, 'tidepool123', '10.0.0.6');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ role: 'cashier', displayName: '南京西路店收银员' });
    }
    // Five wrong guesses spread over spellings spend one budget; the right password is then refused too.
    const spellings = ['cashier.sh002', 'cashier.sh002 ', 'cashier.sh002  ', 'CASHIER.sh002', ' cashier.sh002'];
    for (const spelling of spellings) {
      expect((await staffLogin(spelling, 'wrong', '10.0.0.7')).statusCode).toBe(401);
    }
    for (const spelling of [...spellings, 'cashier.sh002   ']) {
      expect((await staffLogin(spelling, 'tidepool123', '10.0.0.7')).statusCode).toBe(429);
    }
    expect((await staffLogin('   ', 'tidepool123', '10.0.0.7')).json()).toMatchObject({ code: 'STAFF_LOGIN_FAILED' });
  });
});

describe('GET /api/me and bearer tokens', () => {
  it('answers 401 UNAUTHENTICATED without, with a garbled, a forged or an expired token', async () => {
    const secret = t.config.auth.tokenSecret;
    const past = new AuthTokenService(
      { auth: { tokenSecret: secret, tokenTtlSeconds: 60 } },
      new TestClock(new Date(Date.now() - 3600_000)),
    ).sign({ id: 1, role: 'operator', storeId: null });
    const forged = new AuthTokenService(
      { auth: { tokenSecret: 'f'.repeat(40), tokenTtlSeconds: 60 } },
      new TestClock(new Date()),
    ).sign({ id: 1, role: 'operator', storeId: null });
    for (const headers of [
      {},
      { authorization: 'Bearer nonsense' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${past}` },
      { authorization: 'Basic b3BlcmF0b3I6dGlkZXBvb2wxMjM=' },
    ]) {
      const res = await t.inject({ method: 'GET', url: '/api/me', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    }
  });

  it('answers 401 for a valid token whose member no longer exists', async () => {
    const token = t.app.get(AuthTokenService).sign({ id: 999_999, role: 'member', storeId: null });
    expect((await me(token)).statusCode).toBe(401);
  });
});
