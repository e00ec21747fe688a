import { DEFAULT_POINTS_RULE, type PointsEarningRule } from '../points/points-earning';
import { DEFAULT_MEMBER_DAY_RULE, type MemberDayRule } from './member-day';
import { DEFAULT_TIER_TABLE, type TierCode, type TierTable } from './tiers';

/**
 * Perks that are not in the tier table itself: the birthday coupon (生日专享8元无门槛券) and the tier from which
 * members get priority access to limited drops (docs/domain.md: higher tiers get priority rights). Brand configuration.
 */
export interface TierPerks {
  /** The birthday-only no-threshold coupon, in fen; every tier gets it. */
  birthdayCouponFen: number;
  /** The lowest tier with priority access to limited drops (优先购). */
  priorityDropsFrom: TierCode;
}

export const DEFAULT_TIER_PERKS: TierPerks = { birthdayCouponFen: 800, priorityDropsFrom: 'GOLD' };

/** One row of the benefits table (会员权益) the tier page shows. */
export interface TierBenefits {
  code: TierCode;
  name: string;
  minGrowth: number;
  /** Highest growth of the tier (inclusive); null for the top tier. */
  maxGrowth: number | null;
  /** Points per yuan paid, in tenths (15 = 1.5 points per yuan). */
  pointsPerYuanTenths: number;
  /** Wednesday member day: spend this (fen)… */
  memberDayThresholdFen: number;
  /** …get this off (fen). */
  memberDayDiscountFen: number;
  /** Points on birthday purchases are multiplied by this (2 = double). */
  birthdayPointsMultiplier: number;
  birthdayCouponFen: number;
  priorityDropAccess: boolean;
}

/** The benefits of every tier, lowest first, from the same rules the ledger and the till apply. */
export function tierBenefits(
  table: TierTable = DEFAULT_TIER_TABLE,
  pointsRule: PointsEarningRule = DEFAULT_POINTS_RULE,
  memberDay: MemberDayRule = DEFAULT_MEMBER_DAY_RULE,
  perks: TierPerks = DEFAULT_TIER_PERKS,
): TierBenefits[] {
  const ordered = [...table].sort((a, b) => a.minGrowth - b.minGrowth);
  const priorityFrom = ordered.find((t) => t.code === perks.priorityDropsFrom)?.minGrowth ?? Number.POSITIVE_INFINITY;
  return ordered.map((tier, index) => {
    const next = ordered[index + 1];
    return {
      code: tier.code,
      name: tier.name,
      minGrowth: tier.minGrowth,
      maxGrowth: next ? next.minGrowth - 1 : null,
      pointsPerYuanTenths: tier.pointsPerYuanTenths,
      memberDayThresholdFen: memberDay.thresholdFen,
      memberDayDiscountFen: tier.memberDayDiscountFen,
      birthdayPointsMultiplier: pointsRule.birthdayMultiplier,
      birthdayCouponFen: perks.birthdayCouponFen,
      priorityDropAccess: tier.minGrowth >= priorityFrom,
    };
  });
}

/** "1", "1.5", "2": a points rate in tenths as the member reads it. */
export function formatPointsRate(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const rest = tenths % 10;
  return rest === 0 ? String(whole) : `${whole}.${rest}`;
}
