import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fen } from '@tidepool/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import {
  loadOrCreateSimulatorKeys,
  SIM_KEY_FILES,
  simulatorKeyDir,
} from '../../src/modules/payments/wechatpay/sim/simulator-keys';
import { WechatPaySimulator } from '../../src/modules/payments/wechatpay/sim/wechatpay-simulator';
import {
  authorizationHeader,
  nonceStr,
  requestMessage,
  signSha256Rsa,
  unixSeconds,
} from '../../src/modules/payments/wechatpay/wechatpay-crypto';
import { WechatPayNotificationVerifier } from '../../src/modules/payments/wechatpay/wechatpay-notification.verifier';
import { type JsapiPrepayRequest, WechatPayGateway } from '../../src/modules/payments/wechatpay/wechatpay.gateway';
import { createTestApp, createTestDatabase, type TestApp } from '../support/test-app';
import {
  FAST_RETRIES,
  httpConfigForSimulator,
  NotifyReceiver,
  outTradeNo,
  simulatorOf,
  simWechatPay,
} from '../support/wechatpay';

let receiver: NotifyReceiver;
beforeAll(async () => {
  receiver = await new NotifyReceiver().start();
});
afterAll(() => receiver.close());
afterEach(() => receiver.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function prepayRequest(clock: TestClock, overrides: Partial<JsapiPrepayRequest> = {}): JsapiPrepayRequest {
  return {
    outTradeNo: outTradeNo('S'),
    description: 'Tidepool-山茶花手霜',
    amountFen: fen(1230),
    payerOpenid: 'o_member_carol',
    timeExpire: new Date(clock.now().getTime() + 15 * 60_000),
    notifyUrl: receiver.url,
    ...overrides,
  };
}

describe('simulator keys', () => {
  it('are made on first start under DATA_DIR/wechatpay-sim/ and reused afterwards', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidepool-wxsim-'));
    try {
      // Two processes starting at once: one folder wins, both read the same keys.
      const [a, b] = await Promise.all([loadOrCreateSimulatorKeys(dataDir), loadOrCreateSimulatorKeys(dataDir)]);
      expect(a.merchantSerial).toBe(b.merchantSerial);
      const dir = simulatorKeyDir(dataDir);
      expect(fs.readdirSync(dir).sort()).toEqual([...Object.values(SIM_KEY_FILES), 'README.txt'].sort());
      expect(fs.readdirSync(dataDir)).toEqual(['wechatpay-sim']); // no staging folder left behind
      expect(fs.statSync(path.join(dir, SIM_KEY_FILES.merchantKey)).mode & 0o077).toBe(0);
      expect(a.apiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(a.publicKeyId).toMatch(/^PUB_KEY_ID_\d{32}$/);
      expect(a.merchantSerial).toMatch(/^[0-9A-F]{40}$/);

      const db = await createTestDatabase();
      const app = await createTestApp({ ...simWechatPay(), dataDir }, db);
      try {
        const sim = simulatorOf(app);
        expect(sim.keys.merchantSerial).toBe(a.merchantSerial);
        expect(sim.keys.platformSerial).toBe(a.platformSerial);
        expect(sim.keys.apiV3Key).toBe(a.apiV3Key);
      } finally {
        await app.close();
        await db.drop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('simulator notifications', () => {
  let t: TestApp;
  let sim: WechatPaySimulator;
  let clock: TestClock;
  let verifier: WechatPayNotificationVerifier;
  beforeAll(async () => {
    clock = new TestClock(new Date());
    t = await createTestApp(simWechatPay(), undefined, { clock });
    sim = simulatorOf(t);
    verifier = t.app.get(WechatPayNotificationVerifier);
  });
  afterAll(() => t.close());
  const gateway = () => t.app.get(WechatPayGateway);

  it('retries on WeChat’s schedule until the merchant answers 2xx, each attempt signed afresh', async () => {
    receiver.statuses.push(500, 503);
    const { prepayId } = await gateway().jsapiPrepay(prepayRequest(clock));
    const paid = await sim.pay(prepayId);
    expect(paid.delivery).toMatchObject({ attempt: 1, status: 500, delivered: false });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 2000 });
    await sleep(FAST_RETRIES.reduce((a, b) => a + b, 0) + 100);
    expect(receiver.received).toHaveLength(3); // stopped after the 2xx

    const attempts = sim.notifier.attemptsFor(paid.delivery.eventId);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 204],
    ]);
    const gaps = [
      attempts[1].at.getTime() - attempts[0].at.getTime(),
      attempts[2].at.getTime() - attempts[1].at.getTime(),
    ];
    expect(gaps[0]).toBeGreaterThanOrEqual(FAST_RETRIES[0] - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(FAST_RETRIES[1] - 5);

    const bodies = new Set(receiver.received.map((r) => r.body));
    const nonces = new Set(receiver.received.map((r) => r.headers['wechatpay-nonce']));
    expect(bodies.size).toBe(1); // the same notification (same id) every time…
    expect(nonces.size).toBe(3); // …signed afresh each time
    for (const r of receiver.received) expect(verifier.verify(r)).toMatchObject({ ok: true });
  });

  it('gives up after the last delay of the schedule when the merchant never answers 2xx', async () => {
    receiver.statuses.push(500, 500, 500, 500, 500);
    const { prepayId } = await gateway().jsapiPrepay(prepayRequest(clock));
    const paid = await sim.pay(prepayId);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(FAST_RETRIES.length + 1), { timeout: 2000 });
    await sleep(300);
    expect(receiver.received).toHaveLength(FAST_RETRIES.length + 1);
    expect(sim.notifier.attemptsFor(paid.delivery.eventId).every((a) => !a.delivered)).toBe(true);
  });

  it('counts an unreachable merchant as a failed attempt and retries', async () => {
    const { prepayId } = await gateway().jsapiPrepay(prepayRequest(clock, { notifyUrl: 'http://127.0.0.1:1/notify' }));
    const paid = await sim.pay(prepayId);
    expect(paid.delivery).toMatchObject({ status: null, delivered: false });
    await vi.waitFor(() => expect(sim.notifier.attemptsFor(paid.delivery.eventId)).toHaveLength(2), { timeout: 2000 });
  });

  it('delivers a duplicate of a notification on demand (same id)', async () => {
    const request = prepayRequest(clock);
    const { prepayId } = await gateway().jsapiPrepay(request);
    await sim.pay(prepayId);
    const duplicate = await sim.redeliver(request.outTradeNo);
    expect(duplicate).toMatchObject({ attempt: 0, status: 204, delivered: true });
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received.map((r) => JSON.parse(r.body).id);
    expect(second).toBe(first);
  });

  it('sends crafted forgeries as they are', async () => {
    const request = prepayRequest(clock);
    const { prepayId } = await gateway().jsapiPrepay(request);
    await sim.pay(prepayId);
    receiver.reset();
    receiver.statuses.push(401);
    const forged = sim.paymentNotification(request.outTradeNo, { forgeSignature: true });
    await expect(sim.send(forged)).resolves.toMatchObject({ status: 401, delivered: false });
    expect(verifier.verify(receiver.received[0])).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('settles refunds by itself after refundSettleMs and notifies', async () => {
    const request = prepayRequest(clock);
    const { prepayId } = await gateway().jsapiPrepay(request);
    await sim.pay(prepayId);
    receiver.reset();
    sim.refundSettleMs = 30;
    try {
      const refund = await gateway().refund({
        outTradeNo: request.outTradeNo,
        outRefundNo: `${request.outTradeNo}-R`,
        refundFen: fen(1230),
        totalFen: fen(1230),
        notifyUrl: receiver.url,
      });
      expect(refund.status).toBe('PROCESSING');
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 2000 });
      expect(verifier.verify(receiver.received[0])).toMatchObject({
        ok: true,
        notification: { kind: 'refund', eventType: 'REFUND.SUCCESS' },
      });
      await expect(gateway().queryRefund(refund.outRefundNo)).resolves.toMatchObject({ status: 'SUCCESS' });
    } finally {
      sim.refundSettleMs = null;
    }
  });
});

describe('simulator H5 pay page', () => {
  let t: TestApp;
  let sim: WechatPaySimulator;
  let clock: TestClock;
  beforeAll(async () => {
    clock = new TestClock(new Date());
    t = await createTestApp(simWechatPay(), undefined, { clock });
    sim = simulatorOf(t);
  });
  afterAll(() => t.close());

  const prepay = (overrides: Partial<JsapiPrepayRequest> = {}) =>
    t.app.get(WechatPayGateway).jsapiPrepay(prepayRequest(clock, overrides));

  it('shows the order with 确认支付 and 取消; paying marks it SUCCESS, notifies and sends the member back', async () => {
    const { prepayId } = await prepay();
    const page = await t.inject({
      method: 'GET',
      url: `/api/dev/wechatpay/pay?prepay_id=${prepayId}&return=${encodeURIComponent('/orders/detail?id=7')}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    for (const text of ['¥12.30', 'Tidepool-山茶花手霜', '确认支付', '取消']) expect(page.body).toContain(text);

    const paid = await t.inject({
      method: 'POST',
      url: '/api/dev/wechatpay/pay',
      payload: { prepayId, action: 'pay', returnUrl: '/orders/detail?id=7' },
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({ redirect: '/orders/detail?id=7&pay_result=success' });
    expect(sim.orderByPrepayId(prepayId)?.state).toBe('SUCCESS');
    expect(receiver.received).toHaveLength(1);

    const again = await t.inject({ method: 'GET', url: `/api/dev/wechatpay/pay?prepay_id=${prepayId}` });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('该订单已支付');
    const payAgain = await t.inject({
      method: 'POST',
      url: '/api/dev/wechatpay/pay',
      payload: { prepayId, action: 'pay' },
    });
    expect(payAgain.json()).toMatchObject({ code: 'PAYMENT_ORDER_PAID' });
  });

  it('cancelling goes back without paying', async () => {
    const { prepayId } = await prepay();
    const cancelled = await t.inject({
      method: 'POST',
      url: '/api/dev/wechatpay/pay',
      payload: { prepayId, action: 'cancel', returnUrl: '/checkout' },
    });
    expect(cancelled.json()).toEqual({ redirect: '/checkout?pay_result=cancel' });
    expect(sim.orderByPrepayId(prepayId)?.state).toBe('NOTPAY');
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses paying after time_expire (unless a test forces a late payment)', async () => {
    const { prepayId } = await prepay({ timeExpire: new Date(clock.now().getTime() + 60_000) });
    clock.advance(61_000);
    const late = await t.inject({
      method: 'POST',
      url: '/api/dev/wechatpay/pay',
      payload: { prepayId, action: 'pay' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PAYMENT_ORDER_CLOSED' });
    await expect(sim.pay(prepayId, { late: true })).resolves.toMatchObject({ delivery: { delivered: true } });
  });

  it('answers an unknown prepay_id with 404 and never redirects off-site', async () => {
    const unknown = await t.inject({
      method: 'GET',
      url: '/api/dev/wechatpay/pay?prepay_id=wx-nope&return=//evil.example',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('href="/"');
    const { prepayId } = await prepay();
    for (const returnUrl of ['https://evil.example/x', '//evil.example', '/\\evil.example']) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/dev/wechatpay/pay',
        payload: { prepayId, action: 'cancel', returnUrl },
      });
      expect(res.json()).toEqual({ redirect: '/?pay_result=cancel' });
    }
    const local = await t.inject({
      method: 'POST',
      url: '/api/dev/wechatpay/pay',
      payload: { prepayId, action: 'cancel', returnUrl: 'http://127.0.0.1:10086/pages/order/index' },
    });
    expect(local.json()).toEqual({ redirect: 'http://127.0.0.1:10086/pages/order/index?pay_result=cancel' });
  });

  it('verifies the merchant signature over the raw body bytes, and refuses a bad one unsigned', async () => {
    const keys = sim.keys;
    const credentials = sim.merchantCredentials();
    // Whitespace and \u escapes that a parse-and-reserialise would lose.
    const body = `{ "appid": "${sim.config.appId}", "mchid": "${sim.config.mchId}",\n  "description": "\\u6d4b\\u8bd5" }`;
    const sign = (key = credentials.merchantPrivateKey) => {
      const timestamp = unixSeconds(clock.now());
      const nonce = nonceStr();
      const signature = signSha256Rsa(
        requestMessage('POST', '/v3/pay/transactions/jsapi', timestamp, nonce, body),
        key,
      );
      return authorizationHeader({
        mchid: sim.config.mchId,
        nonce_str: nonce,
        signature,
        timestamp,
        serial_no: keys.merchantSerial,
      });
    };
    const send = (authorization: string) =>
      t.inject({
        method: 'POST',
        url: '/api/dev/wechatpay/v3/pay/transactions/jsapi',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        payload: body,
      });
    const accepted = await send(sign());
    expect(accepted.statusCode).toBe(400); // past the signature check: refused for its content
    expect(accepted.json()).toMatchObject({ code: 'PARAM_ERROR' });
    expect(accepted.headers['wechatpay-signature']).toBeDefined();

    const forged = await send(sign(sim.keys.platformPrivateKey));
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'SIGN_ERROR' });
    expect(forged.headers['wechatpay-signature']).toBeUndefined();
  });
});

describe('with WECHATPAY_GATEWAY=http', () => {
  it('has no simulator and no simulator routes', async () => {
    const simApp = await createTestApp(simWechatPay());
    const config = httpConfigForSimulator(simApp, 'http://127.0.0.1:1/api/dev/wechatpay');
    await simApp.close();
    const t = await createTestApp({ wechatPay: config });
    try {
      expect(() => t.app.get(WechatPaySimulator)).toThrow();
      expect(t.app.get(WechatPayGateway)).toBeDefined();
      for (const url of ['/api/dev/wechatpay/pay?prepay_id=x', '/api/dev/wechatpay/v3/refund/domestic/refunds/x']) {
        const res = await t.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
      }
    } finally {
      await t.close();
    }
  });
});
