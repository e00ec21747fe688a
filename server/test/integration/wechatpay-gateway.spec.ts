import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { fen } from '@tidepool/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import { HttpWechatPayGateway } from '../../src/modules/payments/wechatpay/http-wechatpay.gateway';
import { SIM_KEY_FILES, simulatorKeyDir } from '../../src/modules/payments/wechatpay/sim/simulator-keys';
import type { WechatPaySimulator } from '../../src/modules/payments/wechatpay/sim/wechatpay-simulator';
import {
  credentialsFromConfig,
  type WechatPayCredentials,
} from '../../src/modules/payments/wechatpay/wechatpay-credentials';
import { paymentMessage, verifySha256Rsa } from '../../src/modules/payments/wechatpay/wechatpay-crypto';
import { type JsapiPrepayRequest, WechatPayGateway } from '../../src/modules/payments/wechatpay/wechatpay.gateway';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  httpConfigForSimulator,
  listen,
  NotifyReceiver,
  outTradeNo,
  simulatorOf,
  simWechatPay,
} from '../support/wechatpay';

/**
 * The real HTTP client against the simulator over a real socket: every request signed with the merchant key and
 * checked by the simulator, every answer signed by "WeChat" and verified by the client.
 */
const logLines: string[] = [];
const logs = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

let t: TestApp;
let sim: WechatPaySimulator;
let clock: TestClock;
let apiBase: string;
let credentials: WechatPayCredentials;
let gateway: HttpWechatPayGateway;
let receiver: NotifyReceiver;
const paySigns: string[] = [];

const clientWith = (
  overrides: Partial<WechatPayCredentials> = {},
  options: { apiBase?: string; clock?: TestClock } = {},
) =>
  new HttpWechatPayGateway({
    apiBase: options.apiBase ?? apiBase,
    credentials: { ...credentials, ...overrides },
    clock: options.clock ?? clock,
  });

function prepayRequest(overrides: Partial<JsapiPrepayRequest> = {}): JsapiPrepayRequest {
  return {
    outTradeNo: outTradeNo(),
    description: 'Tidepool-海盐柠檬气泡水 ×2',
    amountFen: fen(1230),
    payerOpenid: 'o_member_alice',
    timeExpire: new Date(clock.now().getTime() + 15 * 60_000),
    notifyUrl: receiver.url,
    ...overrides,
  };
}

beforeAll(async () => {
  clock = new TestClock(new Date());
  t = await createTestApp({ ...simWechatPay(), logLevel: 'debug' }, undefined, { clock, logDestination: logs });
  sim = simulatorOf(t);
  ({ apiBase } = await listen(t));
  credentials = credentialsFromConfig(httpConfigForSimulator(t, apiBase));
  gateway = clientWith();
  receiver = await new NotifyReceiver().start();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
afterEach(() => {
  receiver.reset();
  sim.injected.clear();
  sim.tamperNextResponses = 0;
});

describe('HttpWechatPayGateway: JSAPI prepay and requestPayment', () => {
  it('answers a prepay_id and requestPayment parameters signed with the merchant key', async () => {
    const { prepayId, paymentParams } = await gateway.jsapiPrepay(prepayRequest());
    paySigns.push(paymentParams.paySign);
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    expect(paymentParams).toMatchObject({
      appId: sim.config.appId,
      timeStamp: String(Math.floor(clock.now().getTime() / 1000)),
      package: `prepay_id=${prepayId}`,
      signType: 'RSA',
    });
    expect(paymentParams.nonceStr).toMatch(/^[A-Z0-9]{32}$/);
    // What WeChat checks in wx.requestPayment: the merchant certificate's public key over the four lines.
    const certificate = new X509Certificate(
      fs.readFileSync(path.join(simulatorKeyDir(t.config.dataDir), SIM_KEY_FILES.merchantCert)),
    );
    const { appId, timeStamp, nonceStr, package: pkg, paySign } = paymentParams;
    expect(verifySha256Rsa(paymentMessage(appId, timeStamp, nonceStr, pkg), paySign, certificate.publicKey)).toBe(true);
    expect(verifySha256Rsa(paymentMessage(appId, timeStamp, nonceStr, `${pkg}x`), paySign, certificate.publicKey)).toBe(
      false,
    );
  });

  it('gives the same prepay_id for a repeated request, and refuses the number reused for another payment', async () => {
    const request = prepayRequest({ attach: 'order:42' });
    const first = await gateway.jsapiPrepay(request);
    const again = await gateway.jsapiPrepay(request);
    expect(again.prepayId).toBe(first.prepayId);
    await expect(gateway.jsapiPrepay({ ...request, amountFen: fen(1) })).rejects.toMatchObject({
      code: 'PAYMENT_REJECTED',
    });
  });

  it('refuses before sending what WeChat would refuse', async () => {
    for (const bad of [
      prepayRequest({ outTradeNo: 'short' }),
      prepayRequest({ outTradeNo: 'x'.repeat(33) }),
      prepayRequest({ amountFen: fen(0) }),
      prepayRequest({ description: '' }),
      prepayRequest({ notifyUrl: 'https://example.com/notify?order=1' }),
    ]) {
      await expect(gateway.jsapiPrepay(bad)).rejects.toMatchObject({ code: 'PAYMENT_REJECTED', status: 502 });
    }
  });

  it('maps WeChat refusing an expired time_expire to PAYMENT_REJECTED', async () => {
    const request = prepayRequest({ timeExpire: new Date(clock.now().getTime() - 1000) });
    await expect(gateway.jsapiPrepay(request)).rejects.toMatchObject({ code: 'PAYMENT_REJECTED' });
  });
});

describe('HttpWechatPayGateway: query and close', () => {
  it('queries NOTPAY, then SUCCESS with the transaction once the member paid', async () => {
    const request = prepayRequest({ attach: 'order:7' });
    const { prepayId } = await gateway.jsapiPrepay(request);
    await expect(gateway.queryOrder(request.outTradeNo)).resolves.toMatchObject({
      outTradeNo: request.outTradeNo,
      tradeState: 'NOTPAY',
      amountFen: 1230,
    });
    const paid = await sim.pay(prepayId);
    expect(paid.delivery).toMatchObject({ attempt: 1, status: 204, delivered: true });
    expect(receiver.received).toHaveLength(1);
    const order = await gateway.queryOrder(request.outTradeNo);
    expect(order).toEqual({
      appId: sim.config.appId,
      mchId: sim.config.mchId,
      outTradeNo: request.outTradeNo,
      tradeState: 'SUCCESS',
      tradeStateDesc: '支付成功',
      transactionId: paid.transactionId,
      amountFen: 1230,
      payerTotalFen: 1230,
      payerOpenid: 'o_member_alice',
      successTime: new Date(Math.floor(clock.now().getTime() / 1000) * 1000),
      attach: 'order:7',
    });
  });

  it('closes an unpaid order (idempotently); a closed order cannot be paid or prepaid again', async () => {
    const request = prepayRequest();
    const { prepayId } = await gateway.jsapiPrepay(request);
    await gateway.closeOrder(request.outTradeNo);
    await gateway.closeOrder(request.outTradeNo);
    await expect(gateway.queryOrder(request.outTradeNo)).resolves.toMatchObject({ tradeState: 'CLOSED' });
    await expect(sim.pay(prepayId)).rejects.toMatchObject({ code: 'ORDER_CLOSED' });
    await expect(gateway.jsapiPrepay(request)).rejects.toMatchObject({ code: 'PAYMENT_ORDER_CLOSED', status: 409 });
  });

  it('refuses to close a paid order with PAYMENT_ORDER_PAID (the caller keeps the stock)', async () => {
    const request = prepayRequest();
    const { prepayId } = await gateway.jsapiPrepay(request);
    await sim.pay(prepayId);
    await expect(gateway.closeOrder(request.outTradeNo)).rejects.toMatchObject({ code: 'PAYMENT_ORDER_PAID' });
    await expect(gateway.jsapiPrepay(request)).rejects.toMatchObject({ code: 'PAYMENT_ORDER_PAID' });
  });

  it('answers PAYMENT_ORDER_NOT_FOUND for an order WeChat never saw', async () => {
    await expect(gateway.queryOrder('NEVER-PREPAID-1')).rejects.toMatchObject({
      code: 'PAYMENT_ORDER_NOT_FOUND',
      status: 404,
    });
    await expect(gateway.closeOrder('NEVER-PREPAID-1')).rejects.toMatchObject({ code: 'PAYMENT_ORDER_NOT_FOUND' });
  });
});

describe('HttpWechatPayGateway: refunds', () => {
  async function paidOrder(amount = 5000) {
    const request = prepayRequest({ amountFen: fen(amount) });
    const { prepayId } = await gateway.jsapiPrepay(request);
    const paid = await sim.pay(prepayId);
    return { ...request, transactionId: paid.transactionId };
  }

  it('refunds once per out_refund_no, PROCESSING until WeChat settles, then SUCCESS', async () => {
    const order = await paidOrder();
    const request = {
      outTradeNo: order.outTradeNo,
      outRefundNo: `${order.outTradeNo}-R1`,
      refundFen: fen(2000),
      totalFen: fen(5000),
      reason: '商品缺货',
      notifyUrl: receiver.url,
    };
    const refund = await gateway.refund(request);
    expect(refund).toMatchObject({
      outRefundNo: request.outRefundNo,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      status: 'PROCESSING',
      refundFen: 2000,
      totalFen: 5000,
    });
    expect(refund.refundId).toMatch(/^50\d{27}$/);
    expect(refund.createTime).toBeInstanceOf(Date);
    // The same out_refund_no again (a retry after a timeout) is the same refund, not a second one.
    await expect(gateway.refund(request)).resolves.toMatchObject({ refundId: refund.refundId });
    await expect(gateway.queryRefund(request.outRefundNo)).resolves.toMatchObject({ status: 'PROCESSING' });
    await expect(gateway.queryOrder(order.outTradeNo)).resolves.toMatchObject({ tradeState: 'REFUND' });

    const delivery = await sim.settleRefund(request.outRefundNo);
    expect(delivery).toMatchObject({ eventType: 'REFUND.SUCCESS', delivered: true });
    const settled = await gateway.queryRefund(request.outRefundNo);
    expect(settled).toMatchObject({
      refundId: refund.refundId,
      status: 'SUCCESS',
      userReceivedAccount: '支付用户零钱',
    });
    expect(settled.successTime).toBeInstanceOf(Date);
  });

  it('refuses refunding more than was paid, and a refund for an unpaid order', async () => {
    const order = await paidOrder(1000);
    const base = { outTradeNo: order.outTradeNo, totalFen: fen(1000), notifyUrl: receiver.url };
    await gateway.refund({ ...base, outRefundNo: `${order.outTradeNo}-A`, refundFen: fen(600) });
    await expect(
      gateway.refund({ ...base, outRefundNo: `${order.outTradeNo}-B`, refundFen: fen(500) }),
    ).rejects.toMatchObject({ code: 'PAYMENT_REFUND_REJECTED', status: 409 });
    await expect(
      gateway.refund({ ...base, outRefundNo: `${order.outTradeNo}-C`, refundFen: fen(1001) }),
    ).rejects.toMatchObject({ code: 'PAYMENT_REJECTED' });

    const unpaid = prepayRequest();
    await gateway.jsapiPrepay(unpaid);
    await expect(
      gateway.refund({
        outTradeNo: unpaid.outTradeNo,
        outRefundNo: `${unpaid.outTradeNo}-R`,
        refundFen: fen(100),
        totalFen: fen(1230),
        notifyUrl: receiver.url,
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_ORDER_NOT_FOUND' });
    await expect(gateway.queryRefund('NO-SUCH-REFUND')).rejects.toMatchObject({ code: 'PAYMENT_REFUND_NOT_FOUND' });
  });
});

describe('HttpWechatPayGateway: verification of every answer', () => {
  it('verifies answers signed with the WeChat Pay public key and with the platform certificate', async () => {
    const request = prepayRequest();
    await gateway.jsapiPrepay(request);
    const withCertificateOnly = credentialsFromConfig(httpConfigForSimulator(t, apiBase, { certificate: true }));
    const withPublicKeyOnly = credentialsFromConfig(httpConfigForSimulator(t, apiBase, { publicKey: true }));
    expect(withCertificateOnly.preferredSerial).toBe(sim.keys.platformSerial);
    expect(withPublicKeyOnly.preferredSerial).toMatch(/^PUB_KEY_ID_\d+$/);
    for (const client of [clientWith(withCertificateOnly), clientWith(withPublicKeyOnly)]) {
      await expect(client.queryOrder(request.outTradeNo)).resolves.toMatchObject({ tradeState: 'NOTPAY' });
    }
  });

  it('treats an answer whose signature does not hold as WeChat being unavailable', async () => {
    const request = prepayRequest();
    sim.tamperNextResponses = 1;
    await expect(gateway.jsapiPrepay(request)).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE', status: 503 });
    await gateway.jsapiPrepay(request);
    sim.tamperNextResponses = 1;
    await expect(gateway.closeOrder(request.outTradeNo)).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
  });

  it('refuses an answer signed with a key it does not hold (serial unknown)', async () => {
    // We name the certificate but hold only the public key: the simulator signs with the certificate.
    const onlyPublicKey = new Map([...credentials.verificationKeys].filter(([serial]) => serial.startsWith('PUB_')));
    const client = clientWith({ verificationKeys: onlyPublicKey, preferredSerial: sim.keys.platformSerial });
    await expect(client.queryOrder('NEVER-PREPAID-2')).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
  });

  it('maps WeChat errors: busy → UNAVAILABLE, bad request → REJECTED, refund refusals → REFUND_REJECTED', async () => {
    sim.failNext('query', { status: 500, code: 'SYSTEM_ERROR' });
    sim.failNext('query', { status: 429, code: 'FREQUENCY_LIMITED' });
    sim.failNext('query', { status: 400, code: 'PARAM_ERROR' });
    sim.failNext('query', { status: 404, code: 'ORDER_NOT_EXIST', unsigned: true });
    for (const code of ['PAYMENT_UNAVAILABLE', 'PAYMENT_UNAVAILABLE', 'PAYMENT_REJECTED', 'PAYMENT_UNAVAILABLE']) {
      await expect(gateway.queryOrder('ANY-ORDER-1')).rejects.toMatchObject({ code });
    }
    sim.failNext('refund', { status: 403, code: 'NOT_ENOUGH', message: '基本账户余额不足' });
    await expect(
      gateway.refund({
        outTradeNo: 'ANY-ORDER-2',
        outRefundNo: 'ANY-REFUND-2',
        refundFen: fen(1),
        totalFen: fen(1),
        notifyUrl: receiver.url,
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_REFUND_REJECTED' });
  });

  it('is refused (401 SIGN_ERROR → PAYMENT_REJECTED) when signing with a key WeChat does not know', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await expect(clientWith({ merchantPrivateKey: stranger }).queryOrder('ANY-ORDER-3')).rejects.toMatchObject({
      code: 'PAYMENT_REJECTED',
    });
    const skewed = new TestClock(new Date(clock.now().getTime() + 6 * 60_000));
    await expect(clientWith({}, { clock: skewed }).queryOrder('ANY-ORDER-3')).rejects.toMatchObject({
      code: 'PAYMENT_REJECTED',
    });
  });

  it('answers PAYMENT_UNAVAILABLE when WeChat cannot be reached', async () => {
    const down = clientWith({}, { apiBase: 'http://127.0.0.1:1' });
    await expect(down.queryOrder('ANY-ORDER-4')).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
  });
});

describe('the app in sim mode', () => {
  it('injects the same client, talking to the simulator in-process', async () => {
    const appGateway = t.app.get(WechatPayGateway);
    expect(appGateway).toBeInstanceOf(HttpWechatPayGateway);
    const request = prepayRequest();
    const { prepayId } = await appGateway.jsapiPrepay(request);
    await sim.pay(prepayId);
    await expect(appGateway.queryOrder(request.outTradeNo)).resolves.toMatchObject({ tradeState: 'SUCCESS' });
    // …and the socket client sees the same WeChat-side order.
    await expect(gateway.queryOrder(request.outTradeNo)).resolves.toMatchObject({ tradeState: 'SUCCESS' });
  });

  it('never logs keys, signatures or bodies', () => {
    const text = logLines.join('');
    expect(text).toContain('WeChat Pay refused the call'); // the suite did log, at debug level
    const merchantPem = fs.readFileSync(
      path.join(simulatorKeyDir(t.config.dataDir), SIM_KEY_FILES.merchantKey),
      'utf8',
    );
    const secrets = [
      sim.keys.apiV3Key,
      ...merchantPem.split('\n').filter((line) => line.length > 40),
      ...paySigns,
      createPublicKey(credentials.merchantPrivateKey).export({ type: 'spki', format: 'pem' }).toString().split('\n')[1],
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/WECHATPAY2-SHA256-RSA2048 mchid/);
    expect(text).not.toContain('ciphertext');
    expect(text).not.toContain('o_member_alice');
  });
});
