import Taro from '@tarojs/taro';
import type { OrderView } from '@tidepool/shared';
import { isApiError, toApiError } from '@/services/api-error';
import { getOrder, payOrder } from '@/services/api/orders.api';
import { isH5 } from '@/services/env';
import { pollUntil, type PollResult } from './poll';

/**
 * Paying an order. The server opens (or reopens) the WeChat Pay order; the mini program then calls
 * `Taro.requestPayment`, while the browser build goes to the payment page `h5PayUrl` (the local WeChat Pay
 * simulator), which comes back to the order page with `pay_result`. Either way the order becomes PAID only when
 * the payment notification reaches the server: `waitUntilPaid` polls for it.
 */
export type PaymentOutcome =
  /** WeChat Pay says paid; the notification may still be on its way. */
  | { kind: 'paid' }
  /** The member closed the payment sheet. */
  | { kind: 'cancelled' }
  /** The browser is on its way to the H5 payment page. */
  | { kind: 'redirected' }
  /** This server or this platform cannot take payments (the pay route is missing, or H5 without a pay page). */
  | { kind: 'unavailable'; message: string }
  | { kind: 'failed'; message: string };

export const PAY_UNAVAILABLE_MESSAGE = '在线支付暂未开放，请稍后在订单中支付';

interface RequestPaymentFail {
  errMsg?: string;
}

export async function startPayment(orderId: number): Promise<PaymentOutcome> {
  let payment;
  try {
    payment = await payOrder(orderId);
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'ROUTE_NOT_FOUND') return { kind: 'unavailable', message: PAY_UNAVAILABLE_MESSAGE };
    return { kind: 'failed', message: error.message };
  }
  if (isH5()) {
    if (!payment.h5PayUrl) return { kind: 'unavailable', message: '请在微信小程序中完成支付' };
    // Replaces this page in the history: after paying, the pay page replaces itself with the order page, so 返回
    // never lands on a spent checkout.
    window.location.replace(payment.h5PayUrl);
    return { kind: 'redirected' };
  }
  try {
    const { paymentParams } = payment;
    await Taro.requestPayment({
      timeStamp: paymentParams.timeStamp,
      nonceStr: paymentParams.nonceStr,
      package: paymentParams.package,
      signType: paymentParams.signType,
      paySign: paymentParams.paySign,
    });
    return { kind: 'paid' };
  } catch (err) {
    if (isApiError(err)) return { kind: 'failed', message: err.message };
    const errMsg = (err as RequestPaymentFail | null)?.errMsg ?? '';
    if (/cancel/i.test(errMsg)) return { kind: 'cancelled' };
    console.warn('[order] requestPayment failed', errMsg);
    return { kind: 'failed', message: '支付未完成，请重试' };
  }
}

/** Polls the order every second for up to 15 s until it is no longer waiting for payment. */
export function waitUntilPaid(orderId: number, cancelled: () => boolean): Promise<PollResult<OrderView>> {
  return pollUntil(
    () => getOrder(orderId),
    (order) => order.state !== 'PENDING_PAYMENT',
    { intervalMs: 1000, timeoutMs: 15_000, cancelled },
  );
}
