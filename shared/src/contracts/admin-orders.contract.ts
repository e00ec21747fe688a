import type { OrderState } from '../state-machines/order';
import type { LineRefundState } from '../state-machines/order';
import type { AdminAfterSaleView } from './after-sales.contract';
import type { ShippingAddress } from './address.contract';
import type { CheckoutDiscountView, Fulfilment } from './orders.contract';
import type { PageQuery } from './pagination.contract';

/** Where an online order came from: the mini program mall, or a weekly drop (团购). */
export type OrderChannel = 'MALL' | 'DROP';

export const ORDER_CHANNEL_LABELS: Record<OrderChannel, string> = { MALL: '小程序商城', DROP: '团购' };

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  PENDING_PAYMENT: '待付款',
  PAID: '待发货/待自提',
  FULFILLED: '已发货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
};

/** The state as staff read it: a paid order waits to be shipped or to be picked up, by its fulfilment. */
export function orderStateLabel(state: OrderState, fulfilment: Fulfilment): string {
  if (state === 'PAID') return fulfilment === 'SHIP' ? '待发货' : '待自提';
  return ORDER_STATE_LABELS[state];
}

export const FULFILMENT_LABELS: Record<Fulfilment, string> = { SHIP: '快递配送', PICKUP: '到店自提' };

/** WeChat Pay's own word on a refund (the refund record's status). */
export type PaymentRefundStatusView = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

export const PAYMENT_REFUND_STATUS_LABELS: Record<PaymentRefundStatusView, string> = {
  PROCESSING: '微信退款处理中',
  SUCCESS: '微信退款成功',
  ABNORMAL: '微信退款异常（需人工处理）',
  CLOSED: '微信退款已关闭',
};

/** The most rows one CSV export carries; narrow the filters for more. */
export const ADMIN_ORDER_EXPORT_MAX_ROWS = 10_000;

/** GET /api/admin/orders (and …/export.csv): every filter is applied in SQL. */
export interface AdminOrderListQuery extends PageQuery {
  state?: OrderState;
  fulfilment?: Fulfilment;
  /** Operators only; a store manager is always confined to their store. */
  storeId?: number;
  /** createdAt ≥ from, < to (UTC ISO instants). */
  from?: string;
  to?: string;
  orderNo?: string;
  /** The member's full 11-digit phone number (answers show it masked). */
  phone?: string;
}

/** One row of the console's order list. An order's store is its pickup store; shipped orders belong to the brand. */
export interface AdminOrderRow {
  id: number;
  orderNo: string;
  memberId: number;
  /** 138****1234; null when the member has no phone (or the account was deleted). */
  memberPhoneMasked: string | null;
  storeId: number | null;
  storeName: string | null;
  channel: OrderChannel;
  state: OrderState;
  fulfilment: Fulfilment;
  payableFen: number;
  itemCount: number;
  createdAt: string;
  paidAt: string | null;
}

export interface AdminOrderLineView {
  id: number;
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: number;
  quantity: number;
  /** unitPrice × quantity before any discount. */
  originalFen: number;
  /** The line's own discounts (zone, member day…) and its share of order-level ones (coupons). */
  itemDiscountFen: number;
  orderDiscountFen: number;
  paidFen: number;
  refundState: LineRefundState;
  refundedQuantity: number;
  refundedFen: number;
}

export interface AdminOrderPaymentView {
  /** WeChat Pay's transaction_id. */
  transactionId: string;
  amountFen: number;
  paidAt: string;
}

export interface AdminOrderRefundView {
  id: number;
  /** Our out_refund_no. */
  outRefundNo: string;
  /** WeChat Pay's refund_id, once WeChat answered the request. */
  wechatRefundId: string | null;
  /** The WeChat payment refunded. */
  transactionId: string;
  kind: 'LATE_PAYMENT' | 'LINES';
  amountFen: number;
  status: PaymentRefundStatusView;
  createdAt: string;
  settledAt: string | null;
}

export interface AdminOrderTimelineEntry {
  at: string;
  title: string;
  note: string | null;
}

/** What the console may do to the order now. */
export type AdminOrderAction = 'SHIP' | 'HAND_OVER' | 'CANCEL';

export interface AdminOrderDetail extends AdminOrderRow {
  actions: AdminOrderAction[];
  subtotalFen: number;
  totalDiscountFen: number;
  discounts: CheckoutDiscountView[];
  /** The versions of the pricing rules the order was priced with. */
  ruleVersions: Record<string, unknown>;
  couponIds: number[];
  remark: string;
  address: ShippingAddress | null;
  payBefore: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  fulfilledAt: string | null;
  completedAt: string | null;
  lines: AdminOrderLineView[];
  payment: AdminOrderPaymentView | null;
  refunds: AdminOrderRefundView[];
  shipment: { carrier: string; trackingNo: string; shippedAt: string } | null;
  pickup: {
    storeId: number;
    storeName: string | null;
    handedOverAt: string | null;
    handedOverByStaffId: number | null;
  } | null;
  /** Oldest first: the order's own moves, its refunds and its after-sales. */
  timeline: AdminOrderTimelineEntry[];
}

/** POST /api/admin/orders/:id/cancel */
export interface AdminCancelOrderRequest {
  reason: string;
}

/** The after-sale as the console reads it: with the WeChat Pay status of the refund paying it. */
export interface AdminAfterSaleDetail extends AdminAfterSaleView {
  storeId: number | null;
  refund: AdminOrderRefundView | null;
}

/** GET /api/admin/orders/stores: what the list's store filter offers (a store manager gets their own only). */
export interface AdminOrderStoreOption {
  id: number;
  name: string;
}
