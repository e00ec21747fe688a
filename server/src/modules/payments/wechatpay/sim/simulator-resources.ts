import type { Fen } from '@tidepool/shared';
import { toRfc3339 } from '../wechatpay-crypto';
import type { RefundStatus, TradeState } from '../wechatpay.gateway';

/** A payment as WeChat keeps it. */
export interface SimOrder {
  appId: string;
  mchId: string;
  outTradeNo: string;
  description: string;
  amountFen: Fen;
  payerOpenid: string;
  timeExpire: Date;
  notifyUrl: string;
  attach?: string;
  prepayId: string;
  state: TradeState;
  transactionId?: string;
  successTime?: Date;
  /** The prepay request's fields, to tell a repeat (same prepay_id) from a conflicting reuse. */
  fingerprint: string;
}

/** A refund as WeChat keeps it. */
export interface SimRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  refundFen: Fen;
  totalFen: Fen;
  reason?: string;
  notifyUrl: string;
  status: RefundStatus;
  createTime: Date;
  successTime?: Date;
}

const STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '未支付',
  CLOSED: '已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中，需输入密码',
  PAYERROR: '支付失败',
};

export const REFUND_SUMMARY: Record<Exclude<RefundStatus, 'PROCESSING'>, string> = {
  SUCCESS: '退款成功',
  ABNORMAL: '退款异常',
  CLOSED: '退款关闭',
};

/** The transaction as the query answers it and as the payment notification's resource carries it. */
export function transactionJson(order: SimOrder): Record<string, unknown> {
  return {
    appid: order.appId,
    mchid: order.mchId,
    out_trade_no: order.outTradeNo,
    ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: order.state,
    trade_state_desc: STATE_DESC[order.state],
    ...(order.transactionId ? { bank_type: 'OTHERS' } : {}),
    ...(order.attach ? { attach: order.attach } : {}),
    ...(order.successTime ? { success_time: toRfc3339(order.successTime) } : {}),
    payer: { openid: order.payerOpenid },
    amount: {
      total: order.amountFen,
      ...(order.transactionId ? { payer_total: order.amountFen } : {}),
      currency: 'CNY',
      payer_currency: 'CNY',
    },
  };
}

/** The refund as the refund API and the refund query answer it. */
export function refundJson(refund: SimRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTime ? { success_time: toRfc3339(refund.successTime) } : {}),
    create_time: toRfc3339(refund.createTime),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      settlement_refund: refund.refundFen,
      discount_refund: 0,
      currency: 'CNY',
    },
  };
}

/** The refund notification's resource (a shape of its own: `refund_status`, `mchid`, fewer amounts). */
export function refundNotificationJson(refund: SimRefund, mchId: string): Record<string, unknown> {
  return {
    mchid: mchId,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: refund.status === 'PROCESSING' ? 'SUCCESS' : refund.status,
    ...(refund.successTime ? { success_time: toRfc3339(refund.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
    },
  };
}
