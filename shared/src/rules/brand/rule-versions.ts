import type { BrandRules, DistributionMoneyRules, SignupGiftRule } from './brand-rules';
import { brandRulesProblems } from './brand-rules';
import type { TierCode } from '../loyalty/tiers';

/**
 * The part of the brand's rules an operator may change from the console (品牌规则). Everything else (the time
 * zone, point expiry, drop priority) stays as the version in force has it.
 */
export interface BrandRulesDraft {
  tiers: {
    code: TierCode;
    name: string;
    minGrowth: number;
    pointsPerYuanTenths: number;
    memberDayDiscountFen: number;
  }[];
  memberDay: { weekday: number; thresholdFen: number };
  birthdayMultiplier: number;
  birthdayCouponFen: number;
  returnWindowDays: number;
  orderAutoConfirmDays: number;
  protectionDays: number;
  orderProtectionDays: number;
  /** Optional so a client that does not know them yet keeps the version in force's values. */
  distribution?: DistributionMoneyRules;
  signupGift?: SignupGiftRule;
}

/** A problem with a draft, naming the field as the console's form and the API's 400 name it. */
export interface RuleFieldProblem {
  field: string;
  reason: string;
}

/** A draft applied over the rules it replaces, labelled: what will be served from `effectiveFrom`. */
export function applyDraft(
  base: BrandRules,
  draft: BrandRulesDraft,
  version: string,
  effectiveFrom: string,
): BrandRules {
  return {
    ...base,
    version,
    effectiveFrom,
    tierTable: draft.tiers.map((tier) => ({ ...tier })),
    points: { ...base.points, birthdayMultiplier: draft.birthdayMultiplier, version },
    memberDay: { weekday: draft.memberDay.weekday, thresholdFen: draft.memberDay.thresholdFen, version },
    perks: { ...base.perks, birthdayCouponFen: draft.birthdayCouponFen },
    returnWindowDays: draft.returnWindowDays,
    orderAutoConfirmDays: draft.orderAutoConfirmDays,
    protectionDays: draft.protectionDays,
    orderProtectionDays: draft.orderProtectionDays,
    distribution: { ...(draft.distribution ?? base.distribution) },
    signupGift: { ...(draft.signupGift ?? base.signupGift) },
  };
}

/** The console's starting point for a new version: the fields of the rules in force. */
export function draftOf(rules: BrandRules): BrandRulesDraft {
  return {
    tiers: rules.tierTable.map((t) => ({ ...t })),
    memberDay: { weekday: rules.memberDay.weekday, thresholdFen: rules.memberDay.thresholdFen },
    birthdayMultiplier: rules.points.birthdayMultiplier,
    birthdayCouponFen: rules.perks.birthdayCouponFen,
    returnWindowDays: rules.returnWindowDays,
    orderAutoConfirmDays: rules.orderAutoConfirmDays,
    protectionDays: rules.protectionDays,
    orderProtectionDays: rules.orderProtectionDays,
    distribution: { ...rules.distribution },
    signupGift: { ...rules.signupGift },
  };
}

/**
 * What is wrong with a draft taking effect at `effectiveFrom` when it is `now`: the tier table must increase, a
 * member-day discount may not exceed the threshold it rewards (a ¥68 threshold cannot give ¥80 off), and no
 * version may take effect in the past (orders already priced must keep their rules). `minLeadMs` is how far ahead
 * the effective time must be, so every server process has loaded the version before it applies.
 */
export function draftProblems(
  draft: BrandRulesDraft,
  effectiveFrom: Date,
  now: Date,
  base: BrandRules,
  minLeadMs = 60_000,
): RuleFieldProblem[] {
  const problems: RuleFieldProblem[] = [];
  if (Number.isNaN(effectiveFrom.getTime())) problems.push({ field: 'effectiveFrom', reason: '生效时间无效' });
  else if (effectiveFrom.getTime() < now.getTime() + minLeadMs)
    problems.push({
      field: 'effectiveFrom',
      reason: `生效时间须晚于当前时间至少 ${Math.ceil(minLeadMs / 60_000)} 分钟`,
    });
  draft.tiers.forEach((tier, i) => {
    const previous = draft.tiers[i - 1];
    if (i === 0 && tier.minGrowth !== 0)
      problems.push({ field: `tiers.${i}.minGrowth`, reason: '第一个等级的成长值须从 0 开始' });
    if (previous && tier.minGrowth <= previous.minGrowth)
      problems.push({ field: `tiers.${i}.minGrowth`, reason: '等级成长值须逐级递增' });
    if (tier.memberDayDiscountFen > draft.memberDay.thresholdFen)
      problems.push({ field: `tiers.${i}.memberDayDiscountFen`, reason: '会员日优惠不能超过门槛金额' });
    if (!tier.name.trim()) problems.push({ field: `tiers.${i}.name`, reason: '请填写等级名称' });
  });
  // Everything else the served rules must satisfy (ranges, one row per tier), reported against the whole draft.
  if (problems.length === 0) {
    const whole = applyDraft(base, draft, 'draft', effectiveFrom.toISOString());
    for (const reason of brandRulesProblems(whole)) problems.push({ field: fieldOf(reason), reason });
  }
  return problems;
}

// brandRulesProblems speaks in the served shape's names; the draft's fields are named a little differently.
function fieldOf(reason: string): string {
  const name = reason.split(' ')[0] ?? '';
  if (name === 'tierTable' || name === 'tier') return 'tiers';
  if (name.startsWith('points.')) return 'birthdayMultiplier';
  if (name.startsWith('perks.')) return 'birthdayCouponFen';
  if (name.startsWith('memberDay.')) return name;
  // Money rules and the signup gift are named in the draft's own shape (`distribution.indirectRateBp:` too).
  if (name.startsWith('distribution.') || name.startsWith('signupGift.')) return name.replace(/:$/, '');
  return name;
}

/** Where a version stands at `now`: pending (not yet), in force (the latest started), superseded, or cancelled. */
export type RuleVersionState = 'PENDING' | 'IN_FORCE' | 'SUPERSEDED' | 'CANCELLED';

/** The version in force at `at` among versions sorted by effectiveFrom ascending (cancelled ones excluded). */
export function versionInForce<T extends { effectiveFrom: string }>(sorted: readonly T[], at: Date): T | null {
  let found: T | null = null;
  for (const version of sorted) {
    if (Date.parse(version.effectiveFrom) <= at.getTime()) found = version;
    else break;
  }
  return found;
}
