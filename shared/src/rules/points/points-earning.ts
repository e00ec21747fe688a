import { localCalendar, zonedWallTime } from '../loyalty/business-calendar';
import type { TierCode, TierTable } from '../loyalty/tiers';
import { DEFAULT_TIER_TABLE, tierByCode } from '../loyalty/tiers';

/**
 * How many points a purchase earns and when they expire (积分规则). Brand configuration with docs/domain.md's defaults:
 * 1 / 1.5 / 2 points per yuan paid for normal / silver / gold (the tier table's `pointsPerYuanTenths`), rounded
 * down once per purchase; doubled on the member's birthday; valid to the end of the year after the earning year.
 */
export interface PointsEarningRule {
  /** Multiplier on the member's birthday (in the store's zone); 2 = double points. */
  birthdayMultiplier: number;
  /** Points expire at the end of the calendar year this many years after the earning year (1 = next year). */
  expiryYears: number;
  /** Changes whenever the rule does; snapshotted on the purchase that used it. */
  version: string;
}

export const DEFAULT_POINTS_RULE: PointsEarningRule = { birthdayMultiplier: 2, expiryYears: 1, version: 'points/1' };

export interface PurchasePointsInput {
  /** Amount actually paid (after discounts and coupons), in fen. */
  paidFen: number;
  /** The member's tier at the time of purchase (before this purchase's growth is added). */
  tier: TierCode;
  /** Whether the purchase falls on the member's birthday in the store's zone (see `isBirthday`). */
  birthday: boolean;
}

/** Points earned by a purchase: paid yuan × tier rate, rounded down, then multiplied on the birthday. */
export function pointsForPurchase(
  input: PurchasePointsInput,
  table: TierTable = DEFAULT_TIER_TABLE,
  rule: PointsEarningRule = DEFAULT_POINTS_RULE,
): number {
  if (!Number.isSafeInteger(input.paidFen) || input.paidFen < 0) {
    throw new RangeError(`paidFen must be a non-negative integer, got ${String(input.paidFen)}`);
  }
  const tenths = tierByCode(input.tier, table).pointsPerYuanTenths;
  // fen × (points per yuan × 10) / (100 fen per yuan × 10): integer arithmetic, one rounding.
  const base = Math.floor((input.paidFen * tenths) / 1000);
  return input.birthday ? base * rule.birthdayMultiplier : base;
}

/**
 * When points earned at `earnedAt` expire: the end of the calendar year `years` after the earning year, in the
 * store's zone, as a UTC instant. The end of a year is the first instant of the next one (01-01 00:00 local), so
 * points earned on 2026-03-05 in Shanghai are usable through 2027-12-31 23:59:59.999 and gone at
 * 2027-12-31T16:00:00Z. A lot is expired when `now >= expiresAt`.
 */
export function defaultExpiry(earnedAt: Date, timeZone: string, years: number = DEFAULT_POINTS_RULE.expiryYears): Date {
  if (!Number.isSafeInteger(years) || years < 0) throw new RangeError(`years must be a non-negative integer`);
  const { year } = localCalendar(earnedAt, timeZone);
  return zonedMidnight(year + years + 1, 1, 1, timeZone);
}

/** The UTC instant of local midnight starting the given date in the zone. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  return zonedWallTime(year, month, day, 0, 0, timeZone);
}
