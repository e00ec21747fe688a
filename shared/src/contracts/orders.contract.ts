import type { LineRefundState, OrderAction, OrderState } from '../state-machines/order';
import type { ShippingAddress } from './address.contract';
import type { CouponView } from './coupons.contract';
import type { OrderShipmentView } from './fulfilment.contract';

export interface CheckoutLineInput {
  skuId: number;
  /** 1..99 */
  quantity: number;
}

/** POST /api/orders/quote: the checkout page's breakdown, priced by the shared engine the server charges with. */
export interface CheckoutQuoteRequest {
  lines: CheckoutLineInput[];
  /** The coupons the member picked; omit to get the best combination suggested and applied. */
  couponIds?: number[];
}

export interface CheckoutLineView {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  originalFen: number;
  itemDiscountFen: number;
  orderDiscountFen: number;
  paidFen: number;
}

export interface CheckoutDiscountView {
  key: string;
  label: string;
  amountFen: number;
}

export interface CheckoutCouponOption {
  coupon: CouponView;
  usable: boolean;
  /** Why not (an error code such as COUPON_THRESHOLD_NOT_MET); null when usable. */
  reason: string | null;
  /** 还差¥x可用 */
  shortfallFen: number | null;
}

export interface CheckoutQuoteResponse {
  lines: CheckoutLineView[];
  discounts: CheckoutDiscountView[];
  subtotalFen: number;
  totalDiscountFen: number;
  payableFen: number;
  /** The coupons this quote applied. */
  couponIds: number[];
  /** The best combination from the wallet (what the page pre-selects). */
  suggestedCouponIds: number[];
  coupons: CheckoutCouponOption[];
  memberDay: boolean;
  pointsToEarn: number;
}

export type Fulfilment = 'SHIP' | 'PICKUP';

/** POST /api/orders: idempotent by clientOrderId (a retried submit returns the same order). */
export interface CreateOrderRequest {
  clientOrderId: string;
  lines: CheckoutLineInput[];
  couponIds: number[];
  /** The payable the member saw; a different current price answers PRICE_CHANGED (nothing is created). */
  expectedPayableFen: number;
  fulfilment: Fulfilment;
  address?: ShippingAddress;
  pickupStoreId?: number;
  remark?: string;
}

export interface OrderLineView {
  id: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  paidFen: number;
  refundState: LineRefundState;
}

export interface OrderView {
  id: number;
  orderNo: string;
  state: OrderState;
  /** Buttons the member may use now (from the shared state machine). */
  actions: OrderAction[];
  createdAt: string;
  /** Unpaid orders are cancelled (stock released) at this instant. */
  payBefore: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  lines: OrderLineView[];
  discounts: CheckoutDiscountView[];
  subtotalFen: number;
  totalDiscountFen: number;
  payableFen: number;
  fulfilment: Fulfilment;
  address: ShippingAddress | null;
  pickupStoreName: string | null;
  pointsAwarded: number;
  /** Shipped (or handed over) at; null before. */
  fulfilledAt: string | null;
  /** Receipt confirmed (by the member, the system or the pickup handover) at; null before. */
  completedAt: string | null;
  /** Carrier and tracking number once the operator shipped it; null otherwise. */
  shipment: OrderShipmentView | null;
  /** A PICKUP order's code (12 digits) while it waits at the store (PAID); null otherwise. */
  pickupCode: string | null;
}

export interface OrderSummaryView {
  id: number;
  orderNo: string;
  state: OrderState;
  createdAt: string;
  payableFen: number;
  itemCount: number;
  firstImageUrl: string;
  title: string;
  fulfilment: Fulfilment;
  /** Buttons the member may use now (from the shared state machine). */
  actions: OrderAction[];
}

/** What `wx.requestPayment` takes, as WeChat Pay signed it. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/**
 * POST /api/orders/:id/pay: opens (or reopens) the WeChat Pay order. weapp calls `Taro.requestPayment(paymentParams)`;
 * the browser demo opens `h5PayUrl` (the local payment simulator's pay page, which returns to the order page).
 * The order becomes PAID only when the payment notification arrives: poll `GET /api/orders/:id` afterwards.
 */
export interface OrderPaymentResponse {
  paymentParams: RequestPaymentParams;
  /** Null when payments go to real WeChat Pay (no browser payment page). */
  h5PayUrl: string | null;
}

/** POST /api/orders/:id/refunds: refund whole lines (their paid amounts, after all discounts). */
export interface RequestRefundRequest {
  lineIds: number[];
  reason?: string;
}
