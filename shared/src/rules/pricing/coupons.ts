/**
 * Coupon rules: which lines a coupon covers, whether it may be used, what it is worth, and which coupons may be
 * combined. Validity windows are data the server owns; `isCouponApplicable` checks them against the `now` it is
 * given, so the wallet can grey out a coupon with the same reason code the checkout would answer.
 *
 * - A coupon is measured on its in-scope amount after item promotions: the threshold is checked against it and
 *   the discount computed from it (AMOUNT_OFF: the amount, at most the in-scope amount; PERCENT: the rate, rounded
 *   down to the fen, at most the cap). Other order discounts do not change what a coupon is worth, so the wallet
 *   can show "可省¥x" per coupon, and using one coupon never makes another unusable.
 * - At most one EXCLUSIVE coupon, and then nothing else; any number of STACKABLE coupons combine.
 */
import type { ErrorCode } from '../../contracts/error-codes';
import { fen, type Fen, minFen } from '../../money/fen';
import { applyItemPromotions } from './promotions';
import { discountAtRate } from './rate';
import { type Coupon, type ItemPromotion, PricingError, type QuoteLine } from './types';
import { validateCoupon } from './validate';

export type CouponRejection = Extract<
  ErrorCode,
  'COUPON_NOT_APPLICABLE' | 'COUPON_NOT_STARTED' | 'COUPON_EXPIRED' | 'COUPON_THRESHOLD_NOT_MET'
>;

export type CouponApplicability =
  /** `discountFen` is what the coupon is worth on these lines on its own. */
  | { applicable: true; eligibleFen: Fen; discountFen: Fen }
  /** `shortfallFen` ("还差¥x可用") is set for COUPON_THRESHOLD_NOT_MET only. */
  | { applicable: false; reason: CouponRejection; shortfallFen: Fen | null };

export function couponCoversLine(coupon: Coupon, line: QuoteLine): boolean {
  const scope = coupon.scope;
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'CATEGORIES':
      return scope.categoryIds.includes(line.categoryId);
    case 'PRODUCTS':
      return scope.productIds.includes(line.productId);
  }
}

/** Indexes of the lines a coupon covers. */
export function couponScope(coupon: Coupon, lines: readonly QuoteLine[]): number[] {
  return lines.flatMap((line, i) => (couponCoversLine(coupon, line) ? [i] : []));
}

/** The time check alone: not started, expired, or null when `now` is inside the window. */
export function couponTimeRejection(coupon: Coupon, now: Date): CouponRejection | null {
  const t = now.getTime();
  if (coupon.validFrom !== null && t < Date.parse(coupon.validFrom)) return 'COUPON_NOT_STARTED';
  if (coupon.validUntil !== null && t >= Date.parse(coupon.validUntil)) return 'COUPON_EXPIRED';
  return null;
}

/** Scope and threshold against amounts already reduced by item promotions (one entry per line). */
export function couponEligibility(
  coupon: Coupon,
  lines: readonly QuoteLine[],
  afterItemsFen: readonly Fen[],
): CouponApplicability {
  const scope = couponScope(coupon, lines);
  if (scope.length === 0) return { applicable: false, reason: 'COUPON_NOT_APPLICABLE', shortfallFen: null };
  const eligibleFen = fen(scope.reduce((s, i) => s + afterItemsFen[i], 0));
  if (eligibleFen < coupon.thresholdFen) {
    const shortfallFen = fen(coupon.thresholdFen - eligibleFen);
    return { applicable: false, reason: 'COUPON_THRESHOLD_NOT_MET', shortfallFen };
  }
  return { applicable: true, eligibleFen, discountFen: couponDiscountFen(coupon, eligibleFen) };
}

/** Window (when `now` is given), then scope, then threshold, on amounts already reduced by item promotions. */
export function couponApplicability(
  coupon: Coupon,
  lines: readonly QuoteLine[],
  afterItemsFen: readonly Fen[],
  now: Date | null,
): CouponApplicability {
  const reason = now ? couponTimeRejection(coupon, now) : null;
  if (reason) return { applicable: false, reason, shortfallFen: null };
  return couponEligibility(coupon, lines, afterItemsFen);
}

/**
 * Whether a coupon can be used on these lines at `now`, with the first reason it cannot: window, then scope, then
 * threshold (measured after the active item promotions, as `quote` does).
 */
export function isCouponApplicable(
  coupon: Coupon,
  lines: readonly QuoteLine[],
  now: Date,
  promotions: readonly ItemPromotion[] = [],
): CouponApplicability {
  validateCoupon(coupon);
  return couponApplicability(coupon, lines, applyItemPromotions(lines, promotions).afterItemsFen, now);
}

/** Throws COUPON_NOT_STACKABLE unless the selection is empty, one coupon, or stackable coupons only. */
export function assertCombinable(coupons: readonly Coupon[]): void {
  const exclusive = coupons.find((c) => c.stacking === 'EXCLUSIVE');
  if (exclusive && coupons.length > 1) {
    throw new PricingError('COUPON_NOT_STACKABLE', `coupon ${exclusive.id} cannot be combined`, exclusive.id);
  }
}

/** What a coupon is worth on `eligibleFen` of in-scope goods (after item promotions); never more than that. */
export function couponDiscountFen(coupon: Coupon, eligibleFen: Fen): Fen {
  if (coupon.kind === 'AMOUNT_OFF') return minFen(coupon.amountOffFen, eligibleFen);
  const off = discountAtRate(eligibleFen, coupon.payRateBp);
  return coupon.maxDiscountFen === null ? off : minFen(off, coupon.maxDiscountFen);
}
