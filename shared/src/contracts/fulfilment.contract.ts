import type { LineRefundState, OrderState } from '../state-machines/order';

/**
 * Fulfilment of online orders: the operator ships with a carrier and tracking number, the member confirms
 * receipt (or the system does N days after shipping), and a store-pickup order is handed over at its store by a
 * cashier who types or scans the order's pickup code.
 */

/** POST /api/admin/orders/:id/ship */
export interface ShipOrderRequest {
  /** 快递公司, e.g. 顺丰速运 (1..20 characters). */
  carrier: string;
  /** 运单号: 6..40 letters, digits or dashes. */
  trackingNo: string;
}

/** The carriers the operator usually picks (any other name is accepted too). */
export const COMMON_CARRIERS = [
  '顺丰速运',
  '京东物流',
  '中通快递',
  '圆通速递',
  '韵达快递',
  '申通快递',
  'EMS',
  '极兔速递',
];

export const TRACKING_NO_PATTERN = /^[A-Za-z0-9-]{6,40}$/;

/** What the member sees of a shipped order. */
export interface OrderShipmentView {
  carrier: string;
  trackingNo: string;
  shippedAt: string;
  /** The order completes by itself at this instant unless the member confirms receipt earlier. */
  autoConfirmAt: string | null;
}

/**
 * Order pickup codes: 12 random digits (about 40 bits) shown as a QR code and as digits in groups of four; only
 * a cashier of the order's own store can use one, once. Spaces and dashes are ignored when typed.
 */
export const ORDER_PICKUP_CODE_LENGTH = 12;

export function normaliseOrderPickupCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${ORDER_PICKUP_CODE_LENGTH}}$`).test(code) ? code : null;
}

/** 1234 5678 9012: easier to read out at a till. */
export function formatOrderPickupCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** POST /api/store-mode/order-pickups/lookup and POST /api/store-mode/order-pickups */
export interface OrderPickupRequest {
  pickupCode: string;
}

export interface OrderPickupLineView {
  productName: string;
  specText: string;
  imageUrl: string;
  quantity: number;
  refundState: LineRefundState;
}

/** What the till shows for a pickup code: the goods to hand over, and whether they already were. */
export interface OrderPickupView {
  orderId: number;
  orderNo: string;
  state: OrderState;
  storeName: string;
  memberPhoneMasked: string | null;
  payableFen: number;
  lines: OrderPickupLineView[];
  /** Null until handed over. */
  pickedUpAt: string | null;
}
