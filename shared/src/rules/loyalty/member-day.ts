import type { TierCode, TierTable } from './tiers';
import { DEFAULT_TIER_TABLE, tierByCode } from './tiers';

/**
 * Wednesday member day (周三会员日): on the rule's weekday in the store's zone, an order of at least the threshold
 * gets the tier's discount (spend ¥68 → ¥10 / ¥8 / ¥6 off for gold / silver / normal). One pure rule for the
 * till (loyalty) and the online checkout (pricing).
 */
export interface MemberDayRule {
  /** 0 = Sunday … 6 = Saturday; 3 = Wednesday. */
  weekday: number;
  thresholdFen: number;
  /** Changes whenever the rule does; snapshotted on orders that used it. */
  version: string;
}

export const DEFAULT_MEMBER_DAY_RULE: MemberDayRule = { weekday: 3, thresholdFen: 6800, version: 'member-day/1' };

export function isMemberDay(localWeekday: number, rule: MemberDayRule = DEFAULT_MEMBER_DAY_RULE): boolean {
  return localWeekday === rule.weekday;
}

export interface MemberDayInput {
  tier: TierCode;
  /** Amount the threshold is measured against (after item promotions, before coupons), in fen. */
  eligibleFen: number;
  /** The weekday in the store's time zone at the time of purchase. */
  localWeekday: number;
}

/** The member-day discount in fen (0 when not eligible); never more than the eligible amount. */
export function memberDayDiscount(
  input: MemberDayInput,
  rule: MemberDayRule = DEFAULT_MEMBER_DAY_RULE,
  tiers: TierTable = DEFAULT_TIER_TABLE,
): number {
  if (!isMemberDay(input.localWeekday, rule) || input.eligibleFen < rule.thresholdFen) return 0;
  return Math.min(tierByCode(input.tier, tiers).memberDayDiscountFen, input.eligibleFen);
}
