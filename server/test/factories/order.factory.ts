import type { CheckoutQuoteResponse, OrderView } from '@tidepool/shared';
import type { Actor } from '../support/actors';
import { settleOutbox } from '../support/outbox';
import type { TestApp } from '../support/test-app';
import { simulatorOf } from '../support/wechatpay';
import { unique } from './unique';

/**
 * Orders through the real flow (quote, place, pay through the WeChat Pay simulator, fulfil), so every module
 * that follows an order sees what it would in production. The app must run the simulator (`simWechatPay()`).
 */
export type OrderLines = number[] | { skuId: number; quantity: number }[];

export interface OrderOptions {
  /** PICKUP at store 1 by default; SHIP sends to a fixed address. */
  fulfilment?: 'SHIP' | 'PICKUP';
  pickupStoreId?: number;
  couponIds?: number[];
}

const ADDRESS = { recipientName: '张三', phone: '13800000000', region: '上海市 静安区', detail: '南京西路 1 号' };

function asLines(lines: OrderLines): { skuId: number; quantity: number }[] {
  return lines.map((line) => (typeof line === 'number' ? { skuId: line, quantity: 1 } : line));
}

async function call<T>(t: TestApp, who: Actor, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await t.inject({ method, url, headers: who.headers, payload });
  if (res.statusCode !== 200 && res.statusCode !== 201)
    throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** Placed and not paid (holds its stock for the payment window). */
export async function unpaidOrder(
  t: TestApp,
  buyer: Actor,
  lines: OrderLines,
  options: OrderOptions = {},
): Promise<OrderView> {
  const items = asLines(lines);
  const couponIds = options.couponIds ?? [];
  const q = await call<CheckoutQuoteResponse>(t, buyer, 'POST', '/api/orders/quote', { lines: items, couponIds });
  const fulfilment =
    options.fulfilment === 'SHIP'
      ? { fulfilment: 'SHIP', address: ADDRESS }
      : { fulfilment: 'PICKUP', pickupStoreId: options.pickupStoreId ?? 1 };
  return call<OrderView>(t, buyer, 'POST', '/api/orders', {
    clientOrderId: unique('order'),
    lines: items,
    couponIds,
    expectedPayableFen: q.payableFen,
    ...fulfilment,
  });
}

/** Paid through the WeChat Pay simulator, with the `order.paid` consumers (points, commission…) run. */
export async function paidOrder(
  t: TestApp,
  buyer: Actor,
  lines: OrderLines,
  options: OrderOptions = {},
): Promise<OrderView> {
  const order = await unpaidOrder(t, buyer, lines, options);
  const pay = await call<{ paymentParams: { package: string } }>(t, buyer, 'POST', `/api/orders/${order.id}/pay`);
  await simulatorOf(t).pay(pay.paymentParams.package.replace('prepay_id=', ''));
  await settleOutbox(t);
  return call<OrderView>(t, buyer, 'GET', `/api/orders/${order.id}`);
}

/** Paid for delivery and shipped by the operator. */
export async function shippedOrder(t: TestApp, operator: Actor, buyer: Actor, lines: OrderLines): Promise<OrderView> {
  const order = await paidOrder(t, buyer, lines, { fulfilment: 'SHIP' });
  await call(t, operator, 'POST', `/api/admin/orders/${order.id}/ship`, {
    carrier: '顺丰速运',
    trackingNo: `SF${1_000_000_000 + order.id}`,
  });
  return call<OrderView>(t, buyer, 'GET', `/api/orders/${order.id}`);
}

/** Handed over at the store (fulfilled) and confirmed by the buyer. */
export async function completeOrder(t: TestApp, operator: Actor, buyer: Actor, orderId: number): Promise<void> {
  await call(t, operator, 'POST', `/api/admin/orders/${orderId}/fulfil`);
  await call(t, buyer, 'POST', `/api/orders/${orderId}/confirm-receipt`);
}

/** Paid for pickup, handed over and confirmed: COMPLETED, its return window running from now. */
export async function completedOrder(t: TestApp, operator: Actor, buyer: Actor, lines: OrderLines): Promise<OrderView> {
  const order = await paidOrder(t, buyer, lines);
  await completeOrder(t, operator, buyer, order.id);
  await settleOutbox(t);
  return call<OrderView>(t, buyer, 'GET', `/api/orders/${order.id}`);
}
