import type { ShippingAddress } from './address.contract';
import type { ErrorCode } from './error-codes';

/**
 * Points mall (积分商城): gifts bought with points. A redemption takes one unit of stock and the gift's points in a
 * resumable sequence keyed by the client's request id; a PICKUP gift yields a voucher with a pickup code that a
 * cashier verifies in store mode, a SHIP gift a shipping record.
 */
export const GIFT_FULFILMENTS = ['PICKUP', 'SHIP'] as const;
export type GiftFulfilment = (typeof GIFT_FULFILMENTS)[number];

export const GIFT_FULFILMENT_LABELS: Record<GiftFulfilment, string> = { PICKUP: '到店自提', SHIP: '快递到家' };

/** GET /api/points-mall/gifts?page=&pageSize= (active gifts only). */
export interface GiftSummary {
  id: number;
  name: string;
  /** A path under /static/ served by the API (or a full URL). */
  imageUrl: string;
  pointsPrice: number;
  stock: number;
  fulfilments: GiftFulfilment[];
}

/** GET /api/points-mall/gifts/:id */
export interface GiftDetail extends GiftSummary {
  description: string;
}

/**
 * POST /api/points-mall/redemptions. `clientRequestId` is made once per attempt and reused on every retry of
 * it: a retry answers with the same redemption (or the same error) and never spends twice.
 */
export interface CreateRedemptionRequest {
  giftId: number;
  /** 8-64 characters of A-Z a-z 0-9 _ -. */
  clientRequestId: string;
  fulfilment: GiftFulfilment;
  /** Required for SHIP, refused for PICKUP. */
  address?: ShippingAddress;
}

export const CLIENT_REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** PROCESSING only while a redemption is between its steps (a retry or the sweeper job completes it). */
export const REDEMPTION_STATUSES = ['PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export type GiftVoucherStatus = 'AVAILABLE' | 'PICKED_UP';

export interface GiftVoucherView {
  pickupCode: string;
  status: GiftVoucherStatus;
  pickedUpAt: string | null;
  pickedUpStoreName: string | null;
}

export type GiftShipmentStatus = 'PENDING' | 'SHIPPED';

export interface GiftShipmentView {
  recipientName: string;
  phoneMasked: string;
  region: string;
  detail: string;
  status: GiftShipmentStatus;
  carrier: string | null;
  trackingNo: string | null;
  shippedAt: string | null;
}

/** A redemption as the member sees it (POST result, GET /api/points-mall/me/redemptions). */
export interface RedemptionView {
  id: number;
  clientRequestId: string;
  gift: { id: number; name: string; imageUrl: string };
  pointsPrice: number;
  fulfilment: GiftFulfilment;
  status: RedemptionStatus;
  /** Why it failed (POINTS_INSUFFICIENT, GIFT_OUT_OF_STOCK). */
  failureCode: ErrorCode | null;
  createdAt: string;
  completedAt: string | null;
  /** PICKUP, once completed. */
  voucher: GiftVoucherView | null;
  /** SHIP, once completed. */
  shipment: GiftShipmentView | null;
}

/** POST /api/store-mode/gift-pickups: a cashier verifies a pickup code (核销礼品). */
export interface GiftPickupRequest {
  pickupCode: string;
}

export interface GiftPickupResult {
  redemptionId: number;
  giftName: string;
  giftImageUrl: string;
  pickupCode: string;
  pickedUpAt: string;
  storeName: string;
  memberPhoneMasked: string | null;
}

/** POST /api/admin/points-mall/gifts (create, with the opening stock). */
export interface CreateGiftRequest {
  name: string;
  description: string;
  imageUrl: string;
  pointsPrice: number;
  stock: number;
  fulfilments: GiftFulfilment[];
  active: boolean;
  sort?: number;
}

/** PUT /api/admin/points-mall/gifts/:id (edit; stock moves only by adjustment, never by overwrite). */
export type UpdateGiftRequest = Omit<CreateGiftRequest, 'stock'>;

/** POST /api/admin/points-mall/gifts/:id/stock: add (positive) or remove (negative) units. */
export interface AdjustGiftStockRequest {
  delta: number;
}

/** GET /api/admin/points-mall/gifts: every gift, active or not. */
export interface AdminGiftView extends GiftDetail {
  active: boolean;
  sort: number;
  /** Units given out by completed redemptions. */
  redeemed: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Pickup codes: 10 characters of Crockford base32 (no I, L, O, U), 50 random bits, so they cannot be guessed.
 * Typing is forgiving: case, spaces and dashes are ignored, and I/L read as 1, O as 0.
 */
export const PICKUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PICKUP_CODE_LENGTH = 10;

/** The canonical code for what a cashier typed, or null when it cannot be one. */
export function normalisePickupCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== PICKUP_CODE_LENGTH) return null;
  for (const ch of code) if (!PICKUP_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** ABCDE-FGHJK: easier to read out at a till. */
export function formatPickupCode(code: string): string {
  return code.length === PICKUP_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

// ——— Operator ———

/** GET /api/admin/points-mall/gifts: filters in SQL. */
export interface AdminGiftListQuery {
  page?: number;
  pageSize?: number;
  keyword?: string;
  active?: boolean;
}

/** GET /api/admin/points-mall/redemptions: phone is the member's full number (matched exactly), shown masked. */
export interface AdminRedemptionListQuery {
  page?: number;
  pageSize?: number;
  status?: RedemptionStatus;
  giftId?: number;
  fulfilment?: GiftFulfilment;
  phone?: string;
  from?: string;
  to?: string;
}

/** A redemption as the operator sees it: the member by masked phone, never the pickup code (the credential). */
export interface AdminRedemptionView {
  id: number;
  memberId: number;
  memberPhoneMasked: string | null;
  gift: { id: number; name: string; imageUrl: string };
  pointsPrice: number;
  fulfilment: GiftFulfilment;
  status: RedemptionStatus;
  failureCode: ErrorCode | null;
  createdAt: string;
  completedAt: string | null;
  voucher: Omit<GiftVoucherView, 'pickupCode'> | null;
  shipment: GiftShipmentView | null;
}

/** POST /api/admin/points-mall/redemptions/:id/ship: the warehouse sent it. */
export interface ShipRedemptionRequest {
  carrier: string;
  trackingNo: string;
}
