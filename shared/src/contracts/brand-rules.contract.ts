import type { BrandRules, BrandRulesDraft, RuleVersionState } from '../rules/brand';
import type { QuoteResult } from '../rules/pricing/types';
import type { TierCode } from '../rules/loyalty/tiers';

/** One version of the brand's rules as the console lists it (品牌规则). The configuration's set is version 0. */
export interface BrandRuleVersionView {
  id: number;
  version: string;
  /** UTC ISO instant from which the version applies. */
  effectiveFrom: string;
  state: RuleVersionState;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
  rules: BrandRules;
}

/** GET /api/admin/brand-rules */
export interface BrandRulesOverview {
  inForce: BrandRuleVersionView;
  /** Newest first, the configuration's own set last. */
  versions: BrandRuleVersionView[];
}

/** POST /api/admin/brand-rules/versions */
export interface CreateBrandRuleVersionRequest {
  effectiveFrom: string;
  note?: string;
  draft: BrandRulesDraft;
}

/** POST /api/admin/brand-rules/preview: what a sample basket pays under the rules in force and under a draft. */
export interface BrandRulesPreviewRequest {
  draft: BrandRulesDraft;
  amountFen: number;
  tier: TierCode;
  /** Price the basket as on the member day (the draft's weekday). */
  memberDay: boolean;
}

export interface BrandRulesPreviewSide {
  payableFen: number;
  memberDayDiscountFen: number;
  points: number;
}

export interface BrandRulesPreviewResponse {
  current: BrandRulesPreviewSide;
  draft: BrandRulesPreviewSide;
}

export type { QuoteResult as BrandRulesPreviewQuote };
