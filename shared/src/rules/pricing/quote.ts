/**
 * The pricing engine: one pure function that the mini program calls to draw the checkout and the server calls to
 * charge, so the price shown is the price paid. The result is snapshotted on the order (with `ruleVersions`).
 *
 * Order of application:
 *   1. item promotions: multi-buy zones, then add-on offers (promotions.ts);
 *   2. order-level discounts, each worth what it is worth on the amounts after item promotions, independently of
 *      the others (a stack of ¥99−20 and 9折 on ¥120 takes ¥20 + ¥12 off):
 *      the member-day discount (whole order, loyalty/member-day.ts), then the coupons by id (coupons.ts);
 *   3. allocation of the order-level discounts over their lines (allocate-discounts.ts). When an order cannot
 *      absorb them all, the earlier ones in that order are placed in full first.
 * Invariants (property-tested): payable >= 0, every line's paid >= 0, discounts never exceed the subtotal, the sum
 * of paid is the payable, the shares of each discount add up to it, and adding a coupon never raises the payable.
 */
import { fen, type Fen } from '../../money/fen';
import { DEFAULT_MEMBER_DAY_RULE, memberDayDiscount } from '../loyalty/member-day';
import { DEFAULT_TIER_TABLE } from '../loyalty/tiers';
import { allocateOrderDiscounts, type OrderDiscountRequest } from './allocate-discounts';
import { assertCombinable, couponEligibility, couponScope } from './coupons';
import { couponLabel, memberDayLabel } from './labels';
import { applyItemPromotions, lineOriginalFen } from './promotions';
import {
  type AppliedDiscount,
  type DiscountShare,
  PRICING_ENGINE_VERSION,
  PricingError,
  type QuoteInput,
  type QuoteResult,
} from './types';
import { validateQuoteInput } from './validate';

const total = (amounts: readonly number[]): Fen => fen(amounts.reduce((s, a) => s + a, 0));

type OrderDiscount = OrderDiscountRequest & Omit<AppliedDiscount, 'level'>;

export function quote(input: QuoteInput): QuoteResult {
  validateQuoteInput(input);
  const { lines, member } = input;
  const promotions = input.promotions ?? [];
  const coupons = input.coupons ?? [];
  const memberDayRule = input.rules?.memberDay ?? DEFAULT_MEMBER_DAY_RULE;
  const tiers = input.rules?.tiers ?? DEFAULT_TIER_TABLE;

  const items = applyItemPromotions(lines, promotions);
  const orderDiscounts: OrderDiscount[] = [];

  if (member) {
    const eligibleFen = total(items.afterItemsFen);
    const off = fen(memberDayDiscount({ ...member, eligibleFen }, memberDayRule, tiers));
    if (off > 0) {
      const label = memberDayLabel(memberDayRule.thresholdFen, off);
      const scope = lines.map((_, i) => i);
      orderDiscounts.push({
        key: 'member-day',
        kind: 'MEMBER_DAY',
        label,
        amountFen: off,
        scope,
        promotionId: null,
        couponId: null,
      });
    }
  }

  assertCombinable(coupons);
  for (const coupon of [...coupons].sort((a, b) => a.id - b.id)) {
    const check = couponEligibility(coupon, lines, items.afterItemsFen);
    if (!check.applicable) throw new PricingError(check.reason, `coupon ${coupon.id}: ${check.reason}`, coupon.id);
    orderDiscounts.push({
      key: `coupon:${coupon.id}`,
      kind: 'COUPON',
      label: couponLabel(coupon),
      amountFen: check.discountFen,
      scope: couponScope(coupon, lines),
      promotionId: null,
      couponId: coupon.id,
    });
  }

  const shares = allocateOrderDiscounts(orderDiscounts, items.afterItemsFen);
  const quotedLines = lines.map((line, i) => {
    const orderShares: DiscountShare[] = orderDiscounts.flatMap((d, k) =>
      shares[k][i] > 0 ? [{ key: d.key, amountFen: shares[k][i] }] : [],
    );
    const originalFen = lineOriginalFen(line);
    const orderDiscountFen = total(orderShares.map((s) => s.amountFen));
    return {
      skuId: line.skuId,
      productId: line.productId,
      categoryId: line.categoryId,
      unitPriceFen: line.unitPriceFen,
      quantity: line.quantity,
      originalFen,
      itemDiscountFen: fen(originalFen - items.afterItemsFen[i]),
      itemDiscounts: items.lineShares[i],
      orderDiscountFen,
      orderDiscounts: orderShares,
      paidFen: fen(items.afterItemsFen[i] - orderDiscountFen),
    };
  });
  const applied = orderDiscounts.map(({ scope: _scope, ...d }, k): AppliedDiscount => ({
    ...d,
    level: 'ORDER',
    amountFen: total(shares[k]),
  }));
  const subtotalFen = total(quotedLines.map((l) => l.originalFen));
  const itemDiscountFen = total(quotedLines.map((l) => l.itemDiscountFen));
  const orderDiscountFen = total(quotedLines.map((l) => l.orderDiscountFen));
  return {
    lines: quotedLines,
    discounts: [...items.discounts, ...applied],
    subtotalFen,
    itemDiscountFen,
    orderDiscountFen,
    totalDiscountFen: fen(itemDiscountFen + orderDiscountFen),
    payableFen: total(quotedLines.map((l) => l.paidFen)),
    ruleVersions: {
      engine: PRICING_ENGINE_VERSION,
      memberDay: member ? memberDayRule.version : null,
      promotions: Object.fromEntries(promotions.map((p) => [p.id, p.version])),
      coupons: Object.fromEntries(coupons.map((c) => [String(c.id), c.version])),
    },
  };
}
