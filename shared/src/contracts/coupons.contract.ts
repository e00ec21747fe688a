import type { CouponScope } from '../rules/pricing/types';
import type { Page } from './pagination.contract';
import type { ProductSummaryDto } from './catalog.contract';

export const COUPON_WALLET_STATUSES = ['AVAILABLE', 'USED', 'EXPIRED'] as const;
/** The wallet's three tabs (可用 / 已使用 / 已过期). */
export type CouponWalletStatus = (typeof COUPON_WALLET_STATUSES)[number];

/** What a coupon takes off and where, the same on a template, a centre item and a wallet coupon. */
export interface CouponTerms {
  kind: 'AMOUNT_OFF' | 'PERCENT';
  amountOffFen: number | null;
  payRateBp: number | null;
  maxDiscountFen: number | null;
  thresholdFen: number;
  scope: CouponScope;
  stacking: 'EXCLUSIVE' | 'STACKABLE';
}

/** One coupon in a member's wallet, as issued (later template edits never change it). */
export interface CouponView extends CouponTerms {
  id: number;
  /** e.g. 生日专享8元无门槛券 */
  name: string;
  /** e.g. 满99减20, 无门槛减8元, 8.8折 */
  label: string;
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

// ---------------------------------------------------------------------------------------------------------------
// Coupon centre (领券中心): templates an operator marks claimable; a member claims within limits and stock.

/** 立即领取 / 已领取 (this member has reached the per-member limit) / 已抢光 (no stock left). */
export const COUPON_CENTRE_STATES = ['CLAIMABLE', 'CLAIMED', 'SOLD_OUT'] as const;
export type CouponCentreState = (typeof COUPON_CENTRE_STATES)[number];

/** One claimable template, as the member sees it. */
export interface CouponCentreItem extends CouponTerms {
  templateId: number;
  name: string;
  /** e.g. 满99减20 */
  label: string;
  /** A claimed coupon is valid this many days from the claim. */
  validDays: number;
  perMemberLimit: number;
  /** Units left in the centre; null = no limit. */
  remaining: number | null;
  claimedByMe: number;
  state: CouponCentreState;
}

/** GET /api/coupon-centre */
export interface CouponCentreResponse {
  items: CouponCentreItem[];
}

/** POST /api/coupon-centre/:templateId/claim: the coupon now in the wallet and the item's new state. */
export interface ClaimCouponResponse {
  coupon: CouponView;
  item: CouponCentreItem;
}

/** PUT /api/admin/coupon-templates/:code/claim */
export interface CouponClaimSettingsRequest {
  /** Shown in the coupon centre; false takes it out (claimed coupons stay in wallets). */
  claimable: boolean;
  /** 1..100 per member. */
  perMemberLimit: number;
  /** Total the centre gives out, 1..10,000,000; null = no limit. Never below what was claimed already. */
  totalStock: number | null;
}

export interface CouponClaimSettingsView extends CouponClaimSettingsRequest {
  code: string;
  templateId: number;
  claimed: number;
}

/** GET /api/coupons/me/:couponId/products (去使用): the products a wallet coupon applies to, on sale. */
export interface CouponProductsResponse extends Page<ProductSummaryDto> {
  coupon: CouponView;
}

// ---------------------------------------------------------------------------------------------------------------
// Operator console (优惠券): templates, issuing and per-template figures.

export const COUPON_TEMPLATE_STATUSES = ['ACTIVE', 'STOPPED'] as const;
/** ACTIVE can be issued and claimed; STOPPED (停用) cannot, and coupons already issued stay usable. */
export type CouponTemplateStatus = (typeof COUPON_TEMPLATE_STATUSES)[number];

/**
 * POST /api/admin/coupon-templates (create; an existing `code` is updated, the legacy upsert) and
 * PUT /api/admin/coupon-templates/:id (edit). Validity is either `validDays` after issue or fixed dates
 * (`validFrom` + `validUntil`, UTC instants); the claim settings default to "not in the coupon centre".
 */
export interface AdminCouponTemplateRequest {
  /** Optional on create (generated); ignored on edit. */
  code?: string;
  name: string;
  kind: 'AMOUNT_OFF' | 'PERCENT';
  amountOffFen?: number | null;
  /** Share of the price paid in basis points, 100..9900 (8800 = 88折, i.e. 8.8折). */
  payRateBp?: number | null;
  maxDiscountFen?: number | null;
  /** 0 = 无门槛. */
  thresholdFen: number;
  scope: CouponScope;
  stacking: 'EXCLUSIVE' | 'STACKABLE';
  validDays?: number | null;
  validFrom?: string | null;
  validUntil?: string | null;
  claimable?: boolean;
  claimPerMember?: number;
  /** Total stock (coupon centre claims and operator issues together); null = no limit. */
  claimTotal?: number | null;
}

export interface AdminCouponTemplateView extends CouponTerms {
  id: number;
  code: string;
  name: string;
  /** e.g. 满99减20, 8.8折 */
  label: string;
  status: CouponTemplateStatus;
  version: number;
  /** Days valid after issue when the template has no fixed dates. */
  validDays: number;
  validFrom: string | null;
  validUntil: string | null;
  claimable: boolean;
  claimPerMember: number;
  claimTotal: number | null;
  /** Given out so far against the stock: coupon-centre claims and operator issues. */
  claimedCount: number;
  createdAt: string;
}

/** GET /api/admin/coupon-templates */
export interface AdminCouponTemplateListQuery {
  page?: number;
  pageSize?: number;
  name?: string;
  kind?: 'AMOUNT_OFF' | 'PERCENT';
  status?: CouponTemplateStatus;
}

/**
 * POST /api/admin/coupon-templates/:ref/issue. Exactly one target: member ids, full phones (pasted) or a tier.
 * The same batch again issues nobody twice (the issue key is per template, batch and member).
 */
export interface AdminIssueCouponsRequest {
  batch: string;
  memberIds?: number[];
  phones?: string[];
  tier?: 'NORMAL' | 'SILVER' | 'GOLD';
}

export interface AdminIssueCouponsResponse extends IssueCouponsResponse {
  /** Phones that match no signed-up member: nobody was issued for them. */
  unknownPhones: string[];
}

/** GET /api/admin/coupon-templates/:id/figures: counted in SQL over the template's issued coupons. */
export interface CouponTemplateFigures {
  templateId: number;
  issued: number;
  used: number;
  /** Not used and past their validity. */
  expired: number;
  /** Not used and still valid (or not yet started). */
  unused: number;
  /** Paid orders and till sales that used one of these coupons. */
  usedPurchases: number;
  /** What those purchases paid (fen), before refunds: online orders plus till sales. */
  gmvFen: number;
}
