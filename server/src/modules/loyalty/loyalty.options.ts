import { BRAND_TIME_ZONE } from '../stores';
import { DEFAULT_POINTS_RULE, DEFAULT_TIER_TABLE, type PointsEarningRule, type TierTable } from '@tidepool/shared';

/** Brand configuration of the loyalty programme; the defaults are docs/domain.md's. */
export interface LoyaltyOptions {
  /** The brand's home zone: default point expiry (end of next year) is computed in it. */
  timeZone: string;
  tierTable: TierTable;
  pointsRule: PointsEarningRule;
  /** `summary().expiringSoon` shows the next expiry when it is at most this many days away. */
  expiringSoonDays: number;
  /** How many members the expiry job looks up per query. */
  expireBatchSize: number;
}

export const LOYALTY_OPTIONS = Symbol('LOYALTY_OPTIONS');

export const DEFAULT_LOYALTY_OPTIONS: LoyaltyOptions = {
  timeZone: BRAND_TIME_ZONE,
  tierTable: DEFAULT_TIER_TABLE,
  pointsRule: DEFAULT_POINTS_RULE,
  expiringSoonDays: 30,
  expireBatchSize: 200,
};
