import { fen } from '@tidepool/shared';
import {
  REFUND_STATUSES,
  type RefundStatus,
  TRADE_STATES,
  type TradeState,
  type WechatPayOrder,
  type WechatPayRefund,
} from './wechatpay.gateway';
import { parseRfc3339 } from './wechatpay-crypto';

/**
 * Reads WeChat's snake_case JSON (a query answer or a decrypted notification resource, which share one shape)
 * into our types. Null when a required field is missing or of the wrong kind: callers treat that as WeChat not
 * having answered, never guess.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const amount = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? fen(value) : undefined;

export function parseTransaction(json: unknown): WechatPayOrder | null {
  if (!isObject(json)) return null;
  const tradeState = json.trade_state;
  if (!(TRADE_STATES as readonly unknown[]).includes(tradeState)) return null;
  const appId = str(json.appid);
  const mchId = str(json.mchid);
  const outTradeNo = str(json.out_trade_no);
  if (!appId || !mchId || !outTradeNo) return null;
  const order: WechatPayOrder = {
    appId,
    mchId,
    outTradeNo,
    tradeState: tradeState as TradeState,
    tradeStateDesc: str(json.trade_state_desc) ?? '',
  };
  const transactionId = str(json.transaction_id);
  if (transactionId) order.transactionId = transactionId;
  if (isObject(json.amount)) {
    const total = amount(json.amount.total);
    const payerTotal = amount(json.amount.payer_total);
    if (total !== undefined) order.amountFen = total;
    if (payerTotal !== undefined) order.payerTotalFen = payerTotal;
  }
  const openid = isObject(json.payer) ? str(json.payer.openid) : undefined;
  if (openid) order.payerOpenid = openid;
  const successTime = parseRfc3339(json.success_time);
  if (successTime) order.successTime = successTime;
  const attach = str(json.attach);
  if (attach) order.attach = attach;
  // A paid order always carries its transaction id and amount; without them the answer is not usable.
  if ((order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') && (!transactionId || !order.amountFen)) {
    return null;
  }
  return order;
}

/** A refund answer (`status`, `create_time`) or a refund notification resource (`refund_status`, `mchid`). */
export function parseRefund(json: unknown): (WechatPayRefund & { mchId?: string }) | null {
  if (!isObject(json)) return null;
  const status = json.status ?? json.refund_status;
  if (!(REFUND_STATUSES as readonly unknown[]).includes(status)) return null;
  const refundId = str(json.refund_id);
  const outRefundNo = str(json.out_refund_no);
  const outTradeNo = str(json.out_trade_no);
  const transactionId = str(json.transaction_id);
  if (!refundId || !outRefundNo || !outTradeNo || !transactionId || !isObject(json.amount)) return null;
  const refundFen = amount(json.amount.refund);
  const totalFen = amount(json.amount.total);
  if (refundFen === undefined || totalFen === undefined) return null;
  const refund: WechatPayRefund & { mchId?: string } = {
    refundId,
    outRefundNo,
    outTradeNo,
    transactionId,
    status: status as RefundStatus,
    refundFen,
    totalFen,
  };
  const createTime = parseRfc3339(json.create_time);
  if (createTime) refund.createTime = createTime;
  const successTime = parseRfc3339(json.success_time);
  if (successTime) refund.successTime = successTime;
  const account = str(json.user_received_account);
  if (account) refund.userReceivedAccount = account;
  const mchId = str(json.mchid);
  if (mchId) refund.mchId = mchId;
  return refund;
}
