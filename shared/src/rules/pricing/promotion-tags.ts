/**
 * Promotion tags for the storefront (product cards, product page, cart lines): derived from the same promotion
 * data and label functions the pricing engine uses at checkout, so a tag can never promise something checkout does
 * not give, and a changed rule changes its tag.
 */
import type { PromotionsView } from '../../contracts/storefront.contract';
import type { TierCode } from '../loyalty/tiers';
import { addOnLabel, memberDayLabel, multiBuyLabel, yuanText, zheText } from './labels';
import type { ItemPromotion } from './types';
import { fen } from '../../money/fen';

export type PromotionTagKind = ItemPromotion['kind'] | 'MEMBER_DAY';

export interface PromotionTag {
  /** Stable key: "promotion:<id>" (as in the quote's breakdown) or "member-day". */
  key: string;
  kind: PromotionTagKind;
  /** Short text for a badge: "2件79折", "会员日满68减8". */
  label: string;
  /** One sentence for the product page: how the promotion is earned. */
  hint: string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The item promotions a product with these tags takes part in, in the engine's order of application. */
export function itemPromotionTags(
  productTags: readonly string[],
  promotions: readonly ItemPromotion[],
): PromotionTag[] {
  const ordered = [
    ...promotions.filter((p) => p.kind === 'MULTI_BUY'),
    ...promotions.filter((p) => p.kind === 'ADD_ON'),
  ];
  return ordered.flatMap((p): PromotionTag[] => {
    if (p.kind === 'MULTI_BUY') {
      if (!productTags.includes(p.tag)) return [];
      return [
        {
          key: `promotion:${p.id}`,
          kind: p.kind,
          label: multiBuyLabel(p),
          hint: `专区商品任选 ${p.groupSize} 件享 ${zheText(p.payRateBp)}，结算时自动计算`,
        },
      ];
    }
    if (p.qualifyingTag === undefined || !productTags.includes(p.qualifyingTag)) return [];
    return [{ key: `promotion:${p.id}`, kind: p.kind, label: addOnLabel(p), hint: `${addOnLabel(p)}，结算时自动计算` }];
  });
}

/**
 * The member-day tag as the shopper will get it: their tier's discount, or for a guest or an unknown tier the
 * lowest tier's with "起" (from). Null when no tier has a discount.
 */
export function memberDayTag(memberDay: PromotionsView['memberDay'], tier: TierCode | null): PromotionTag | null {
  const own = tier === null ? undefined : memberDay.tiers.find((t) => t.code === tier);
  const discounts = memberDay.tiers.map((t) => t.discountFen).filter((d) => d > 0);
  if (discounts.length === 0) return null;
  const lowest = Math.min(...discounts);
  const highest = Math.max(...discounts);
  const label = own
    ? memberDayLabel(memberDay.thresholdFen, fen(own.discountFen))
    : `${memberDayLabel(memberDay.thresholdFen, fen(lowest))}${highest > lowest ? '起' : ''}`;
  const when = memberDay.today ? '今天是会员日' : `每${WEEKDAYS[memberDay.weekday] ?? ''}会员日`;
  const amount = own
    ? `会员满 ¥${yuanText(memberDay.thresholdFen)} 减 ¥${yuanText(own.discountFen)}`
    : `会员满 ¥${yuanText(memberDay.thresholdFen)} 减 ¥${yuanText(lowest)}${highest > lowest ? `～¥${yuanText(highest)}（按会员等级）` : ''}，入会即享`;
  return { key: 'member-day', kind: 'MEMBER_DAY', label, hint: `${when}：${amount}，结算时自动减` };
}

/**
 * Every tag of a product: its item promotions, then the member day (which applies to the whole order, so it is
 * shown on the product page and in the cart; cards show it only on the day itself, see `cardPromotionTags`).
 */
export function productPromotionTags(
  productTags: readonly string[],
  view: PromotionsView,
  tier: TierCode | null,
): PromotionTag[] {
  const memberDay = memberDayTag(view.memberDay, tier);
  return [...itemPromotionTags(productTags, view.itemPromotions), ...(memberDay ? [memberDay] : [])];
}

/** The tags a product card shows: its item promotions, and the member day only while it is today. */
export function cardPromotionTags(
  productTags: readonly string[],
  view: PromotionsView,
  tier: TierCode | null,
): PromotionTag[] {
  return productPromotionTags(productTags, view, tier).filter((t) => t.kind !== 'MEMBER_DAY' || view.memberDay.today);
}
