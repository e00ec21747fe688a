import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WechatAccessToken } from '../../src/modules/wechat/wechat-access-token.entity';
import { WechatGateway } from '../../src/modules/wechat/wechat.gateway';
import { FakeWechat } from '../support/fake-wechat';
import { createTestApp, createTestDatabase, type TestApp } from '../support/test-app';
import { httpWechat } from '../support/wechat-http';

let fake: FakeWechat;
beforeAll(async () => {
  fake = await new FakeWechat().start();
});
afterAll(() => fake.close());

const gatewayOf = (t: TestApp) => t.app.get(WechatGateway);
const tokenRow = (t: TestApp) =>
  t.app.get<DataSource>(getDataSourceToken()).getRepository(WechatAccessToken).findOneByOrFail({ appid: fake.appId });

describe('HttpWechatGateway: code2Session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(httpWechat(fake));
  });
  afterAll(() => t.close());

  it('exchanges a code for openid, unionid and session key', async () => {
    fake.addLoginCode('c-ok', { openid: 'o-1', unionid: 'u-1', session_key: 'sk-1' });
    await expect(gatewayOf(t).code2Session('c-ok')).resolves.toEqual({
      openid: 'o-1',
      unionid: 'u-1',
      sessionKey: 'sk-1',
    });
  });

  it('maps 40029 (invalid code) and 40163 (code used)', async () => {
    await expect(gatewayOf(t).code2Session('never-issued')).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    fake.addLoginCode('c-once', { openid: 'o-2', session_key: 'sk-2' });
    await gatewayOf(t).code2Session('c-once');
    await expect(gatewayOf(t).code2Session('c-once')).rejects.toMatchObject({ code: 'WECHAT_CODE_USED' });
  });

  it('maps 45011 to RATE_LIMITED and other errcodes to SERVICE_UNAVAILABLE', async () => {
    fake.addLoginCode('c-busy', { openid: 'o-3', session_key: 'sk-3' });
    fake.failNext.jscode2session = [45011, -1];
    await expect(gatewayOf(t).code2Session('c-busy')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await expect(gatewayOf(t).code2Session('c-busy')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(gatewayOf(t).code2Session('c-busy')).resolves.toMatchObject({ openid: 'o-3' });
  });

  it('answers SERVICE_UNAVAILABLE when WeChat cannot be reached', async () => {
    const down = await createTestApp(httpWechat(fake, 'http://127.0.0.1:1'));
    try {
      await expect(gatewayOf(down).code2Session('c-x')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });
});

describe('HttpWechatGateway: phone number and the shared access token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(httpWechat(fake));
    fake.addPhoneCode('p-1', '13800138000');
  });
  afterAll(() => t.close());
  afterEach(() => {
    fake.tokenExpiresIn = 7200;
  });

  it('fetches one token for many concurrent calls, then reuses it from the database', async () => {
    const before = { ...fake.calls };
    const phones = await Promise.all(Array.from({ length: 20 }, () => gatewayOf(t).getPhoneNumber('p-1')));
    expect(phones.every((p) => p.purePhoneNumber === '13800138000' && p.countryCode === '86')).toBe(true);
    await gatewayOf(t).getPhoneNumber('p-1');
    expect(fake.calls.token - before.token).toBe(1);
    expect(fake.calls.getuserphonenumber - before.getuserphonenumber).toBe(21);
    const row = await tokenRow(t);
    expect(row.token).toBe(await gatewayOf(t).getAccessToken());
    expect(row.refreshingUntil).toBeNull();
  });

  it('maps an invalid phone code to WECHAT_CODE_INVALID', async () => {
    await expect(gatewayOf(t).getPhoneNumber('p-unknown')).rejects.toMatchObject({ code: 'WECHAT_CODE_INVALID' });
  });

  it('refreshes a token with less than 5 minutes left', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const old = await gatewayOf(t).getAccessToken();
    await ds.getRepository(WechatAccessToken).update(fake.appId, { expiresAt: new Date(Date.now() + 60_000) });
    const before = fake.calls.token;
    const fresh = await gatewayOf(t).getAccessToken();
    expect(fresh).not.toBe(old);
    expect(fake.calls.token - before).toBe(1);
    const row = await tokenRow(t);
    expect(row.token).toBe(fresh);
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(7000 * 1000);
  });

  it('refreshes once and retries when WeChat refuses the token (40001)', async () => {
    await gatewayOf(t).getAccessToken();
    fake.revokeTokens();
    const before = { ...fake.calls };
    await expect(gatewayOf(t).getPhoneNumber('p-1')).resolves.toMatchObject({ purePhoneNumber: '13800138000' });
    expect(fake.calls.token - before.token).toBe(1);
    expect(fake.calls.getuserphonenumber - before.getuserphonenumber).toBe(2);
  });

  it('releases the refresh lease when the token fetch fails, so the next call retries at once', async () => {
    fake.revokeTokens();
    await t.app
      .get<DataSource>(getDataSourceToken())
      .getRepository(WechatAccessToken)
      .update(fake.appId, {
        expiresAt: new Date(Date.now() - 1000),
      });
    fake.failNext.token = [-1];
    await expect(gatewayOf(t).getAccessToken()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await tokenRow(t)).refreshingUntil).toBeNull();
    const started = Date.now();
    await expect(gatewayOf(t).getPhoneNumber('p-1')).resolves.toMatchObject({ purePhoneNumber: '13800138000' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('HttpWechatGateway: wxacode.getUnlimited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(httpWechat(fake));
  });
  afterAll(() => t.close());

  it('returns the image bytes for a scene', async () => {
    const image = await gatewayOf(t).getUnlimitedQrCode({
      scene: 'Ab3dEf7h',
      page: 'packages/member/pages/signup/index',
    });
    expect(image.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(image.subarray(8).toString()).toBe('Ab3dEf7h');
    expect(fake.qrScenes.at(-1)).toBe('Ab3dEf7h');
  });

  it('maps a JSON errcode answer to an error instead of returning it as an image', async () => {
    await expect(gatewayOf(t).getUnlimitedQrCode({ scene: 'x'.repeat(33), page: 'p' })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('refreshes a refused token once and retries', async () => {
    await gatewayOf(t).getAccessToken();
    fake.revokeTokens();
    const before = { ...fake.calls };
    await expect(gatewayOf(t).getUnlimitedQrCode({ scene: 'retry1', page: 'p' })).resolves.toBeInstanceOf(Buffer);
    expect(fake.calls.token - before.token).toBe(1);
    expect(fake.calls.getwxacodeunlimit - before.getwxacodeunlimit).toBe(2);
  });
});

describe('two API replicas sharing one database', () => {
  it('refresh the WeChat token once between them and use the same token', async () => {
    const db = await createTestDatabase();
    const a = await createTestApp(httpWechat(fake), db);
    const b = await createTestApp(httpWechat(fake), db);
    try {
      fake.tokenDelayMs = 300;
      const before = fake.calls.token;
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => gatewayOf(i % 2 ? a : b).getAccessToken()));
      expect(fake.calls.token - before).toBe(1);
      expect(new Set(tokens).size).toBe(1);

      // When the shared token nears expiry, again only one replica refreshes.
      await a.app
        .get<DataSource>(getDataSourceToken())
        .getRepository(WechatAccessToken)
        .update(fake.appId, { expiresAt: new Date(Date.now() + 60_000) });
      const refreshed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => gatewayOf(i % 2 ? a : b).getAccessToken()),
      );
      expect(fake.calls.token - before).toBe(2);
      // Callers that did not refresh may use the old token, still valid for a minute; afterwards, all the new one.
      const latest = await gatewayOf(a).getAccessToken();
      expect(refreshed).toContain(latest);
      expect(await gatewayOf(b).getAccessToken()).toBe(latest);
    } finally {
      fake.tokenDelayMs = 100;
      await a.close();
      await b.close();
      await db.drop();
    }
  });
});
