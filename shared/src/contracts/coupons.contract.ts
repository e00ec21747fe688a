import type { CouponScope } from '../rules/pricing/types';

export const COUPON_WALLET_STATUSES = ['AVAILABLE', 'USED', 'EXPIRED'] as const;
/** The wallet's three tabs (可用 / 已使用 / 已过期). */
export type CouponWalletStatus = (typeof COUPON_WALLET_STATUSES)[number];

/** One coupon in a member's wallet, as issued (later template edits never change it). */
export interface CouponView {
  id: number;
  /** e.g. 生日专享8元无门槛券 */
  name: string;
  /** e.g. 满99减20, 无门槛减8元, 8.8折 */
  label: string;
  kind: 'AMOUNT_OFF' | 'PERCENT';
  amountOffFen: number | null;
  payRateBp: number | null;
  maxDiscountFen: number | null;
  thresholdFen: number;
  scope: CouponScope;
  stacking: 'EXCLUSIVE' | 'STACKABLE';
  status: CouponWalletStatus;
  validFrom: string;
  validUntil: string;
  usedAt: string | null;
}

/** GET /api/coupons/me?status= */
export interface CouponWalletResponse {
  items: CouponView[];
  counts: Record<CouponWalletStatus, number>;
}

/** POST /api/admin/coupon-templates */
export interface CouponTemplateRequest {
  code: string;
  name: string;
  kind: 'AMOUNT_OFF' | 'PERCENT';
  amountOffFen?: number;
  payRateBp?: number;
  maxDiscountFen?: number | null;
  thresholdFen: number;
  scope: CouponScope;
  stacking: 'EXCLUSIVE' | 'STACKABLE';
  /** Days an issued coupon stays valid (from its issue instant). */
  validDays: number;
}

/** POST /api/admin/coupon-templates/:code/issue */
export interface IssueCouponsRequest {
  memberIds: number[];
  /** Names this batch; issuing the same batch again issues nothing new (idempotent). */
  batch: string;
}

export interface IssueCouponsResponse {
  issued: number;
  alreadyHad: number;
}
