/**
 * Item promotions: discounts that belong to particular units, applied before any order-level discount.
 *
 * Order: every MULTI_BUY zone (in the order given), then every ADD_ON offer (in the order given). A unit takes
 * part in at most one item promotion: units claimed by an earlier promotion are not available to later ones.
 *
 * MULTI_BUY ("2件79折"): the zone's units are discounted in complete groups of N. With k units in the zone,
 * floor(k / N) × N units get the rate and the k mod N leftovers pay full price. The discounted units are the most
 * expensive ones (ties to the earlier line), which is the grouping a shopper would choose anyway. The discount is
 * rounded once for the zone (see rate.ts) and spread over its lines by largest remainder.
 *
 * ADD_ON (换购, "加1元换购"): when the qualifying lines (the gift SKU itself excluded) reach the threshold after
 * multi-buy discounts, and at least one qualifying line is in the basket, up to `maxQuantity` units of the gift SKU
 * cost `addOnPriceFen` each (never more than their own price). Extra gift units pay their normal price.
 */
import { allocate } from '../../money/allocate';
import { fen, type Fen } from '../../money/fen';
import { addOnLabel, multiBuyLabel } from './labels';
import { discountAtRate } from './rate';
import type {
  AddOnPromotion,
  AppliedDiscount,
  DiscountShare,
  ItemPromotion,
  MultiBuyPromotion,
  QuoteLine,
} from './types';

export interface ItemPromotionsResult {
  /** Per input line: fen off by each item promotion (non-zero only). */
  lineShares: DiscountShare[][];
  /** Per input line: original amount minus its item discounts. */
  afterItemsFen: Fen[];
  /** Promotions that gave a discount, in order of application. */
  discounts: AppliedDiscount[];
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

export function lineOriginalFen(line: QuoteLine): Fen {
  return fen(line.unitPriceFen * line.quantity);
}

function hasTag(line: QuoteLine, tag: string): boolean {
  return (line.promotionTags ?? []).includes(tag);
}

/** Claims the zone's units in complete groups and returns each line's discount. Mutates `free`. */
function multiBuyShares(lines: readonly QuoteLine[], free: number[], p: MultiBuyPromotion): Fen[] {
  const zone = lines.flatMap((line, i) => (free[i] > 0 && hasTag(line, p.tag) ? [i] : []));
  const units = sum(zone.map((i) => free[i]));
  let toClaim = units - (units % p.groupSize);
  const weights = lines.map(() => 0);
  // Array.prototype.sort is stable: equal prices keep line order.
  for (const i of [...zone].sort((a, b) => lines[b].unitPriceFen - lines[a].unitPriceFen)) {
    const claimed = Math.min(free[i], toClaim);
    free[i] = free[i] - claimed;
    toClaim -= claimed;
    weights[i] = claimed * lines[i].unitPriceFen;
  }
  return allocate(discountAtRate(fen(sum(weights)), p.payRateBp), weights);
}

/** Prices the gift units at the add-on price when the offer qualifies. Mutates `free`. */
function addOnShares(
  lines: readonly QuoteLine[],
  free: number[],
  afterItems: readonly Fen[],
  p: AddOnPromotion,
): Fen[] {
  const shares = lines.map(() => fen(0));
  const qualifying = lines.flatMap((line, i) =>
    line.skuId !== p.giftSkuId && (p.qualifyingTag === undefined || hasTag(line, p.qualifyingTag)) ? [i] : [],
  );
  if (qualifying.length === 0 || sum(qualifying.map((i) => afterItems[i])) < p.thresholdFen) return shares;
  let left = p.maxQuantity;
  lines.forEach((line, i) => {
    if (line.skuId !== p.giftSkuId || left === 0) return;
    const claimed = Math.min(free[i], left);
    free[i] = free[i] - claimed;
    left -= claimed;
    shares[i] = fen(claimed * Math.max(0, line.unitPriceFen - p.addOnPriceFen));
  });
  return shares;
}

export function applyItemPromotions(
  lines: readonly QuoteLine[],
  promotions: readonly ItemPromotion[],
): ItemPromotionsResult {
  const free = lines.map((line) => line.quantity);
  const afterItemsFen = lines.map(lineOriginalFen);
  const lineShares: DiscountShare[][] = lines.map(() => []);
  const discounts: AppliedDiscount[] = [];
  const ordered = [
    ...promotions.filter((p) => p.kind === 'MULTI_BUY'),
    ...promotions.filter((p) => p.kind === 'ADD_ON'),
  ];
  for (const p of ordered) {
    const shares = p.kind === 'MULTI_BUY' ? multiBuyShares(lines, free, p) : addOnShares(lines, free, afterItemsFen, p);
    const total = sum(shares);
    if (total === 0) continue;
    const key = `promotion:${p.id}`;
    shares.forEach((amountFen, i) => {
      if (amountFen === 0) return;
      lineShares[i].push({ key, amountFen });
      afterItemsFen[i] = fen(afterItemsFen[i] - amountFen);
    });
    discounts.push({
      key,
      kind: p.kind,
      level: 'ITEM',
      label: p.kind === 'MULTI_BUY' ? multiBuyLabel(p) : addOnLabel(p),
      amountFen: fen(total),
      promotionId: p.id,
      couponId: null,
    });
  }
  return { lineShares, afterItemsFen, discounts };
}
