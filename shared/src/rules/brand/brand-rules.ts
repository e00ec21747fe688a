import { DEFAULT_BINDING_POLICY } from '../distribution/binding';
import { DEFAULT_GROWTH_RULES, type GrowthRules, growthRulesProblems } from '../growth/growth-rules';
import { DEFAULT_TIER_PERKS, type TierPerks } from '../loyalty/tier-benefits';
import { DEFAULT_MEMBER_DAY_RULE, type MemberDayRule } from '../loyalty/member-day';
import { TIER_CODES, DEFAULT_TIER_TABLE, type TierTable } from '../loyalty/tiers';
import { DEFAULT_POINTS_RULE, type PointsEarningRule } from '../points/points-earning';
import { DEFAULT_STORE_TIME_ZONE } from '../../time/format';

/**
 * Everything that makes the brand's loyalty and after-sales behave as they do, in one typed object: the server
 * reads it from one provider, and the console and the mini program can read the same shape. `version` and
 * `effectiveFrom` are there so that versioned rows (a console edit that takes effect at a given instant) can
 * replace the configuration without changing the readers.
 */
export interface BrandRules {
  /** Changes whenever any rule below does. */
  version: string;
  /** The instant (UTC, ISO 8601) from which these rules apply. */
  effectiveFrom: string;
  /**
   * The brand's home zone (IANA): the calendar of everything not tied to one store's till (online member day and
   * birthdays, drops, point expiry, the birthday coupon job, the zone the mini program shows times in).
   */
  timeZone: string;
  tierTable: TierTable;
  /** Point rates come from the tier table; this carries the birthday multiplier and expiry. */
  points: PointsEarningRule;
  memberDay: MemberDayRule;
  /** The birthday coupon and priority drops. */
  perks: TierPerks;
  /** After-sales stay open this many days after completion; commissions settle after the same window. */
  returnWindowDays: number;
  /** A shipped order completes by itself this many days after shipping. */
  orderAutoConfirmDays: number;
  /** A promoter's link protects the binding for this many days. */
  protectionDays: number;
  /** An attributed order protects the binding for this many days after payment. */
  orderProtectionDays: number;
  /** Distribution's money rules: commission rates and withdrawal limits (read at the commission's or request's time). */
  distribution: DistributionMoneyRules;
  /** The store signup gift (入会礼), issued at signup under the version in force then. */
  signupGift: SignupGiftRule;
  /** Lifecycle stages, the relationship ladder, the golden window and win-back waves. */
  growth: GrowthRules;
}

/** The cap on a commission pair (direct + indirect): half of what the buyer paid. */
export const MAX_COMMISSION_PAIR_BP = 5_000;

export interface DistributionMoneyRules {
  /** Direct (level 1) commission, basis points of the line's paid amount, for products following the brand's rates. */
  directRateBp: number;
  /** Indirect (level 2, the inviter's) commission; direct + indirect ≤ MAX_COMMISSION_PAIR_BP. */
  indirectRateBp: number;
  /** The smallest withdrawal. */
  withdrawMinFen: number;
  /** What one promoter may withdraw per brand-zone day. */
  withdrawDailyLimitFen: number;
  /** A withdrawal above this waits for an operator's review. */
  withdrawReviewThresholdFen: number;
}

export interface SignupGiftRule {
  /** False: joining at a store gives no voucher. */
  enabled: boolean;
  title: string;
  description: string;
  validDays: number;
}

export const DEFAULT_DISTRIBUTION_MONEY_RULES: DistributionMoneyRules = {
  directRateBp: 1_000,
  indirectRateBp: 300,
  withdrawMinFen: 100,
  withdrawDailyLimitFen: 500_000,
  withdrawReviewThresholdFen: 50_000,
};

/** docs/domain.md: a free shopping bag for joining at a till. */
export const DEFAULT_SIGNUP_GIFT: SignupGiftRule = {
  enabled: true,
  title: '免费购物袋',
  description: '入会礼：到任意门店出示会员码，由店员核销领取 1 个购物袋',
  validDays: 90,
};

/** docs/domain.md's demo brand. */
export const DEFAULT_BRAND_RULES: BrandRules = {
  version: 'default/1',
  effectiveFrom: '1970-01-01T00:00:00.000Z',
  timeZone: DEFAULT_STORE_TIME_ZONE,
  tierTable: DEFAULT_TIER_TABLE,
  points: DEFAULT_POINTS_RULE,
  memberDay: DEFAULT_MEMBER_DAY_RULE,
  perks: DEFAULT_TIER_PERKS,
  returnWindowDays: 7,
  orderAutoConfirmDays: 10,
  protectionDays: DEFAULT_BINDING_POLICY.protectionDays,
  orderProtectionDays: DEFAULT_BINDING_POLICY.orderProtectionDays,
  distribution: DEFAULT_DISTRIBUTION_MONEY_RULES,
  signupGift: DEFAULT_SIGNUP_GIFT,
  growth: DEFAULT_GROWTH_RULES,
};

/** What is wrong with a rule set (empty when it is usable); a bad set must never be served. */
export function brandRulesProblems(rules: BrandRules): string[] {
  const problems: string[] = [];
  const wholeIn = (name: string, value: number, min: number, max: number): void => {
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer in ${min}..${max} (got ${String(value)})`);
    }
  };
  if (!rules.version.trim()) problems.push('version must not be empty');
  if (Number.isNaN(Date.parse(rules.effectiveFrom))) problems.push('effectiveFrom must be an ISO instant');
  if (!isTimeZone(rules.timeZone)) problems.push(`timeZone "${rules.timeZone}" is not an IANA time zone`);
  const codes = rules.tierTable.map((t) => t.code);
  if (codes.length !== TIER_CODES.length || TIER_CODES.some((c) => !codes.includes(c))) {
    problems.push(`tierTable must have exactly one row per tier (${TIER_CODES.join(', ')})`);
  }
  rules.tierTable.forEach((tier, i) => {
    const previous = rules.tierTable[i - 1];
    if (i === 0 && tier.minGrowth !== 0) problems.push('the first tier must start at growth 0');
    if (previous && tier.minGrowth <= previous.minGrowth) problems.push('tiers must be in increasing minGrowth');
    wholeIn(`tier ${tier.code} pointsPerYuanTenths`, tier.pointsPerYuanTenths, 0, 1000);
    wholeIn(`tier ${tier.code} memberDayDiscountFen`, tier.memberDayDiscountFen, 0, 1_000_000);
  });
  wholeIn('points.birthdayMultiplier', rules.points.birthdayMultiplier, 1, 10);
  wholeIn('points.expiryYears', rules.points.expiryYears, 0, 10);
  wholeIn('memberDay.weekday', rules.memberDay.weekday, 0, 6);
  wholeIn('memberDay.thresholdFen', rules.memberDay.thresholdFen, 0, 100_000_000);
  wholeIn('perks.birthdayCouponFen', rules.perks.birthdayCouponFen, 0, 1_000_000);
  if (!TIER_CODES.includes(rules.perks.priorityDropsFrom)) problems.push('perks.priorityDropsFrom is not a tier');
  wholeIn('returnWindowDays', rules.returnWindowDays, 0, 90);
  wholeIn('orderAutoConfirmDays', rules.orderAutoConfirmDays, 1, 90);
  wholeIn('protectionDays', rules.protectionDays, 1, 365);
  wholeIn('orderProtectionDays', rules.orderProtectionDays, 1, 365);
  problems.push(...moneyRulesProblems(rules.distribution, rules.signupGift));
  // Versions stored before growth rules existed lack them; BrandSettings serves the default for those.
  if (rules.growth) for (const problem of growthRulesProblems(rules.growth)) problems.push(`growth.${problem}`);
  return problems;
}

/** An IANA zone name (`Asia/Shanghai`, `UTC`); offsets and abbreviations are refused. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** What is wrong with distribution's money rules and the signup gift, each problem starting with its field's path. */
export function moneyRulesProblems(d: DistributionMoneyRules, gift: SignupGiftRule): string[] {
  const problems: string[] = [];
  const wholeIn = (name: string, value: number, min: number, max: number): void => {
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer in ${min}..${max} (got ${String(value)})`);
    }
  };
  wholeIn('distribution.directRateBp', d.directRateBp, 0, MAX_COMMISSION_PAIR_BP);
  wholeIn('distribution.indirectRateBp', d.indirectRateBp, 0, MAX_COMMISSION_PAIR_BP);
  if (d.directRateBp + d.indirectRateBp > MAX_COMMISSION_PAIR_BP) {
    problems.push(`distribution.indirectRateBp: direct + indirect must not exceed ${MAX_COMMISSION_PAIR_BP} bp (50%)`);
  }
  wholeIn('distribution.withdrawMinFen', d.withdrawMinFen, 100, 100_000_000);
  wholeIn('distribution.withdrawDailyLimitFen', d.withdrawDailyLimitFen, 100, 1_000_000_000);
  if (d.withdrawDailyLimitFen < d.withdrawMinFen) {
    problems.push('distribution.withdrawDailyLimitFen must not be below the minimum withdrawal');
  }
  wholeIn('distribution.withdrawReviewThresholdFen', d.withdrawReviewThresholdFen, 0, 1_000_000_000);
  wholeIn('signupGift.validDays', gift.validDays, 1, 3650);
  if (gift.enabled && !gift.title.trim()) problems.push('signupGift.title must not be empty');
  return problems;
}
