import type { Fen } from '@tidepool/shared';

export interface JsapiPrepayRequest {
  /** Our payment number, unique per merchant: 6–32 of `[0-9A-Za-z_-*]`. Reuse it only to re-ask the same payment. */
  outTradeNo: string;
  /** Shown to the payer in WeChat (≤ 127 characters), e.g. `Tidepool-订单 T2026…`. */
  description: string;
  amountFen: Fen;
  payerOpenid: string;
  /** After this instant the member can no longer pay: the end of the stock reservation. */
  timeExpire: Date;
  /** Where WeChat posts the payment notification (https, no query string in production). */
  notifyUrl: string;
  /** Echoed back in the query and the notification (≤ 128 characters). */
  attach?: string;
}

/** What the mini program passes to `wx.requestPayment` as is. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface JsapiPrepayResult {
  /** Valid for two hours at WeChat; ask again with the same outTradeNo and fields to get it back. */
  prepayId: string;
  paymentParams: RequestPaymentParams;
}

/** WeChat's trade_state. SUCCESS and REFUND mean the money arrived; CLOSED and REVOKED that it never will. */
export const TRADE_STATES = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const;
export type TradeState = (typeof TRADE_STATES)[number];

export interface WechatPayOrder {
  appId: string;
  mchId: string;
  outTradeNo: string;
  tradeState: TradeState;
  tradeStateDesc: string;
  /** WeChat's number for the payment; present once paid. */
  transactionId?: string;
  /** The order amount. */
  amountFen?: Fen;
  /** What the payer actually paid (differs from amountFen when WeChat-side coupons applied). */
  payerTotalFen?: Fen;
  payerOpenid?: string;
  successTime?: Date;
  attach?: string;
}

export interface RefundRequest {
  outTradeNo: string;
  /** Our refund number, stable across retries (1–64 of `[0-9A-Za-z_-|*@]`): WeChat refunds it once. */
  outRefundNo: string;
  refundFen: Fen;
  /** The amount of the original payment. */
  totalFen: Fen;
  /** Shown to the payer (≤ 80 characters). */
  reason?: string;
  notifyUrl: string;
}

export const REFUND_STATUSES = ['SUCCESS', 'PROCESSING', 'ABNORMAL', 'CLOSED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface WechatPayRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  /** PROCESSING until WeChat settles it; SUCCESS is final, ABNORMAL needs an operator, CLOSED never paid out. */
  status: RefundStatus;
  refundFen: Fen;
  totalFen: Fen;
  /** When WeChat accepted the refund (absent in refund notifications). */
  createTime?: Date;
  successTime?: Date;
  /** Where the money went, e.g. `支付用户零钱`. */
  userReceivedAccount?: string;
}

/**
 * The server's door to WeChat Pay v3 (JSAPI, for the mini program). Every answer has been signature-verified;
 * errors surface as DomainException with a PAYMENT_* code:
 * - PAYMENT_UNAVAILABLE (503): WeChat unreachable, busy, or an answer we could not verify — try again later;
 * - PAYMENT_REJECTED (502): WeChat refused the request as invalid (parameters, credentials) — a bug or bad config;
 * - PAYMENT_ORDER_NOT_FOUND, PAYMENT_ORDER_CLOSED, PAYMENT_ORDER_PAID, PAYMENT_REFUND_REJECTED,
 *   PAYMENT_REFUND_NOT_FOUND: WeChat's verified business answers.
 * An abstract class rather than an interface so it doubles as the Nest injection token.
 */
export abstract class WechatPayGateway {
  /** `POST /v3/pay/transactions/jsapi`, then signs the `wx.requestPayment` parameters with the merchant key. */
  abstract jsapiPrepay(request: JsapiPrepayRequest): Promise<JsapiPrepayResult>;

  /** `GET /v3/pay/transactions/out-trade-no/{out_trade_no}`; PAYMENT_ORDER_NOT_FOUND if WeChat never saw it. */
  abstract queryOrder(outTradeNo: string): Promise<WechatPayOrder>;

  /**
   * `POST …/{out_trade_no}/close`. Resolves once the order is closed (now or before); PAYMENT_ORDER_PAID when the
   * member paid first, so the caller must not release stock; PAYMENT_ORDER_NOT_FOUND if WeChat never saw it.
   */
  abstract closeOrder(outTradeNo: string): Promise<void>;

  /** `POST /v3/refund/domestic/refunds`. Idempotent by outRefundNo; usually answers PROCESSING. */
  abstract refund(request: RefundRequest): Promise<WechatPayRefund>;

  /** `GET /v3/refund/domestic/refunds/{out_refund_no}`. */
  abstract queryRefund(outRefundNo: string): Promise<WechatPayRefund>;
}
