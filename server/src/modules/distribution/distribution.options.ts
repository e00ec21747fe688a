import type { BindingPolicy, BrandRules, DistributionRulesView } from '@tidepool/shared';
import type { DistributionConfig } from '../../config/env';

export const DISTRIBUTION_OPTIONS = Symbol('DISTRIBUTION_OPTIONS');
export type DistributionOptions = DistributionConfig;

export const DAY_MS = 86_400_000;

/** The binding rule: the brand's protection periods with this module's takeover setting. */
export function bindingPolicy(o: DistributionOptions, brand: BrandRules): BindingPolicy {
  return {
    protectionDays: brand.protectionDays,
    orderProtectionDays: brand.orderProtectionDays,
    lastTouchAfterProtection: o.lastTouchAfterProtection,
  };
}

export function rulesView(o: DistributionOptions, brand: BrandRules): DistributionRulesView {
  return {
    defaultRateBp: brand.distribution.directRateBp,
    defaultSecondRateBp: brand.distribution.indirectRateBp,
    maxTotalRateBp: o.maxTotalRateBp,
    protectionDays: brand.protectionDays,
    orderProtectionDays: brand.orderProtectionDays,
    lastTouchAfterProtection: o.lastTouchAfterProtection,
    returnWindowDays: brand.returnWindowDays,
    selfPurchaseCommission: o.selfPurchaseCommission,
    withdrawMinFen: brand.distribution.withdrawMinFen,
    withdrawDailyLimitFen: brand.distribution.withdrawDailyLimitFen,
    withdrawReviewThresholdFen: brand.distribution.withdrawReviewThresholdFen,
    autoApprove: o.autoApprove,
  };
}
