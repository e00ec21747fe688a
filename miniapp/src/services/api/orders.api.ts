import {
  PAGINATION,
  type CheckoutQuoteRequest,
  type CheckoutQuoteResponse,
  type CreateOrderRequest,
  type OrderPaymentResponse,
  type OrderState,
  type OrderSummaryView,
  type OrderView,
  type Page,
  type ServerTimeResponse,
} from '@tidepool/shared';
import { http } from '../http';
import { memberRequest } from '../session';

/** The member's checkout and orders (member token; a member only ever sees their own orders). */

const orderPath = (id: number, action = '') => `/api/orders/${encodeURIComponent(String(id))}${action}`;

/** POST /api/orders/quote: the breakdown; without `couponIds` the best combination is applied. */
export function quoteCheckout(body: CheckoutQuoteRequest): Promise<CheckoutQuoteResponse> {
  return memberRequest<CheckoutQuoteResponse>('/api/orders/quote', {
    method: 'POST',
    body: {
      lines: body.lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
      ...(body.couponIds ? { couponIds: [...body.couponIds] } : {}),
    },
  });
}

/**
 * POST /api/orders: reserves the stock and uses the coupons. Idempotent by `clientOrderId` (a retry answers the
 * order made the first time). Refusals: PRICE_CHANGED, STOCK_INSUFFICIENT (details name the SKU), coupon codes.
 */
export function createOrder(body: CreateOrderRequest): Promise<OrderView> {
  return memberRequest<OrderView>('/api/orders', { method: 'POST', body: { ...body } });
}

/** GET /api/orders: newest first; `state` filters one tab. */
export function listOrders(
  page: number,
  state?: OrderState,
  pageSize: number = PAGINATION.defaultPageSize,
): Promise<Page<OrderSummaryView>> {
  return memberRequest<Page<OrderSummaryView>>('/api/orders', { query: { page, pageSize, state } });
}

/** GET /api/orders/:id (404 ORDER_NOT_FOUND for another member's order). */
export function getOrder(id: number): Promise<OrderView> {
  return memberRequest<OrderView>(orderPath(id));
}

/** POST /api/orders/:id/cancel: an unpaid order; stock and coupons go back. */
export function cancelOrder(id: number): Promise<OrderView> {
  return memberRequest<OrderView>(orderPath(id, '/cancel'), { method: 'POST' });
}

/** POST /api/orders/:id/confirm-receipt (确认收货): a shipped order completes; a repeat answers it as it is. */
export function confirmReceipt(id: number): Promise<OrderView> {
  return memberRequest<OrderView>(orderPath(id, '/confirm-receipt'), { method: 'POST' });
}

/** POST /api/orders/:id/pay: opens (or reopens) the WeChat Pay order for `Taro.requestPayment` or the H5 pay page. */
export function payOrder(id: number): Promise<OrderPaymentResponse> {
  return memberRequest<OrderPaymentResponse>(orderPath(id, '/pay'), { method: 'POST' });
}

/** GET /api/time (public): the payment countdown runs on the server's clock, not the phone's. */
export function getServerTime(): Promise<ServerTimeResponse> {
  return http.get<ServerTimeResponse>('/api/time');
}
