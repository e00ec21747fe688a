/**
 * Data of the pricing engine: what a quote is asked (lines, member, promotions, coupons, rules) and what it answers
 * (a line-by-line breakdown). Plain serialisable data, so the server can snapshot a quote on the order and the
 * mini program can draw the same breakdown it will be charged.
 *
 * Rates are integer basis points of the price PAID (折): 10000 = full price, 8800 = 88折 = 12% off,
 * 7900 = 79折 = 21% off. Amounts are integer fen.
 */
import type { ErrorCode } from '../../contracts/error-codes';
import type { Fen } from '../../money/fen';
import type { MemberDayRule } from '../loyalty/member-day';
import type { TierCode, TierTable } from '../loyalty/tiers';

/** Bumped whenever the engine's arithmetic or order of application changes; snapshotted on every order. */
export const PRICING_ENGINE_VERSION = 'pricing/1';

/** 10000 basis points = 100% of the price. */
export const BASIS_POINTS = 10_000;

export interface QuoteLine {
  skuId: number;
  productId: number;
  categoryId: number;
  unitPriceFen: Fen;
  /** A positive integer. */
  quantity: number;
  /** Tags that put the line into item promotions (e.g. the "2件79折" zone). */
  promotionTags?: readonly string[];
}

/** Who is buying; `null` for a guest (no member-day discount). */
export interface MemberContext {
  tier: TierCode;
  /** Weekday in the store's time zone at the time of purchase (0 = Sunday … 6 = Saturday). */
  localWeekday: number;
}

/** "N items from the zone at X折": units are discounted in complete groups of N (see promotions.ts). */
export interface MultiBuyPromotion {
  kind: 'MULTI_BUY';
  id: string;
  version: string;
  /** Shown instead of the generated label ("2件79折"). */
  label?: string;
  /** Lines whose `promotionTags` contain this tag are in the zone. */
  tag: string;
  /** N, at least 1. */
  groupSize: number;
  /** Share of the price paid, in basis points: 7900 = 79折. */
  payRateBp: number;
}

/** 换购: once the qualifying amount is reached, up to `maxQuantity` units of the gift SKU cost `addOnPriceFen` each. */
export interface AddOnPromotion {
  kind: 'ADD_ON';
  id: string;
  version: string;
  label?: string;
  giftSkuId: number;
  addOnPriceFen: Fen;
  /** Qualifying amount (after multi-buy discounts, gift lines excluded); 0 = no threshold. */
  thresholdFen: Fen;
  maxQuantity: number;
  /** Only lines with this tag count towards the threshold; every non-gift line when absent. */
  qualifyingTag?: string;
}

export type ItemPromotion = MultiBuyPromotion | AddOnPromotion;

export type CouponScope =
  | { kind: 'ALL' }
  | { kind: 'CATEGORIES'; categoryIds: readonly number[] }
  | { kind: 'PRODUCTS'; productIds: readonly number[] };

interface CouponBase {
  /** The issued coupon's id (unique within a wallet). */
  id: number;
  /** Version of the coupon template it was issued from. */
  version: string;
  /** Shown instead of the generated label, e.g. "生日专享8元无门槛券". */
  name?: string;
  /** Minimum in-scope amount after item promotions; 0 = no threshold (无门槛). */
  thresholdFen: Fen;
  scope: CouponScope;
  /** EXCLUSIVE coupons are used alone; STACKABLE ones combine with each other. */
  stacking: 'EXCLUSIVE' | 'STACKABLE';
  /** ISO-8601 instants; valid from `validFrom` (inclusive) until `validUntil` (exclusive); null = open. */
  validFrom: string | null;
  validUntil: string | null;
}

/** 满减 / 无门槛: a fixed amount off. */
export interface AmountOffCoupon extends CouponBase {
  kind: 'AMOUNT_OFF';
  amountOffFen: Fen;
}

/** 折扣券: pay `payRateBp` of the in-scope amount, optionally capped. */
export interface PercentCoupon extends CouponBase {
  kind: 'PERCENT';
  payRateBp: number;
  maxDiscountFen: Fen | null;
}

export type Coupon = AmountOffCoupon | PercentCoupon;

/** Versioned rule data; defaults are the shipped ones. */
export interface PricingRules {
  memberDay?: MemberDayRule;
  tiers?: TierTable;
}

export interface QuoteInput {
  lines: readonly QuoteLine[];
  member: MemberContext | null;
  /** The item promotions active now. */
  promotions?: readonly ItemPromotion[];
  /** The coupons the member selected (0..n); all must be applicable and combinable, or `quote` throws. */
  coupons?: readonly Coupon[];
  rules?: PricingRules;
}

export type DiscountKind = 'MULTI_BUY' | 'ADD_ON' | 'MEMBER_DAY' | 'COUPON';

export interface AppliedDiscount {
  /** Stable key, also used in line shares: "promotion:<id>", "member-day" or "coupon:<id>". */
  key: string;
  kind: DiscountKind;
  level: 'ITEM' | 'ORDER';
  /** Chinese label for the breakdown, e.g. "会员日满68减8", "满99减20", "2件79折". */
  label: string;
  amountFen: Fen;
  promotionId: string | null;
  couponId: number | null;
}

export interface DiscountShare {
  key: string;
  amountFen: Fen;
}

export interface QuotedLine {
  skuId: number;
  productId: number;
  categoryId: number;
  unitPriceFen: Fen;
  quantity: number;
  /** unitPriceFen × quantity. */
  originalFen: Fen;
  itemDiscountFen: Fen;
  itemDiscounts: DiscountShare[];
  orderDiscountFen: Fen;
  /** This line's share of each order-level discount (non-zero shares only). */
  orderDiscounts: DiscountShare[];
  /** originalFen − itemDiscountFen − orderDiscountFen; what a refund of this line gives back. */
  paidFen: Fen;
}

export interface RuleVersions {
  engine: string;
  /** The member-day rule consulted; null for guests. */
  memberDay: string | null;
  /** Promotion id → version, for every active promotion consulted. */
  promotions: Record<string, string>;
  /** Coupon id → template version, for every coupon applied. */
  coupons: Record<string, string>;
}

export interface QuoteResult {
  /** Same order as the input lines. */
  lines: QuotedLine[];
  /** In order of application. */
  discounts: AppliedDiscount[];
  subtotalFen: Fen;
  itemDiscountFen: Fen;
  orderDiscountFen: Fen;
  totalDiscountFen: Fen;
  payableFen: Fen;
  ruleVersions: RuleVersions;
}

/** Thrown by the engine; `code` is the API error the server answers with. */
export class PricingError extends Error {
  override readonly name = 'PricingError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly couponId: number | null = null,
  ) {
    super(message);
  }
}
