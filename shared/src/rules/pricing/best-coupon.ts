/**
 * Picks the coupons from a member's wallet that make the order cheapest, so the checkout can preselect them.
 *
 * Candidates: no coupon; each usable EXCLUSIVE coupon alone; the usable STACKABLE coupons together. A coupon is
 * worth the same whatever else is selected, and the allocation places the most any allocation could, so adding a
 * usable stackable coupon never raises the payable (property-tested): "all of them" is the cheapest stackable
 * set. Coupons that add nothing are then dropped (highest id first) so none is used up for no gain.
 * Ties: lower payable, then fewer coupons, then lower coupon ids (older coupons first).
 */
import type { Fen } from '../../money/fen';
import { couponApplicability, type CouponRejection } from './coupons';
import { applyItemPromotions } from './promotions';
import { quote } from './quote';
import type { Coupon, ItemPromotion, MemberContext, PricingRules, QuoteLine, QuoteResult } from './types';
import { validateCoupon } from './validate';

export interface CouponChoiceContext {
  member: MemberContext | null;
  promotions?: readonly ItemPromotion[];
  rules?: PricingRules;
  /** When given, coupons outside their validity window are unusable. */
  now?: Date;
}

export interface UnusableCoupon {
  couponId: number;
  reason: CouponRejection;
  shortfallFen: Fen | null;
}

export interface BestCouponChoice {
  /** The coupons to apply, by id; may be empty. */
  coupons: Coupon[];
  quote: QuoteResult;
  /** Every wallet coupon that cannot be used on these lines, with why (for the greyed-out list). */
  unusable: UnusableCoupon[];
}

interface Priced {
  coupons: Coupon[];
  quote: QuoteResult;
}

function compareIds(a: readonly Coupon[], b: readonly Coupon[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i].id !== b[i].id) return a[i].id - b[i].id;
  }
  return a.length - b.length;
}

function better(a: Priced, b: Priced): boolean {
  const byPayable = a.quote.payableFen - b.quote.payableFen;
  const byCount = a.coupons.length - b.coupons.length;
  return (byPayable || byCount || compareIds(a.coupons, b.coupons)) < 0;
}

export function bestCouponChoice(
  lines: readonly QuoteLine[],
  context: CouponChoiceContext,
  walletCoupons: readonly Coupon[],
): BestCouponChoice {
  const { member, promotions, rules, now } = context;
  const price = (coupons: Coupon[]): Priced => ({
    coupons,
    quote: quote({ lines, member, promotions, rules, coupons }),
  });
  const afterItemsFen = applyItemPromotions(lines, promotions ?? []).afterItemsFen;

  const usable: Coupon[] = [];
  const unusable: UnusableCoupon[] = [];
  for (const coupon of [...walletCoupons].sort((a, b) => a.id - b.id)) {
    validateCoupon(coupon);
    const check = couponApplicability(coupon, lines, afterItemsFen, now ?? null);
    if (check.applicable) usable.push(coupon);
    else unusable.push({ couponId: coupon.id, reason: check.reason, shortfallFen: check.shortfallFen });
  }

  const candidates: Priced[] = [price([])];
  for (const coupon of usable) if (coupon.stacking === 'EXCLUSIVE') candidates.push(price([coupon]));

  const stackable = usable.filter((c) => c.stacking === 'STACKABLE');
  if (stackable.length > 0) {
    let kept = price(stackable);
    for (const coupon of [...stackable].reverse()) {
      const without = price(kept.coupons.filter((c) => c !== coupon));
      if (without.quote.payableFen <= kept.quote.payableFen) kept = without;
    }
    candidates.push(kept);
  }

  const best = candidates.reduce((a, b) => (better(b, a) ? b : a));
  return { coupons: best.coupons, quote: best.quote, unusable };
}
