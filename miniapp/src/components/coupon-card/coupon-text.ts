import { formatFen, fen, yuanText, zheText, type CouponView, type CouponWalletStatus } from '@tidepool/shared';
import { formatDate, formatEnd, formatRange } from '@/utils/date';

export const COUPON_STATUS_LABEL: Record<CouponWalletStatus, string> = {
  AVAILABLE: '可用',
  USED: '已使用',
  EXPIRED: '已过期',
};

/** The ticket's face: "¥8" off, or "88折". */
export function couponFace(coupon: Pick<CouponView, 'kind' | 'amountOffFen' | 'payRateBp'>): string {
  if (coupon.kind === 'AMOUNT_OFF') return `¥${yuanText(coupon.amountOffFen ?? 0)}`;
  return zheText(coupon.payRateBp ?? 10_000);
}

/** "无门槛" or "满¥99.00可用", then where it applies and whether it combines. */
export function couponTerms(coupon: Pick<CouponView, 'thresholdFen' | 'scope' | 'stacking'>): string {
  const threshold = coupon.thresholdFen > 0 ? `满${formatFen(fen(coupon.thresholdFen))}可用` : '无门槛';
  const scope = coupon.scope.kind === 'ALL' ? '全场通用' : '指定商品可用';
  return [threshold, scope, coupon.stacking === 'STACKABLE' ? '可叠加' : null].filter(Boolean).join(' · ');
}

/**
 * The last moment a coupon can be used, as people read it, in the store's zone. `validUntil` is exclusive: an end
 * at local midnight means "through the day before" (2026-12-02T00:00 → "2026-12-01"); any other end names its
 * time too.
 */
export function couponEnd(validUntil: string): string {
  return formatEnd(validUntil);
}

/**
 * What the card says about time: the validity range, used on, expired on, all in one format from the shared
 * formatter. No device clock is consulted: the server's status is the truth (a phone's clock may be off, or a demo
 * server's clock started elsewhere with TIDEPOOL_NOW).
 */
export function couponValidity(coupon: Pick<CouponView, 'status' | 'validFrom' | 'validUntil' | 'usedAt'>): string {
  switch (coupon.status) {
    case 'USED':
      return coupon.usedAt ? `${formatDate(coupon.usedAt)} 已使用` : '已使用';
    case 'EXPIRED':
      return `${couponEnd(coupon.validUntil)} 已过期`;
    case 'AVAILABLE':
      return `有效期 ${formatRange(coupon.validFrom, coupon.validUntil)}`;
  }
}

/**
 * Where a wallet entry is used (issue 12, defect 13): coupons (优惠券) come off online orders at checkout and off
 * till purchases when the member code is shown; goods vouchers (商品券, the signup bag) only at a store's till.
 */
export const CHANNEL_HINT = {
  coupon: '线上下单结算时可用，到店出示会员码也可用',
  voucher: '到店出示会员码，由店员核销',
} as const;
