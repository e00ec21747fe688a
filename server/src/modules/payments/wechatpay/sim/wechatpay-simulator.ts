import { createPrivateKey, randomBytes, randomInt } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Fen } from '@tidepool/shared';
import type { Clock } from '../../../../common/clock/clock.service';
import type { WechatPaySimConfig } from '../../../../config/env';
import type { FetchLike } from '../http-wechatpay.gateway';
import { verificationKeyMap, type WechatPayCredentials } from '../wechatpay-credentials';
import { toRfc3339 } from '../wechatpay-crypto';
import type { RefundStatus, TradeState } from '../wechatpay.gateway';
import {
  handleSimulatorRequest,
  type InjectedFailure,
  type SimApiName,
  SimError,
  type SimRequest,
  type SimResponse,
} from './simulator-api';
import type { SimulatorKeys } from './simulator-keys';
import { type DeliveryAttempt, type SimNotification, SimulatorNotifier } from './simulator-notifier';
import {
  REFUND_SUMMARY,
  refundNotificationJson,
  type SimOrder,
  type SimRefund,
  transactionJson,
} from './simulator-resources';
import { type CraftedNotification, type NotificationForgery, SimulatorSigner } from './simulator-signer';

export interface SimPayment {
  outTradeNo: string;
  transactionId: string;
  amountFen: Fen;
  /** The first delivery attempt of the payment notification. */
  delivery: DeliveryAttempt;
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/**
 * WeChat Pay's side, run locally: keeps the WeChat-side orders and refunds in memory, answers the APIv3 wire
 * protocol (signed requests in, signed answers out: simulator-api.ts), and sends notifications signed and
 * encrypted exactly as WeChat does (simulator-signer.ts), with its retry pattern (simulator-notifier.ts). Also
 * the test hooks: pay, settle a refund, deliver a duplicate, craft forgeries, inject failures. Development and
 * tests only: the config refuses it in production.
 */
export class WechatPaySimulator {
  readonly orders = new Map<string, SimOrder>();
  readonly refunds = new Map<string, SimRefund>();
  readonly signer: SimulatorSigner;
  readonly notifier: SimulatorNotifier;
  /** null: refunds stay PROCESSING until `settleRefund`. */
  refundSettleMs: number | null;
  readonly injected = new Map<SimApiName, InjectedFailure[]>();
  /** The next N answers have their body changed after signing (their signature no longer holds). */
  tamperNextResponses = 0;

  private readonly logger = new Logger('WechatPaySimulator');
  private readonly byPrepayId = new Map<string, string>();
  private readonly notificationsSent: SimNotification[] = [];
  private readonly refundTimers = new Set<NodeJS.Timeout>();

  constructor(
    readonly keys: SimulatorKeys,
    readonly config: Pick<WechatPaySimConfig, 'mchId' | 'appId' | 'retryScheduleMs' | 'refundSettleMs'>,
    readonly clock: Clock,
  ) {
    this.refundSettleMs = config.refundSettleMs;
    this.signer = new SimulatorSigner(keys, clock);
    this.notifier = new SimulatorNotifier([...config.retryScheduleMs], (body) => this.signer.signHeaders(body));
  }

  /** What the merchant holds (our side of the keys), for the real client and verifier. */
  merchantCredentials(): WechatPayCredentials {
    const { keys } = this;
    return {
      mchId: this.config.mchId,
      appId: this.config.appId,
      merchantSerial: keys.merchantSerial,
      merchantPrivateKey: createPrivateKey(keys.merchantPrivateKeyPem),
      apiV3Key: Buffer.from(keys.apiV3Key, 'utf8'),
      verificationKeys: verificationKeyMap([keys.platformCertificatePem], {
        id: keys.publicKeyId,
        pem: keys.publicKeyPem,
      }),
      preferredSerial: keys.publicKeyId,
    };
  }

  /** The wire protocol, for the HTTP routes and for `fetch`. */
  handle(request: SimRequest): SimResponse {
    return handleSimulatorRequest(this, request);
  }

  /** An in-process `fetch` into `handle`: in `sim` mode the real client talks to the simulator without a socket. */
  readonly fetch: FetchLike = (url, init) => {
    const target = new URL(url);
    const at = target.pathname.indexOf('/v3/');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const answer = this.handle({
      method: init.method ?? 'GET',
      url: (at >= 0 ? target.pathname.slice(at) : target.pathname) + target.search,
      headers,
      body: typeof init.body === 'string' ? init.body : '',
    });
    return Promise.resolve(
      new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers }),
    );
  };

  // ---- WeChat-side business rules (called by simulator-api.ts) ----

  prepay(order: Omit<SimOrder, 'prepayId' | 'state'>): SimOrder {
    const existing = this.orders.get(order.outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        throw new SimError(400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') throw new SimError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.fingerprint !== order.fingerprint) {
        throw new SimError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      }
      return existing;
    }
    const prepayId = `wx${toRfc3339(this.clock.now()).slice(0, 19).replace(/\D/g, '')}${randomBytes(10).toString('hex')}`;
    const created: SimOrder = { ...order, prepayId, state: 'NOTPAY' };
    this.orders.set(created.outTradeNo, created);
    this.byPrepayId.set(prepayId, created.outTradeNo);
    return created;
  }

  closeOrder(outTradeNo: string): void {
    const order = this.orderOrThrow(outTradeNo);
    switch (order.state) {
      case 'SUCCESS':
      case 'REFUND':
        throw new SimError(400, 'ORDERPAID', '订单已支付');
      case 'USERPAYING':
        throw new SimError(202, 'USERPAYING', '用户支付中，需要输入密码');
      case 'NOTPAY':
      case 'PAYERROR':
      case 'CLOSED':
      case 'REVOKED':
        order.state = 'CLOSED';
    }
  }

  orderOrThrow(outTradeNo: string): SimOrder {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new SimError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return order;
  }

  refund(request: Omit<SimRefund, 'refundId' | 'transactionId' | 'status' | 'createTime'>): SimRefund {
    const order = this.orders.get(request.outTradeNo);
    if (!order || !order.transactionId) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const existing = this.refunds.get(request.outRefundNo);
    if (existing) {
      if (existing.outTradeNo !== request.outTradeNo || existing.refundFen !== request.refundFen) {
        throw new SimError(400, 'INVALID_REQUEST', '退款单号已用于另一笔退款');
      }
      return existing; // the same out_refund_no refunds once
    }
    if (request.totalFen !== order.amountFen) throw new SimError(400, 'INVALID_REQUEST', '订单金额与原订单不一致');
    const refunded = [...this.refunds.values()]
      .filter((r) => r.outTradeNo === order.outTradeNo && r.status !== 'CLOSED')
      .reduce((sum, r) => sum + r.refundFen, 0);
    if (refunded + request.refundFen > order.amountFen) {
      throw new SimError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    }
    const refund: SimRefund = {
      ...request,
      refundId: `50${digits(27)}`,
      transactionId: order.transactionId,
      status: 'PROCESSING',
      createTime: this.clock.now(),
    };
    this.refunds.set(refund.outRefundNo, refund);
    order.state = 'REFUND';
    if (this.refundSettleMs !== null) {
      const timer = setTimeout(() => {
        this.refundTimers.delete(timer);
        if (refund.status === 'PROCESSING') void this.settleRefund(refund.outRefundNo, 'SUCCESS');
      }, this.refundSettleMs);
      timer.unref();
      this.refundTimers.add(timer);
    }
    return refund;
  }

  refundOrThrow(outRefundNo: string): SimRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new SimError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return refund;
  }

  // ---- What the payer and the tests do ----

  orderByPrepayId(prepayId: string): SimOrder | undefined {
    const outTradeNo = this.byPrepayId.get(prepayId);
    return outTradeNo ? this.orders.get(outTradeNo) : undefined;
  }

  /**
   * The member pays (what `wx.requestPayment` or the H5 pay page leads to): the order becomes SUCCESS and the
   * payment notification goes out. Resolves after its first delivery attempt. `late` pays past time_expire (as a
   * payment racing the expiry can), never a closed order.
   */
  async pay(prepayId: string, options: { late?: boolean } = {}): Promise<SimPayment> {
    const order = this.orderByPrepayId(prepayId);
    if (!order) throw new SimError(404, 'ORDER_NOT_EXIST', '支付单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new SimError(400, 'ORDERPAID', '该订单已支付');
    if (order.state === 'CLOSED' || order.state === 'REVOKED') throw new SimError(400, 'ORDER_CLOSED', '订单已关闭');
    if (!options.late && this.clock.now() > order.timeExpire) {
      throw new SimError(400, 'ORDER_EXPIRED', '订单已过支付时间');
    }
    order.state = 'SUCCESS';
    order.transactionId = `4200${digits(24)}`;
    order.successTime = this.clock.now();
    this.logger.log({ msg: 'simulated payment', outTradeNo: order.outTradeNo, amountFen: order.amountFen });
    const delivery = await this.deliver(this.paymentNotification(order.outTradeNo));
    return { outTradeNo: order.outTradeNo, transactionId: order.transactionId, amountFen: order.amountFen, delivery };
  }

  /** Sets a refund's outcome and sends its notification (REFUND.SUCCESS / .ABNORMAL / .CLOSED). */
  async settleRefund(outRefundNo: string, status: Exclude<RefundStatus, 'PROCESSING'> = 'SUCCESS') {
    const refund = this.refundOrThrow(outRefundNo);
    refund.status = status;
    if (status === 'SUCCESS') refund.successTime = this.clock.now();
    return this.deliver(this.refundNotification(outRefundNo));
  }

  /** For states only WeChat reaches (USERPAYING, PAYERROR, REVOKED). */
  setTradeState(outTradeNo: string, state: TradeState): void {
    this.orderOrThrow(outTradeNo).state = state;
  }

  failNext(api: SimApiName, failure: InjectedFailure): void {
    this.injected.set(api, [...(this.injected.get(api) ?? []), failure]);
  }

  // ---- Notifications ----

  /** Delivers with WeChat's retry pattern; resolves with the first attempt. */
  deliver(notification: SimNotification): Promise<DeliveryAttempt> {
    this.notificationsSent.push(notification);
    return this.notifier.deliver(notification);
  }

  /** Sends the last notification about this out_trade_no / out_refund_no once more (same id, fresh signature). */
  redeliver(subject: string): Promise<DeliveryAttempt> {
    const last = this.notificationsSent.filter((n) => n.subject === subject).at(-1);
    if (!last) throw new Error(`no notification was sent about ${subject}`);
    return this.notifier.sendOnce(last, this.signer.signHeaders(last.body));
  }

  /** Sends a crafted notification once, exactly as crafted (to another URL if given). */
  send(notification: CraftedNotification, notifyUrl = notification.notifyUrl): Promise<DeliveryAttempt> {
    return this.notifier.sendOnce({ ...notification, notifyUrl }, notification.headers);
  }

  /** TRANSACTION.SUCCESS for the order as it stands (genuine unless a forgery is asked for). */
  paymentNotification(outTradeNo: string, forgery: NotificationForgery = {}): CraftedNotification {
    const order = this.orderOrThrow(outTradeNo);
    const content = {
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction',
      resource: transactionJson(order),
      notifyUrl: order.notifyUrl,
      subject: outTradeNo,
    };
    return this.signer.craft(content, forgery);
  }

  /** REFUND.SUCCESS / .ABNORMAL / .CLOSED for the refund as it stands. */
  refundNotification(outRefundNo: string, forgery: NotificationForgery = {}): CraftedNotification {
    const refund = this.refundOrThrow(outRefundNo);
    const status = refund.status === 'PROCESSING' ? 'SUCCESS' : refund.status;
    const content = {
      eventType: `REFUND.${status}`,
      summary: REFUND_SUMMARY[status],
      originalType: 'refund',
      resource: refundNotificationJson(refund, this.config.mchId),
      notifyUrl: refund.notifyUrl,
      subject: outRefundNo,
    };
    return this.signer.craft(content, forgery);
  }

  /** Stops every pending delivery and refund timer (the app is shutting down). */
  shutdown(): void {
    this.notifier.close();
    for (const timer of this.refundTimers) clearTimeout(timer);
    this.refundTimers.clear();
  }
}
