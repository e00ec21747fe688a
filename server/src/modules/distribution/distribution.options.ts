import type { DistributionRulesView } from '@tidepool/shared';
import type { DistributionConfig } from '../../config/env';

export const DISTRIBUTION_OPTIONS = Symbol('DISTRIBUTION_OPTIONS');
export type DistributionOptions = DistributionConfig;

export const DAY_MS = 86_400_000;

export function rulesView(o: DistributionOptions): DistributionRulesView {
  return {
    defaultRateBp: o.defaultRateBp,
    defaultSecondRateBp: o.defaultSecondRateBp,
    maxTotalRateBp: o.maxTotalRateBp,
    protectionDays: o.protectionDays,
    orderProtectionDays: o.orderProtectionDays,
    lastTouchAfterProtection: o.lastTouchAfterProtection,
    returnWindowDays: o.returnWindowDays,
    selfPurchaseCommission: o.selfPurchaseCommission,
    withdrawMinFen: o.withdrawMinFen,
    withdrawDailyLimitFen: o.withdrawDailyLimitFen,
    withdrawReviewThresholdFen: o.withdrawReviewThresholdFen,
    autoApprove: o.autoApprove,
  };
}
