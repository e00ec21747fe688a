import { Logger } from '@nestjs/common';
import type { ErrorCode } from '@tidepool/shared';
import type { Clock } from '../../../common/clock/clock.service';
import { DomainException } from '../../../common/errors/domain.exception';
import type { WechatPayCredentials } from './wechatpay-credentials';
import { signedRequestHeaders, verifyAnswer } from './wechatpay-signed-http';
import { nonceStr, paymentMessage, signSha256Rsa, toRfc3339, unixSeconds } from './wechatpay-crypto';
import { parseRefund, parseTransaction } from './wechatpay-resources';
import {
  type JsapiPrepayRequest,
  type JsapiPrepayResult,
  type RefundRequest,
  type RequestPaymentParams,
  WechatPayGateway,
  type WechatPayOrder,
  type WechatPayRefund,
} from './wechatpay.gateway';

/** The subset of `fetch` the client uses; the simulator passes an in-process one in `sim` mode. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpWechatPayOptions {
  /** `https://api.mch.weixin.qq.com`, or a stand-in speaking the same protocol (the simulator's routes). */
  apiBase: string;
  credentials: WechatPayCredentials;
  clock: Clock;
  fetch?: FetchLike;
  timeoutMs?: number;
}

type Api = 'jsapi' | 'query' | 'close' | 'refund' | 'query-refund';

/** A verified answer. `code` and `message` are WeChat's error fields (non-2xx). */
interface Reply {
  status: number;
  json: unknown;
  code?: string;
}

const OUT_TRADE_NO = /^[0-9A-Za-z_\-*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const USER_AGENT = 'tidepool-server/0.1 (WeChatPay-APIv3; Node.js)';

/** WeChat error codes that mean "busy or broken, try again"; others unlisted mean a request we got wrong. */
const TRANSIENT = new Set([
  'SYSTEM_ERROR',
  'SYSTEMERROR',
  'FREQUENCY_LIMITED',
  'RATELIMIT_EXCEEDED',
  'BANK_ERROR',
  'USERPAYING',
  'USER_PAYING',
]);
const NOT_FOUND = new Set(['ORDER_NOT_EXIST', 'ORDERNOTEXIST', 'RESOURCE_NOT_EXISTS']);
const REFUND_REFUSED = new Set(['NOT_ENOUGH', 'USER_ACCOUNT_ABNORMAL', 'INVALID_REQUEST', 'REFUND_NOT_ALLOWED']);

function codeFor(api: Api, httpStatus: number, wechatCode: string): ErrorCode {
  if (httpStatus >= 500 || httpStatus === 429 || TRANSIENT.has(wechatCode)) return 'PAYMENT_UNAVAILABLE';
  if (wechatCode === 'ORDERPAID') return 'PAYMENT_ORDER_PAID';
  if (wechatCode === 'ORDER_CLOSED') return 'PAYMENT_ORDER_CLOSED';
  if (NOT_FOUND.has(wechatCode)) return api === 'query-refund' ? 'PAYMENT_REFUND_NOT_FOUND' : 'PAYMENT_ORDER_NOT_FOUND';
  if (api === 'refund' && REFUND_REFUSED.has(wechatCode)) return 'PAYMENT_REFUND_REJECTED';
  return 'PAYMENT_REJECTED';
}

/**
 * The real WeChat Pay APIv3 client (Node fetch). Signs each request with the merchant key and verifies each answer
 * with WeChat's key named by `Wechatpay-Serial`; a success that does not verify is treated as WeChat being
 * unavailable, never as a success, and an unsigned error can only fail the call (never steer a decision).
 * Logs the API, HTTP status, WeChat's error code and Request-ID; never keys, signatures or bodies.
 */
export class HttpWechatPayGateway extends WechatPayGateway {
  private readonly logger = new Logger('WechatPay');
  private readonly fetch: FetchLike;

  constructor(private readonly options: HttpWechatPayOptions) {
    super();
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
  }

  async jsapiPrepay(request: JsapiPrepayRequest): Promise<JsapiPrepayResult> {
    const { credentials } = this.options;
    this.require('jsapi', OUT_TRADE_NO.test(request.outTradeNo), 'out_trade_no must be 6-32 of [0-9A-Za-z_-*]');
    this.require('jsapi', Number.isSafeInteger(request.amountFen) && request.amountFen >= 1, 'amount below 1 fen');
    const descriptionLength = [...request.description].length;
    this.require('jsapi', descriptionLength >= 1 && descriptionLength <= 127, 'description must be 1-127 characters');
    this.require('jsapi', !Number.isNaN(request.timeExpire.getTime()), 'time_expire is not a date');
    this.require('jsapi', (request.attach ?? '').length <= 128, 'attach longer than 128 characters');
    this.require('jsapi', Boolean(request.payerOpenid), 'payer openid missing');
    this.require('jsapi', isHttpUrl(request.notifyUrl), 'notify_url must be an http(s) URL without a query');
    const body = {
      appid: credentials.appId,
      mchid: credentials.mchId,
      description: request.description,
      out_trade_no: request.outTradeNo,
      time_expire: toRfc3339(request.timeExpire),
      ...(request.attach ? { attach: request.attach } : {}),
      notify_url: request.notifyUrl,
      amount: { total: request.amountFen, currency: 'CNY' },
      payer: { openid: request.payerOpenid },
    };
    const reply = this.expect('jsapi', await this.call('jsapi', 'POST', '/v3/pay/transactions/jsapi', body), 200);
    const prepayId = (reply.json as { prepay_id?: unknown } | null)?.prepay_id;
    if (typeof prepayId !== 'string' || !prepayId) throw this.unavailable('jsapi', 'answer without prepay_id');
    return { prepayId, paymentParams: this.paymentParams(prepayId) };
  }

  async queryOrder(outTradeNo: string): Promise<WechatPayOrder> {
    this.require('query', OUT_TRADE_NO.test(outTradeNo), 'out_trade_no must be 6-32 of [0-9A-Za-z_-*]');
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.options.credentials.mchId}`;
    const reply = this.expect('query', await this.call('query', 'GET', path), 200);
    const order = parseTransaction(reply.json);
    if (!order || order.outTradeNo !== outTradeNo) throw this.unavailable('query', 'answer is not the order asked');
    return order;
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    this.require('close', OUT_TRADE_NO.test(outTradeNo), 'out_trade_no must be 6-32 of [0-9A-Za-z_-*]');
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`;
    const reply = await this.call('close', 'POST', path, { mchid: this.options.credentials.mchId });
    // Closing is idempotent for us: "already closed" is the outcome we asked for.
    if (reply.status === 204 || reply.code === 'ORDER_CLOSED') return;
    this.expect('close', reply, 204);
  }

  async refund(request: RefundRequest): Promise<WechatPayRefund> {
    this.require('refund', OUT_TRADE_NO.test(request.outTradeNo), 'out_trade_no must be 6-32 of [0-9A-Za-z_-*]');
    this.require('refund', OUT_REFUND_NO.test(request.outRefundNo), 'out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]');
    this.require(
      'refund',
      Number.isSafeInteger(request.refundFen) && request.refundFen >= 1 && request.refundFen <= request.totalFen,
      'refund must be between 1 fen and the payment total',
    );
    this.require('refund', [...(request.reason ?? '')].length <= 80, 'reason longer than 80 characters');
    this.require('refund', isHttpUrl(request.notifyUrl), 'notify_url must be an http(s) URL without a query');
    const body = {
      out_trade_no: request.outTradeNo,
      out_refund_no: request.outRefundNo,
      ...(request.reason ? { reason: request.reason } : {}),
      notify_url: request.notifyUrl,
      amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
    };
    const reply = this.expect('refund', await this.call('refund', 'POST', '/v3/refund/domestic/refunds', body), 200);
    return this.refundFrom('refund', reply, request.outRefundNo);
  }

  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    this.require('query-refund', OUT_REFUND_NO.test(outRefundNo), 'out_refund_no must be 1-64 of [0-9A-Za-z_-|*@]');
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`;
    const reply = this.expect('query-refund', await this.call('query-refund', 'GET', path), 200);
    return this.refundFrom('query-refund', reply, outRefundNo);
  }

  private refundFrom(api: Api, reply: Reply, outRefundNo: string): WechatPayRefund {
    const refund = parseRefund(reply.json);
    if (!refund || refund.outRefundNo !== outRefundNo) throw this.unavailable(api, 'answer is not the refund asked');
    const { mchId: _mchId, ...rest } = refund;
    return rest;
  }

  private paymentParams(prepayId: string): RequestPaymentParams {
    const { appId, merchantPrivateKey } = this.options.credentials;
    const timeStamp = unixSeconds(this.options.clock.now());
    const nonce = nonceStr();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = signSha256Rsa(paymentMessage(appId, timeStamp, nonce, pkg), merchantPrivateKey);
    return { appId, timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign };
  }

  /** Sends one signed request and verifies the answer's signature. */
  private async call(api: Api, method: 'GET' | 'POST', path: string, body?: object): Promise<Reply> {
    const { credentials, clock } = this.options;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const headers = signedRequestHeaders(credentials, clock.now(), method, path, payload, USER_AGENT);

    let response: Response;
    let text: Buffer;
    try {
      response = await this.fetch(this.options.apiBase + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      text = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw this.unavailable(api, `unreachable: ${(error as Error).name}`);
    }
    const requestId = response.headers.get('request-id') ?? undefined;
    const verified = this.verifyAnswer(response.headers, text);
    const ok = response.status >= 200 && response.status < 300;
    if (verified !== true) {
      if (ok) throw this.unavailable(api, `answer not verified: ${verified}`, requestId);
      // An unsigned (or badly signed) error can only fail the call; it must not steer a business decision.
      const { code } = parseError(text);
      const errorCode = response.status === 401 ? 'PAYMENT_REJECTED' : 'PAYMENT_UNAVAILABLE';
      this.logger.error({
        msg: 'WeChat Pay answered an unverified error',
        api,
        httpStatus: response.status,
        wechatCode: code,
        requestId,
        reason: verified,
      });
      throw new DomainException(errorCode);
    }
    if (response.status === 204) return { status: 204, json: null };
    let json: unknown;
    try {
      json = JSON.parse(text.toString('utf8'));
    } catch {
      throw this.unavailable(api, `HTTP ${response.status} answer is not JSON`, requestId);
    }
    if (ok) return { status: response.status, json };
    const { code, message } = parseError(text);
    const mapped = codeFor(api, response.status, code);
    const fields = {
      msg: 'WeChat Pay refused the call',
      api,
      httpStatus: response.status,
      wechatCode: code,
      wechatMessage: message,
      requestId,
      code: mapped,
    };
    if (mapped === 'PAYMENT_UNAVAILABLE' || mapped === 'PAYMENT_REJECTED') this.logger.error(fields);
    else this.logger.warn(fields);
    return { status: response.status, json, code };
  }

  /** True, or why the answer's signature does not hold. */
  private verifyAnswer(headers: Headers, body: Buffer): true | string {
    return verifyAnswer(this.options.credentials, this.options.clock.now(), headers, body);
  }

  /** Throws the mapped DomainException unless the verified answer has the expected status. */
  private expect(api: Api, reply: Reply, status: number): Reply {
    if (reply.status === status) return reply;
    if (reply.code === undefined) throw this.unavailable(api, `unexpected HTTP ${reply.status}`);
    throw new DomainException(codeFor(api, reply.status, reply.code));
  }

  private require(api: Api, condition: boolean, reason: string): void {
    if (condition) return;
    this.logger.error({ msg: 'WeChat Pay request refused before sending', api, reason });
    throw new DomainException('PAYMENT_REJECTED');
  }

  private unavailable(api: Api, reason: string, requestId?: string): DomainException {
    this.logger.error({ msg: 'WeChat Pay call failed', api, reason, requestId });
    return new DomainException('PAYMENT_UNAVAILABLE');
  }
}

function parseError(body: Buffer): { code: string; message?: string } {
  try {
    const json = JSON.parse(body.toString('utf8')) as { code?: unknown; message?: unknown };
    return {
      code: typeof json.code === 'string' ? json.code : 'UNKNOWN',
      ...(typeof json.message === 'string' ? { message: json.message.slice(0, 200) } : {}),
    };
  } catch {
    return { code: 'UNKNOWN' };
  }
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '';
  } catch {
    return false;
  }
}
