import { fen } from '@tidepool/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/common/clock/clock.service';
import type { WechatPaySimulator } from '../../src/modules/payments/wechatpay/sim/wechatpay-simulator';
import type { CraftedNotification } from '../../src/modules/payments/wechatpay/sim/simulator-signer';
import { credentialsFromConfig } from '../../src/modules/payments/wechatpay/wechatpay-credentials';
import {
  type IncomingNotification,
  NOTIFICATION_FAILURE_BODY,
  rejectionStatus,
  WechatPayNotificationVerifier,
} from '../../src/modules/payments/wechatpay/wechatpay-notification.verifier';
import { WechatPayGateway } from '../../src/modules/payments/wechatpay/wechatpay.gateway';
import { createTestApp, type TestApp } from '../support/test-app';
import { httpConfigForSimulator, outTradeNo, simulatorOf, simWechatPay } from '../support/wechatpay';

/**
 * The verifier against notifications the simulator signs and encrypts exactly as WeChat does, and against each
 * way of forging one. Notifications are caught at the transport (no HTTP), so each case sees the exact bytes.
 */
const NOTIFY_URL = 'https://shop.example.com/api/payments/wechat/notify';
let t: TestApp;
let sim: WechatPaySimulator;
let clock: TestClock;
let verifier: WechatPayNotificationVerifier;
const caught: IncomingNotification[] = [];

beforeAll(async () => {
  clock = new TestClock(new Date('2026-11-25T02:00:00Z'));
  t = await createTestApp(simWechatPay(), undefined, { clock });
  sim = simulatorOf(t);
  verifier = t.app.get(WechatPayNotificationVerifier);
  sim.notifier.transport = (_url, request) => {
    caught.push({ headers: request.headers, body: request.body });
    return Promise.resolve(204);
  };
});
afterAll(() => t.close());
beforeEach(() => {
  caught.length = 0;
  sim.signer.defaultSigner = 'publicKey';
});

async function paidOrder(amount = 8000) {
  const no = outTradeNo('N');
  const { prepayId } = await t.app.get(WechatPayGateway).jsapiPrepay({
    outTradeNo: no,
    description: 'Tidepool-会员日订单',
    amountFen: fen(amount),
    payerOpenid: 'o_member_bob',
    timeExpire: new Date(clock.now().getTime() + 15 * 60_000),
    notifyUrl: NOTIFY_URL,
    attach: 'order:99',
  });
  const paid = await sim.pay(prepayId);
  return { outTradeNo: no, transactionId: paid.transactionId };
}

const asIncoming = (n: CraftedNotification): IncomingNotification => ({ headers: n.headers, body: n.body });

describe('WechatPayNotificationVerifier: genuine notifications', () => {
  it('accepts and decrypts the payment notification WeChat delivered', async () => {
    const order = await paidOrder();
    expect(caught).toHaveLength(1);
    const result = verifier.verify({ headers: caught[0].headers, body: Buffer.from(caught[0].body) });
    expect(result).toMatchObject({
      ok: true,
      notification: {
        kind: 'transaction',
        eventType: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        transaction: {
          appId: sim.config.appId,
          mchId: sim.config.mchId,
          outTradeNo: order.outTradeNo,
          transactionId: order.transactionId,
          tradeState: 'SUCCESS',
          amountFen: 8000,
          payerTotalFen: 8000,
          payerOpenid: 'o_member_bob',
          successTime: clock.now(),
          attach: 'order:99',
        },
      },
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.notification.id).toBe(JSON.parse(String(caught[0].body)).id);
    expect(result.notification.createTime).toEqual(clock.now());
  });

  it('selects the key by Wechatpay-Serial: platform certificate serial or PUB_KEY_ID_…', async () => {
    const order = await paidOrder();
    const byCertificate = sim.paymentNotification(order.outTradeNo, { signWith: 'certificate' });
    const byPublicKey = sim.paymentNotification(order.outTradeNo, { signWith: 'publicKey' });
    expect(byCertificate.headers['wechatpay-serial']).toBe(sim.keys.platformSerial);
    expect(byPublicKey.headers['wechatpay-serial']).toMatch(/^PUB_KEY_ID_\d+$/);
    expect(verifier.verify(asIncoming(byCertificate))).toMatchObject({ ok: true });
    expect(verifier.verify(asIncoming(byPublicKey))).toMatchObject({ ok: true });
    // Lower-case certificate serials (as some tools print them) select the same key.
    const lower = { ...byCertificate.headers, 'wechatpay-serial': sim.keys.platformSerial.toLowerCase() };
    expect(verifier.verify({ headers: lower, body: byCertificate.body })).toMatchObject({ ok: true });
  });

  it('with only one kind configured, refuses the other kind as an unknown serial', async () => {
    const order = await paidOrder();
    const onlyCertificate = new WechatPayNotificationVerifier(
      credentialsFromConfig(httpConfigForSimulator(t, 'http://unused.invalid', { certificate: true })),
      clock,
    );
    const onlyPublicKey = new WechatPayNotificationVerifier(
      credentialsFromConfig(httpConfigForSimulator(t, 'http://unused.invalid', { publicKey: true })),
      clock,
    );
    const byCertificate = asIncoming(sim.paymentNotification(order.outTradeNo, { signWith: 'certificate' }));
    const byPublicKey = asIncoming(sim.paymentNotification(order.outTradeNo, { signWith: 'publicKey' }));
    expect(onlyCertificate.verify(byCertificate)).toMatchObject({ ok: true });
    expect(onlyCertificate.verify(byPublicKey)).toMatchObject({ ok: false, reason: 'UNKNOWN_SERIAL' });
    expect(onlyPublicKey.verify(byPublicKey)).toMatchObject({ ok: true });
    expect(onlyPublicKey.verify(byCertificate)).toMatchObject({ ok: false, reason: 'UNKNOWN_SERIAL' });
  });

  it('accepts and decrypts a refund notification', async () => {
    const order = await paidOrder(3000);
    const refund = await t.app.get(WechatPayGateway).refund({
      outTradeNo: order.outTradeNo,
      outRefundNo: `${order.outTradeNo}R`,
      refundFen: fen(1200),
      totalFen: fen(3000),
      notifyUrl: NOTIFY_URL,
    });
    caught.length = 0;
    await sim.settleRefund(refund.outRefundNo);
    expect(caught).toHaveLength(1);
    expect(verifier.verify(caught[0])).toMatchObject({
      ok: true,
      notification: {
        kind: 'refund',
        eventType: 'REFUND.SUCCESS',
        refund: {
          refundId: refund.refundId,
          outRefundNo: refund.outRefundNo,
          outTradeNo: order.outTradeNo,
          transactionId: order.transactionId,
          status: 'SUCCESS',
          refundFen: 1200,
          totalFen: 3000,
          successTime: clock.now(),
          userReceivedAccount: '支付用户零钱',
        },
      },
    });
  });

  it('accepts a timestamp up to 5 minutes off either way', async () => {
    const order = await paidOrder();
    for (const offset of [-5 * 60_000, 5 * 60_000 - 1000]) {
      const n = sim.paymentNotification(order.outTradeNo, { timestamp: new Date(clock.now().getTime() + offset) });
      expect(verifier.verify(asIncoming(n))).toMatchObject({ ok: true });
    }
  });
});

describe('WechatPayNotificationVerifier: rejections, each with its reason', () => {
  let order: { outTradeNo: string };
  beforeAll(async () => {
    order = await paidOrder();
  });

  const cases: [string, () => IncomingNotification, string][] = [
    [
      'a forged signature (an attacker key naming WeChat’s serial)',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { forgeSignature: true })),
      'BAD_SIGNATURE',
    ],
    [
      'a WECHATPAY/SIGNTEST/ probe',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { probe: true })),
      'SIGNATURE_PROBE',
    ],
    [
      'an unknown serial',
      () =>
        asIncoming(sim.paymentNotification(order.outTradeNo, { serial: 'PUB_KEY_ID_0000000000000000000000000000' })),
      'UNKNOWN_SERIAL',
    ],
    [
      'a stale timestamp (5 minutes and 1 second old)',
      () =>
        asIncoming(
          sim.paymentNotification(order.outTradeNo, { timestamp: new Date(clock.now().getTime() - 5 * 60_000 - 1000) }),
        ),
      'STALE_TIMESTAMP',
    ],
    [
      'a timestamp from the future',
      () =>
        asIncoming(
          sim.paymentNotification(order.outTradeNo, { timestamp: new Date(clock.now().getTime() + 10 * 60_000) }),
        ),
      'STALE_TIMESTAMP',
    ],
    [
      'a bad GCM tag',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { tamperTag: true })),
      'DECRYPTION_FAILED',
    ],
    [
      'a resource encrypted with another APIv3 key',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { apiV3Key: 'Another32ByteApiV3KeyForTesting!' })),
      'DECRYPTION_FAILED',
    ],
    [
      'malformed JSON (properly signed)',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { body: '{"id": "EV-1", "resource": ' })),
      'MALFORMED_BODY',
    ],
    [
      'a JSON body without a resource',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { body: '{"id":"EV-1","event_type":"X"}' })),
      'MALFORMED_BODY',
    ],
    [
      'another merchant’s mchid in the resource',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { resource: { mchid: '1230000109' } })),
      'MERCHANT_MISMATCH',
    ],
    [
      'another appid in the resource',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { resource: { appid: 'wx1111111111111111' } })),
      'MERCHANT_MISMATCH',
    ],
    [
      'a resource without the paid amount',
      () => asIncoming(sim.paymentNotification(order.outTradeNo, { resource: { amount: null } })),
      'MALFORMED_RESOURCE',
    ],
    [
      'a body changed after signing',
      () => {
        const n = sim.paymentNotification(order.outTradeNo);
        return { headers: n.headers, body: n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') };
      },
      'BAD_SIGNATURE',
    ],
    [
      'a signature from another notification',
      () => {
        const a = sim.paymentNotification(order.outTradeNo);
        const b = sim.paymentNotification(order.outTradeNo);
        return { headers: a.headers, body: b.body };
      },
      'BAD_SIGNATURE',
    ],
    [
      'missing Wechatpay headers',
      () => {
        const { 'wechatpay-signature': _s, ...headers } = sim.paymentNotification(order.outTradeNo).headers;
        return { headers, body: '{}' };
      },
      'MISSING_HEADERS',
    ],
    [
      'an algorithm other than AEAD_AES_256_GCM',
      () => {
        const genuine = JSON.parse(sim.paymentNotification(order.outTradeNo).body);
        genuine.resource.algorithm = 'AEAD_AES_128_GCM';
        const body = JSON.stringify(genuine);
        return { headers: sim.signer.signHeaders(body), body };
      },
      'UNSUPPORTED_ALGORITHM',
    ],
  ];

  it.each(cases)('refuses %s', (_name, make, reason) => {
    const result = verifier.verify(make());
    expect(result).toMatchObject({ ok: false, reason });
    if (result.ok) return;
    expect([400, 401]).toContain(rejectionStatus(result.reason));
    expect(result.detail).not.toMatch(/ciphertext|BEGIN/);
  });

  it('stays stale when the clock moves on after a genuine notification arrives', () => {
    const n = asIncoming(sim.paymentNotification(order.outTradeNo));
    clock.advance(5 * 60_000 + 1000);
    try {
      expect(verifier.verify(n)).toMatchObject({ ok: false, reason: 'STALE_TIMESTAMP' });
    } finally {
      clock.advance(-(5 * 60_000 + 1000));
    }
    expect(verifier.verify(n)).toMatchObject({ ok: true });
  });

  it('offers WeChat’s failure body for non-2xx answers', () => {
    expect(NOTIFICATION_FAILURE_BODY).toEqual({ code: 'FAIL', message: '失败' });
    expect(rejectionStatus('BAD_SIGNATURE')).toBe(401);
    expect(rejectionStatus('DECRYPTION_FAILED')).toBe(400);
  });
});
