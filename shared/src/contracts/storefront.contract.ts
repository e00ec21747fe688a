import type { TierCode } from '../rules/loyalty/tiers';
import type { ItemPromotion } from '../rules/pricing/types';

/** GET /api/storefront/settings (public): what the storefront shows that the operator sets. */
export interface StorefrontSettingsView {
  /** Search suggestions (热门搜索), in the operator's order. */
  hotKeywords: string[];
  /** Customer service (联系客服) for browsers, where WeChat's contact button is not available. */
  servicePhone: string;
  serviceHours: string;
}

/** PUT /api/admin/storefront/settings (operator; only the fields given change). */
export interface StorefrontSettingsUpdate {
  hotKeywords?: string[];
  servicePhone?: string;
  serviceHours?: string;
}

export const STOREFRONT_LIMITS = {
  maxHotKeywords: 10,
  hotKeywordMax: 16,
  servicePhoneMax: 20,
  serviceHoursMax: 40,
} as const;

/** A customer-service number: digits, optionally split by dashes or spaces (400-820-1234, 021 6288 0000). */
export const SERVICE_PHONE_PATTERN = /^\d[\d -]{5,18}\d$/;

/**
 * GET /api/promotions (public): the promotions checkout applies right now, so the storefront can tag products
 * and cart lines with them (labels are derived by shared/rules/pricing/promotion-tags.ts from these numbers).
 */
export interface PromotionsView {
  itemPromotions: ItemPromotion[];
  memberDay: {
    /** 0 = Sunday … 6 = Saturday, in the store's time zone. */
    weekday: number;
    thresholdFen: number;
    /** Today (store zone) is member day. */
    today: boolean;
    /** The discount each tier gets, lowest tier first. */
    tiers: { code: TierCode; name: string; discountFen: number }[];
  };
}
