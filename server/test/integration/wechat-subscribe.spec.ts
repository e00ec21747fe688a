import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock, TestClock } from '../../src/common/clock/clock.service';
import {
  WechatApiError,
  WechatGatewayError,
  WechatSubscribeRefusedError,
  WechatUnavailableError,
} from '../../src/modules/wechat/wechat.errors';
import { type SubscribeMessage, WechatGateway } from '../../src/modules/wechat/wechat.gateway';
import { FakeWechat } from '../support/fake-wechat';
import { createTestApp, type TestApp } from '../support/test-app';
import { httpWechat } from '../support/wechat-http';

const TEMPLATE = 'tpl-drop-reminder-0123456789abcdef';
const dropReminder = (toOpenId: string, overrides: Partial<SubscribeMessage> = {}): SubscribeMessage => ({
  toOpenId,
  templateId: TEMPLATE,
  page: 'packages/drops/pages/detail/index?id=7',
  data: { thing1: '周三新品：手冲咖啡豆', time2: '2026-11-25 20:00', thing3: '会员提前 10 分钟购买' },
  ...overrides,
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe('HttpWechatGateway: subscribeMessage.send', () => {
  let fake: FakeWechat;
  let t: TestApp;
  const gateway = () => t.app.get(WechatGateway);
  beforeAll(async () => {
    fake = await new FakeWechat().start();
    fake.addSubscribeTemplate(TEMPLATE, ['thing1', 'time2', 'thing3']);
    t = await createTestApp(httpWechat(fake));
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('sends the exact WeChat body and uses up one consent', async () => {
    fake.grantSubscribe('o-ok', TEMPLATE);
    await gateway().sendSubscribeMessage(dropReminder('o-ok'));
    expect(fake.subscribeMessages.at(-1)).toStrictEqual({
      touser: 'o-ok',
      template_id: TEMPLATE,
      page: 'packages/drops/pages/detail/index?id=7',
      data: {
        thing1: { value: '周三新品：手冲咖啡豆' },
        time2: { value: '2026-11-25 20:00' },
        thing3: { value: '会员提前 10 分钟购买' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    expect(fake.consentsLeft('o-ok', TEMPLATE)).toBe(0);
  });

  it('passes miniprogram_state and leaves out an absent page', async () => {
    fake.grantSubscribe('o-trial', TEMPLATE);
    await gateway().sendSubscribeMessage(dropReminder('o-trial', { page: undefined, miniprogramState: 'trial' }));
    const body = fake.subscribeMessages.at(-1)!;
    expect(body).not.toHaveProperty('page');
    expect(body).toMatchObject({ touser: 'o-trial', miniprogram_state: 'trial', lang: 'zh_CN' });
  });

  it('surfaces 43101 (no consent left) as WechatSubscribeRefusedError, not retryable', async () => {
    fake.grantSubscribe('o-once', TEMPLATE);
    await gateway().sendSubscribeMessage(dropReminder('o-once'));
    const sentBefore = fake.subscribeMessages.length;
    const error = await failureOf(gateway().sendSubscribeMessage(dropReminder('o-once')));
    expect(error).toBeInstanceOf(WechatSubscribeRefusedError);
    expect(error).toMatchObject({ errcode: 43101, retryable: false, code: 'SERVICE_UNAVAILABLE' });
    expect((error as WechatApiError).errmsg).toContain('user refuse to accept the msg');
    expect(fake.subscribeMessages.length).toBe(sentBefore);

    const never = await failureOf(gateway().sendSubscribeMessage(dropReminder('o-never-subscribed')));
    expect(never).toBeInstanceOf(WechatSubscribeRefusedError);
  });

  it('surfaces 47003 (bad template data) as a WechatApiError with errcode and errmsg, and keeps the consent', async () => {
    fake.grantSubscribe('o-bad', TEMPLATE);
    const tooLong = dropReminder('o-bad', { data: { ...dropReminder('o-bad').data, thing1: '字'.repeat(21) } });
    const error = await failureOf(gateway().sendSubscribeMessage(tooLong));
    expect(error).toBeInstanceOf(WechatApiError);
    expect(error).not.toBeInstanceOf(WechatSubscribeRefusedError);
    expect(error).toMatchObject({ errcode: 47003, retryable: false, api: 'subscribesend' });
    expect((error as WechatApiError).errmsg).toContain('data.thing1.value invalid');
    expect(fake.consentsLeft('o-bad', TEMPLATE)).toBe(1);

    const missing = await failureOf(
      gateway().sendSubscribeMessage(dropReminder('o-bad', { data: { thing1: 'x', time2: '2026-11-25 20:00' } })),
    );
    expect(missing).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing3.value is empty') });
  });

  it('maps other errcodes to WechatApiError, retryable only when WeChat is busy', async () => {
    fake.grantSubscribe('o-busy', TEMPLATE);
    const unknownTemplate = await failureOf(
      gateway().sendSubscribeMessage(dropReminder('o-busy', { templateId: 'nope' })),
    );
    expect(unknownTemplate).toMatchObject({ errcode: 40037, retryable: false });
    fake.failNext.subscribesend = [-1];
    const busy = await failureOf(gateway().sendSubscribeMessage(dropReminder('o-busy')));
    expect(busy).toBeInstanceOf(WechatApiError);
    expect(busy).toMatchObject({ errcode: -1, retryable: true });
    await gateway().sendSubscribeMessage(dropReminder('o-busy'));
    expect(fake.consentsLeft('o-busy', TEMPLATE)).toBe(0);
  });

  it('refreshes a refused token once (40001, 42001, 40014) and retries', async () => {
    for (const errcode of [42001, 40014]) {
      await gateway().getAccessToken();
      fake.grantSubscribe('o-expired', TEMPLATE);
      fake.failNext.subscribesend = [errcode];
      const before = { ...fake.calls };
      await gateway().sendSubscribeMessage(dropReminder('o-expired'));
      expect(fake.calls.subscribesend - before.subscribesend).toBe(2);
      expect(fake.calls.token - before.token).toBe(1);
    }
    await gateway().getAccessToken();
    fake.revokeTokens();
    fake.grantSubscribe('o-expired', TEMPLATE);
    const before = { ...fake.calls };
    await gateway().sendSubscribeMessage(dropReminder('o-expired'));
    expect(fake.calls.subscribesend - before.subscribesend).toBe(2);
    expect(fake.calls.token - before.token).toBe(1);
    expect(fake.subscribeMessages.at(-1)!.touser).toBe('o-expired');
  });

  it('retries the token only once: a second refusal is a retryable WechatApiError', async () => {
    await gateway().getAccessToken();
    fake.grantSubscribe('o-twice', TEMPLATE);
    fake.failNext.subscribesend = [40001, 40001];
    const before = { ...fake.calls };
    const error = await failureOf(gateway().sendSubscribeMessage(dropReminder('o-twice')));
    expect(error).toBeInstanceOf(WechatApiError);
    expect(error).toMatchObject({ errcode: 40001, retryable: true });
    expect(fake.calls.subscribesend - before.subscribesend).toBe(2);
    expect(fake.consentsLeft('o-twice', TEMPLATE)).toBe(1);
  });

  it('reports a failed token fetch as retryable', async () => {
    await gateway().getAccessToken();
    fake.revokeTokens();
    fake.failNext.token = [-1];
    const error = await failureOf(gateway().sendSubscribeMessage(dropReminder('o-token')));
    expect(error).toBeInstanceOf(WechatUnavailableError);
    expect(error).toMatchObject({ retryable: true, api: 'token' });
  });

  it('reports an unreachable WeChat as WechatUnavailableError, retryable', async () => {
    const down = await createTestApp(httpWechat(fake, 'http://127.0.0.1:1'));
    try {
      const error = await failureOf(down.app.get(WechatGateway).sendSubscribeMessage(dropReminder('o-x')));
      expect(error).toBeInstanceOf(WechatUnavailableError);
      expect(error).toBeInstanceOf(WechatGatewayError);
      expect(error).toMatchObject({ retryable: true, code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });
});

describe('GET /api/dev/wechat/subscribe-messages', () => {
  let t: TestApp;
  const start = new Date('2026-11-25T11:50:00Z');
  const clock = new TestClock(start);
  beforeAll(async () => {
    t = await createTestApp({}, undefined, { clock });
  });
  afterAll(() => t.close());

  it('lists what the development gateway sent, newest first, without a token', async () => {
    const gateway = t.app.get(WechatGateway);
    expect(t.app.get(Clock)).toBe(clock);
    await gateway.sendSubscribeMessage(dropReminder('dev_alice'));
    clock.set(new Date(start.getTime() + 60_000));
    await gateway.sendSubscribeMessage(dropReminder('dev_bob', { page: undefined, miniprogramState: 'developer' }));

    const res = await t.inject({ method: 'GET', url: '/api/dev/wechat/subscribe-messages' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        seq: 2,
        sentAt: '2026-11-25T11:51:00.000Z',
        toOpenId: 'dev_bob',
        templateId: TEMPLATE,
        data: dropReminder('dev_bob').data,
        miniprogramState: 'developer',
      },
      {
        seq: 1,
        sentAt: '2026-11-25T11:50:00.000Z',
        toOpenId: 'dev_alice',
        templateId: TEMPLATE,
        page: 'packages/drops/pages/detail/index?id=7',
        data: dropReminder('dev_alice').data,
      },
    ]);
  });

  it('filters by openid and validates the filter', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/dev/wechat/subscribe-messages?toOpenId=dev_alice' });
    expect(res.json<{ toOpenId: string }[]>().map((m) => m.toOpenId)).toEqual(['dev_alice']);
    const bad = await t.inject({ method: 'GET', url: `/api/dev/wechat/subscribe-messages?toOpenId=${'x'.repeat(65)}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('the dev subscribe-message route elsewhere', () => {
  it('does not exist in production (404), though the dev gateway still works there', async () => {
    const t = await createTestApp({ nodeEnv: 'production' });
    try {
      await t.app.get(WechatGateway).sendSubscribeMessage(dropReminder('dev_alice'));
      const res = await t.inject({ method: 'GET', url: '/api/dev/wechat/subscribe-messages' });
      expect(res.statusCode).toBe(404);
      expect(JSON.stringify(res.json())).not.toContain('dev_alice');
    } finally {
      await t.close();
    }
  });

  it('does not exist with the real WeChat gateway (404)', async () => {
    const fake = await new FakeWechat().start();
    const t = await createTestApp(httpWechat(fake));
    try {
      const res = await t.inject({ method: 'GET', url: '/api/dev/wechat/subscribe-messages' });
      expect(res.statusCode).toBe(404);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});
